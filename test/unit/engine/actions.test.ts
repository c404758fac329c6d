/** @jest-environment node */
import { analyze, planAction } from '@pkg/engine';
import type { ActionId, Analysis } from '@pkg/engine';
import { withdrawal } from '@pkg/engine/actions';
import type { ObjectRef } from '@pkg/types';
import {
  ALL_TYPES,
  bundle, bundleDeployment, completeJob, cond, fleetCluster, FLEET_NS, helmChart, job, managedChart, NOW, pod, upgrade, withLinks
} from './builders';

const BASE = 'https://rancher.test/k8s/clusters/c-m-1';
const CHART: ObjectRef = { type: 'helm.cattle.io.helmchart', id: 'kube-system/rke2-canal' };
const MC: ObjectRef = { type: 'management.cattle.io.managedchart', id: 'fleet-local/harvester' };
const BUNDLE: ObjectRef = { type: 'fleet.cattle.io.bundle', id: 'fleet-local/mcc-harvester' };
const BD: ObjectRef = { type: 'fleet.cattle.io.bundledeployment', id: `${ FLEET_NS }/mcc-harvester` };
const CLUSTER: ObjectRef = { type: 'fleet.cattle.io.cluster', id: 'fleet-local/local' };

function chart() {
  return {
    ...withLinks(helmChart('rke2-canal'), 'helm.cattle.io.helmcharts'),
    links: {
      self: `${ BASE }/v1/helm.cattle.io.helmcharts/kube-system/rke2-canal`, update: 'u', view: `${ BASE }/apis/helm.cattle.io/v1/namespaces/kube-system/helmcharts/rke2-canal`
    }
  };
}

function offered(a: Analysis, ref: ObjectRef): ActionId[] {
  return a.diagnosis.items.find((i) => i.type === ref.type && i.id === ref.id)?.actions || [];
}

const crashing = () => pod('rke2-canal', 'aaaaa', {
  phase:             'Running',
  containerStatuses: [{
    name: 'helm', restartCount: 3, state: { waiting: { reason: 'CrashLoopBackOff' } }
  }]
});

