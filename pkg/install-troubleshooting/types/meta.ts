/**
 * Object metadata and the pieces every Kubernetes object shares, as runtime schemas with the
 * JSON keys exactly as the API server and Steve send them. The TypeScript types are inferred
 * from the schemas, so the engine sees only what was checked. Fields are optional wherever real
 * objects omit them.
 */
import * as v from 'valibot';
import {
  bool, list, num, obj, record, strings, text
} from './schema-kit';

/** A condition, under any `status.conditions`. Kubernetes and wrangler share these keys; Steve adds `error`, `transitioning`, `lastUpdateTime`. */
export function conditionSchema(path: string) {
  return record({
    type:               v.pipe(v.string(), v.maxLength(1024)),
    status:             v.pipe(v.string(), v.maxLength(1024)),
    reason:             text(`${ path }.reason`),
    message:            text(`${ path }.message`),
    lastUpdateTime:     text(`${ path }.lastUpdateTime`),
    lastTransitionTime: text(`${ path }.lastTransitionTime`),
    lastProbeTime:      text(`${ path }.lastProbeTime`),
    error:              bool(`${ path }.error`),
    transitioning:      bool(`${ path }.transitioning`),
  });
}

export const conditions = (path: string) => list(conditionSchema(`${ path }[]`), path);

export type Condition = v.InferOutput<ReturnType<typeof conditionSchema>>;

const ownerReference = record({
  apiVersion:         v.string(),
  kind:               v.string(),
  name:               v.string(),
  uid:                text('metadata.ownerReferences[].uid'),
  controller:         bool('metadata.ownerReferences[].controller'),
  blockOwnerDeletion: bool('metadata.ownerReferences[].blockOwnerDeletion'),
});

export type OwnerReference = v.InferOutput<typeof ownerReference>;

/** `metadata.state` as Steve's formatter fills it. */
const steveState = {
  name:          text('metadata.state.name'),
  error:         bool('metadata.state.error'),
  transitioning: bool('metadata.state.transitioning'),
  message:       text('metadata.state.message'),
};

export const objectMetaEntries = {
  /** Identity is checked before the schema runs (see `engine/boundary.ts`). */
  name:              v.string(),
  namespace:         v.optional(v.string()),
  uid:               text('metadata.uid'),
  resourceVersion:   text('metadata.resourceVersion'),
  generation:        num('metadata.generation'),
  creationTimestamp: text('metadata.creationTimestamp'),
  deletionTimestamp: text('metadata.deletionTimestamp'),
  labels:            strings('metadata.labels'),
  annotations:       strings('metadata.annotations'),
  ownerReferences:   list(ownerReference, 'metadata.ownerReferences'),
  /** Steve only. */
  state:             obj(steveState, 'metadata.state'),
};

export const objectMeta = record(objectMetaEntries);

export type ObjectMeta = v.InferOutput<typeof objectMeta>;

/** `links` of a Steve resource; `update`, `patch` and `remove` appear only when the user has the verb. */
export type SteveLinks = Record<string, string>;

/** What every object we read shares: a raw Kubernetes object or a Steve item (which adds `id`, `type`, `links`). */
export const kubeObjectEntries = {
  apiVersion: text('apiVersion', 512),
  kind:       text('kind', 512),
  metadata:   objectMeta,
  /** Steve only: `namespace/name`, or `name` for cluster-scoped objects. */
  id:         text('id', 2048),
  /** Steve only: the schema id, e.g. `helm.cattle.io.helmchart`. */
  type:       text('type', 512),
  links:      strings('links'),
};

export const kubeObject = record(kubeObjectEntries);

export type KubeObject = v.InferOutput<typeof kubeObject>;
