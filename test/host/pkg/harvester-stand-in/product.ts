/**
 * TEST STAND-IN: the `harvester` product as Harvester's UI registers it: its options that change
 * the shell's behaviour, and its real top-level navigation (labels and weights), with one entry
 * in each of its groups, so where our page lands among them is tested. Entries other than the
 * Dashboard and Virtual Machines open a placeholder.
 */
import { DASHBOARD, PRODUCT, VM } from './names';
import { STORE } from './store';

export { PRODUCT, VM };

interface Entry {
  name: string;
  label: string;
  weight: number;
  /** The nav group (none: top level). */
  group?: string;
  ifHaveType?: string | { type: string; store: string };
  ifHave?: string;
  /** The route, when it is not `harvester-c-cluster-resource` for this type. */
  routeName?: string;
}

/** Where Harvester's UI puts its entries (Harvester 1.6 and 1.7 agree on these). */
export const ENTRIES: Entry[] = [
  {
    name: DASHBOARD, label: 'Dashboard', weight: 500
  },
  {
    name: 'harvesterhci.io.host', label: 'Hosts', weight: 399, ifHaveType: 'node'
  },
  {
    name: VM, label: 'Virtual Machines', weight: 299
  },
  {
    name: 'harvesterhci.io.volume', label: 'Volumes', weight: 199, ifHaveType: 'persistentvolumeclaim'
  },
  {
    name: 'harvesterhci.io.virtualmachineimage', label: 'Images', weight: 198
  },
  {
    name: 'projects-namespaces', label: 'Projects/Namespaces', weight: 98, ifHave: 'multi-cluster', routeName: `${ PRODUCT }-c-cluster-projectsnamespaces`
  },
  {
    name: 'harvesterhci.io.networkattachmentdefinition', label: 'Virtual Machine Networks', weight: 188, group: 'networks'
  },
  {
    name: 'harvesterhci.io.virtualmachinebackup', label: 'Virtual Machine Backups', weight: 200, group: 'backupAndSnapshot'
  },
  {
    name: 'harvesterhci.io.monitoring.alertmanagerconfig', label: 'Alertmanager Configurations', weight: 87, group: 'Monitoring & Logging::Monitoring'
  },
  {
    name: 'harvesterhci.io.logging.clusterflow', label: 'Cluster Flows', weight: 79, group: 'Monitoring & Logging::Logging'
  },
  {
    name: 'cluster-members', label: 'Cluster Members', weight: 100, group: 'rbac', ifHave: 'multi-cluster', ifHaveType: { type: 'management.cattle.io.clusterroletemplatebinding', store: 'management' }, routeName: `${ PRODUCT }-c-cluster-members`
  },
  {
    name: 'harvesterhci.io.setting', label: 'Settings', weight: -1000, group: 'advanced', ifHaveType: 'harvesterhci.io.setting'
  },
];

/** Types whose page is a placeholder list (the Dashboard and the VM list are the real thing's stand-ins). */
export const PLACEHOLDER_LISTS = ENTRIES.filter((e) => !e.routeName && e.name !== DASHBOARD && e.name !== VM).map((e) => e.name);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function init($plugin: { DSL: (store: any, product: string) => any }, store: unknown): void {
  const {
    product, basicType, virtualType, configureType, weightGroup
  } = $plugin.DSL(store, PRODUCT);

  product({
    inStore:               STORE,
    removable:             false,
    showNamespaceFilter:   true,
    hideKubeShell:         true,
    hideKubeConfig:        true,
    showClusterSwitcher:   true,
    hideCopyConfig:        true,
    // ResourceTable drops system-namespace rows even under "All namespaces"
    hideSystemResources:   true,
    // the store offers the namespace filter's options
    customNamespaceFilter: true,
    // these types are read from Rancher's management store even on Harvester pages
    typeStoreMap:          {
      'management.cattle.io.project':                    'management',
      'management.cattle.io.clusterroletemplatebinding': 'management',
      'management.cattle.io.projectroletemplatebinding': 'management',
    },
    supportRoute:          { name: `${ PRODUCT }-c-cluster-support` },
    to:                    { name: `${ PRODUCT }-c-cluster-resource`, params: { product: PRODUCT, resource: DASHBOARD } },
    hideNamespaceLocation: true,
  });

  for (const e of ENTRIES) {
    basicType([e.name], e.group);
    virtualType({
      label:      e.label,
      name:       e.name,
      weight:     e.weight,
      ifHaveType: e.ifHaveType,
      ifHave:     e.ifHave,
      exact:      false,
      route:      e.routeName ? { name: e.routeName } : { name: `${ PRODUCT }-c-cluster-resource`, params: { resource: e.name } },
    });
  }
  configureType(DASHBOARD, { showListMasthead: false });
  weightGroup('networks', 300, true);
  weightGroup('backupAndSnapshot', 289, true);
  weightGroup('Monitoring', 2, true);
  weightGroup('Logging', 1, true);
}
