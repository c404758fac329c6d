/**
 * The Kubernetes and Rancher types the simulator serves, with what Steve derives from each:
 * schema id (`lower(group.kind)`, or `lower(kind)` for the core group), plural collection name,
 * and the printer columns the Dashboard builds list headers from.
 */
export interface Column {
  name: string;
  field: string;
  type: string;
  format?: string;
  priority?: number;
}

export interface TypeDef {
  id: string;
  group: string;
  version: string;
  kind: string;
  /** The Kubernetes resource name (lower-case plural). */
  resource: string;
  namespaced: boolean;
  columns: Column[];
  /** The CRD declares the status subresource: status changes through the main resource are dropped. */
  statusSubresource?: boolean;
}

const name: Column = {
  name: 'Name', field: '.metadata.name', type: 'string', format: 'name', priority: 0
};
const age: Column = {
  name: 'Age', field: '.metadata.creationTimestamp', type: 'date', priority: 0
};

function col(label: string, field: string, type = 'string'): Column {
  return {
    name: label, field, type, priority: 0
  };
}

function def(apiVersion: string, kind: string, resource: string, namespaced: boolean, columns: Column[], statusSubresource = false): TypeDef {
  const slash = apiVersion.indexOf('/');
  const group = slash > 0 ? apiVersion.slice(0, slash) : '';
  const version = slash > 0 ? apiVersion.slice(slash + 1) : apiVersion;

  return {
    id: (group ? `${ group }.${ kind }` : kind).toLowerCase(), group, version, kind, resource, namespaced, columns: [name, ...columns, age], statusSubresource
  };
}

export const TYPE_DEFS: TypeDef[] = [
  def('v1', 'Namespace', 'namespaces', false, [col('Status', '.status.phase')], true),
  def('v1', 'Node', 'nodes', false, [col('Status', '.status.conditions'), col('Roles', '.metadata.labels'), col('Version', '.status.nodeInfo.kubeletVersion')], true),
  def('v1', 'Pod', 'pods', true, [col('Ready', '.status.containerStatuses'), col('Status', '.status.phase'), col('Restarts', '.status.containerStatuses', 'integer')], true),
  def('v1', 'Event', 'events', true, [
    col('Last Seen', '.lastTimestamp', 'date'), col('Type', '.type'), col('Reason', '.reason'), col('Object', '.involvedObject.name'),
    col('Subobject', '.involvedObject.fieldPath'), col('Source', '.source.component'), col('Message', '.message'),
    col('First Seen', '.firstTimestamp', 'date'), col('Count', '.count', 'integer')
  ]),
  def('v1', 'Secret', 'secrets', true, [col('Type', '.type')]),
  def('v1', 'PersistentVolumeClaim', 'persistentvolumeclaims', true, [col('Status', '.status.phase'), col('Volume', '.spec.volumeName')], true),
  def('v1', 'ConfigMap', 'configmaps', true, []),
  def('v1', 'Service', 'services', true, [col('Type', '.spec.type'), col('Cluster-IP', '.spec.clusterIP')]),
  def('apps/v1', 'Deployment', 'deployments', true, [col('Ready', '.status.readyReplicas'), col('Up-to-date', '.status.updatedReplicas')], true),
  def('batch/v1', 'Job', 'jobs', true, [col('Completions', '.status.succeeded'), col('Duration', '.status.completionTime')], true),
  def('helm.cattle.io/v1', 'HelmChart', 'helmcharts', true, [
    col('Job', '.status.jobName'), col('Chart', '.spec.chart'), col('TargetNamespace', '.spec.targetNamespace'), col('Version', '.spec.version'),
    col('Repo', '.spec.repo'), col('HelmVersion', '.spec.helmVersion'), col('Bootstrap', '.spec.bootstrap', 'boolean')
  ], true),
  def('helm.cattle.io/v1', 'HelmChartConfig', 'helmchartconfigs', true, []),
  def('management.cattle.io/v3', 'ManagedChart', 'managedcharts', true, [], true),
  def('fleet.cattle.io/v1alpha1', 'Bundle', 'bundles', true, [col('BundleDeployments-Ready', '.status.display.readyClusters'), col('Status', '.status.conditions[?(@.type=="Ready")].message')], true),
  def('fleet.cattle.io/v1alpha1', 'BundleDeployment', 'bundledeployments', true, [
    col('Deployed', '.status.display.deployed'), col('Monitored', '.status.display.monitored'), col('Status', '.status.conditions[?(@.type=="Ready")].message')
  ], true),
  def('fleet.cattle.io/v1alpha1', 'Cluster', 'clusters', true, [
    col('Bundles-Ready', '.status.display.readyBundles'), col('Last-Seen', '.status.agent.lastSeen', 'date'), col('Status', '.status.conditions[?(@.type=="Ready")].message')
  ], true),
  def('catalog.cattle.io/v1', 'App', 'apps', true, [
    col('Chart', '.spec.chart.metadata.name'), col('Version', '.spec.chart.metadata.version'), col('Release Name', '.spec.name'),
    col('Release Version', '.spec.version', 'integer'), col('Status', '.spec.info.status')
  ], true),
  def('harvesterhci.io/v1beta1', 'Upgrade', 'upgrades', true, [], true),
  def('harvesterhci.io/v1beta1', 'Setting', 'settings', false, [col('Value', '.value')]),
  def('harvesterhci.io/v1beta1', 'Version', 'versions', true, [col('ISO-URL', '.spec.isoURL')]),
  def('kubevirt.io/v1', 'VirtualMachine', 'virtualmachines', true, [col('Status', '.status.printableStatus'), col('Ready', '.status.ready', 'boolean')], true),
  // Rancher's own types, served by the management cluster (`local`)
  def('management.cattle.io/v3', 'Cluster', 'clusters', false, [], true),
  def('management.cattle.io/v3', 'Setting', 'settings', false, [col('Value', '.value')]),
  def('management.cattle.io/v3', 'Feature', 'features', false, []),
  def('management.cattle.io/v3', 'Project', 'projects', true, [], true),
  def('management.cattle.io/v3', 'ClusterRoleTemplateBinding', 'clusterroletemplatebindings', true, []),
  def('provisioning.cattle.io/v1', 'Cluster', 'clusters', true, [], true),
];