describe('rerun (HelmChart)', () => {
  it('resets the status through the Kubernetes proxy, then deletes exactly the install Job in the background', () => {
    const a = analyze({ objects: [chart(), withLinks(completeJob('rke2-canal'), 'batch.jobs')], now: NOW });
    const plan = planAction(a, CHART, 'rerun');

    expect(plan?.requests).toEqual([
      {
        object:  CHART,
        method:  'PATCH',
        url:     `${ BASE }/apis/helm.cattle.io/v1/namespaces/kube-system/helmcharts/rke2-canal/status`,
        headers: { 'content-type': 'application/merge-patch+json' },
        body:    { metadata: { resourceVersion: '100' }, status: null },
        effect:  { key: 'installTroubleshooting.action.rerun.effectReset', args: { chart: 'kube-system/rke2-canal' } },
      },
      {
        object:         { type: 'batch.job', id: 'kube-system/helm-install-rke2-canal' },
        method:         'DELETE',
        url:            `${ BASE }/v1/batch.jobs/kube-system/helm-install-rke2-canal?propagationPolicy=Background`,
        headers:        {},
        effect:         { key: 'installTroubleshooting.action.rerun.effectDelete', args: { job: 'kube-system/helm-install-rke2-canal' } },
        partialFailure: {
          key:  'installTroubleshooting.action.rerun.jobLeft',
          args: {
            chart: 'kube-system/rke2-canal', job: 'kube-system/helm-install-rke2-canal', namespace: 'kube-system', name: 'helm-install-rke2-canal'
          }
        },
      },
    ]);
    expect(plan?.permission).toEqual({ ref: { type: 'batch.job', id: 'kube-system/helm-install-rke2-canal' }, link: 'remove' });
    expect(plan?.allowed).toBe(true);
    expect(plan?.confirm).toEqual({ key: 'installTroubleshooting.action.rerun.confirm', args: { chart: 'kube-system/rke2-canal', job: 'kube-system/helm-install-rke2-canal' } });
  });

  it('builds the URLs from the cluster base when the objects carry no links, and is then not allowed', () => {
    const a = analyze({ objects: [helmChart('rke2-canal'), completeJob('rke2-canal')], now: NOW });
    const plan = planAction(a, CHART, 'rerun', { clusterBase: '/k8s/clusters/c-m-2' });

    expect(plan?.requests.map((r) => r.url)).toEqual([
      '/k8s/clusters/c-m-2/apis/helm.cattle.io/v1/namespaces/kube-system/helmcharts/rke2-canal/status',
      '/k8s/clusters/c-m-2/v1/batch.jobs/kube-system/helm-install-rke2-canal?propagationPolicy=Background',
    ]);
    expect(plan?.allowed).toBe(false);
  });

  it('is gated by the Job\'s remove link', () => {
    const a = analyze({ objects: [chart(), withLinks(completeJob('rke2-canal'), 'batch.jobs', ['update'])], now: NOW });

    expect(planAction(a, CHART, 'rerun')?.allowed).toBe(false);
  });

  it.each([
    ['a failed Job', () => [job('rke2-canal', { failed: 6, conditions: [cond('Failed', 'True', { reason: 'BackoffLimitExceeded' })] })]],
    ['a crash-looping container', () => [job('rke2-canal', { active: 1 }), crashing()]],
    ['a Job stuck without a pod', () => [job('rke2-canal', { startTime: '2025-09-24T09:00:00Z' }), pod('other', 'b', { phase: 'Running' })]],
  ])('is offered for %s', (_, extra) => {
    const a = analyze({ objects: [chart(), ...extra()], now: NOW });

    expect(offered(a, CHART)).toEqual(['rerun']);
    expect(planAction(a, CHART, 'rerun')?.requests.map((r) => r.method)).toEqual(['PATCH', 'DELETE']);
  });

  it('is only the status reset when the Job is missing, gated by the chart\'s update link', () => {
    const a = analyze({ objects: [chart(), completeJob('something-else')], now: NOW });
    const plan = planAction(a, CHART, 'rerun');

    expect(plan?.requests.map((r) => r.method)).toEqual(['PATCH']);
    expect(plan?.permission).toEqual({ ref: CHART, link: 'update' });
    expect(plan?.confirm.key).toBe('installTroubleshooting.action.rerun.confirmResetOnly');
  });

  it('is never offered while the helm container runs normally', () => {
    const runningPod = pod('rke2-canal', 'aaaaa', {
      phase:             'Running',
      containerStatuses: [{
        name: 'helm', restartCount: 0, state: { running: {} }
      }]
    });
    const a = analyze({ objects: [chart(), job('rke2-canal', { active: 1 }), runningPod], now: NOW });

    expect(offered(a, CHART)).toEqual([]);
    expect(planAction(a, CHART, 'rerun')).toBeUndefined();
  });

  it('is never offered for a chart being deleted', () => {
    const deleting = chart();

    deleting.metadata.deletionTimestamp = '2025-09-24T09:59:00Z';
    deleting.status = { ...deleting.status, jobName: 'helm-delete-rke2-canal' };
    const a = analyze({ objects: [deleting, completeJob('rke2-canal')], now: NOW });

    expect(planAction(a, CHART, 'rerun')).toBeUndefined();
  });

  it('never deletes a Job that is not the chart\'s own helm-install Job', () => {
    const foreign = completeJob('rke2-canal');

    foreign.metadata.labels = { 'helmcharts.helm.cattle.io/chart': 'another-chart' };
    expect(planAction(analyze({ objects: [chart(), foreign], now: NOW }), CHART, 'rerun')).toBeUndefined();

    const renamed = chart();

    renamed.status = { ...renamed.status, jobName: 'my-own-job' };
    expect(planAction(analyze({ objects: [renamed, completeJob('rke2-canal')], now: NOW }), CHART, 'rerun')).toBeUndefined();
  });
});

