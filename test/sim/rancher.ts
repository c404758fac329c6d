/**
 * Rancher's own objects, served by the management cluster (`local`): settings, features,
 * management and provisioning clusters, projects and user preferences; and the Norman (`/v3`)
 * user and principal the Dashboard's login guard asks for.
 */
import type { ClusterInfo } from './cluster';
import type { Obj } from './objects';
import type { SimUser } from './users';

/** The Rancher version the simulator claims unless a scenario says otherwise (`Scenario.rancherVersion`). */
export const DEFAULT_RANCHER_VERSION = 'v2.12.0';

function setting(name: string, value: string): Obj {
  return {
    apiVersion: 'management.cattle.io/v3',
    kind:       'Setting',
    metadata:   { name, creationTimestamp: '2025-09-24T08:50:00Z' },
    value,
    default:    value,
    customized: false,
    source:     'default',
  };
}

/** Rancher's list of system namespaces (a Harvester cluster's embedded Rancher has it too). */
export function systemNamespacesSetting(): Obj {
  return setting('system-namespaces', 'kube-system,kube-public,cattle-system,cattle-alerting,cattle-logging,cattle-pipeline,cattle-prometheus,ingress-nginx,cattle-global-data,cattle-istio,kube-node-lease,cert-manager,cattle-global-nt,security-scan,cattle-fleet-system,cattle-fleet-local-system,calico-system,tigera-operator,cattle-impersonation-system,rancher-operator-system,cattle-csp-adapter-system,calico-apiserver,cattle-ui-plugin-system,cattle-provisioning-capi-system,fleet-local,fleet-default,harvester-system,longhorn-system');
}

export function settings(rancherVersion = DEFAULT_RANCHER_VERSION): Obj[] {
  return [
    setting('server-version', rancherVersion),
    setting('first-login', 'false'),
    setting('eula-agreed', '2025-09-24T08:50:00Z'),
    setting('telemetry-opt', 'out'),
    setting('ui-pl', 'rancher'),
    setting('ui-brand', ''),
    setting('ui-offline-preferred', 'true'),
    setting('ui-performance', ''),
    // Off, so the Dashboard asks nothing of Rancher's update service (it still tries on community builds; the tests block it)
    setting('ui-content-enabled', 'false'),
    setting('ui-banners', '{}'),
    setting('ui-issues', ''),
    setting('ui-custom-links', ''),
    setting('hide-local-cluster', 'false'),
    setting('ui-community-links', 'false'),
    systemNamespacesSetting(),
    setting('server-url', ''),
    setting('has-support', 'false'),
  ];
}

function feature(name: string, value: boolean): Obj {
  return {
    apiVersion: 'management.cattle.io/v3',
    kind:       'Feature',
    metadata:   { name, creationTimestamp: '2025-09-24T08:50:00Z' },
    spec:       { value: null },
    status:     {
      default: value, dynamic: false, lockedValue: null, description: name
    },
  };
}

export function features(): Obj[] {
  return [
    feature('multi-cluster-management', true),
    feature('fleet', true),
    feature('harvester', true),
    feature('rke2', true),
    feature('continuous-delivery', true),
    feature('uiextension', true),
    // Off: with the SQL cache on, the Dashboard pages lists server-side
    feature('ui-sql-cache', false),
  ];
}

const CPU_MEM = {
  allocatable: {
    cpu: '16', memory: '64Gi', pods: '200'
  },
  capacity: {
    cpu: '16', memory: '64Gi', pods: '200'
  },
  requested: {
    cpu: '3200m', memory: '9Gi', pods: '61'
  },
};

export function managementCluster(c: ClusterInfo): Obj {
  return {
    apiVersion: 'management.cattle.io/v3',
    kind:       'Cluster',
    metadata:   {
      name:              c.id,
      creationTimestamp: '2025-09-24T08:50:00Z',
      labels:            { 'provider.cattle.io': c.provider },
      annotations:       {},
    },
    spec: {
      displayName: c.displayName, internal: c.id === 'local', fleetWorkspaceName: c.id === 'local' ? 'fleet-local' : 'fleet-default'
    },
    status: {
      conditions: [
        {
          type: 'Ready', status: 'True', lastUpdateTime: '2025-09-24T09:00:00Z'
        },
        {
          type: 'Connected', status: 'True', lastUpdateTime: '2025-09-24T09:00:00Z'
        },
        {
          type: 'Provisioned', status: 'True', lastUpdateTime: '2025-09-24T09:00:00Z'
        },
      ],
      provider: c.provider,
      driver:   c.id === 'local' ? 'k3s' : 'imported',
      version:  { gitVersion: c.kubernetesVersion },
      ...CPU_MEM,
    },
  };
}

