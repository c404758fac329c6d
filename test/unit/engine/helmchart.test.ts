/** @jest-environment node */
import { diagnose } from '@pkg/engine';
import type { Item } from '@pkg/engine';
import type { Job, Pod } from '@pkg/types';
import {
  ALL_TYPES,
  cond, completeJob, helmChart, job, NOW, pod
} from './builders';

function chartItem(objects: unknown[], listed?: string[]): Item {
  const d = diagnose({
    objects, now: NOW, listed: listed as never
  });
  const item = d.items.find((i) => i.type === 'helm.cattle.io.helmchart');

  if (!item) {
    throw new Error('no HelmChart item');
  }

  return item;
}

const running = (restarts = 0): Pod['status'] => ({
  phase:             'Running',
  containerStatuses: [{
    name: 'helm', restartCount: restarts, state: { running: { startedAt: '2025-09-24T09:59:00Z' } }
  }]
});

describe('HelmChart health', () => {
  it('is ok when the Job is Complete, whatever Failed=False says', () => {
    const item = chartItem([helmChart('rke2-canal'), completeJob('rke2-canal')]);

    expect(item.health).toBe('ok');
    expect(item.summary.key).toBe('installTroubleshooting.helmChart.complete');
    expect(item.evidence?.jobState).toBe('complete');
  });

  it('is an error when Failed=True, with its reason and message, even though the Job looks fine', () => {
    const chart = helmChart('monitoring');

    chart.status = {
      ...chart.status,
      conditions: [cond('JobCreated', 'False'), cond('Failed', 'True', { reason: 'Unsupported version', message: 'Only Helm v3 charts are supported' })],
    };
    const item = chartItem([chart, completeJob('monitoring')]);

    expect(item.health).toBe('error');
    expect(item.summary.args).toEqual({ reason: 'Unsupported version', message: 'Only Helm v3 charts are supported' });
  });

  it.each(['BackoffLimitExceeded', 'DeadlineExceeded'])('is an error when the Job failed with %s, with the termination message', (reason) => {
    const failed = job('addon', { failed: 6, conditions: [cond('Failed', 'True', { reason, message: 'Job has reached the specified backoff limit' })] });
    const p = pod('addon', 'abcde', {
      phase:             'Failed',
      containerStatuses: [{
        name: 'helm', restartCount: 0, state: { terminated: { exitCode: 1, message: 'Error: chart requires kubeVersion' } }
      }]
    });
    const item = chartItem([helmChart('addon'), failed, p]);

    expect(item.health).toBe('error');
    expect(item.summary.key).toBe('installTroubleshooting.helmChart.jobFailed');
    expect(item.summary.args?.reason).toBe(reason);
    expect(item.evidence?.lastMessage).toBe('Error: chart requires kubeVersion');
    expect(item.reasons[0].args?.message).toBe('Error: chart requires kubeVersion');
  });

  it('is an error while the helm container crash-loops, although Failed stays False', () => {
    const p = pod('rke2-ingress-nginx', 'x7k2q', {
      phase:             'Running',
      containerStatuses: [{
        name: 'helm', restartCount: 12, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1, message: 'Upgrading helm chart\n' } }
      }],
    });
    const item = chartItem([helmChart('rke2-ingress-nginx'), job('rke2-ingress-nginx', { active: 1 }), p]);

    expect(item.health).toBe('error');
    expect(item.evidence).toMatchObject({
      jobState: 'crash-looping', restarts: 12, lastMessage: 'Upgrading helm chart\n'
    });
    expect(item.summary.args).toMatchObject({ restarts: 12, exitCode: 1 });
  });

  it('is an error when the container terminated non-zero after restarts', () => {
    const p = pod('c', 'aaaaa', {
      phase:             'Running',
      containerStatuses: [{
        name: 'helm', restartCount: 2, state: { terminated: { exitCode: 2, message: 'boom' } }
      }]
    });

    expect(chartItem([helmChart('c'), job('c', { active: 1 }), p]).health).toBe('error');
  });

  it.each(['ImagePullBackOff', 'ErrImagePull', 'CreateContainerConfigError'])('is an error when the pod waits in %s, with the waiting message', (reason) => {
    const p = pod('c', 'aaaaa', {
      phase:             'Pending',
      containerStatuses: [{
        name: 'helm', restartCount: 0, state: { waiting: { reason, message: 'rpc error: not found' } }
      }]
    });
    const item = chartItem([helmChart('c'), job('c', { active: 1 }), p]);

    expect(item.health).toBe('error');
    expect(item.evidence?.jobState).toBe('image-error');
    expect(item.evidence?.lastMessage).toBe('rpc error: not found');
  });

  it('is a warning when the pod is Pending and unschedulable', () => {
    const p = pod('c', 'aaaaa', { phase: 'Pending', conditions: [cond('PodScheduled', 'False', { reason: 'Unschedulable', message: '0/1 nodes are available: 1 node(s) had untolerated taint' })] });
    const item = chartItem([helmChart('c'), job('c', { active: 1 }), p]);

    expect(item.health).toBe('warning');
    expect(item.evidence?.lastMessage).toContain('untolerated taint');
  });

  it('is a warning when the Job has had no pod and no counts for long after its start', () => {
    const stuck = job('c', { startTime: '2025-09-24T09:30:00Z' });

    expect(chartItem([helmChart('c'), stuck], ['helm.cattle.io.helmchart', 'batch.job', 'pod']).health).toBe('warning');
  });

  it('is progressing when such a Job has only just started', () => {
    const fresh = job('c', { startTime: '2025-09-24T09:58:00Z' });

    expect(chartItem([helmChart('c'), fresh], ['helm.cattle.io.helmchart', 'batch.job', 'pod']).health).toBe('progressing');
  });

  it('is progressing while the helm container runs without restarts', () => {
    const item = chartItem([helmChart('c'), job('c', { active: 1 }), pod('c', 'aaaaa', running())]);

    expect(item.health).toBe('progressing');
    expect(item.evidence?.jobState).toBe('running');
  });

  it('is an error when the container runs again after failing before', () => {
    const status = running(3);

    const [helm] = status?.containerStatuses || [];

    helm.lastState = { terminated: { exitCode: 1, message: 'failed' } };

    expect(chartItem([helmChart('c'), job('c', { active: 1 }), pod('c', 'aaaaa', status)]).health).toBe('error');
  });

  it('is progressing when the Job in status.jobName is missing (the controller recreates it)', () => {
    const item = chartItem([helmChart('c'), completeJob('other')]);

    expect(item.health).toBe('progressing');
    expect(item.evidence?.jobState).toBe('missing');
  });

  it('is unknown when Jobs were not listed at all', () => {
    const item = chartItem([helmChart('c')], ['helm.cattle.io.helmchart']);

    expect(item.health).toBe('unknown');
  });

  it('is progressing while the chart is deleted, an error when its helm-delete Job fails', () => {
    const chart = helmChart('c');

    chart.metadata.deletionTimestamp = '2025-09-24T09:59:00Z';
    chart.status = { ...chart.status, jobName: 'helm-delete-c' };
    const deleteJob = (status: Job['status']) => ({ ...job('c', status), metadata: { ...job('c', {}).metadata, name: 'helm-delete-c' } });

    expect(chartItem([chart, deleteJob({ active: 1 }), pod('c', 'aaaaa', running())]).health).toBe('progressing');
    expect(chartItem([chart, deleteJob({ failed: 1, conditions: [cond('Failed', 'True', { reason: 'BackoffLimitExceeded' })] })]).health).toBe('error');
  });

  it('ignores pods of other charts and of virtual machines', () => {
    const vmPod: Pod = {
      apiVersion: 'v1',
      kind:       'Pod',
      metadata:   {
        name: 'virt-launcher-vm1-abcde', namespace: 'default', labels: { 'kubevirt.io': 'virt-launcher' }
      },
      status:     {
        phase:             'Running',
        containerStatuses: [{
          name: 'compute', restartCount: 40, state: { waiting: { reason: 'CrashLoopBackOff' } }
        }]
      },
    };
    const otherChart = pod('other', 'zzzzz', {
      phase:             'Running',
      containerStatuses: [{
        name: 'helm', restartCount: 9, state: { waiting: { reason: 'CrashLoopBackOff' } }
      }]
    });
    const d = diagnose({
      objects: [helmChart('c'), completeJob('c'), vmPod, otherChart], now: NOW, listed: ALL_TYPES
    });

    expect(d.items.find((i) => i.id === 'kube-system/c')?.health).toBe('ok');
    expect(d.verdict.health).toBe('ok');
    expect(d.items.some((i) => i.type === 'pod')).toBe(false);
  });

  it('judges from the newest pod of the Job', () => {
    const old = pod('c', 'old01', {
      phase:             'Running',
      containerStatuses: [{
        name: 'helm', restartCount: 5, state: { waiting: { reason: 'CrashLoopBackOff' } }
      }]
    });
    const fresh = pod('c', 'new01', running());

    old.metadata.creationTimestamp = '2025-09-24T08:00:00Z';
    fresh.metadata.creationTimestamp = '2025-09-24T09:59:00Z';

    expect(chartItem([helmChart('c'), job('c', { active: 1 }), old, fresh]).health).toBe('progressing');
  });

  it('attaches the Job, its pods and their events as evidence and relations, not as items', () => {
    const j: Job = completeJob('c');
    const p = pod('c', 'aaaaa', { phase: 'Succeeded' });
    const ev = {
      apiVersion:     'v1',
      kind:           'Event',
      metadata:       { name: 'e1', namespace: 'kube-system' },
      involvedObject: {
        kind: 'Job', name: 'helm-install-c', namespace: 'kube-system'
      },
      reason: 'Completed'
    };
    const d = diagnose({ objects: [helmChart('c'), j, p, ev], now: NOW });
    const item = d.items[0];

    expect(d.items).toHaveLength(1);
    expect(item.related).toEqual([{ type: 'batch.job', id: 'kube-system/helm-install-c' }, { type: 'pod', id: 'kube-system/helm-install-c-aaaaa' }]);
    expect(item.evidence?.events).toEqual([{ type: 'event', id: 'kube-system/e1' }]);
  });
});
