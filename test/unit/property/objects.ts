/**
 * Realistic install objects that link into chains, as `kubectl get -o json` prints them:
 *   ManagedChart → Bundle `mcc-<name>` → BundleDeployment in `cluster-fleet-local-local-*` → Fleet Cluster
 *   HelmChart → Job `helm-install-<name>` → pods (by the `helmcharts.helm.cattle.io/chart` label) → events
 *   Helm releases (Apps) of both, Nodes, and sometimes an Upgrade.
 * A scenario is a description; `buildObjects` turns it into plain objects.
 */
import fc from 'fast-check';
import {
  dnsName, message, name, namespace, text, time
} from './strings';

export const NOW = '2025-09-24T10:00:00Z';
export const FLEET_NS = 'cluster-fleet-local-local-1a3d67d0a899';
const DEPLOYMENT_ID = 's-0123456789abcdef:fedcba9876543210';

/** A plain JSON-like object, as parsed from kubectl output. */
export type Obj = Record<string, unknown>;

export const JOB_STATES = ['complete', 'failed', 'crash', 'image', 'unschedulable', 'running', 'pending', 'stuck', 'suspended', 'none'] as const;
export const BUNDLE_STATES = ['Ready', 'NotReady', 'WaitApplied', 'ErrApplied', 'OutOfSync', 'Pending', 'Modified'] as const;
export const BD_STATES = ['ready', 'errApplied', 'waitApplied', 'notReady', 'outOfSync', 'modified'] as const;
export const RELEASE_STATUSES = ['deployed', 'failed', 'pending-install', 'pending-upgrade', 'pending-rollback', 'uninstalling', 'superseded', 'uninstalled', 'unknown'] as const;

export interface ChartSpec {
  name: string;
  namespace: string;
  job: typeof JOB_STATES[number];
  jobName: 'own' | 'absent' | 'other';
  failedCondition: boolean;
  deleting: boolean;
  resourceVersion: boolean;
  message: string;
  restarts: number;
  pods: number;
  events: number;
  targetNamespace?: string;
  release?: typeof RELEASE_STATUSES[number];
}

export interface ModifiedSpec {
  apiVersion?: string;
  kind: string;
  namespace?: string;
  name: string;
  change: 'patch' | 'missing' | 'not-owned' | 'delete';
  patch: string;
}

export interface ManagedSpec {
  name: string;
  paused: boolean;
  bundlePaused: boolean;
  defined: boolean;
  definedMessage: string;
  bundle: 'mcc' | 'owned' | 'none';
  bundleState: typeof BUNDLE_STATES[number];
  deployment: 'present' | 'none';
  bdState: typeof BD_STATES[number];
  bdMessage: string;
  modified: ModifiedSpec[];
  nonReady: { kind: string; name: string; state: string; messages: string[] }[];
  release?: typeof RELEASE_STATUSES[number];
  resourceVersion: boolean;
  forceSyncGeneration: number;
}

export interface NodeSpec {
  name: string;
  ready: 'True' | 'False' | 'Unknown' | 'none';
  unschedulable: boolean;
  version: string;
}

export interface FleetSpec {
  lastSeen: string | null | 'absent';
  redeploy: number;
  deployed: number;
  paused: boolean;
  resourceVersion: boolean;
  namespaceMatches: boolean;
}

export interface ScenarioSpec {
  nodes: NodeSpec[];
  charts: ChartSpec[];
  managed: ManagedSpec[];
  fleet: FleetSpec | null;
  upgrade: 'none' | 'running' | 'succeeded' | 'failed';
  /** Objects of kinds the engine does not examine. */
  others: number;
}

const release = fc.option(fc.constantFrom(...RELEASE_STATUSES), { nil: undefined, freq: 3 });

const chartSpec: fc.Arbitrary<ChartSpec> = fc.record({
  name,
  namespace:       fc.oneof({ weight: 6, arbitrary: fc.constant('kube-system') }, { weight: 1, arbitrary: namespace }),
  job:             fc.constantFrom(...JOB_STATES),
  jobName:         fc.constantFrom<ChartSpec['jobName']>('own', 'own', 'own', 'absent', 'other'),
  failedCondition: fc.boolean(),
  deleting:        fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  resourceVersion: fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  message,
  restarts:        fc.nat(6),
  pods:            fc.nat(2),
  events:          fc.nat(2),
  targetNamespace: fc.option(namespace, { nil: undefined }),
  release,
});