/** Rancher serves user preferences as a synthetic Steve type (no Kubernetes resource behind it). */
export const USER_PREFERENCE: TypeDef = {
  id: 'userpreference', group: '', version: 'v1', kind: 'UserPreference', resource: 'userpreferences', namespaced: false, columns: [name]
};

const BY_ID = new Map(TYPE_DEFS.map((t) => [t.id, t]));

export function typeDef(id: string): TypeDef {
  const t = BY_ID.get(id);

  if (!t) {
    throw new Error(`unknown type ${ id }`);
  }

  return t;
}

export function findTypeDef(id: string): TypeDef | undefined {
  return BY_ID.get(id);
}

/** Steve's plural collection name: `<group>.<resource>`, or `<resource>` for the core group. */
export function pluralName(t: TypeDef): string {
  return t.group ? `${ t.group }.${ t.resource }` : t.resource;
}

export function apiVersionOf(t: TypeDef): string {
  return t.group ? `${ t.group }/${ t.version }` : t.version;
}

export function typeIdOf(apiVersion: string | undefined, kind: string | undefined): string | undefined {
  if (!kind) {
    return undefined;
  }
  const slash = (apiVersion || '').indexOf('/');
  const group = slash > 0 ? (apiVersion || '').slice(0, slash) : '';

  return (group ? `${ group }.${ kind }` : kind).toLowerCase();
}

/**
 * Type ids of what a Harvester cluster serves (besides schema and count). Harvester's UI lists
 * `harvesterhci.io.version` without checking for its schema, shows Volumes only where PVCs are
 * served, and reads the embedded Rancher's `system-namespaces` setting when it is there.
 */
export const HARVESTER_TYPES = [
  'namespace', 'node', 'pod', 'event', 'secret', 'configmap', 'service', 'persistentvolumeclaim', 'apps.deployment', 'batch.job',
  'helm.cattle.io.helmchart', 'helm.cattle.io.helmchartconfig', 'management.cattle.io.managedchart', 'management.cattle.io.setting',
  'fleet.cattle.io.bundle', 'fleet.cattle.io.bundledeployment', 'fleet.cattle.io.cluster',
  'catalog.cattle.io.app', 'harvesterhci.io.upgrade', 'harvesterhci.io.setting', 'harvesterhci.io.version', 'kubevirt.io.virtualmachine',
];

/** A plain RKE2 cluster: HelmCharts and their Jobs, no Fleet, no ManagedCharts, no Harvester. */
export const RKE2_TYPES = [
  'namespace', 'node', 'pod', 'event', 'secret', 'configmap', 'service', 'apps.deployment', 'batch.job',
  'helm.cattle.io.helmchart', 'helm.cattle.io.helmchartconfig', 'catalog.cattle.io.app',
];

/** Rancher's management cluster as the Dashboard needs it. */
export const LOCAL_TYPES = [
  'namespace', 'node', 'pod', 'event', 'secret', 'configmap', 'service', 'apps.deployment',
  'management.cattle.io.cluster', 'management.cattle.io.setting', 'management.cattle.io.feature', 'management.cattle.io.project',
  // Harvester's nav shows Cluster Members where the user can see these (Rancher's admin can)
  'management.cattle.io.clusterroletemplatebinding',
  'provisioning.cattle.io.cluster',
];
