import type { HelmChart } from './helm';
import type { Job } from './batch';
import type { KubeEvent, Node, Pod } from './core';
import type { ManagedChart } from './management';
import type { Bundle, BundleDeployment, FleetCluster } from './fleet';
import type { App } from './catalog';
import type { Upgrade } from './harvester';

export * from './meta';
export * from './helm';
export * from './batch';
export * from './core';
export * from './management';
export * from './fleet';
export * from './catalog';
export * from './harvester';

/** Steve schema ids of every type the engine understands. */
export const TYPES = {
  HELM_CHART:        'helm.cattle.io.helmchart',
  JOB:               'batch.job',
  POD:               'pod',
  EVENT:             'event',
  NODE:              'node',
  MANAGED_CHART:     'management.cattle.io.managedchart',
  BUNDLE:            'fleet.cattle.io.bundle',
  BUNDLE_DEPLOYMENT: 'fleet.cattle.io.bundledeployment',
  FLEET_CLUSTER:     'fleet.cattle.io.cluster',
  APP:               'catalog.cattle.io.app',
  UPGRADE:           'harvesterhci.io.upgrade',
} as const;

export type SteveType = typeof TYPES[keyof typeof TYPES];

/** The TypeScript type of each Steve type id. */
export interface ResourceByType {
  'helm.cattle.io.helmchart': HelmChart;
  'batch.job': Job;
  'pod': Pod;
  'event': KubeEvent;
  'node': Node;
  'management.cattle.io.managedchart': ManagedChart;
  'fleet.cattle.io.bundle': Bundle;
  'fleet.cattle.io.bundledeployment': BundleDeployment;
  'fleet.cattle.io.cluster': FleetCluster;
  'catalog.cattle.io.app': App;
  'harvesterhci.io.upgrade': Upgrade;
}

/** What identifies an object everywhere: an App and a HelmChart may share a name. */
export interface ObjectRef {
  type: SteveType;
  /** `namespace/name`, or `name` for cluster-scoped objects. */
  id: string;
}