/** A merge patch as Fleet reports drift: JSON most of the time, sometimes cut off or not JSON. */
export const patchText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(dnsName, text).map(([c, image]) => JSON.stringify({ spec: { template: { spec: { containers: [{ name: c, image }] } } } })) },
  { weight: 2, arbitrary: fc.dictionary(text, fc.oneof(text, fc.integer(), fc.constant(null)), { maxKeys: 3 }).map((data) => JSON.stringify({ data })) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: fc.tuple(fc.jsonValue({ maxDepth: 3 }), fc.nat(20)).map(([v, cut]) => JSON.stringify({ spec: v }).slice(0, cut + 1)) },
  { weight: 1, arbitrary: text },
);

const modifiedSpec: fc.Arbitrary<ModifiedSpec> = fc.record({
  apiVersion: fc.option(fc.constantFrom('v1', 'apps/v1', 'harvesterhci.io/v1beta1', 'rbac.authorization.k8s.io/v1'), { nil: undefined, freq: 6 }),
  kind:       fc.constantFrom('Deployment', 'ConfigMap', 'DaemonSet', 'Service', 'Setting', 'ClusterRole'),
  namespace:  fc.option(namespace, { nil: undefined, freq: 4 }),
  name,
  change:     fc.constantFrom<ModifiedSpec['change']>('patch', 'patch', 'patch', 'missing', 'not-owned', 'delete'),
  patch:      patchText,
});