function fleet(opts: { paused?: boolean; defined?: string; bundleLinks?: string[]; modified?: boolean } = {}) {
  const mc = withLinks(managedChart('harvester', { paused: opts.paused, defined: opts.defined ? cond('Defined', opts.defined, { message: 'no chart' }) : undefined }), 'management.cattle.io.managedcharts');
  const b = withLinks(bundle('mcc-harvester', opts.modified === false ? undefined : {
    desiredReady: 1, ready: 0, modified: 1
  }, 'harvester'), 'fleet.cattle.io.bundles', opts.bundleLinks);
  const bd = bundleDeployment('mcc-harvester', { nonModified: opts.modified === false });

  return [mc, b, bd, fleetCluster()];
}

describe('force-redeploy (ManagedChart, its mcc- Bundle and BundleDeployment)', () => {
  it('merge-patches the Bundle\'s forceSyncGeneration to current + 1, guarded by resourceVersion', () => {
    const a = analyze({
      objects: fleet(), now: NOW, listed: ALL_TYPES
    });

    for (const ref of [MC, BUNDLE, BD]) {
      expect(offered(a, ref)).toContain('force-redeploy');
      expect(planAction(a, ref, 'force-redeploy')?.requests).toEqual([{
        object:  BUNDLE,
        method:  'PATCH',
        url:     `${ BASE }/v1/fleet.cattle.io.bundles/fleet-local/mcc-harvester`,
        headers: { 'content-type': 'application/merge-patch+json' },
        body:    { metadata: { resourceVersion: '400' }, spec: { forceSyncGeneration: 3 } },
        effect:  {
          key:  'installTroubleshooting.action.force-redeploy.effect',
          args: {
            bundle: 'fleet-local/mcc-harvester', from: 2, to: 3
          }
        },
      }]);
    }
    expect(planAction(a, MC, 'force-redeploy')?.permission).toEqual({ ref: BUNDLE, link: 'update' });
  });

  it('is gated by the Bundle\'s update link', () => {
    expect(planAction(analyze({ objects: fleet({ bundleLinks: ['remove'] }), now: NOW }), MC, 'force-redeploy')?.allowed).toBe(false);
  });

  it('is not offered when the ManagedChart is Defined=False, paused, or all is ready', () => {
    expect(offered(analyze({ objects: fleet({ defined: 'False' }), now: NOW }), MC)).toEqual([]);
    expect(offered(analyze({
      objects: fleet({ paused: true }), now: NOW, listed: ALL_TYPES
    }), MC)).toEqual(['resume']);
    expect(offered(analyze({ objects: fleet({ modified: false }), now: NOW }), MC)).toEqual([]);
  });

  it('is not offered for a Bundle that no ManagedChart owns', () => {
    const b = withLinks(bundle('fleet-agent-local', {
      desiredReady: 1, ready: 0, modified: 1
    }), 'fleet.cattle.io.bundles');

    expect(offered(analyze({ objects: [b], now: NOW }), { type: 'fleet.cattle.io.bundle', id: 'fleet-local/fleet-agent-local' })).toEqual([]);
  });
});

describe('resume (paused ManagedChart)', () => {
  it('merge-patches spec.paused to false', () => {
    const a = analyze({
      objects: fleet({ paused: true }), now: NOW, listed: ALL_TYPES
    });

    expect(planAction(a, MC, 'resume')?.requests).toEqual([{
      object:  MC,
      method:  'PATCH',
      url:     `${ BASE }/v1/management.cattle.io.managedcharts/fleet-local/harvester`,
      headers: { 'content-type': 'application/merge-patch+json' },
      body:    { metadata: { resourceVersion: '300' }, spec: { paused: false } },
      effect:  { key: 'installTroubleshooting.action.resume.effect', args: { chart: 'fleet-local/harvester' } },
    }]);
    expect(planAction(a, MC, 'resume')?.permission).toEqual({ ref: MC, link: 'update' });
  });

  it('is not offered while a Harvester Upgrade is in progress', () => {
    expect(offered(analyze({ objects: [...fleet({ paused: true }), upgrade('hvst-upgrade-1')], now: NOW }), MC)).toEqual([]);
  });
});

