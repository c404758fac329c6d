/**
 * The Steve schema ids of the types the engine understands, on their own: the extension's entry
 * (product registration) needs only these, not the schemas and what they pull in.
 */
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
