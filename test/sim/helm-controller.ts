/** helm-controller, with job-controller and kubelet for its Jobs: chart status, Jobs, pods, events, logs. */
import { randomBytes } from 'node:crypto';
import type { ClusterState, WatchEvent } from './cluster';
import { APP, Controller, setCondition } from './controller-runtime';
import { clone, idOf } from './objects';
import type { Obj } from './objects';

const CHART = 'helm.cattle.io.helmchart';
const JOB = 'batch.job';
const POD = 'pod';
const EVENT = 'event';
const CHART_LABEL = 'helmcharts.helm.cattle.io/chart';

const DEFAULT_JOB_MS = 3000;
const MAX_RESTARTS = 6;

function suffix(): string {
  const chars = 'bcdfghjklmnpqrstvwxz2456789';
  const bytes = randomBytes(5);

  return [...bytes].map((b) => chars[b % chars.length]).join('');
}

/**
 * Resetting a HelmChart's status re-populates it and creates nothing; a missing
 * `helm-install-<chart>` Job is created again, with a pod that runs and completes (or
 * crash-loops, by scenario); on success the release's App gets a new revision. As job-controller
 * and kubelet it moves the pod through its phases, container states, restarts and events, and
 * keeps every simulated pod's (one, helm) container log.
 */
export class HelmController extends Controller {
  /** Container logs by `<cluster>|<ns>/<pod>`. */
  private logs = new Map<string, string>();
  private pendingCharts = new Set<string>();

  /** The scenario's pod logs (before any cluster starts). */
  loadLogs(): void {
    for (const spec of this.scenario.clusters) {
      for (const [pod, text] of Object.entries(spec.logs || {})) {
        this.logs.set(`${ spec.info.id }|${ pod }`, text);
      }
    }
  }

  /** The helm container's log (every simulated pod has that one container). */
  logOf(clusterId: string, podId: string): string | undefined {
    return this.logs.get(`${ clusterId }|${ podId }`);
  }

  start(cluster: ClusterState): void {
    // Pods of the scenario that are mid-run keep running (a crash-looping one keeps restarting)
    if (cluster.has(POD)) {
      for (const pod of cluster.list(POD)) {
        const c = (pod.status?.containerStatuses || [])[0];

        if (c?.state?.waiting?.reason === 'CrashLoopBackOff' && pod.metadata.labels?.[CHART_LABEL]) {
          this.clock.schedule(20000, () => this.crashAgain(cluster, idOf(pod), pod.metadata.uid as string));
        }
      }
    }
  }

  react(cluster: ClusterState, e: WatchEvent): void {
    const id = idOf(e.obj);

    if (e.type === CHART && e.name !== 'resource.remove') {
      const status = e.obj.status;

      if (!status || !status.jobName || !(status.conditions || []).length) {
        this.queueChart(cluster, id, 500);
      }
    } else if (e.type === JOB && e.name === 'resource.remove') {
      const chart = e.obj.metadata.labels?.[CHART_LABEL];

      if (chart && e.obj.metadata.name === `helm-install-${ chart }`) {
        this.queueChart(cluster, `${ e.obj.metadata.namespace }/${ chart }`, 1000);
      }
    }
  }

  private queueChart(cluster: ClusterState, chartId: string, ms: number): void {
    const key = `${ cluster.id }|${ chartId }`;

    if (this.pendingCharts.has(key)) {
      return;
    }
    this.pendingCharts.add(key);
    this.later(cluster, ms, () => {
      this.pendingCharts.delete(key);
      this.reconcileChart(cluster, chartId);
    });
  }

  private reconcileChart(cluster: ClusterState, chartId: string): void {
    const chart = cluster.get(CHART, chartId);

    if (!chart || chart.metadata.deletionTimestamp) {
      return;
    }
    const ns = chart.metadata.namespace as string;
    const jobName = `helm-install-${ chart.metadata.name }`;
    const now = this.clock.iso();

    // The status as every reconcile writes it (helm-controller ≤ v0.17.1): JobCreated, Failed=False, jobName
    cluster.mutate(CHART, chartId, (c) => {
      const conditions = setCondition(setCondition(c.status?.conditions, {
        type: 'JobCreated', status: 'True', reason: 'Job created', message: `Applying HelmChart using Job ${ ns }/${ jobName }`, lastTransitionTime: now
      }), { type: 'Failed', status: 'False' });

      c.status = {
        ...(c.status || {}), conditions, jobName
      };
    }, 'status');

    if (!cluster.get(JOB, `${ ns }/${ jobName }`)) {
      this.createJob(cluster, cluster.get(CHART, chartId) as Obj);
    }
  }