describe('redeploy-agent (Fleet Cluster)', () => {
  it('sets redeployAgentGeneration to max(spec, status.agentDeployedGeneration) + 1 when the agent is not checking in', () => {
    const cluster = withLinks(fleetCluster({
      lastSeen: '2025-09-24T08:00:00Z', redeploy: 2, deployed: 5
    }), 'fleet.cattle.io.clusters');
    const a = analyze({ objects: [cluster], now: NOW });

    expect(offered(a, CLUSTER)).toEqual(['redeploy-agent']);
    expect(planAction(a, CLUSTER, 'redeploy-agent')?.requests[0].body).toEqual({ metadata: { resourceVersion: '500' }, spec: { redeployAgentGeneration: 6 } });
  });

  it('is not offered while the agent checks in', () => {
    expect(offered(analyze({ objects: [withLinks(fleetCluster(), 'fleet.cattle.io.clusters')], now: NOW }), CLUSTER)).toEqual([]);
  });
});

describe('safety', () => {
  const KINDS_NEVER_DELETED = /helm\.cattle\.io\.helmcharts|managedcharts|fleet\.cattle\.io\.bundles|bundledeployments|\/secrets|\/apis\//;

  function scenarios(): unknown[][] {
    const states = [
      [completeJob('rke2-canal')],
      [job('rke2-canal', { failed: 1, conditions: [cond('Failed', 'True')] })],
      [job('rke2-canal', { active: 1 }), crashing()],
      [job('rke2-canal', { startTime: '2025-09-24T08:00:00Z' })],
      [],
    ];

    return states.flatMap((s) => [
      [chart(), ...s.map((o) => withLinks(o, 'batch.jobs')), ...fleet()],
      [chart(), ...s, ...fleet({ paused: true }), withLinks(fleetCluster({ lastSeen: null }), 'fleet.cattle.io.clusters')],
      [helmChart('rke2-canal'), ...s, ...fleet({ modified: false })],
    ]);
  }

  it('no plan of any item in any scenario deletes anything but a helm-install Job', () => {
    let deletes = 0;

    for (const objects of scenarios()) {
      const a = analyze({ objects, now: NOW });

      for (const item of a.diagnosis.items) {
        for (const action of ['rerun', 'force-redeploy', 'resume', 'redeploy-agent'] as ActionId[]) {
          for (const r of planAction(a, item, action)?.requests || []) {
            if (r.method === 'DELETE') {
              deletes++;
              expect(r.url).toMatch(/\/v1\/batch\.jobs\/kube-system\/helm-install-rke2-canal\?propagationPolicy=Background$/);
              expect(r.url).not.toMatch(KINDS_NEVER_DELETED);
            } else {
              expect(r.method).toBe('PATCH');
              expect(r.headers['content-type']).toBe('application/merge-patch+json');
            }
          }
        }
      }
    }
    expect(deletes).toBeGreaterThan(0);
  });

  it('says for every request what its success leaves, and for every later request what a failure there leaves', () => {
    let partial = 0;

    for (const objects of scenarios()) {
      const a = analyze({ objects, now: NOW });

      for (const item of a.diagnosis.items) {
        for (const action of ['rerun', 'force-redeploy', 'resume', 'redeploy-agent'] as ActionId[]) {
          (planAction(a, item, action)?.requests || []).forEach((r, i) => {
            expect(r.effect.key).toMatch(new RegExp(`^installTroubleshooting\\.action\\.${ action }\\.effect`));
            // the first request failing leaves nothing changed; a later one failing leaves what the earlier did
            expect(r.partialFailure === undefined).toBe(i === 0);
            partial += i > 0 ? 1 : 0;
          });
        }
      }
    }
    expect(partial).toBeGreaterThan(0);
  });
});

