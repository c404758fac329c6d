/**
 * Simulated controllers, so that a fix can be seen working. Each reacts to watch events of its
 * cluster the way the real one does (reference: domain-kubernetes-fleet-helm.md §1.3–1.6, §2.3, §3):
 *
 * - helm-controller: resetting a HelmChart's status re-populates it and creates nothing; a
 *   missing `helm-install-<chart>` Job is created again, with a pod that runs and completes
 *   (or crash-loops, by scenario); on success the release's App gets a new revision.
 * - job-controller / kubelet: the pod's phases, container states, restarts and events.
 * - Fleet: a Bundle's options (e.g. `forceSyncGeneration`) give its BundleDeployments a new
 *   `deploymentID`; they go WaitApplied, then the agent applies (Ready, or ErrApplied by
 *   scenario); Bundle, ManagedChart and Fleet Cluster statuses roll up. A ManagedChart's
 *   `paused` is copied to its Bundle.
 * - Fleet agent: checks in every 15 minutes unless the scenario says it is down; raising
 *   `redeployAgentGeneration` redeploys it (it checks in again).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { SimClock } from './clock';
import type { ClusterState, WatchEvent } from './cluster';
import { clone, idOf } from './objects';
import type { Obj } from './objects';
import type { Behaviour, Scenario } from './scenario';

const CHART = 'helm.cattle.io.helmchart';
const JOB = 'batch.job';
const POD = 'pod';
const EVENT = 'event';
const APP = 'catalog.cattle.io.app';
const MC = 'management.cattle.io.managedchart';
const BUNDLE = 'fleet.cattle.io.bundle';
const BD = 'fleet.cattle.io.bundledeployment';
const FLEET_CLUSTER = 'fleet.cattle.io.cluster';
const CHART_LABEL = 'helmcharts.helm.cattle.io/chart';

export const AGENT_CHECKIN_MS = 15 * 60 * 1000;
const DEFAULT_JOB_MS = 3000;
const DEFAULT_APPLY_MS = 2500;
const AGENT_REDEPLOY_MS = 2500;
const MAX_RESTARTS = 6;

type Cond = { type: string; status: string; reason?: string; message?: string; lastUpdateTime?: string; lastTransitionTime?: string };

function setCondition(conditions: Cond[] | undefined, next: Cond): Cond[] {
  const list = [...(conditions || [])];
  const i = list.findIndex((c) => c.type === next.type);

  if (i >= 0) {
    const same = list[i].status === next.status && list[i].reason === next.reason && list[i].message === next.message;

    list[i] = same ? list[i] : { ...next };
  } else {
    list.push({ ...next });
  }

  return list;
}

function suffix(): string {
  const chars = 'bcdfghjklmnpqrstvwxz2456789';
  const bytes = randomBytes(5);

  return [...bytes].map((b) => chars[b % chars.length]).join('');
}

function sha(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Fleet's BundleDeployment state (GetDeploymentState), with the exact JSON keys. */
export function deploymentState(bd: Obj): string {
  const spec = bd.spec || {};
  const status = bd.status || {};
  const deployed = (status.conditions || []).find((c: Cond) => c.type === 'Deployed');

  if (status.appliedDeploymentID !== spec.deploymentID) {
    return deployed?.status === 'False' ? 'ErrApplied' : 'WaitApplied';
  }
  if (!status.ready) {
    return 'NotReady';
  }
  if (spec.deploymentID !== spec.stagedDeploymentID) {
    return 'OutOfSync';
  }
  if (!status.nonModified) {
    return 'Modified';
  }

  return 'Ready';
}

const STATE_RANK: Record<string, number> = {
  ErrApplied: 7, WaitApplied: 6, Modified: 5, OutOfSync: 4, Pending: 3, NotReady: 2, Ready: 1
};
const SUMMARY_KEY: Record<string, string> = {
  ErrApplied: 'errApplied', WaitApplied: 'waitApplied', Modified: 'modified', OutOfSync: 'outOfSync', Pending: 'pending', NotReady: 'notReady', Ready: 'ready'
};