export function provisioningCluster(c: ClusterInfo): Obj {
  const ns = c.id === 'local' ? 'fleet-local' : 'fleet-default';

  return {
    apiVersion: 'provisioning.cattle.io/v1',
    kind:       'Cluster',
    metadata:   {
      name:              c.id === 'local' ? 'local' : c.displayName,
      namespace:         ns,
      creationTimestamp: '2025-09-24T08:50:00Z',
      labels:            c.provider === 'harvester' ? { 'provider.cattle.io': 'harvester' } : {},
    },
    spec:   {},
    status: {
      clusterName: c.id, ready: true, conditions: [{ type: 'Ready', status: 'True' }]
    },
  };
}

export function project(clusterId: string, name: string, displayName: string): Obj {
  return {
    apiVersion: 'management.cattle.io/v3',
    kind:       'Project',
    metadata:   {
      name, namespace: clusterId, creationTimestamp: '2025-09-24T08:50:00Z'
    },
    spec: { clusterName: clusterId, displayName },
  };
}

export function namespace(name: string): Obj {
  return {
    apiVersion: 'v1',
    kind:       'Namespace',
    metadata:   { name, creationTimestamp: '2025-09-24T08:50:00Z' },
    status:     { phase: 'Active' },
  };
}

/** The values are JSON strings, as Rancher stores them. */
export function userPreference(user: SimUser, rancherVersion = DEFAULT_RANCHER_VERSION): Record<string, unknown> {
  return {
    id:       user.id,
    type:     'userpreference',
    metadata: { name: user.id },
    data:     {
      locale:                    '"en-us"',
      theme:                     '"ui-light"',
      'seen-whatsnew':           `"${ rancherVersion }"`,
      'after-login-route':       '"home"',
      'read-whatsnew':           `"${ rancherVersion }"`,
      'home-page-cards':         '{"setLoginPage":true,"welcomeBanner":false}',
      'provisioning.no-default': 'true',
    },
  };
}

export function normanUser(user: SimUser): Record<string, unknown> {
  return {
    id:                 user.id,
    type:               'user',
    uuid:               `${ user.id }-0000-4000-8000-000000000000`.slice(0, 36),
    username:           user.username,
    name:               user.displayName,
    enabled:            true,
    mustChangePassword: false,
    principalIds:       [`local://${ user.id }`],
    me:                 true,
    links:              {},
  };
}

export function principal(user: SimUser): Record<string, unknown> {
  return {
    id:            `local://${ user.id }`,
    type:          'principal',
    me:            true,
    name:          user.displayName,
    loginName:     user.username,
    principalType: 'user',
    provider:      'local',
    links:         {},
  };
}

/** Rancher's agent in a downstream cluster, running. */
export function clusterAgent(rancherVersion = DEFAULT_RANCHER_VERSION): Obj {
  return {
    apiVersion: 'apps/v1',
    kind:       'Deployment',
    metadata:   {
      name: 'cattle-cluster-agent', namespace: 'cattle-system', creationTimestamp: '2025-09-24T09:02:10Z', generation: 1, labels: { app: 'cattle-cluster-agent' }
    },
    spec: {
      replicas: 1, selector: { matchLabels: { app: 'cattle-cluster-agent' } }, template: { metadata: { labels: { app: 'cattle-cluster-agent' } }, spec: { containers: [{ name: 'cluster-register', image: `rancher/rancher-agent:${ rancherVersion }` }] } }
    },
    status: {
      replicas: 1, readyReplicas: 1, availableReplicas: 1, updatedReplicas: 1, observedGeneration: 1, conditions: [{ type: 'Available', status: 'True' }]
    },
  };
}
