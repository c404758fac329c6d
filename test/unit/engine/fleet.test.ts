/** @jest-environment node */
import { diagnose } from '@pkg/engine';
import type { Diagnosis, Item } from '@pkg/engine';
import { bundleDeploymentState, stateFromSummary } from '@pkg/engine/rules/fleet';
import {
  app, bundle, bundleDeployment, cond, fleetCluster, managedChart, NOW
} from './builders';

function find(d: Diagnosis, type: string, id: string): Item {
  const item = d.items.find((i) => i.type === type && i.id === id);

  if (!item) {
    throw new Error(`no ${ type } ${ id }`);
  }

  return item;
}

describe('Bundle state from summary counts and display.state', () => {
  it.each([
    [{ desiredReady: 1, ready: 1 }, undefined, 'Ready'],
    [{ desiredReady: 2, ready: 1 }, undefined, 'NotReady'],
    [{
      desiredReady: 1, ready: 0, errApplied: 1
    }, undefined, 'ErrApplied'],
    [{
      desiredReady: 1, ready: 0, waitApplied: 1, modified: 1
    }, undefined, 'WaitApplied'],
    [{
      desiredReady: 1, ready: 0, modified: 1, outOfSync: 1
    }, undefined, 'Modified'],
    [{
      desiredReady: 1, ready: 0, pending: 1, notReady: 1
    }, undefined, 'Pending'],
    [{ desiredReady: 1, ready: 1 }, 'OutOfSync', 'OutOfSync'],
    [{
      desiredReady: 1, ready: 0, nonReadyResources: [{ name: 'fleet-local/local', bundleState: 'ErrApplied' }]
    }, undefined, 'ErrApplied'],
    [undefined, undefined, undefined],
    [{ desiredReady: 0, ready: 0 }, undefined, undefined],
  ])('%j with display %s is %s', (summary, display, expected) => {
    expect(stateFromSummary(summary, display)).toBe(expected);
  });

  it('is an error for ErrApplied counts although the Ready condition says True (reason Error)', () => {
    const b = bundle('mcc-harvester', {
      desiredReady: 1, ready: 0, errApplied: 1
    });

    b.status = { ...b.status, conditions: [cond('Ready', 'True', { reason: 'Error' })] };
    const item = find(diagnose({ objects: [b], now: NOW }), 'fleet.cattle.io.bundle', 'fleet-local/mcc-harvester');

    expect(item.health).toBe('error');
    expect(item.summary.args).toMatchObject({ state: 'ErrApplied' });
  });

  it('is not ok for Modified counts although the Ready condition says True', () => {
    const b = bundle('mcc-harvester', {
      desiredReady: 1, ready: 0, modified: 1
    });

    expect(find(diagnose({ objects: [b], now: NOW }), 'fleet.cattle.io.bundle', 'fleet-local/mcc-harvester').health).toBe('warning');
  });

  it('is progressing for WaitApplied, OutOfSync and Pending', () => {
    for (const key of ['waitApplied', 'outOfSync', 'pending']) {
      const b = bundle('b', {
        desiredReady: 1, ready: 0, [key]: 1
      });

      expect(find(diagnose({ objects: [b], now: NOW }), 'fleet.cattle.io.bundle', 'fleet-local/b').health).toBe('progressing');
    }
  });

  it('is a warning when paused, unknown when it targets no cluster, progressing before Fleet processed it', () => {
    const paused = bundle('p');
    const none = bundle('n', { desiredReady: 0, ready: 0 });
    const fresh = bundle('f');

    paused.spec = { ...paused.spec, paused: true };
    delete fresh.status;
    const d = diagnose({ objects: [paused, none, fresh], now: NOW });

    expect(find(d, 'fleet.cattle.io.bundle', 'fleet-local/p').health).toBe('warning');
    expect(find(d, 'fleet.cattle.io.bundle', 'fleet-local/n').health).toBe('unknown');
    expect(find(d, 'fleet.cattle.io.bundle', 'fleet-local/f').health).toBe('progressing');
  });
});

