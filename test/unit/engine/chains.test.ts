/** @jest-environment node */
import { buildInventory, diagnose } from '@pkg/engine';
import { linkObjects } from '@pkg/engine/chains';
import {
  ALL_TYPES,
  app, bundle, bundleDeployment, completeJob, fleetCluster, FLEET_NS, helmChart, job, managedChart, node, NOW, pod, upgrade
} from './builders';

describe('chains', () => {
  it('links ManagedChart → mcc- Bundle (owner) → BundleDeployments (labels) → Fleet Cluster', () => {
    const objects = [managedChart('harvester'), bundle('mcc-harvester', undefined, 'harvester'), bundleDeployment('mcc-harvester'), fleetCluster()];
    const d = diagnose({ objects, now: NOW });
    const byId = (id: string) => d.items.find((i) => i.id === id);

    expect(byId('fleet-local/harvester')?.related).toEqual([{ type: 'fleet.cattle.io.bundle', id: 'fleet-local/mcc-harvester' }]);
    expect(byId('fleet-local/mcc-harvester')?.related).toEqual([
      { type: 'management.cattle.io.managedchart', id: 'fleet-local/harvester' }, { type: 'fleet.cattle.io.bundledeployment', id: `${ FLEET_NS }/mcc-harvester` },
    ]);
    expect(byId(`${ FLEET_NS }/mcc-harvester`)?.related).toEqual([
      { type: 'fleet.cattle.io.bundle', id: 'fleet-local/mcc-harvester' }, { type: 'fleet.cattle.io.cluster', id: 'fleet-local/local' },
    ]);
  });

  it('finds a Bundle whose name Rancher shortened with a hash by its owner reference', () => {
    const long = 'a-very-long-managed-chart-name-that-does-not-fit-in-a-release';
    const b = bundle('mcc-a-very-long-managed-chart-name-that-does-no-1a2b3', undefined, long);
    const links = linkObjects(buildInventory([managedChart(long), b]));

    expect(links.bundleOfManagedChart.get(`fleet-local/${ long }`)?.metadata.name).toBe(b.metadata.name);
  });

  it('finds an mcc- Bundle by name when it carries no owner reference', () => {
    const links = linkObjects(buildInventory([managedChart('harvester-crd'), bundle('mcc-harvester-crd')]));

    expect(links.bundleOfManagedChart.get('fleet-local/harvester-crd')?.metadata.name).toBe('mcc-harvester-crd');
  });

  it('keeps an App and a HelmChart of the same name apart, and links the release to its chart', () => {
    const d = diagnose({ objects: [helmChart('rke2-canal'), completeJob('rke2-canal'), app('rke2-canal', 'kube-system', 'deployed')], now: NOW });

    expect(d.items.map((i) => `${ i.type } ${ i.id }`)).toEqual(['catalog.cattle.io.app kube-system/rke2-canal', 'helm.cattle.io.helmchart kube-system/rke2-canal']);
    expect(d.items[0].related).toEqual([{ type: 'helm.cattle.io.helmchart', id: 'kube-system/rke2-canal' }]);
    expect(d.items[1].related).toContainEqual({ type: 'catalog.cattle.io.app', id: 'kube-system/rke2-canal' });
  });

  it('links a release to its ManagedChart and BundleDeployment', () => {
    const d = diagnose({ objects: [managedChart('harvester'), bundleDeployment('mcc-harvester'), app('harvester', 'harvester-system', 'deployed')], now: NOW });

    expect(d.items.find((i) => i.type === 'catalog.cattle.io.app')?.related).toEqual([
      { type: 'management.cattle.io.managedchart', id: 'fleet-local/harvester' }, { type: 'fleet.cattle.io.bundledeployment', id: `${ FLEET_NS }/mcc-harvester` },
    ]);
  });
});