function modifiedStrings(bd: Obj): string[] {
  return (bd.status?.modifiedStatus || []).map((m: { kind: string; apiVersion: string; namespace?: string; name: string; patch?: string; missing?: boolean; delete?: boolean }) => {
    const group = m.apiVersion.includes('/') ? `.${ m.apiVersion.split('/')[0] }` : '';
    const kind = `${ m.kind.toLowerCase() }${ group || `.${ m.apiVersion }` }`;
    const what = `${ kind } ${ m.namespace ? `${ m.namespace }/` : '' }${ m.name }`;

    return m.missing ? `${ what } missing` : m.delete ? `${ what } extra` : `${ what } modified ${ m.patch || '{}' }`;
  });
}

interface Rollup {
  summary: Record<string, unknown>;
  display: Record<string, string>;
  ready: Cond;
}

/** Fleet's summary over some BundleDeployments (`label` names each in nonReadyResources). */
function rollup(bds: Obj[], label: (bd: Obj) => string, what: string, nowIso: string, displayKey: 'readyClusters' | 'readyBundles'): Rollup {
  const summary: Record<string, unknown> = { desiredReady: bds.length, ready: 0 };
  const nonReady: Record<string, unknown>[] = [];
  let worst = '';
  const counts: Record<string, number> = {};
  const messages: string[] = [];

  for (const bd of bds) {
    const state = deploymentState(bd);

    counts[state] = (counts[state] || 0) + 1;
    summary[SUMMARY_KEY[state]] = ((summary[SUMMARY_KEY[state]] as number) || 0) + 1;
    if (state !== 'Ready') {
      nonReady.push({
        bundleState: state, name: label(bd), ...(bd.status?.modifiedStatus?.length ? { modifiedStatus: clone(bd.status.modifiedStatus) } : {}), ...(bd.status?.nonReadyStatus?.length ? { nonReadyStatus: clone(bd.status.nonReadyStatus) } : {})
      });
      if (!worst || STATE_RANK[state] > STATE_RANK[worst]) {
        worst = state;
      }
      messages.push(...modifiedStrings(bd));
    }
  }
  if (nonReady.length) {
    summary.nonReadyResources = nonReady;
  }
  const display: Record<string, string> = { [displayKey]: `${ summary.ready }/${ bds.length }` };

  if (worst) {
    display.state = worst;
  }
  const ready: Cond = worst ? {
    type:           'Ready',
    status:         'False',
    lastUpdateTime: nowIso,
    message:        [`${ worst }(${ counts[worst] }) [${ what } ${ nonReady.map((n) => n.name).join(', ') }]`, ...messages.slice(0, 4)].join('; '),
  } : {
    type: 'Ready', status: 'True', lastUpdateTime: nowIso
  };

  return {
    summary, display, ready
  };
}

export class Controllers {
  private stopped = false;
  private unsubscribers: (() => void)[] = [];
  /** Container logs by `<cluster>|<ns>/<pod>`. */
  private logs = new Map<string, string>();
  private agentDown = new Set<string>();
  private pendingCharts = new Set<string>();
  private pendingBundles = new Set<string>();
  /** Each Bundle's `generation` as last seen: only a spec change makes Fleet redeploy. */
  private bundleGenerations = new Map<string, number | undefined>();

  private readonly clock: SimClock;
  private readonly clusters: Map<string, ClusterState>;
  private readonly scenario: Scenario;

  constructor(clock: SimClock, clusters: Map<string, ClusterState>, scenario: Scenario) {
    this.clock = clock;
    this.clusters = clusters;
    this.scenario = scenario;
  }

  private behaviour(cluster: ClusterState): Behaviour {
    return this.scenario.clusters.find((c) => c.info.id === cluster.id)?.behaviour || {};
  }

