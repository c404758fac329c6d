/** @jest-environment node */
import { analyze, diagnose, planAction } from '@pkg/engine';
import { patchChanges } from '@pkg/engine/drift';
import { jsonReport } from '@pkg/engine/report/json';
import { markdownReport } from '@pkg/engine/report/markdown';
import { NEEDED_TYPES } from '@pkg/engine/needs';
import { TYPES } from '@pkg/types';
import {
  ALL_TYPES, bundle, bundleDeployment, cond, fleetCluster, helmChart, job, managedChart, node, NOW
} from './builders';
import { english } from './english';

const complete = (name: string) => job(name, { succeeded: 1, conditions: [cond('Complete', 'True')] });
const without = (...types: string[]) => ALL_TYPES.filter((t) => !types.includes(t));

describe('the input boundary', () => {
  it('drops a field of the wrong type, notes it, and never calls the object OK from what remained', () => {
    const n = node('n1', 'True') as unknown as { spec: Record<string, unknown> };

    n.spec = { unschedulable: 'yes' };
    const d = diagnose({
      objects: [n], now: NOW, listed: ALL_TYPES
    });
    const item = d.items[0];

    expect(item.dropped).toEqual(['spec.unschedulable']);
    expect(item.health).toBe('unknown');
    expect(d.verdict.health).toBe('unknown');
    expect(item.reasons.map((r) => english(r.key, r.args)).join()).toContain('spec.unschedulable');
  });

  it('keeps the good elements of an array and drops the bad ones', () => {
    const chart = helmChart('c') as unknown as { status: { conditions: unknown[] } };

    chart.status.conditions = [null, 'Failed', {
      type: 'Failed', status: 'True', reason: 7, message: { html: '<b>' }
    }];
    const d = diagnose({
      objects: [chart, complete('c')], now: NOW, listed: ALL_TYPES
    });
    const item = d.items.find((i) => i.type === TYPES.HELM_CHART);

    expect(item?.conditions).toEqual([{ type: 'Failed', status: 'True' }]);
    expect(item?.dropped).toEqual(expect.arrayContaining(['status.conditions[].reason', 'status.conditions[].message', 'status.conditions[]']));
    expect(item?.health).toBe('error');
  });

  it('counts what is not an object it can name, without reading it', () => {
    const d = diagnose({
      objects: [null, 7, [], { metadata: { name: 5 } }, { kind: 'Node', metadata: { name: 'n', namespace: {} } }, { kind: '<b>', metadata: { name: 'x' } },
        {
          apiVersion: 9, kind: 'Node', metadata: { name: 'n' }
        }],
      now: NOW,
    });

    expect(d.skipped).toEqual({
      '(not a Kubernetes object)': 3, '(unreadable object)': 2, '?/?b?': 1
    });
    // a core-group kind without its apiVersion is still that kind; the bad apiVersion is noted
    expect(d.items.map((i) => [i.type, i.id, i.dropped])).toEqual([['node', 'n', ['apiVersion']]]);
  });

  it('never throws on an unreadable time', () => {
    expect(() => diagnose({ objects: [node('n', 'True')], now: 'yesterday' })).not.toThrow();
  });
});

