/**
 * Small builders for the objects the engine reads, shaped like `kubectl get -o json` output.
 * Each returns a fresh object that a test may change.
 */
import type {
  App, Bundle, BundleDeployment, Condition, FleetCluster, HelmChart, Job, KubeEvent, ManagedChart, Node, Pod, SteveType, Upgrade
} from '@pkg/types';
import { TYPES } from '@pkg/types';

/** Every type, as a caller that listed them all says: a type with no objects is then read and empty, not unread. */
export const ALL_TYPES: SteveType[] = Object.values(TYPES);

export const NOW = '2025-09-24T10:00:00Z';
export const FLEET_NS = 'cluster-fleet-local-local-1a3d67d0a899';
const DEPLOYMENT_ID = 's-0123456789abcdef:fedcba9876543210';

export function cond(type: string, status: string, extra: Partial<Condition> = {}): Condition {
  return {
    type, status, ...extra
  };
}

export function helmChart(name: string, ns = 'kube-system'): HelmChart {
  return {
    apiVersion: 'helm.cattle.io/v1',
    kind:       'HelmChart',
    metadata:   {
      name, namespace: ns, resourceVersion: '100', creationTimestamp: '2025-09-24T08:57:00Z'
    },
    spec:   {
      bootstrap: true, chartContent: 'H4sIAAAA', valuesContent: 'password: hunter2'
    },
    status: {
      jobName:    `helm-install-${ name }`,
      conditions: [
        cond('JobCreated', 'True', { reason: 'Job created', message: `Applying HelmChart using Job ${ ns }/helm-install-${ name }` }),
        cond('Failed', 'False'),
      ],
    },
  };
}

export function job(chart: string, status: Job['status'], ns = 'kube-system'): Job {
  return {
    apiVersion: 'batch/v1',
    kind:       'Job',
    metadata:   {
      name:              `helm-install-${ chart }`,
      namespace:         ns,
      resourceVersion:   '200',
      creationTimestamp: '2025-09-24T09:00:00Z',
      labels:            { 'helmcharts.helm.cattle.io/chart': chart },
    },
    spec: { backoffLimit: 1000 },
    status,
  };
}

export const completeJob = (chart: string, ns?: string) => job(chart, {
  succeeded: 1, startTime: '2025-09-24T09:00:00Z', completionTime: '2025-09-24T09:00:30Z', conditions: [cond('Complete', 'True')]
}, ns);

export function pod(chart: string, suffix: string, status: Pod['status'], ns = 'kube-system'): Pod {
  return {
    apiVersion: 'v1',
    kind:       'Pod',
    metadata:   {
      name:              `helm-install-${ chart }-${ suffix }`,
      namespace:         ns,
      creationTimestamp: '2025-09-24T09:00:01Z',
      labels:            {
        'helmcharts.helm.cattle.io/chart': chart, 'batch.kubernetes.io/job-name': `helm-install-${ chart }`, 'job-name': `helm-install-${ chart }`
      },
    },
    status,
  };
}

export function node(name: string, ready: string, unschedulable = false): Node {
  return {
    apiVersion: 'v1',
    kind:       'Node',
    metadata:   { name },
    spec:       { unschedulable },
    status:     { conditions: [cond('Ready', ready, { reason: ready === 'True' ? 'KubeletReady' : 'KubeletNotReady', message: 'kubelet says so' })], nodeInfo: { kubeletVersion: 'v1.33.3+rke2r1' } },
  };
}

export function managedChart(name: string, extra: { paused?: boolean; defined?: Condition; releaseName?: string; namespace?: string } = {}): ManagedChart {
  return {
    apiVersion: 'management.cattle.io/v3',
    kind:       'ManagedChart',
    metadata:   {
      name, namespace: 'fleet-local', resourceVersion: '300'
    },
    spec:       {
      chart: name, releaseName: extra.releaseName ?? name, defaultNamespace: extra.namespace || 'harvester-system', paused: extra.paused, values: { secret: 'hunter2' }
    },
    status: {
      conditions: [extra.defined || cond('Defined', 'True')], summary: { desiredReady: 1, ready: 1 }, display: { readyClusters: '1/1' }
    },
  };
}

