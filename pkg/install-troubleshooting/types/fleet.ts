import type { Condition, KubeObject } from './meta';

/** Fleet's bundle states, as in `bundle_types.go`. */
export type BundleState = 'Ready' | 'NotReady' | 'WaitApplied' | 'ErrApplied' | 'OutOfSync' | 'Pending' | 'Modified';

export interface ComparePatch {
  apiVersion?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  jsonPointers?: string[];
  operations?: { op?: string; path?: string; value?: string }[];
}

/** One drifted object, from a BundleDeployment's `status.modifiedStatus`. */
export interface ModifiedStatus {
  apiVersion?: string;
  kind?: string;
  namespace?: string;
  name?: string;
  missing?: boolean;
  exist?: boolean;
  delete?: boolean;
  /** A JSON merge patch, as a string. */
  patch?: string;
}

/** One object that is not ready, from a BundleDeployment's `status.nonReadyStatus`. */
export interface NonReadyStatus {
  uid?: string;
  apiVersion?: string;
  kind?: string;
  namespace?: string;
  name?: string;
  summary?: { state?: string; error?: boolean; transitioning?: boolean; message?: string[] };
}

export interface NonReadyResource {
  name?: string;
  /** Note: `bundleState`, not `state`. */
  bundleState?: BundleState | string;
  message?: string;
  modifiedStatus?: ModifiedStatus[];
  nonReadyStatus?: NonReadyStatus[];
}

export interface BundleSummary {
  notReady?: number;
  waitApplied?: number;
  errApplied?: number;
  outOfSync?: number;
  modified?: number;
  ready?: number;
  pending?: number;
  desiredReady?: number;
  nonReadyResources?: NonReadyResource[];
}

export interface BundleStatus {
  conditions?: Condition[];
  summary?: BundleSummary;
  display?: { readyClusters?: string; state?: BundleState | string };
  observedGeneration?: number;
  unavailable?: number;
  resourcesSha256Sum?: string;
}

/** fleet.cattle.io/v1alpha1 Bundle. */
export interface Bundle extends KubeObject {
  spec?: {
    paused?: boolean;
    forceSyncGeneration?: number;
    defaultNamespace?: string;
    namespace?: string;
    helm?: { chart?: string; releaseName?: string; version?: string; timeoutSeconds?: number; values?: Record<string, unknown> };
    diff?: { comparePatches?: ComparePatch[] };
    targets?: { clusterName?: string; clusterSelector?: unknown }[];
  };
  status?: BundleStatus;
}

/** fleet.cattle.io/v1alpha1 BundleDeployment. The JSON keys end in `ID`. */
export interface BundleDeployment extends KubeObject {
  spec?: {
    paused?: boolean;
    deploymentID?: string;
    stagedDeploymentID?: string;
    options?: { forceSyncGeneration?: number; defaultNamespace?: string };
    stagedOptions?: { forceSyncGeneration?: number };
    valuesHash?: string;
  };
  status?: {
    conditions?: Condition[];
    appliedDeploymentID?: string;
    /** `<namespace>/<name>:<revision>` of the Helm release. */
    release?: string;
    ready?: boolean;
    nonModified?: boolean;
    modifiedStatus?: ModifiedStatus[];
    nonReadyStatus?: NonReadyStatus[];
    incompleteState?: boolean;
    syncGeneration?: number;
    display?: { deployed?: string; monitored?: string; state?: BundleState | string };
  };
}

/** fleet.cattle.io/v1alpha1 Cluster: the Fleet view of a cluster and its agent. */
export interface FleetCluster extends KubeObject {
  spec?: {
    paused?: boolean;
    redeployAgentGeneration?: number;
    agentNamespace?: string;
    kubeConfigSecret?: string;
    kubeConfigSecretNamespace?: string;
  };
  status?: {
    conditions?: Condition[];
    /** The namespace that holds this cluster's BundleDeployments. */
    namespace?: string;
    summary?: BundleSummary;
    display?: { readyBundles?: string; state?: BundleState | 'WaitCheckIn' | string };
    agent?: { lastSeen?: string | null; namespace?: string };
    agentDeployedGeneration?: number;
  };
}
