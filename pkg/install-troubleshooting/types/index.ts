import type * as v from 'valibot';
import type { SteveType } from './type-ids';
import { helmChartSchema } from './helm';
import type { HelmChart } from './helm';
import { jobSchema } from './batch';
import type { Job } from './batch';
import { eventSchema, nodeSchema, podSchema } from './core';
import type { KubeEvent, Node, Pod } from './core';
import { managedChartSchema } from './management';
import type { ManagedChart } from './management';
import { bundleDeploymentSchema, bundleSchema, fleetClusterSchema } from './fleet';
import type { Bundle, BundleDeployment, FleetCluster } from './fleet';
import { appSchema } from './catalog';
import type { App } from './catalog';
import { upgradeSchema } from './harvester';
import type { Upgrade } from './harvester';

export * from './meta';
export * from './helm';
export * from './batch';
export * from './core';
export * from './management';
export * from './fleet';
export * from './catalog';
export * from './harvester';

export { TYPES } from './type-ids';
export type { SteveType } from './type-ids';

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

/** The runtime schema of each Steve type id: the one boundary every object passes. */
export const SCHEMAS: { [T in SteveType]: v.GenericSchema<unknown, ResourceByType[T]> } = {
  'helm.cattle.io.helmchart':          helmChartSchema,
  'batch.job':                         jobSchema,
  pod:                                 podSchema,
  event:                               eventSchema,
  node:                                nodeSchema,
  'management.cattle.io.managedchart': managedChartSchema,
  'fleet.cattle.io.bundle':            bundleSchema,
  'fleet.cattle.io.bundledeployment':  bundleDeploymentSchema,
  'fleet.cattle.io.cluster':           fleetClusterSchema,
  'catalog.cattle.io.app':             appSchema,
  'harvesterhci.io.upgrade':           upgradeSchema,
};

/** What identifies an object everywhere: an App and a HelmChart may share a name. */
export interface ObjectRef {
  type: SteveType;
  /** `namespace/name`, or `name` for cluster-scoped objects. */
  id: string;
}