const managedSpec: fc.Arbitrary<ManagedSpec> = fc.record({
  name:                fc.oneof({ weight: 3, arbitrary: fc.constantFrom('harvester', 'harvester-crd', 'rancher-monitoring-crd', 'rancher-logging-crd') }, { weight: 1, arbitrary: name }),
  paused:              fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  bundlePaused:        fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  defined:             fc.oneof({ weight: 6, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  definedMessage:      message,
  bundle:              fc.constantFrom<ManagedSpec['bundle']>('mcc', 'owned', 'owned', 'none'),
  bundleState:         fc.constantFrom(...BUNDLE_STATES),
  deployment:          fc.constantFrom<ManagedSpec['deployment']>('present', 'present', 'present', 'none'),
  bdState:             fc.constantFrom(...BD_STATES),
  bdMessage:           message,
  modified:            fc.array(modifiedSpec, { maxLength: 3 }),
  nonReady:            fc.array(fc.record({
    kind: fc.constantFrom('Deployment', 'Pod', 'StatefulSet'), name, state: fc.constantFrom('in-progress', 'error', 'unavailable', 'Pending'), messages: fc.array(message, { maxLength: 2 })
  }), { maxLength: 2 }),
  release,
  resourceVersion:     fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  forceSyncGeneration: fc.nat(5),
});

const nodeSpec: fc.Arbitrary<NodeSpec> = fc.record({
  name:          fc.oneof(dnsName, name),
  ready:         fc.constantFrom<NodeSpec['ready']>('True', 'True', 'True', 'False', 'Unknown', 'none'),
  unschedulable: fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  version:       fc.oneof(fc.constant('v1.33.3+rke2r1'), text),
});

const fleetSpec: fc.Arbitrary<FleetSpec> = fc.record({
  lastSeen:         fc.oneof({ weight: 5, arbitrary: time }, { weight: 1, arbitrary: fc.constantFrom<FleetSpec['lastSeen']>(null, 'absent') }),
  redeploy:         fc.nat(3),
  deployed:         fc.nat(3),
  paused:           fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  resourceVersion:  fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  namespaceMatches: fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
});

export const scenarioSpec: fc.Arbitrary<ScenarioSpec> = fc.record({
  nodes:   fc.array(nodeSpec, { maxLength: 3 }),
  charts:  fc.array(chartSpec, { maxLength: 4 }),
  managed: fc.array(managedSpec, { maxLength: 3 }),
  fleet:   fc.option(fleetSpec, { nil: null, freq: 5 }),
  upgrade: fc.constantFrom<ScenarioSpec['upgrade']>('none', 'none', 'none', 'running', 'succeeded', 'failed'),
  others:  fc.nat(2),
});

/** A Harvester cluster: at least one ManagedChart with its Bundle chain, a Fleet Cluster and a HelmChart. */
export const harvesterSpec: fc.Arbitrary<ScenarioSpec> = fc.record({
  nodes:   fc.array(nodeSpec, { minLength: 1, maxLength: 2 }),
  charts:  fc.array(chartSpec, { minLength: 1, maxLength: 3 }),
  managed: fc.array(managedSpec, { minLength: 1, maxLength: 3 }),
  fleet:   fleetSpec,
  upgrade: fc.constantFrom<ScenarioSpec['upgrade']>('none', 'running'),
  others:  fc.nat(1),
});

function cond(type: string, status: string, extra: Obj = {}): Obj {
  return {
    type, status, lastUpdateTime: '2025-09-24T09:00:00Z', ...extra
  };
}

function meta(objName: string, ns: string | undefined, rv: boolean, extra: Obj = {}): Obj {
  return {
    name:              objName,
    ...(ns === undefined ? {} : { namespace: ns }),
    uid:               `uid-${ objName.length }-${ ns?.length ?? 0 }`,
    ...(rv ? { resourceVersion: `${ 1000 + objName.length }` } : {}),
    creationTimestamp: '2025-09-24T08:57:00Z',
    ...extra,
  };
}

function podStatus(c: ChartSpec, newest: boolean): Obj {
  const helm = (state: Obj, lastState: Obj = {}) => ({
    phase:             'Running',
    startTime:         '2025-09-24T09:00:01Z',
    containerStatuses: [{
      name: 'helm', image: 'rancher/klipper-helm:v0.9.4', ready: false, restartCount: c.restarts, state, lastState
    }],
  });

  if (!newest) {
    return { phase: 'Failed', message: c.message };
  }
  switch (c.job) {
  case 'crash':
    return helm({ waiting: { reason: 'CrashLoopBackOff', message: c.message } }, {
      terminated: {
        exitCode: 1, reason: 'Error', message: c.message
      }
    });
  case 'image':
    return { ...helm({ waiting: { reason: 'ImagePullBackOff', message: c.message } }), phase: 'Pending' };
  case 'unschedulable':
    return { phase: 'Pending', conditions: [cond('PodScheduled', 'False', { reason: 'Unschedulable', message: c.message })] };
  case 'failed':
    return {
      ...helm({
        terminated: {
          exitCode: 1, reason: 'Error', message: c.message
        }
      }),
      phase: 'Failed'
    };
  case 'complete':
    return { ...helm({ terminated: { exitCode: 0, reason: 'Completed' } }), phase: 'Succeeded' };
  default:
    return helm({ running: { startedAt: '2025-09-24T09:00:02Z' } });
  }
}

function jobStatus(c: ChartSpec): Obj {
  switch (c.job) {
  case 'complete':
    return {
      succeeded: 1, startTime: '2025-09-24T09:00:00Z', completionTime: '2025-09-24T09:00:30Z', conditions: [cond('Complete', 'True')]
    };
  case 'failed':
    return { failed: 1, conditions: [cond('Failed', 'True', { reason: 'BackoffLimitExceeded', message: c.message })] };
  case 'stuck':
    return { startTime: '2025-09-24T09:00:00Z' };
  case 'pending':
    return { startTime: '2025-09-24T09:59:00Z' };
  default:
    return { active: 1, startTime: '2025-09-24T09:00:00Z' };
  }
}

function helmChartObjects(c: ChartSpec): Obj[] {
  const jobName = `helm-install-${ c.name }`;
  const chart: Obj = {
    apiVersion: 'helm.cattle.io/v1',
    kind:       'HelmChart',
    metadata:   meta(c.name, c.namespace, c.resourceVersion, c.deleting ? { deletionTimestamp: '2025-09-24T09:50:00Z', finalizers: ['wrangler.cattle.io/on-helm-chart-remove'] } : {}),
    spec:       {
      chart:         c.name,
      bootstrap:     true,
      chartContent:  'H4sIAAAAAAAA/+yX',
      valuesContent: 'global:\n  cattle:\n    systemDefaultRegistry: ""\n',
      ...(c.targetNamespace ? { targetNamespace: c.targetNamespace } : {}),
    },
    status: {
      ...(c.jobName === 'absent' ? {} : { jobName: c.jobName === 'own' ? jobName : `helm-delete-${ c.name }` }),
      conditions: [
        cond('JobCreated', 'True', { reason: 'Job created', message: `Applying HelmChart using Job ${ c.namespace }/${ jobName }` }),
        cond('Failed', c.failedCondition ? 'True' : 'False', c.failedCondition ? { reason: 'Error', message: c.message } : {}),
      ],
    },
  };
  const out: Obj[] = [chart];

  if (c.job === 'none') {
    return out;
  }
  const labels = { 'helmcharts.helm.cattle.io/chart': c.name };

  out.push({
    apiVersion: 'batch/v1',
    kind:       'Job',
    metadata:   meta(jobName, c.namespace, true, {
      labels,
      ownerReferences: [{
        apiVersion: 'helm.cattle.io/v1', kind: 'HelmChart', name: c.name, controller: true
      }]
    }),
    spec:       { backoffLimit: 1000, ...(c.job === 'suspended' ? { suspend: true } : {}) },
    status:     jobStatus(c),
  });
  const pods = c.job === 'stuck' || c.job === 'pending' || c.job === 'suspended' ? 0 : Math.max(1, c.pods);

  for (let i = 0; i < pods; i++) {
    const podName = `${ jobName }-${ 'abcde'.slice(0, 5 - i) }${ i }`;

    out.push({
      apiVersion: 'v1',
      kind:       'Pod',
      metadata:   meta(podName, c.namespace, true, {
        creationTimestamp: `2025-09-24T09:0${ i }:01Z`,
        labels:            {
          ...labels, 'batch.kubernetes.io/job-name': jobName, 'job-name': jobName
        },
        ownerReferences: [{
          apiVersion: 'batch/v1', kind: 'Job', name: jobName, controller: true
        }],
      }),
      spec:   { containers: [{ name: 'helm', image: 'rancher/klipper-helm:v0.9.4' }], restartPolicy: 'OnFailure' },
      status: podStatus(c, i === pods - 1),
    });
  }
  for (let i = 0; i < c.events; i++) {
    const involved = i === 0 ? { kind: 'Job', name: jobName } : { kind: 'HelmChart', name: c.name };

    out.push({
      apiVersion:     'v1',
      kind:           'Event',
      metadata:       meta(`${ involved.name }.${ i }`, c.namespace, true),
      involvedObject: { ...involved, namespace: c.namespace },
      type:           i % 2 ? 'Normal' : 'Warning',
      reason:         i % 2 ? 'ApplyJob' : 'BackoffLimitExceeded',
      message:        c.message,
      count:          1 + i,
      lastTimestamp:  '2025-09-24T09:10:00Z',
    });
  }

  return out;
}

function summaryOf(state: typeof BUNDLE_STATES[number]): Obj {
  const counts: Obj = { desiredReady: 1, ready: state === 'Ready' ? 1 : 0 };
  const key = {
    Ready: '', NotReady: 'notReady', WaitApplied: 'waitApplied', ErrApplied: 'errApplied', OutOfSync: 'outOfSync', Pending: 'pending', Modified: 'modified'
  }[state];

  if (key) {
    counts[key] = 1;
  }

  return counts;
}

function modifiedEntry(m: ModifiedSpec): Obj {
  const base: Obj = {
    ...(m.apiVersion === undefined ? {} : { apiVersion: m.apiVersion }), kind: m.kind, name: m.name, ...(m.namespace === undefined ? {} : { namespace: m.namespace })
  };

  switch (m.change) {
  case 'missing':
    return { ...base, missing: true };
  case 'not-owned':
    return {
      ...base, missing: true, exist: true
    };
  case 'delete':
    return { ...base, delete: true };
  default:
    return { ...base, patch: m.patch };
  }
}

function bdStatus(m: ManagedSpec): { spec: Obj; status: Obj } {
  const spec: Obj = {
    deploymentID: DEPLOYMENT_ID, stagedDeploymentID: DEPLOYMENT_ID, options: { forceSyncGeneration: m.forceSyncGeneration }
  };
  const modifiedStatus = m.modified.map(modifiedEntry);
  const nonReadyStatus = m.nonReady.map((n) => ({
    kind:       n.kind,
    apiVersion: 'apps/v1',
    namespace:  'harvester-system',
    name:       n.name,
    summary:    {
      state: n.state, error: n.state === 'error', message: n.messages
    }
  }));
  const status: Obj = {
    appliedDeploymentID: DEPLOYMENT_ID,
    ready:               true,
    nonModified:         true,
    release:             `harvester-system/${ m.name }:3`,
    conditions:          [cond('Installed', 'True'), cond('Deployed', 'True'), cond('Ready', 'True'), cond('Monitored', 'True')],
    display:             {
      deployed: 'Yes', monitored: 'Yes', state: 'Ready'
    },
  };

  switch (m.bdState) {
  case 'errApplied':
    status.appliedDeploymentID = 's-old:1';
    status.conditions = [cond('Installed', 'False', { message: m.bdMessage }), cond('Deployed', 'False', { reason: 'Error', message: m.bdMessage }), cond('Ready', 'False', { message: m.bdMessage })];
    break;
  case 'waitApplied':
    status.appliedDeploymentID = 's-old:1';
    break;
  case 'notReady':
    status.ready = false;
    status.nonReadyStatus = nonReadyStatus;
    status.conditions = [cond('Installed', 'True'), cond('Deployed', 'True'), cond('Ready', 'False', { message: m.bdMessage }), cond('Monitored', 'False', { message: m.bdMessage })];
    break;
  case 'outOfSync':
    spec.stagedDeploymentID = 's-new:2';
    break;
  case 'modified':
    status.nonModified = false;
    status.modifiedStatus = modifiedStatus;
    status.conditions = [cond('Installed', 'True'), cond('Deployed', 'True'), cond('Ready', 'False', { message: m.bdMessage }), cond('Monitored', 'True')];
    break;
  default:
  }

  return { spec, status };
}

function fleetObjects(m: ManagedSpec, withDeployment: boolean): Obj[] {
  const mccName = `mcc-${ m.name }`;
  const summary = summaryOf(m.bundleState);
  const bundleStatus: Obj = {
    summary:    m.bundleState === 'Ready' ? summary : {
      ...summary,
      nonReadyResources: [{
        name: `fleet-local/${ mccName }`, bundleState: m.bundleState, message: m.bdMessage, modifiedStatus: m.modified.map(modifiedEntry), nonReadyStatus: []
      }]
    },
    display:    { readyClusters: m.bundleState === 'Ready' ? '1/1' : '0/1', state: m.bundleState },
    conditions: [cond('Ready', m.bundleState === 'Ready' ? 'True' : 'False', m.bundleState === 'Ready' ? {} : { message: m.bdMessage })],
  };
  const out: Obj[] = [{
    apiVersion: 'management.cattle.io/v3',
    kind:       'ManagedChart',
    metadata:   meta(m.name, 'fleet-local', m.resourceVersion),
    spec:       {
      chart: m.name, releaseName: m.name, defaultNamespace: 'harvester-system', repoName: 'harvester-charts', version: '1.6.1', paused: m.paused, values: { global: { cattle: { systemDefaultRegistry: '' } } }
    },
    status: {
      ...bundleStatus,
      conditions: [cond('Defined', m.defined ? 'True' : 'False', m.defined ? {} : { reason: 'Error', message: m.definedMessage }), ...(bundleStatus.conditions as Obj[])],
    },
  }];

  if (m.bundle === 'none') {
    return out;
  }
  out.push({
    apiVersion: 'fleet.cattle.io/v1alpha1',
    kind:       'Bundle',
    metadata:   meta(m.bundle === 'mcc' ? mccName : `${ mccName }-${ m.name.length }`, 'fleet-local', m.resourceVersion, {
      labels:          { 'objectset.rio.cattle.io/hash': 'abc' },
      ownerReferences: m.bundle === 'owned' ? [{
        apiVersion: 'management.cattle.io/v3', kind: 'ManagedChart', name: m.name, controller: true
      }] : [],
    }),
    spec: {
      paused:              m.bundlePaused,
      forceSyncGeneration: m.forceSyncGeneration,
      helm:                {
        chart: m.name, releaseName: m.name, values: { replicas: 1 }
      },
      targets: [{ clusterName: 'local' }]
    },
    status: bundleStatus,
  });
  if (m.deployment === 'none' || !withDeployment) {
    return out;
  }
  const bundleName = (out[1].metadata as Obj).name as string;
  const { spec, status } = bdStatus(m);

  out.push({
    apiVersion: 'fleet.cattle.io/v1alpha1',
    kind:       'BundleDeployment',
    metadata:   meta(bundleName, FLEET_NS, true, {
      labels: {
        'fleet.cattle.io/bundle-name':       bundleName,
        'fleet.cattle.io/bundle-namespace':  'fleet-local',
        'fleet.cattle.io/cluster':           'local',
        'fleet.cattle.io/cluster-namespace': 'fleet-local',
        'fleet.cattle.io/managed':           'true',
      },
    }),
    spec,
    status,
  });

  return out;
}

function fleetCluster(f: FleetSpec): Obj {
  return {
    apiVersion: 'fleet.cattle.io/v1alpha1',
    kind:       'Cluster',
    metadata:   meta('local', 'fleet-local', f.resourceVersion, { labels: { name: 'local' } }),
    spec:       {
      redeployAgentGeneration: f.redeploy, paused: f.paused, kubeConfigSecret: 'local-kubeconfig', agentNamespace: 'cattle-fleet-local-system'
    },
    status: {
      namespace:               f.namespaceMatches ? FLEET_NS : 'cluster-fleet-local-other',
      ...(f.lastSeen === 'absent' ? {} : { agent: { lastSeen: f.lastSeen, namespace: 'cattle-fleet-local-system' } }),
      agentDeployedGeneration: f.deployed,
      summary:                 { desiredReady: 3, ready: 3 },
      display:                 { readyBundles: '3/3', state: 'Ready' },
      conditions:              [cond('Ready', 'True'), cond('Processed', 'True')],
    },
  };
}

function app(appName: string, ns: string, status: string, description: string): Obj {
  return {
    apiVersion: 'catalog.cattle.io/v1',
    kind:       'App',
    metadata:   meta(appName, ns, true),
    spec:       {
      name:      appName,
      namespace: ns,
      version:   3,
      chart:     { metadata: { name: appName, version: '1.6.1' } },
      info:      {
        status, description, firstDeployed: '2025-09-24T08:00:00Z', lastDeployed: '2025-09-24T09:00:00Z'
      },
      values: { replicas: 1 },
    },
    status: { observedGeneration: 1, summary: { state: status } },
  };
}

function nodeObject(n: NodeSpec): Obj {
  return {
    apiVersion: 'v1',
    kind:       'Node',
    metadata:   meta(n.name, undefined, true, { labels: { 'node-role.kubernetes.io/control-plane': 'true' } }),
    spec:       { unschedulable: n.unschedulable, taints: n.unschedulable ? [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }] : [] },
    status:     {
      conditions: n.ready === 'none' ? [cond('MemoryPressure', 'False')] : [cond('Ready', n.ready, { reason: n.ready === 'True' ? 'KubeletReady' : 'KubeletNotReady', message: 'kubelet is posting ready status' })],
      nodeInfo:   { kubeletVersion: n.version, osImage: 'Harvester v1.6.1' },
    },
  };
}

function upgradeObject(state: ScenarioSpec['upgrade']): Obj {
  const completed = state === 'succeeded' ? [cond('Completed', 'True')] : state === 'failed' ? [cond('Completed', 'False', { message: 'failed' })] : [cond('ImageReady', 'True')];

  return {
    apiVersion: 'harvesterhci.io/v1beta1',
    kind:       'Upgrade',
    metadata:   meta('hvst-upgrade-abcde', 'harvester-system', true),
    spec:       { version: 'v1.6.1', logEnabled: true },
    status:     { previousVersion: 'v1.6.0', conditions: completed },
  };
}

function otherObject(i: number): Obj {
  return i % 2 ? {
    apiVersion: 'v1', kind: 'ConfigMap', metadata: meta(`cm-${ i }`, 'default', true), data: { a: 'b' }
  } : {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta(`dep-${ i }`, 'harvester-system', true), spec: { replicas: 1 }
  };
}

/** The plain objects of a scenario, in a realistic order. */
export function buildObjects(s: ScenarioSpec): Obj[] {
  const out: Obj[] = s.nodes.map(nodeObject);

  for (const c of s.charts) {
    out.push(...helmChartObjects(c));
    if (c.release) {
      out.push(app(c.name, c.targetNamespace || c.namespace, c.release, c.message));
    }
  }
  for (const m of s.managed) {
    out.push(...fleetObjects(m, !!s.fleet));
    if (m.release) {
      out.push(app(m.name, 'harvester-system', m.release, m.bdMessage));
    }
  }
  if (s.fleet) {
    out.push(fleetCluster(s.fleet));
  }
  if (s.upgrade !== 'none') {
    out.push(upgradeObject(s.upgrade));
  }
  for (let i = 0; i < s.others; i++) {
    out.push(otherObject(i));
  }

  // nothing shared with the description or between objects: a mutation changes one place only
  return structuredClone(out);
}

/** Steve's collection id of each kind, as in `/v1/<collection>`. */
export const STEVE_TYPE: Record<string, string> = {
  HelmChart:        'helm.cattle.io.helmchart',
  Job:              'batch.job',
  Pod:              'pod',
  Event:            'event',
  Node:             'node',
  ManagedChart:     'management.cattle.io.managedchart',
  Bundle:           'fleet.cattle.io.bundle',
  BundleDeployment: 'fleet.cattle.io.bundledeployment',
  Cluster:          'fleet.cattle.io.cluster',
  App:              'catalog.cattle.io.app',
  Upgrade:          'harvesterhci.io.upgrade',
};

/** The resource (plural) of each kind in the native Kubernetes API, which Steve's `links.view` points at. */
const NATIVE: Record<string, string> = {
  HelmChart:        'helmcharts',
  Job:              'jobs',
  Pod:              'pods',
  Event:            'events',
  Node:             'nodes',
  ManagedChart:     'managedcharts',
  Bundle:           'bundles',
  BundleDeployment: 'bundledeployments',
  Cluster:          'clusters',
  App:              'apps',
  Upgrade:          'upgrades',
};

/** How Steve shows what a user may do: `update`, `patch` and `remove` only with the verb. */
export type Verbs = ('update' | 'patch' | 'remove')[];

/** The same object as a Steve item: `id`, `type`, `links`, Steve's `metadata.state`, and an Event's type moved to `_type`. */
export function toSteve(obj: Obj, verbs: Verbs, base = 'https://rancher.test/k8s/clusters/c-m-abc'): Obj {
  const md = obj.metadata as Obj;
  const type = STEVE_TYPE[obj.kind as string];

  if (!type || !md || typeof md !== 'object') {
    return obj;
  }
  const id = md.namespace ? `${ md.namespace }/${ md.name }` : `${ md.name }`;
  const self = `${ base }/v1/${ type }s/${ id }`;
  const plural = NATIVE[obj.kind as string];
  const nativeBase = `${ base }/${ obj.apiVersion === 'v1' ? 'api' : 'apis' }/${ obj.apiVersion }`;
  const links: Obj = { self, view: `${ nativeBase }/${ md.namespace ? `namespaces/${ md.namespace }/` : '' }${ plural }/${ md.name }` };

  for (const v of verbs) {
    links[v] = self;
  }
  const out: Obj = {
    id,
    type,
    links,
    ...obj,
    metadata: {
      ...md,
      state: {
        name: 'active', error: false, transitioning: false, message: ''
      },
      relationships: [],
      fields:        [md.name, '1d']
    },
  };

  if (obj.kind === 'Event') {
    out._type = obj.type;
    out.type = type;
  }

  return out;
}