describe('BundleDeployment state (Fleet order, real …ID keys)', () => {
  it('is Ready when applied, ready, in sync and not modified', () => {
    expect(bundleDeploymentState(bundleDeployment('b'))).toBe('Ready');
  });

  it('is ErrApplied when not applied and Deployed is False', () => {
    const bd = bundleDeployment('b', { appliedDeploymentID: 's-old:1', conditions: [cond('Deployed', 'False', { reason: 'Error', message: 'admission webhook denied' })] });

    expect(bundleDeploymentState(bd)).toBe('ErrApplied');
    const item = find(diagnose({ objects: [bd], now: NOW }), 'fleet.cattle.io.bundledeployment', `${ bd.metadata.namespace }/b`);

    expect(item.health).toBe('error');
    expect(item.summary.args?.message).toBe('admission webhook denied');
  });

  it('is WaitApplied when not applied yet and Deployed is not False', () => {
    expect(bundleDeploymentState(bundleDeployment('b', { appliedDeploymentID: 's-old:1' }))).toBe('WaitApplied');
  });

  it('checks applied before ready, ready before staged, staged before modified', () => {
    expect(bundleDeploymentState(bundleDeployment('b', {
      appliedDeploymentID: 'x', ready: false, nonModified: false
    }))).toBe('WaitApplied');
    expect(bundleDeploymentState(bundleDeployment('b', { ready: false, nonModified: false }))).toBe('NotReady');
    expect(bundleDeploymentState(bundleDeployment('b', { nonModified: false }, { stagedDeploymentID: 's-new:2' }))).toBe('OutOfSync');
    expect(bundleDeploymentState(bundleDeployment('b', { nonModified: false }))).toBe('Modified');
  });

  it('ignores look-alike keys with a lower-case "Id"', () => {
    const bd = bundleDeployment('b');

    (bd.status as Record<string, unknown>).appliedDeploymentId = 'something else';

    expect(bundleDeploymentState(bd)).toBe('Ready');
  });

  it('lists not-ready resources as drift lines with their state and messages', () => {
    const bd = bundleDeployment('b', {
      ready:          false,
      nonReadyStatus: [{
        apiVersion: 'apps/v1', kind: 'DaemonSet', namespace: 'cattle-monitoring-system', name: 'node-exporter', summary: { state: 'in-progress', message: ['Available: 1/2'] }
      }],
    });
    const item = find(diagnose({ objects: [bd], now: NOW }), 'fleet.cattle.io.bundledeployment', `${ bd.metadata.namespace }/b`);

    expect(item.health).toBe('warning');
    expect(item.drift).toEqual([{
      apiVersion: 'apps/v1', kind: 'DaemonSet', namespace: 'cattle-monitoring-system', name: 'node-exporter', change: 'not-ready', changes: [], state: 'in-progress', messages: ['Available: 1/2']
    }]);
  });
});

describe('ManagedChart', () => {
  it('is an error when Defined=False (no Bundle is made), with the message', () => {
    const mc = managedChart('harvester', { defined: cond('Defined', 'False', { reason: 'Error', message: 'failed to fetch harvester-charts' }) });
    const item = find(diagnose({ objects: [mc], now: NOW }), 'management.cattle.io.managedchart', 'fleet-local/harvester');

    expect(item.health).toBe('error');
    expect(item.summary.args?.message).toBe('failed to fetch harvester-charts');
  });

  it('is a warning when paused', () => {
    const item = find(diagnose({ objects: [managedChart('harvester', { paused: true }), bundle('mcc-harvester', undefined, 'harvester')], now: NOW }), 'management.cattle.io.managedchart', 'fleet-local/harvester');

    expect(item.health).toBe('warning');
    expect(item.summary.key).toBe('installTroubleshooting.managedChart.paused');
  });

  it('otherwise takes the state of its Bundle, which explains it', () => {
    const d = diagnose({
      objects: [managedChart('harvester'), bundle('mcc-harvester', {
        desiredReady: 1, ready: 0, errApplied: 1
      }, 'harvester')],
      now: NOW
    });
    const item = find(d, 'management.cattle.io.managedchart', 'fleet-local/harvester');

    expect(item.health).toBe('error');
    expect(item.causes).toEqual([{ type: 'fleet.cattle.io.bundle', id: 'fleet-local/mcc-harvester' }]);
  });

  it('is ok with a Ready Bundle', () => {
    const d = diagnose({ objects: [managedChart('harvester'), bundle('mcc-harvester', undefined, 'harvester')], now: NOW });

    expect(find(d, 'management.cattle.io.managedchart', 'fleet-local/harvester').health).toBe('ok');
  });
});