  private event(cluster: ClusterState, involved: Obj, type: 'Normal' | 'Warning', reason: string, message: string, component: string): void {
    if (!cluster.has(EVENT)) {
      return;
    }
    const now = this.clock.iso();

    cluster.create(EVENT, {
      apiVersion:     'v1',
      kind:           'Event',
      metadata:       { name: `${ involved.metadata.name }.${ randomBytes(8).toString('hex') }`, namespace: involved.metadata.namespace },
      involvedObject: {
        apiVersion: involved.apiVersion, kind: involved.kind, name: involved.metadata.name, namespace: involved.metadata.namespace, uid: involved.metadata.uid, resourceVersion: involved.metadata.resourceVersion
      },
      reason,
      message,
      type,
      count:              1,
      firstTimestamp:     now,
      lastTimestamp:      now,
      source:             { component },
      reportingComponent: component,
      reportingInstance:  '',
    });
  }

  private createJob(cluster: ClusterState, chart: Obj): void {
    const ns = chart.metadata.namespace as string;
    const name = chart.metadata.name;
    const jobName = `helm-install-${ name }`;
    const previous = cluster.list(POD).filter((p) => p.metadata.labels?.[CHART_LABEL] === name && p.metadata.namespace === ns)[0];
    const container = clone(previous?.spec?.containers?.[0]) || {
      name: 'helm', image: 'rancher/klipper-helm:v0.9.8-build20250709', args: ['install'], env: [{ name: 'NAME', value: name }]
    };
    const labels = { [CHART_LABEL]: name };
    const job = cluster.create(JOB, {
      apiVersion: 'batch/v1',
      kind:       'Job',
      metadata:   {
        name:        jobName,
        namespace:   ns,
        labels:      { ...labels },
        annotations: {
          'objectset.rio.cattle.io/id': 'helm-controller-chart-registration', 'objectset.rio.cattle.io/owner-gvk': 'helm.cattle.io/v1, Kind=HelmChart', 'objectset.rio.cattle.io/owner-name': name, 'objectset.rio.cattle.io/owner-namespace': ns
        },
        ownerReferences: [{
          apiVersion: 'helm.cattle.io/v1', kind: 'HelmChart', name, uid: chart.metadata.uid as string, controller: false, blockOwnerDeletion: false
        }],
      },
      spec: {
        backoffLimit: 1000,
        completions:  1,
        parallelism:  1,
        suspend:      false,
        template:     {
          metadata: { labels: { ...labels, 'job-name': jobName } },
          spec:     {
            containers: [container], restartPolicy: 'OnFailure', serviceAccountName: `helm-${ name }`
          }
        }
      },
      status: { startTime: this.clock.iso(), active: 1 },
    });
    const jobUid = job.metadata.uid as string;

    cluster.mutate(JOB, idOf(job), (j) => {
      j.metadata.labels = {
        ...j.metadata.labels, 'batch.kubernetes.io/controller-uid': jobUid, 'controller-uid': jobUid, 'batch.kubernetes.io/job-name': jobName, 'job-name': jobName
      };
      j.spec.selector = { matchLabels: { 'batch.kubernetes.io/controller-uid': jobUid } };
    });
    const podName = `${ jobName }-${ suffix() }`;
    const pod = cluster.create(POD, {
      apiVersion: 'v1',
      kind:       'Pod',
      metadata:   {
        name:         podName,
        namespace:    ns,
        generateName: `${ jobName }-`,
        labels:       {
          ...labels, 'batch.kubernetes.io/controller-uid': jobUid, 'controller-uid': jobUid, 'batch.kubernetes.io/job-name': jobName, 'job-name': jobName
        },
        ownerReferences: [{
          apiVersion: 'batch/v1', kind: 'Job', name: jobName, uid: jobUid, controller: true, blockOwnerDeletion: true
        }],
      },
      spec:   {
        containers: [container], restartPolicy: 'OnFailure', nodeName: previous?.spec?.nodeName || cluster.list('node')[0]?.metadata.name
      },
      status: {
        phase:             'Pending',
        conditions:        [{
          type: 'PodScheduled', status: 'True', lastTransitionTime: this.clock.iso()
        }],
        containerStatuses: [{
          name: 'helm', image: container.image, ready: false, restartCount: 0, started: false, state: { waiting: { reason: 'ContainerCreating' } }
        }],
      },
    });

    this.event(cluster, job, 'Normal', 'SuccessfulCreate', `Created pod: ${ podName }`, 'job-controller');
    const podId = idOf(pod);
    const behaviour = this.behaviour(cluster).charts?.[`${ ns }/${ name }`] || { outcome: 'succeed' as const };
    const release = chart.spec?.targetNamespace || ns;

    this.logs.set(`${ cluster.id }|${ podId }`, [
      `+ helm_v3 repo update --fail-on-repo-update-fail`,
      `+ echo 'Installing helm chart'`,
      `+ helm_v3 upgrade --install ${ name } /tmp/${ name }.tgz --namespace ${ release }`,
      ...(behaviour.log || []),
    ].join('\n'));

    this.later(cluster, 400, () => {
      cluster.mutate(POD, podId, (p) => {
        p.status.phase = 'Running';
        p.status.startTime = this.clock.iso();
        p.status.containerStatuses[0] = {
          ...p.status.containerStatuses[0], ready: true, started: true, state: { running: { startedAt: this.clock.iso() } }
        };
      }, 'status');
    });
    this.later(cluster, 400 + (behaviour.durationMs ?? DEFAULT_JOB_MS), () => {
      if (behaviour.outcome === 'succeed') {
        this.complete(cluster, chart, idOf(job), podId);
      } else {
        this.crash(cluster, podId, behaviour.failMessage || 'Error: UPGRADE FAILED: context deadline exceeded');
      }
    });
  }

