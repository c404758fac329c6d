/** @jest-environment node */
import fs from 'fs';
import path from 'path';
import { runInMemory } from './run-cli';

const FIXTURES = path.join(__dirname, '../../fixtures');
const SEED = path.join(FIXTURES, 'seed-scenario.json');
const HEALTHY = path.join(FIXTURES, 'healthy-scenario.json');
const NOW = '2025-09-24T10:00:00Z';

function run(argv: string[], stdin = ''): { code: number; out: string; err: string } {
  return runInMemory(argv, stdin, (p) => fs.readFileSync(p, 'utf8'));
}

function json(argv: string[], stdin?: string) {
  const r = run([...argv, '--format', 'json'], stdin);

  expect(r.err).toBe('');
  expect(r.code).toBe(0);

  return JSON.parse(r.out);
}

describe('report CLI on the seed scenario', () => {
  it('finds the Modified mcc-harvester BundleDeployment and offers a force redeploy', () => {
    const report = json([SEED, '--now', NOW]);

    expect(report.verdict).toEqual({
      health:    'warning',
      rootCause: { type: 'fleet.cattle.io.bundledeployment', id: 'cluster-fleet-local-local-1a3d67d0a899/mcc-harvester' },
      phase:     'degraded',
      upgrade:   null,
      counts:    {
        ok: 42, progressing: 0, warning: 4, error: 0, unknown: 0
      },
    });
    const root = report.items.find((i: { id: string; type: string }) => i.id === report.verdict.rootCause.id);

    expect(root.actions).toEqual(['force-redeploy']);
    expect(root.summary).toBe('Deployed, but 1 resource was changed outside Fleet');
    expect(root.drift[0].changes).toEqual([{ path: 'spec.template.spec.containers[name=apiserver].image', value: '"frankyang/harvester:fix-renovate-head"' }]);
    expect(report.skipped).toEqual({});
  });

  it('prints a Markdown report by default', () => {
    const r = run([SEED, '--now', NOW]);

    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^# Install Troubleshooting report\n/);
    expect(r.out).toContain('- **Root cause**: BundleDeployment `cluster-fleet-local-local-1a3d67d0a899/mcc-harvester`');
    expect(r.out).toContain('**Force redeploy**: Raise forceSyncGeneration of Bundle `fleet-local/mcc-harvester` from 0 to 1?');
  });

  it('says ok / ready for the healthy variant', () => {
    const report = json([HEALTHY, `--now=${ NOW }`]);

    expect(report.verdict.health).toBe('ok');
    expect(report.verdict.phase).toBe('ready');
    expect(report.verdict.rootCause).toBeNull();
  });
});

describe('report CLI inputs', () => {
  const seed = JSON.parse(fs.readFileSync(SEED, 'utf8'));
  const byKind = (kind: string) => seed.items.filter((i: { kind: string }) => i.kind === kind);

  it('reads standard input with -', () => {
    expect(json(['-', '--now', NOW], JSON.stringify(seed)).verdict.health).toBe('warning');
  });

  it('reads Steve collections and an array of them', () => {
    const collection = (type: string, kind: string) => ({
      type:         'collection',
      resourceType: type,
      revision:     '1',
      data:         byKind(kind).map((o: object) => ({
        ...o, type, id: 'x'
      }))
    });
    const array = [collection('fleet.cattle.io.bundledeployment', 'BundleDeployment'), collection('fleet.cattle.io.bundle', 'Bundle')];
    const report = json(['-', '--now', NOW], JSON.stringify(array));

    expect(report.items).toHaveLength(14);
    expect(report.verdict.rootCause.id).toBe('cluster-fleet-local-local-1a3d67d0a899/mcc-harvester');
  });

  it('gives a healthy, empty report for an empty list of every type asked for', () => {
    const report = json(['-', '--types', 'helmcharts.helm.cattle.io,jobs,pods,apps.catalog.cattle.io,nodes'], '{"apiVersion":"v1","kind":"List","items":[]}');

    expect(report.verdict.health).toBe('ok');
    expect(report.unread).toEqual([]);
    expect(report.items).toEqual([]);
  });

  it('cannot call an empty list healthy when it does not say what was asked for', () => {
    const report = json(['-'], '{"apiVersion":"v1","kind":"List","items":[]}');

    expect(report.verdict.health).toBe('unknown');
    expect(report.unread.map((u: { type: string; reason: string }) => `${ u.type }:${ u.reason }`)).toEqual([
      'helm.cattle.io.helmchart:not-collected', 'batch.job:not-collected', 'pod:not-collected', 'catalog.cattle.io.app:not-collected', 'node:not-collected',
    ]);
  });

  it('counts the kinds it does not examine', () => {
    const list = {
      kind:  'List',
      items: [{
        apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace: 'b' }
      }]
    };

    expect(json(['-'], JSON.stringify(list)).skipped).toEqual({ 'v1/ConfigMap': 1 });
  });
});

describe('report CLI errors: exit 2, one clear line, no stack trace', () => {
  it.each([
    ['not JSON', 'this is not json', /^report: the input is not valid JSON \(.+\)\n$/],
    ['truncated JSON', '{"kind":"List","items":[{"metadata":', /^report: the input is not valid JSON/],
    ['empty input', '', /^report: the input is empty\n$/],
    ['not a list', '{"hello":"world"}', /^report: the input is neither a kubectl List, a Steve collection, a Kubernetes object nor an array of these\n$/],
    ['a number', '42', /^report: the input is neither a kubectl List, a Steve collection, a Kubernetes object nor an array of these\n$/],
  ])('%s', (_, stdin, message) => {
    const r = run(['-'], stdin);

    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
    expect(r.err.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('a missing file', () => {
    const r = run(['/nonexistent/objects.json']);

    expect(r.code).toBe(2);
    expect(r.err).toBe('report: cannot read "/nonexistent/objects.json" (ENOENT)\n');
  });

  it.each([
    [[], /no input/],
    [[SEED, '--format', 'yaml'], /unknown format "yaml"/],
    [[SEED, '--now', 'yesterday'], /--now "yesterday" is not an RFC 3339 time/],
    [[SEED, '--now'], /--now needs a value/],
    [[SEED, '--verbose'], /unknown option --verbose/],
    [[SEED, SEED], /unexpected argument/],
  ])('usage error %j', (argv, message) => {
    const r = run(argv as string[]);

    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
    expect(r.err).toContain('usage: report <file|->');
  });

  it('--help prints the usage and exits 0', () => {
    expect(run(['--help'])).toEqual({
      code: 0, out: expect.stringContaining('usage: report'), err: ''
    });
  });
});