  start(): void {
    for (const spec of this.scenario.clusters) {
      for (const [pod, text] of Object.entries(spec.logs || {})) {
        this.logs.set(`${ spec.info.id }|${ pod }`, text);
      }
    }
    for (const cluster of this.clusters.values()) {
      this.unsubscribers.push(cluster.onEvent((e) => this.react(cluster, e)));
      for (const [id, state] of Object.entries(this.behaviour(cluster).agents || {})) {
        if (state === 'down') {
          this.agentDown.add(`${ cluster.id }|${ id }`);
        }
      }
      if (cluster.has(FLEET_CLUSTER)) {
        this.scheduleCheckIn(cluster);
      }
      for (const bundle of cluster.has(BUNDLE) ? cluster.list(BUNDLE) : []) {
        this.bundleGenerations.set(`${ cluster.id }|${ idOf(bundle) }`, bundle.metadata.generation);
      }
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
  }

  stop(): void {
    this.stopped = true;
    for (const u of this.unsubscribers) {
      u();
    }
    this.unsubscribers = [];
  }

  /** The helm container's log (every simulated pod has that one container). */
  logOf(clusterId: string, podId: string): string | undefined {
    return this.logs.get(`${ clusterId }|${ podId }`);
  }

  private later(cluster: ClusterState, ms: number, fn: () => void): void {
    this.clock.schedule(ms, () => {
      if (!this.stopped && this.clusters.get(cluster.id) === cluster) {
        fn();
      }
    });
  }

  private react(cluster: ClusterState, e: WatchEvent): void {
    if (this.stopped) {
      return;
    }
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
    } else if (e.type === BUNDLE && e.name === 'resource.change') {
      const key = `${ cluster.id }|${ id }`;

      if (this.bundleGenerations.get(key) !== e.obj.metadata.generation) {
        this.bundleGenerations.set(key, e.obj.metadata.generation);
        this.queueBundle(cluster, id, 300);
      }
    } else if (e.type === MC && e.name === 'resource.change') {
      this.syncManagedChart(cluster, e.obj);
    } else if (e.type === FLEET_CLUSTER && e.name === 'resource.change') {
      const wanted = e.obj.spec?.redeployAgentGeneration || 0;

      if (wanted !== e.obj.status?.agentDeployedGeneration) {
        this.later(cluster, AGENT_REDEPLOY_MS, () => this.redeployAgent(cluster, id));
      }
    }
  }

  // ------------------------------------------------------------ helm-controller

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

  // ------------------------------------------------------------ Fleet

  private syncManagedChart(cluster: ClusterState, mc: Obj): void {
    const bundleId = `${ mc.metadata.namespace }/mcc-${ mc.metadata.name }`;
    const bundle = cluster.get(BUNDLE, bundleId);
    const paused = !!mc.spec?.paused;

    if (bundle && !!bundle.spec?.paused !== paused) {
      this.later(cluster, 300, () => cluster.mutate(BUNDLE, bundleId, (b) => {
        b.spec.paused = paused;
      }));
    }
  }

  private queueBundle(cluster: ClusterState, bundleId: string, ms: number): void {
    const key = `${ cluster.id }|${ bundleId }`;

    if (this.pendingBundles.has(key)) {
      return;
    }
    this.pendingBundles.add(key);
    this.later(cluster, ms, () => {
      this.pendingBundles.delete(key);
      this.reconcileBundle(cluster, bundleId);
    });
  }

  private deploymentsOf(cluster: ClusterState, bundle: Obj): Obj[] {
    return cluster.has(BD) ? cluster.list(BD).filter((bd) => bd.metadata.labels?.['fleet.cattle.io/bundle-name'] === bundle.metadata.name &&
      bd.metadata.labels?.['fleet.cattle.io/bundle-namespace'] === bundle.metadata.namespace) : [];
  }

  /** The options a Bundle gives its deployments, and the deploymentID they hash to. */
  private options(bundle: Obj, bd: Obj): { options: Record<string, unknown>; id: string } {
    const spec = bundle.spec || {};
    const options: Record<string, unknown> = { ...(bd.spec?.options || {}) };

    for (const key of ['defaultNamespace', 'helm', 'diff', 'forceSyncGeneration', 'correctDrift', 'keepResources']) {
      if (spec[key] !== undefined) {
        options[key] = clone(spec[key]);
      }
    }
    const manifest = String(bd.spec?.deploymentID || `s-${ sha(bundle.metadata.name).slice(0, 60) }:`).split(':')[0];

    return { options, id: `${ manifest }:${ sha(JSON.stringify(options)) }` };
  }

