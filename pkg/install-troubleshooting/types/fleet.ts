import * as v from 'valibot';
import { conditions, kubeObjectEntries } from './meta';
import {
  bool, list, MAX_PATCH, num, obj, opaque, record, text
} from './schema-kit';

/** Fleet's bundle states, as in `bundle_types.go`. */
export type BundleState = 'Ready' | 'NotReady' | 'WaitApplied' | 'ErrApplied' | 'OutOfSync' | 'Pending' | 'Modified';

/** One drifted object, from a BundleDeployment's `status.modifiedStatus`. */
export function modifiedStatusSchema(path: string) {
  return record({
    apiVersion: text(`${ path }.apiVersion`),
    kind:       text(`${ path }.kind`),
    namespace:  text(`${ path }.namespace`),
    name:       text(`${ path }.name`),
    missing:    bool(`${ path }.missing`),
    exist:      bool(`${ path }.exist`),
    delete:     bool(`${ path }.delete`),
    /** A JSON merge patch, as a string. */
    patch:      text(`${ path }.patch`, MAX_PATCH),
  });
}

export type ModifiedStatus = v.InferOutput<ReturnType<typeof modifiedStatusSchema>>;

/** One object that is not ready, from a BundleDeployment's `status.nonReadyStatus`. */
export function nonReadyStatusSchema(path: string) {
  return record({
    apiVersion: text(`${ path }.apiVersion`),
    kind:       text(`${ path }.kind`),
    namespace:  text(`${ path }.namespace`),
    name:       text(`${ path }.name`),
    summary:    obj({
      state:         text(`${ path }.summary.state`),
      error:         bool(`${ path }.summary.error`),
      transitioning: bool(`${ path }.summary.transitioning`),
      message:       list(v.pipe(v.string(), v.transform((s) => s.slice(0, 16 * 1024))), `${ path }.summary.message`),
    }, `${ path }.summary`),
  });
}

export type NonReadyStatus = v.InferOutput<ReturnType<typeof nonReadyStatusSchema>>;

export function summarySchema(path: string) {
  return obj({
    notReady:          num(`${ path }.notReady`),
    waitApplied:       num(`${ path }.waitApplied`),
    errApplied:        num(`${ path }.errApplied`),
    outOfSync:         num(`${ path }.outOfSync`),
    modified:          num(`${ path }.modified`),
    ready:             num(`${ path }.ready`),
    pending:           num(`${ path }.pending`),
    desiredReady:      num(`${ path }.desiredReady`),
    nonReadyResources: list(record({
      name:           text(`${ path }.nonReadyResources[].name`),
      /** Note: `bundleState`, not `state`. */
      bundleState:    text(`${ path }.nonReadyResources[].bundleState`),
      message:        text(`${ path }.nonReadyResources[].message`),
      modifiedStatus: list(modifiedStatusSchema(`${ path }.nonReadyResources[].modifiedStatus[]`), `${ path }.nonReadyResources[].modifiedStatus`),
      nonReadyStatus: list(nonReadyStatusSchema(`${ path }.nonReadyResources[].nonReadyStatus[]`), `${ path }.nonReadyResources[].nonReadyStatus`),
    }), `${ path }.nonReadyResources`),
  }, path);
}

export type BundleSummary = NonNullable<v.InferOutput<ReturnType<typeof summarySchema>>>;
export type NonReadyResource = NonNullable<BundleSummary['nonReadyResources']>[number];

/** The status of a Bundle, which a ManagedChart carries inline too. */
export const bundleStatus = obj({
  conditions: conditions('status.conditions'),
  summary:    summarySchema('status.summary'),
  display:    obj({ readyClusters: text('status.display.readyClusters'), state: text('status.display.state') }, 'status.display'),
}, 'status');

export type BundleStatus = NonNullable<v.InferOutput<typeof bundleStatus>>;

const targets = list(record({ clusterName: text('spec.targets[].clusterName'), clusterSelector: opaque() }), 'spec.targets');

/** fleet.cattle.io/v1alpha1 Bundle. */
export const bundleSchema = record({
  ...kubeObjectEntries,
  spec: obj({
    paused:              bool('spec.paused'),
    forceSyncGeneration: num('spec.forceSyncGeneration'),
    defaultNamespace:    text('spec.defaultNamespace'),
    namespace:           text('spec.namespace'),
    helm:                obj({
      chart:          text('spec.helm.chart'),
      releaseName:    text('spec.helm.releaseName'),
      version:        text('spec.helm.version'),
      timeoutSeconds: num('spec.helm.timeoutSeconds'),
      /** Never shown or reported. */
      values:         opaque(),
    }, 'spec.helm'),
    targets,
  }, 'spec'),
  status: bundleStatus,
});

export type Bundle = v.InferOutput<typeof bundleSchema>;

/** fleet.cattle.io/v1alpha1 BundleDeployment. The JSON keys end in `ID`. */
export const bundleDeploymentSchema = record({
  ...kubeObjectEntries,
  spec: obj({
    paused:             bool('spec.paused'),
    deploymentID:       text('spec.deploymentID'),
    stagedDeploymentID: text('spec.stagedDeploymentID'),
    options:            obj({
      forceSyncGeneration: num('spec.options.forceSyncGeneration'),
      defaultNamespace:    text('spec.options.defaultNamespace'),
    }, 'spec.options'),
    stagedOptions: obj({ forceSyncGeneration: num('spec.stagedOptions.forceSyncGeneration') }, 'spec.stagedOptions'),
  }, 'spec'),
  status: obj({
    conditions:          conditions('status.conditions'),
    appliedDeploymentID: text('status.appliedDeploymentID'),
    /** `<namespace>/<name>:<revision>` of the Helm release. */
    release:             text('status.release'),
    ready:               bool('status.ready'),
    nonModified:         bool('status.nonModified'),
    modifiedStatus:      list(modifiedStatusSchema('status.modifiedStatus[]'), 'status.modifiedStatus'),
    nonReadyStatus:      list(nonReadyStatusSchema('status.nonReadyStatus[]'), 'status.nonReadyStatus'),
    incompleteState:     bool('status.incompleteState'),
    syncGeneration:      num('status.syncGeneration'),
    display:             obj({
      deployed:  text('status.display.deployed'),
      monitored: text('status.display.monitored'),
      state:     text('status.display.state'),
    }, 'status.display'),
  }, 'status'),
});

export type BundleDeployment = v.InferOutput<typeof bundleDeploymentSchema>;

/** fleet.cattle.io/v1alpha1 Cluster: the Fleet view of a cluster and its agent. */
export const fleetClusterSchema = record({
  ...kubeObjectEntries,
  spec: obj({
    paused:                  bool('spec.paused'),
    redeployAgentGeneration: num('spec.redeployAgentGeneration'),
    agentNamespace:          text('spec.agentNamespace'),
  }, 'spec'),
  status: obj({
    conditions:              conditions('status.conditions'),
    /** The namespace that holds this cluster's BundleDeployments. */
    namespace:               text('status.namespace'),
    summary:                 summarySchema('status.summary'),
    display:                 obj({ readyBundles: text('status.display.readyBundles'), state: text('status.display.state') }, 'status.display'),
    agent:                   obj({ lastSeen: text('status.agent.lastSeen'), namespace: text('status.agent.namespace') }, 'status.agent'),
    agentDeployedGeneration: num('status.agentDeployedGeneration'),
  }, 'status'),
});

export type FleetCluster = v.InferOutput<typeof fleetClusterSchema>;