describe('types that were not read', () => {
  it('make a Harvester verdict unknown, naming each type and why', () => {
    const objects = [managedChart('harvester'), bundle('mcc-harvester', undefined, 'harvester'), node('n1', 'True')];
    const d = diagnose({
      objects,
      now:    NOW,
      listed: without(TYPES.BUNDLE_DEPLOYMENT, TYPES.FLEET_CLUSTER),
      unread: [{
        type: TYPES.BUNDLE_DEPLOYMENT, reason: 'failed', status: 403, message: 'forbidden'
      }],
    });

    expect(d.cluster).toBe('harvester');
    expect(d.verdict.health).toBe('unknown');
    expect(d.unread).toEqual([
      {
        type: TYPES.BUNDLE_DEPLOYMENT, reason: 'failed', status: 403, message: 'forbidden'
      },
      { type: TYPES.FLEET_CLUSTER, reason: 'not-collected' },
    ]);
    const md = markdownReport(d, english);

    expect(md).toContain('403');
    expect(jsonReport(d, english).unread.map((u) => u.type)).toEqual([TYPES.BUNDLE_DEPLOYMENT, TYPES.FLEET_CLUSTER]);
  });

  it('follow what the cluster is: a plain RKE2 cluster needs no Fleet types', () => {
    const d = diagnose({
      objects: [helmChart('c'), complete('c'), node('n1', 'True')], now: NOW, listed: NEEDED_TYPES.kubernetes, cluster: 'kubernetes'
    });

    expect(d.unread).toEqual([]);
    expect(d.verdict.health).toBe('ok');
  });

  it('a failed Node list makes the install phase unknown, not "setting up"', () => {
    const d = diagnose({
      objects: [managedChart('harvester')],
      now:     NOW,
      listed:  without(TYPES.NODE),
      unread:  [{
        type: TYPES.NODE, reason: 'failed', status: 500, message: 'boom'
      }],
      cluster: 'harvester'
    });

    expect(d.verdict.phase).toBe('unknown');
    expect(d.verdict.health).toBe('unknown');
  });

  it('a worse item still decides the verdict, and the unread types are still listed', () => {
    const d = diagnose({
      objects: [node('n1', 'False')], now: NOW, listed: without(TYPES.APP), cluster: 'kubernetes'
    });

    expect(d.verdict.health).toBe('error');
    expect(d.unread.map((u) => u.type)).toEqual([TYPES.APP]);
  });

  it('no resume is offered while the Upgrades could not be read', () => {
    const mc = managedChart('harvester', { paused: true });
    const objects = [mc, bundle('mcc-harvester', undefined, 'harvester'), bundleDeployment('mcc-harvester'), fleetCluster()];
    const ref = { type: TYPES.MANAGED_CHART, id: 'fleet-local/harvester' };

    expect(analyze({
      objects, now: NOW, listed: ALL_TYPES
    }).diagnosis.items.find((i) => i.id === ref.id)?.actions).toContain('resume');
    const a = analyze({
      objects, now: NOW, listed: without(TYPES.UPGRADE)
    });

    expect(a.diagnosis.items.find((i) => i.id === ref.id)?.actions).not.toContain('resume');
    expect(planAction(a, ref, 'resume')).toBeUndefined();
  });
});

describe('Secret values', () => {
  const VALUE = 'c2VjcmV0LXZhbHVlLXRoYXQtbXVzdC1uZXZlci1sZWFr';

  it('are hidden in drift of a Secret however its apiVersion and kind are spelled', () => {
    for (const [apiVersion, kind] of [['V1', 'Secret'], ['core/v1', 'secret'], [undefined, ' SECRETS ']]) {
      const bd = bundleDeployment('mcc-x', {
        nonModified:    false,
        modifiedStatus: [{
          apiVersion, kind, namespace: 'ns', name: 's', patch: JSON.stringify({ data: { k: VALUE } })
        }],
      });
      const d = diagnose({
        objects: [bd], now: NOW, listed: ALL_TYPES
      });

      expect(JSON.stringify(d)).not.toContain(VALUE);
    }
  });

  it('are hidden under chart values, name-keyed array elements included', () => {
    const changes = patchChanges(JSON.stringify({ spec: { values: { list: [{ name: VALUE, password: VALUE }, { name: VALUE }] } } }), false);

    expect(JSON.stringify(changes)).not.toContain(VALUE);
    expect(changes.every((c) => c.hidden)).toBe(true);
  });

  it('are removed from a ManagedChart Defined=False message everywhere: summary, root cause, both reports', () => {
    const message = `secret.v1 fleet-local/creds modified {"data":{"password":"${ VALUE }"}}`;
    const mc = managedChart('harvester', { defined: cond('Defined', 'False', { message }) });
    const d = diagnose({
      objects: [mc], now: NOW, listed: ALL_TYPES
    });

    expect(JSON.stringify(d)).not.toContain(VALUE);
    expect(markdownReport(d, english)).not.toContain(VALUE);
    expect(JSON.stringify(jsonReport(d, english))).not.toContain(VALUE);
    expect(JSON.stringify(d)).toContain('password');
  });
});

describe('hostile depth', () => {
  it('walks a patch nested 20,000 levels deep without recursion', () => {
    const deep = `${ '{"a":'.repeat(20000) }1${ '}'.repeat(20000) }`;
    const bd = bundleDeployment('mcc-x', {
      nonModified:    false,
      modifiedStatus: [{
        kind: 'ConfigMap', name: 'c', patch: deep
      }]
    });

    expect(() => diagnose({
      objects: [bd], now: NOW, listed: ALL_TYPES
    })).not.toThrow();
    expect(patchChanges(deep, false).some((c) => c.path.endsWith('…'))).toBe(true);
  });
});