describe('Fleet Cluster', () => {
  it('is a warning when the agent never checked in', () => {
    const item = find(diagnose({ objects: [fleetCluster({ lastSeen: null })], now: NOW }), 'fleet.cattle.io.cluster', 'fleet-local/local');

    expect(item.health).toBe('warning');
    expect(item.summary.key).toBe('installTroubleshooting.fleetCluster.neverCheckedIn');
  });

  it('is a warning when the agent last checked in more than 30 minutes ago', () => {
    const item = find(diagnose({ objects: [fleetCluster({ lastSeen: '2025-09-24T09:10:00Z' })], now: NOW }), 'fleet.cattle.io.cluster', 'fleet-local/local');

    expect(item.health).toBe('warning');
    expect(item.summary.args).toEqual({ minutes: 50 });
  });

  it('is fine 29 minutes after the last check-in', () => {
    expect(find(diagnose({ objects: [fleetCluster({ lastSeen: '2025-09-24T09:31:00Z' })], now: NOW }), 'fleet.cattle.io.cluster', 'fleet-local/local').health).toBe('ok');
  });

  it('is progressing while an agent redeploy is pending', () => {
    const item = find(diagnose({ objects: [fleetCluster({ redeploy: 2, deployed: 1 })], now: NOW }), 'fleet.cattle.io.cluster', 'fleet-local/local');

    expect(item.health).toBe('progressing');
  });

  it('otherwise takes the state of its bundles, explained by its BundleDeployments', () => {
    const bd = bundleDeployment('mcc-harvester', { nonModified: false });
    const d = diagnose({
      objects: [fleetCluster({
        summary: {
          desiredReady: 7, ready: 6, modified: 1
        }
      }), bd],
      now: NOW
    });
    const item = find(d, 'fleet.cattle.io.cluster', 'fleet-local/local');

    expect(item.health).toBe('warning');
    expect(item.causes).toEqual([{ type: 'fleet.cattle.io.bundledeployment', id: `${ bd.metadata.namespace }/mcc-harvester` }]);
  });

  it('makes its stale agent the cause of deployments that are not ready', () => {
    const bd = bundleDeployment('mcc-harvester', { appliedDeploymentID: 'old' });
    const d = diagnose({ objects: [fleetCluster({ lastSeen: '2025-09-24T08:00:00Z' }), bd], now: NOW });

    expect(find(d, 'fleet.cattle.io.bundledeployment', `${ bd.metadata.namespace }/mcc-harvester`).causes).toEqual([{ type: 'fleet.cattle.io.cluster', id: 'fleet-local/local' }]);
    expect(d.verdict.rootCause).toEqual({ type: 'fleet.cattle.io.cluster', id: 'fleet-local/local' });
  });
});

describe('App (Helm release)', () => {
  it.each([
    ['failed', 'error'], ['pending-install', 'progressing'], ['pending-upgrade', 'progressing'], ['pending-rollback', 'progressing'],
    ['uninstalling', 'progressing'], ['deployed', 'ok'], ['unknown', 'unknown'],
  ])('%s is %s', (status, health) => {
    expect(diagnose({ objects: [app('fleet', 'cattle-fleet-system', status)], now: NOW }).items[0].health).toBe(health);
  });

  it.each(['superseded', 'uninstalled'])('%s releases are not listed', (status) => {
    expect(diagnose({ objects: [app('fleet', 'cattle-fleet-system', status)], now: NOW }).items).toEqual([]);
  });
});