  private reconcileBundle(cluster: ClusterState, bundleId: string): void {
    const bundle = cluster.get(BUNDLE, bundleId);

    if (!bundle) {
      return;
    }
    const paused = !!bundle.spec?.paused;

    for (const bd of this.deploymentsOf(cluster, bundle)) {
      const { options, id } = this.options(bundle, bd);
      const changed = id !== bd.spec?.stagedDeploymentID || (!paused && id !== bd.spec?.deploymentID) || !!bd.spec?.paused !== paused;

      if (!changed) {
        continue;
      }
      cluster.mutate(BD, idOf(bd), (d) => {
        d.spec = {
          ...d.spec, stagedOptions: options, stagedDeploymentID: id, paused
        };
        if (!paused) {
          d.spec.options = clone(options);
          d.spec.deploymentID = id;
        }
      });
      this.refreshDeployment(cluster, idOf(bd));
      if (!paused && id !== bd.status?.appliedDeploymentID) {
        const behaviour = this.behaviour(cluster).bundles?.[bundleId] || { outcome: 'ready' as const };

        this.later(cluster, behaviour.durationMs ?? DEFAULT_APPLY_MS, () => this.apply(cluster, idOf(bd), id, behaviour.outcome, behaviour.message));
      }
    }
    this.rollupAll(cluster);
  }

  /** The agent applies one deploymentID: a Helm upgrade that also reverts manual changes. */
  private apply(cluster: ClusterState, bdId: string, deploymentID: string, outcome: 'ready' | 'errapplied', message?: string): void {
    const bd = cluster.get(BD, bdId);

    if (!bd || bd.spec?.deploymentID !== deploymentID) {
      return; // superseded
    }
    const now = this.clock.iso();

    if (outcome === 'errapplied') {
      cluster.mutate(BD, bdId, (d) => {
        d.status = d.status || {};
        d.status.conditions = setCondition(d.status.conditions, {
          type: 'Deployed', status: 'False', reason: 'Error', message: message || 'failed to deploy bundle: context deadline exceeded', lastUpdateTime: now
        });
      }, 'status');
    } else {
      cluster.mutate(BD, bdId, (d) => {
        const status = d.status || {};
        let conditions = status.conditions;

        for (const type of ['Installed', 'Deployed', 'Monitored']) {
          conditions = setCondition(conditions, {
            type, status: 'True', lastUpdateTime: now
          });
        }
        conditions = setCondition(conditions, {
          type: 'Ready', status: 'True', lastUpdateTime: now
        });
        const release = String(status.release || '');
        const m = release.match(/^(.*):(\d+)$/);

        d.status = {
          ...status,
          appliedDeploymentID: deploymentID,
          syncGeneration:      d.spec?.options?.forceSyncGeneration || 0,
          ready:               true,
          nonModified:         true,
          conditions,
          release:             m ? `${ m[1] }:${ Number(m[2]) + 1 }` : release,
        };
        delete d.status.modifiedStatus;
        delete d.status.nonReadyStatus;
      }, 'status');
      const releaseName = String(cluster.get(BD, bdId)?.status?.release || '').split(':')[0];

      if (releaseName && cluster.has(APP) && cluster.get(APP, releaseName)) {
        cluster.mutate(APP, releaseName, (a) => {
          a.spec.version = (a.spec.version || 0) + 1;
          a.spec.info = {
            ...(a.spec.info || {}), status: 'deployed', lastDeployed: now, description: 'Upgrade complete'
          };
          a.status = { ...(a.status || {}), summary: { state: 'deployed' } };
        });
      }
    }
    this.refreshDeployment(cluster, bdId);
    this.rollupAll(cluster);
  }

  /** `display` of a BundleDeployment from its state (the agent writes it with its status). */
  private refreshDeployment(cluster: ClusterState, bdId: string): void {
    cluster.mutate(BD, bdId, (d) => {
      const state = deploymentState(d);
      const conditions: Cond[] = d.status?.conditions || [];
      const show = (type: string) => {
        const c = conditions.find((x) => x.type === type);

        return !c ? '' : c.reason === 'Error' ? `Error: ${ c.message || '' }` : c.status;
      };

      d.status = {
        ...(d.status || {}),
        display: {
          deployed: show('Deployed'), monitored: show('Monitored'), state
        },
      };
      if (state !== 'Ready' && state !== 'Modified') {
        const message = state === 'WaitApplied' ? 'waiting for the agent to apply the new deployment' : state === 'ErrApplied' ? (conditions.find((c) => c.type === 'Deployed')?.message || 'error applying') : state === 'OutOfSync' ? 'out of sync' : 'not ready';

        d.status.conditions = setCondition(d.status.conditions, {
          type: 'Ready', status: 'False', reason: 'Error', message, lastUpdateTime: this.clock.iso()
        });
      }
    }, 'status');
  }

