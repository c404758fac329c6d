/**
 * Object metadata and the pieces every Kubernetes object shares, with the JSON keys
 * exactly as the API server and Steve send them. Fields are optional wherever real
 * objects omit them.
 */

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid?: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

/** `metadata.state` as Steve's formatter fills it. */
export interface SteveState {
  name?: string;
  error?: boolean;
  transitioning?: boolean;
  message?: string;
}

export interface SteveRelationship {
  toId?: string;
  toType?: string;
  rel?: string;
  state?: string;
  message?: string;
}

export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
  /** Steve only. */
  state?: SteveState;
  /** Steve only. */
  relationships?: SteveRelationship[];
  /** Steve only: the printer columns. */
  fields?: unknown[];
}

/**
 * A status condition. Kubernetes and wrangler conditions share these keys; Steve adds
 * `error`, `transitioning` and `lastUpdateTime` to every condition it returns.
 */
export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown' | string;
  reason?: string;
  message?: string;
  lastUpdateTime?: string;
  lastTransitionTime?: string;
  lastProbeTime?: string;
  error?: boolean;
  transitioning?: boolean;
}

/** `links` of a Steve resource; `update`, `patch` and `remove` appear only when the user has the verb. */
export interface SteveLinks {
  self?: string;
  view?: string;
  update?: string;
  patch?: string;
  remove?: string;
  [link: string]: string | undefined;
}

/** Every object we read: a raw Kubernetes object or a Steve item (which adds `id`, `type`, `links`). */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  /** Steve only: `namespace/name`, or `name` for cluster-scoped objects. */
  id?: string;
  /** Steve only: the schema id, e.g. `helm.cattle.io.helmchart`. */
  type?: string;
  links?: SteveLinks;
}