export function bundle(name: string, summary: Bundle['status'] extends infer S ? S extends { summary?: infer X } ? X : never : never = { desiredReady: 1, ready: 1 }, owner?: string): Bundle {
  return {
    apiVersion: 'fleet.cattle.io/v1alpha1',
    kind:       'Bundle',
    metadata:   {
      name,
      namespace:       'fleet-local',
      resourceVersion: '400',
      ownerReferences: owner ? [{
        apiVersion: 'management.cattle.io/v3', kind: 'ManagedChart', name: owner, controller: true
      }] : undefined,
    },
    spec:   { forceSyncGeneration: 2, helm: { releaseName: owner || name } },
    status: {
      summary, display: { readyClusters: `${ summary?.ready || 0 }/${ summary?.desiredReady || 0 }` }, conditions: [cond('Ready', 'True')]
    },
  };
}

export function bundleDeployment(name: string, status: BundleDeployment['status'] = {}, spec: BundleDeployment['spec'] = {}): BundleDeployment {
  return {
    apiVersion: 'fleet.cattle.io/v1alpha1',
    kind:       'BundleDeployment',
    metadata:   {
      name,
      namespace: FLEET_NS,
      labels:    {
        'fleet.cattle.io/bundle-name':       name,
        'fleet.cattle.io/bundle-namespace':  'fleet-local',
        'fleet.cattle.io/cluster':           'local',
        'fleet.cattle.io/cluster-namespace': 'fleet-local',
        'fleet.cattle.io/managed':           'true',
      },
    },
    spec:   {
      deploymentID: DEPLOYMENT_ID, stagedDeploymentID: DEPLOYMENT_ID, ...spec
    },
    status: {
      appliedDeploymentID: DEPLOYMENT_ID,
      ready:               true,
      nonModified:         true,
      release:             `harvester-system/${ name.replace(/^mcc-/, '') }:1`,
      conditions:          [cond('Installed', 'True'), cond('Deployed', 'True'), cond('Ready', 'True'), cond('Monitored', 'True')],
      ...status,
    },
  };
}

export function fleetCluster(extra: { lastSeen?: string | null; redeploy?: number; deployed?: number; summary?: FleetCluster['status'] extends infer S ? S extends { summary?: infer X } ? X : never : never } = {}): FleetCluster {
  return {
    apiVersion: 'fleet.cattle.io/v1alpha1',
    kind:       'Cluster',
    metadata:   {
      name: 'local', namespace: 'fleet-local', resourceVersion: '500'
    },
    spec:       { redeployAgentGeneration: extra.redeploy ?? 1 },
    status:     {
      namespace:               FLEET_NS,
      // a raw object may say `null`, which the boundary reads as absent
      agent:                   { lastSeen: (extra.lastSeen === undefined ? '2025-09-24T09:52:10Z' : extra.lastSeen) as string | undefined },
      agentDeployedGeneration: extra.deployed ?? 1,
      summary:                 extra.summary || { desiredReady: 1, ready: 1 },
    },
  };
}

export function app(name: string, ns: string, status: string, revision = 1): App {
  return {
    apiVersion: 'catalog.cattle.io/v1',
    kind:       'App',
    metadata:   { name, namespace: ns },
    spec:       {
      name, namespace: ns, version: revision, info: { status, description: `${ status } description` }, chart: { metadata: { name, version: '1.0.0' } }, values: { secret: 'hunter2' }
    },
  };
}

export function upgrade(name: string, completed?: string): Upgrade {
  return {
    apiVersion: 'harvesterhci.io/v1beta1',
    kind:       'Upgrade',
    metadata:   {
      name, namespace: 'harvester-system', creationTimestamp: '2025-09-24T09:30:00Z'
    },
    spec:       { version: 'v1.6.1' },
    status:     { previousVersion: 'v1.6.0', conditions: completed ? [cond('Completed', completed)] : [cond('ImageReady', 'True')] },
  };
}

export function event(involvedKind: string, involvedName: string, reason: string, ns = 'kube-system'): KubeEvent {
  return {
    apiVersion:     'v1',
    kind:           'Event',
    metadata:       { name: `${ involvedName }.${ reason.toLowerCase() }`, namespace: ns },
    involvedObject: {
      kind: involvedKind, name: involvedName, namespace: ns
    },
    type:           'Warning',
    reason,
    message:        `${ reason } happened`,
  };
}

/** Steve's `links` as a user with every verb sees them. */
export function withLinks<T extends { metadata: { name: string; namespace?: string } }>(obj: T, collection: string, verbs = ['update', 'patch', 'remove'], base = 'https://rancher.test/k8s/clusters/c-m-1'): T {
  const path = `${ obj.metadata.namespace ? `${ obj.metadata.namespace }/` : '' }${ obj.metadata.name }`;
  const self = `${ base }/v1/${ collection }/${ path }`;
  const links: Record<string, string> = { self };

  for (const v of verbs) {
    links[v] = self;
  }

  return { ...obj, links };
}