  private rollupAll(cluster: ClusterState): void {
    const now = this.clock.iso();

    for (const bundle of cluster.has(BUNDLE) ? cluster.list(BUNDLE) : []) {
      const bds = this.deploymentsOf(cluster, bundle);

      if (!bds.length) {
        continue;
      }
      const r = rollup(bds, (bd) => `${ bd.metadata.labels?.['fleet.cattle.io/cluster-namespace'] || 'fleet-local' }/${ bd.metadata.labels?.['fleet.cattle.io/cluster'] || 'local' }`, 'Cluster', now, 'readyClusters');
      const apply = (o: Obj) => {
        const summaryBefore = JSON.stringify(o.status?.summary);

        o.status = {
          ...(o.status || {}), summary: r.summary, display: r.display, conditions: setCondition(o.status?.conditions, JSON.stringify(r.summary) === summaryBefore ? (o.status?.conditions || []).find((c: Cond) => c.type === 'Ready') || r.ready : r.ready)
        };
        if (o.status.partitions?.[0]) {
          o.status.partitions[0].summary = clone(r.summary);
        }
      };

      cluster.mutate(BUNDLE, idOf(bundle), apply, 'status');
      const mcName = bundle.metadata.name.replace(/^mcc-/, '');

      if (bundle.metadata.name.startsWith('mcc-') && cluster.has(MC) && cluster.get(MC, `${ bundle.metadata.namespace }/${ mcName }`)) {
        cluster.mutate(MC, `${ bundle.metadata.namespace }/${ mcName }`, apply, 'status');
      }
    }
    for (const fc of cluster.has(FLEET_CLUSTER) ? cluster.list(FLEET_CLUSTER) : []) {
      const bds = cluster.list(BD).filter((bd) => bd.metadata.namespace === fc.status?.namespace);

      if (!bds.length) {
        continue;
      }
      const r = rollup(bds, (bd) => bd.metadata.name, 'Bundle', now, 'readyBundles');

      cluster.mutate(FLEET_CLUSTER, idOf(fc), (o) => {
        const summaryBefore = JSON.stringify(o.status?.summary);

        o.status = {
          ...(o.status || {}), summary: r.summary, display: r.display, conditions: setCondition(o.status?.conditions, JSON.stringify(r.summary) === summaryBefore ? (o.status?.conditions || []).find((c: Cond) => c.type === 'Ready') || r.ready : r.ready)
        };
      }, 'status');
    }
  }

  // ------------------------------------------------------------ Fleet agent

  private scheduleCheckIn(cluster: ClusterState): void {
    this.later(cluster, AGENT_CHECKIN_MS, () => {
      for (const fc of cluster.list(FLEET_CLUSTER)) {
        if (!this.agentDown.has(`${ cluster.id }|${ idOf(fc) }`)) {
          cluster.mutate(FLEET_CLUSTER, idOf(fc), (o) => {
            o.status = { ...(o.status || {}), agent: { ...(o.status?.agent || {}), lastSeen: this.clock.iso() } };
          }, 'status');
        }
      }
      this.scheduleCheckIn(cluster);
    });
  }

  private redeployAgent(cluster: ClusterState, id: string): void {
    const fc = cluster.get(FLEET_CLUSTER, id);

    if (!fc) {
      return;
    }
    this.agentDown.delete(`${ cluster.id }|${ id }`);
    cluster.mutate(FLEET_CLUSTER, id, (o) => {
      o.status = {
        ...(o.status || {}), agentDeployedGeneration: o.spec?.redeployAgentGeneration || 0, agent: { ...(o.status?.agent || {}), lastSeen: this.clock.iso() }
      };
    }, 'status');
  }
}