  private complete(cluster: ClusterState, chart: Obj, jobId: string, podId: string): void {
    const now = this.clock.iso();
    const name = chart.metadata.name;

    this.logs.set(`${ cluster.id }|${ podId }`, `${ this.logs.get(`${ cluster.id }|${ podId }`) || '' }\nRelease "${ name }" has been upgraded. Happy Helming!\n+ exit\n`);
    cluster.mutate(POD, podId, (p) => {
      p.status.phase = 'Succeeded';
      p.status.containerStatuses[0] = {
        ...p.status.containerStatuses[0],
        ready:   false,
        started: false,
        state:   {
          terminated: {
            exitCode: 0, reason: 'Completed', message: 'Upgrading helm chart', finishedAt: now
          }
        }
      };
    }, 'status');
    const job = cluster.mutate(JOB, jobId, (j) => {
      j.status = {
        ...j.status,
        active:         0,
        succeeded:      1,
        ready:          0,
        completionTime: now,
        conditions:     [{
          type: 'SuccessCriteriaMet', status: 'True', lastTransitionTime: now
        }, {
          type: 'Complete', status: 'True', lastTransitionTime: now
        }]
      };
    }, 'status');

    if (job) {
      this.event(cluster, job, 'Normal', 'Completed', 'Job completed', 'job-controller');
    }
    const appId = `${ chart.spec?.targetNamespace || chart.metadata.namespace }/${ name }`;

    if (cluster.has(APP) && cluster.get(APP, appId)) {
      cluster.mutate(APP, appId, (a) => {
        a.spec.version = (a.spec.version || 0) + 1;
        a.spec.info = {
          ...(a.spec.info || {}), status: 'deployed', lastDeployed: now, description: 'Upgrade complete'
        };
        a.status = { ...(a.status || {}), summary: { state: 'deployed' } };
      });
    }
  }

  private crash(cluster: ClusterState, podId: string, message: string): void {
    const now = this.clock.iso();
    const pod = cluster.mutate(POD, podId, (p) => {
      const c = p.status.containerStatuses[0];

      p.status.phase = 'Running';
      p.status.containerStatuses[0] = {
        ...c,
        ready:        false,
        started:      false,
        restartCount: (c.restartCount || 0) + 1,
        lastState:    {
          terminated: {
            exitCode: 1, reason: 'Error', message, finishedAt: now
          }
        },
        state: { waiting: { reason: 'CrashLoopBackOff', message: `back-off 10s restarting failed container=helm pod=${ p.metadata.name }_${ p.metadata.namespace }(${ p.metadata.uid })` } },
      };
    }, 'status');

    this.logs.set(`${ cluster.id }|${ podId }`, `${ this.logs.get(`${ cluster.id }|${ podId }`) || '' }\n${ message }\n`);
    if (pod) {
      this.event(cluster, pod, 'Warning', 'BackOff', 'Back-off restarting failed container helm in pod', 'kubelet');
      this.clock.schedule(20000, () => this.crashAgain(cluster, podId, pod.metadata.uid as string));
    }
  }

  /** A crash-looping helm pod restarts (bounded), until its Job is deleted. */
  private crashAgain(cluster: ClusterState, podId: string, uid: string): void {
    const pod = cluster.get(POD, podId);

    if (this.stopped || this.clusters.get(cluster.id) !== cluster || !pod || pod.metadata.uid !== uid || (pod.status?.containerStatuses?.[0]?.restartCount || 0) >= MAX_RESTARTS) {
      return;
    }
    this.crash(cluster, podId, pod.status.containerStatuses[0].lastState?.terminated?.message || 'Error');
  }
}
