/** @jest-environment node */
import { analyze, diagnose, planAction } from '@pkg/engine';
import { jsonReport } from '@pkg/engine/report/json';
import { markdownReport } from '@pkg/engine/report/markdown';
import { codeSpan, fencedBlock, tableCell } from '@pkg/engine/report/markdown-text';
import {
  ALL_TYPES, bundleDeployment, cond, helmChart, job, NOW, pod
} from './builders';
import { english } from './english';

/** What a Markdown renderer treats as markup: the text with code spans and fenced blocks taken out. */
function outsideCode(md: string): string {
  return md
    .replace(/^( *)(`{3,})[^\n]*\n[\s\S]*?\n\1\2$/gm, '')
    .replace(/(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g, '');
}

const PAYLOAD = '<img src=x onerror="alert(1)" data-probe="md">';

describe('Markdown text helpers', () => {
  it('makes code spans that hold any backticks and newlines', () => {
    expect(codeSpan('a`b')).toBe('``a`b``');
    expect(codeSpan('`x`')).toBe('`` `x` ``');
    expect(codeSpan('line1\nline2')).toBe('`line1 line2`');
    expect(outsideCode(codeSpan('``` <b>x</b>'))).toBe('');
  });

  it('makes fences longer than any backtick run inside, indented for list items', () => {
    expect(fencedBlock('a\n````\nb', 2)).toBe('  `````text\n  a\n  ````\n  b\n  `````');
  });

  it('escapes pipes for table cells', () => {
    expect(tableCell('`a|b`')).toBe('`a\\|b`');
  });
});

describe('Markdown report', () => {
  function hostile() {
    const chart = helmChart(`evil-${ PAYLOAD }`);
    const name = chart.metadata.name;
    const j = job(name, { active: 1 });
    const p = pod(name, 'aaaaa', {
      phase:             'Running',
      containerStatuses: [{
        name: 'helm', restartCount: 2, state: { waiting: { reason: 'CrashLoopBackOff', message: PAYLOAD } }, lastState: { terminated: { exitCode: 1, message: `<script data-probe="md">x</script>\n\`\`\`\n# heading` } }
      }],
    });

    chart.status?.conditions?.push(cond('Extra', 'False', { reason: PAYLOAD, message: `|pipe| ${ PAYLOAD } \`\`\`` }));
    const bd = bundleDeployment(`mcc-${ PAYLOAD }`, {
      nonModified:    false,
      modifiedStatus: [{
        kind: 'ConfigMap', name: PAYLOAD, patch: JSON.stringify({ data: { [PAYLOAD]: PAYLOAD } })
      }]
    });

    return [chart, j, p, bd];
  }

  it('keeps every piece of text from objects inside code spans or fenced blocks', () => {
    const md = markdownReport(diagnose({
      objects: hostile(), now: NOW, listed: ALL_TYPES
    }), english);

    expect(md).toContain('data-probe');
    expect(outsideCode(md)).not.toContain('<');
    expect(outsideCode(md)).not.toContain('data-probe');
    expect(outsideCode(md)).not.toMatch(/^# heading/m);
    expect(md.match(/^#{1,3} /gm)).toHaveLength(5);
  });

  it('reads as a report: verdict, root cause, problems with conditions, drift and fixes, then the rest', () => {
    const objects = [helmChart('rke2-canal'), job('rke2-canal', { failed: 1, conditions: [cond('Failed', 'True', { reason: 'BackoffLimitExceeded', message: 'limit' })] })];
    const a = analyze({ objects, now: NOW });
    const md = markdownReport(a.diagnosis, english, (item, action) => planAction(a, item, action)?.confirm);

    expect(md).toContain('- **Verdict**: Error');
    expect(md).toContain('- **Root cause**: HelmChart `kube-system/rke2-canal` — Job `helm-install-rke2-canal` failed (`BackoffLimitExceeded`): `limit`');
    expect(md).toContain('### Error · HelmChart `kube-system/rke2-canal`');
    expect(md).toContain('- `JobCreated` = `True` (`Job created`)');
    expect(md).toContain('- **Rerun the install Job**: Reset the status of HelmChart `kube-system/rke2-canal` and delete Job `kube-system/helm-install-rke2-canal`?');
    expect(md).toContain('## Not examined\n\nEvery object in the input was examined.');
  });

  it('lists what it skipped', () => {
    const secret = {
      apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'n' }, data: { k: 'c2VjcmV0' }
    };
    const d = diagnose({ objects: [secret, secret], now: NOW });
    const md = markdownReport(d, english);

    expect(d.skipped).toEqual({ 'v1/Secret': 2 });
    expect(md).toContain('| `v1/Secret` | 2 |');
    expect(md).toContain('The input holds no objects of the kinds examined.');
    expect(md).not.toContain('c2VjcmV0');
  });
});

describe('JSON report', () => {
  it('has the contract fields, items sorted by type then id, summaries in English', () => {
    const objects = [bundleDeployment('mcc-b', { nonModified: false }), helmChart('z'), helmChart('a')];
    const report = jsonReport(diagnose({ objects, now: NOW }), english);

    expect(Object.keys(report)).toEqual(['verdict', 'now', 'cluster', 'unread', 'items', 'skipped']);
    expect(Object.keys(report.verdict)).toEqual(['health', 'rootCause', 'phase', 'upgrade', 'counts']);
    expect(report.items.map((i) => `${ i.type } ${ i.id }`)).toEqual([
      'fleet.cattle.io.bundledeployment cluster-fleet-local-local-1a3d67d0a899/mcc-b', 'helm.cattle.io.helmchart kube-system/a', 'helm.cattle.io.helmchart kube-system/z',
    ]);
    expect(report.items[0].summary).toBe('Deployed, but 0 resources were changed outside Fleet');
    expect(report.items[1]).toMatchObject({
      health: 'unknown', summary: 'Jobs could not be read, so whether this chart installed is unknown', actions: []
    });
  });

  it('never carries chart values or chart content', () => {
    const text = JSON.stringify(jsonReport(diagnose({ objects: [helmChart('a')], now: NOW }), english));

    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('H4sIAAAA');
  });
});