describe('root cause', () => {
  it('is the deepest failing object: the BundleDeployment explains Bundle, ManagedChart and Fleet Cluster', () => {
    const objects = [
      managedChart('harvester'),
      bundle('mcc-harvester', {
        desiredReady: 1, ready: 0, errApplied: 1
      }, 'harvester'),
      bundleDeployment('mcc-harvester', {
        appliedDeploymentID: 'old',
        conditions:          [{
          type: 'Deployed', status: 'False', message: 'webhook denied'
        }]
      }),
      fleetCluster({
        summary: {
          desiredReady: 1, ready: 0, errApplied: 1
        }
      }),
    ];
    const d = diagnose({ objects, now: NOW });

    expect(d.verdict.health).toBe('error');
    expect(d.verdict.rootCause).toEqual({ type: 'fleet.cattle.io.bundledeployment', id: `${ FLEET_NS }/mcc-harvester` });
  });

  it('is the failing HelmChart, not its failed release', () => {
    const crash = pod('rke2-canal', 'aaaaa', {
      phase:             'Running',
      containerStatuses: [{
        name: 'helm', restartCount: 4, state: { waiting: { reason: 'CrashLoopBackOff' } }
      }]
    });
    const d = diagnose({ objects: [helmChart('rke2-canal'), job('rke2-canal', { active: 1 }), crash, app('rke2-canal', 'kube-system', 'failed')], now: NOW });

    expect(d.verdict.rootCause).toEqual({ type: 'helm.cattle.io.helmchart', id: 'kube-system/rke2-canal' });
  });

  it('comes from the worst chain only', () => {
    const d = diagnose({ objects: [node('n1', 'False'), bundleDeployment('mcc-x', { nonModified: false })], now: NOW });

    expect(d.verdict.health).toBe('error');
    expect(d.verdict.rootCause).toEqual({ type: 'node', id: 'n1' });
  });

  it('is null when everything is ok', () => {
    expect(diagnose({ objects: [node('n1', 'True')], now: NOW }).verdict.rootCause).toBeNull();
  });
});

describe('verdict', () => {
  it.each([
    [['ok', 'progressing'], 'progressing'],
    [['progressing', 'unknown'], 'unknown'],
    [['unknown', 'warning'], 'warning'],
    [['warning', 'error', 'ok'], 'error'],
  ])('ranks %j as %s', (_, expected) => {
    const objects = {
      ok:          node('ok', 'True'),
      progressing: app('p', 'ns', 'pending-install'),
      unknown:     app('u', 'ns', 'unknown'),
      warning:     node('w', 'True', true),
      error:       node('e', 'False'),
    } as const;
    const d = diagnose({
      objects: (_ as (keyof typeof objects)[]).map((h) => objects[h]), now: NOW, listed: ALL_TYPES
    });

    expect(d.verdict.health).toBe(expected);
    expect(Object.values(d.verdict.counts).reduce((a, b) => a + b, 0)).toBe(_.length);
  });

  it('is ok with counts of zero for an empty input', () => {
    const d = diagnose({
      objects: [], now: NOW, listed: ALL_TYPES
    });

    expect(d.verdict).toEqual({
      health:    'ok',
      rootCause: null,
      phase:     'none',
      upgrade:   null,
      counts:    {
        ok: 0, progressing: 0, warning: 0, error: 0, unknown: 0
      }
    });
  });

  it('reports an Upgrade in progress, not one that succeeded or failed', () => {
    const running = diagnose({
      objects: [upgrade('hvst-upgrade-abcde'), upgrade('hvst-upgrade-old', 'True')], now: NOW, listed: ALL_TYPES
    });

    expect(running.verdict.upgrade).toEqual({
      ref: { type: 'harvesterhci.io.upgrade', id: 'harvester-system/hvst-upgrade-abcde' }, name: 'hvst-upgrade-abcde', version: 'v1.6.1', previousVersion: 'v1.6.0'
    });
    expect(diagnose({
      objects: [upgrade('a', 'True'), upgrade('b', 'False')], now: NOW, listed: ALL_TYPES
    }).verdict.upgrade).toBeNull();
  });
});

describe('install phase', () => {
  const harvester = () => [managedChart('harvester'), bundle('mcc-harvester', undefined, 'harvester')];

  it('is none without a ManagedChart harvester', () => {
    expect(diagnose({
      objects: [node('n1', 'True')], now: NOW, listed: ALL_TYPES
    }).verdict.phase).toBe('none');
  });

  it('is setting-up while no node is Ready', () => {
    expect(diagnose({
      objects: [...harvester(), node('n1', 'False'), app('harvester', 'harvester-system', 'deployed')], now: NOW, listed: ALL_TYPES
    }).verdict.phase).toBe('setting-up');
  });

  it('is setting-up while the harvester release was never deployed', () => {
    expect(diagnose({
      objects: [...harvester(), node('n1', 'True')], now: NOW, listed: ALL_TYPES
    }).verdict.phase).toBe('setting-up');
    expect(diagnose({
      objects: [...harvester(), node('n1', 'True'), app('harvester', 'harvester-system', 'pending-install')], now: NOW, listed: ALL_TYPES
    }).verdict.phase).toBe('setting-up');
  });

  it('is ready when all is ok, degraded otherwise', () => {
    const base = [...harvester(), node('n1', 'True'), app('harvester', 'harvester-system', 'deployed')];

    expect(diagnose({
      objects: base, now: NOW, listed: ALL_TYPES
    }).verdict.phase).toBe('ready');
    expect(diagnose({
      objects: [...base, node('n2', 'True', true)], now: NOW, listed: ALL_TYPES
    }).verdict.phase).toBe('degraded');
  });
});