function must<T>(v: T | undefined): T {
  if (v === undefined) {
    throw new Error('expected a plan');
  }

  return v;
}

describe('withdrawal (a fix that is no longer the plan)', () => {
  const ALL_LISTED = ['helm.cattle.io.helmchart', 'batch.job', 'pod', 'management.cattle.io.managedchart', 'fleet.cattle.io.bundle', 'fleet.cattle.io.bundledeployment', 'fleet.cattle.io.cluster'] as const;

  function rerunObjects() {
    return [chart(), withLinks(job('rke2-canal', { failed: 6, conditions: [cond('Failed', 'True', { reason: 'BackoffLimitExceeded' })] }), 'batch.jobs')];
  }

  it('is nothing while the same requests are still planned, even with a newer resourceVersion', () => {
    const before = analyze({
      objects: fleet(), now: NOW, listed: ALL_LISTED
    });
    const plan = planAction(before, BD, 'force-redeploy');
    const changed = fleet();

    changed[1].metadata.resourceVersion = '401';
    const after = analyze({
      objects: changed, now: NOW, listed: ALL_LISTED
    });

    expect(plan).toBeDefined();
    expect(withdrawal(after, must(plan), planAction(after, BD, 'force-redeploy'))).toBeUndefined();
  });

  it('names the Bundle when it was deleted meanwhile (the BundleDeployment and ManagedChart stay)', () => {
    const before = analyze({
      objects: fleet(), now: NOW, listed: ALL_LISTED
    });
    const after = analyze({
      objects: fleet().filter((o) => o.kind !== 'Bundle'), now: NOW, listed: ALL_LISTED
    });

    for (const ref of [MC, BD]) {
      const plan = planAction(before, ref, 'force-redeploy');

      expect(plan).toBeDefined();
      expect(planAction(after, ref, 'force-redeploy')).toBeUndefined();
      expect(withdrawal(after, must(plan), undefined)).toEqual({ gone: BUNDLE });
    }
  });

  it('does not claim an object is gone when its type was not read', () => {
    const before = analyze({
      objects: fleet(), now: NOW, listed: ALL_LISTED
    });
    const after = analyze({
      objects: fleet().filter((o) => o.kind !== 'Bundle'), now: NOW, listed: ALL_LISTED.filter((t) => t !== 'fleet.cattle.io.bundle')
    });
    const plan = planAction(before, MC, 'force-redeploy');

    expect(withdrawal(after, must(plan), planAction(after, MC, 'force-redeploy'))).toEqual({});
  });

  it('names the Job when it was deleted while the rerun waited for confirmation (the plan became a status reset only)', () => {
    const before = analyze({
      objects: rerunObjects(), now: NOW, listed: ALL_LISTED
    });
    const after = analyze({
      objects: [chart()], now: NOW, listed: ALL_LISTED
    });
    const plan = planAction(before, CHART, 'rerun');
    const now = planAction(after, CHART, 'rerun');

    expect(now?.requests.map((r) => r.method)).toEqual(['PATCH']);
    expect(withdrawal(after, must(plan), now)).toEqual({ gone: { type: 'batch.job', id: 'kube-system/helm-install-rke2-canal' } });
  });

  it('says the state changed, without naming anything gone, when the fix is no longer needed', () => {
    const before = analyze({
      objects: fleet(), now: NOW, listed: ALL_LISTED
    });
    const after = analyze({
      objects: fleet({ modified: false }), now: NOW, listed: ALL_LISTED
    });
    const plan = planAction(before, MC, 'force-redeploy');

    expect(planAction(after, MC, 'force-redeploy')).toBeUndefined();
    expect(withdrawal(after, must(plan), undefined)).toEqual({});
  });
});
