import * as v from 'valibot';
import { conditions, kubeObjectEntries } from './meta';
import {
  bool, list, num, obj, record, text
} from './schema-kit';

export function podSpec(path: string) {
  return obj({
    containers: list(record({ name: v.string(), image: text(`${ path }.containers[].image`) }), `${ path }.containers`),
    nodeName:   text(`${ path }.nodeName`),
  }, path);
}

function containerState(path: string) {
  return obj({
    waiting: obj({
      reason:  text(`${ path }.waiting.reason`),
      message: text(`${ path }.waiting.message`),
    }, `${ path }.waiting`),
    running:    obj({ startedAt: text(`${ path }.running.startedAt`) }, `${ path }.running`),
    terminated: obj({
      exitCode:   num(`${ path }.terminated.exitCode`),
      reason:     text(`${ path }.terminated.reason`),
      message:    text(`${ path }.terminated.message`),
      startedAt:  text(`${ path }.terminated.startedAt`),
      finishedAt: text(`${ path }.terminated.finishedAt`),
    }, `${ path }.terminated`),
  }, path);
}

function containerStatus(path: string) {
  return record({
    name:         v.string(),
    ready:        bool(`${ path }.ready`),
    restartCount: num(`${ path }.restartCount`),
    image:        text(`${ path }.image`),
    state:        containerState(`${ path }.state`),
    lastState:    containerState(`${ path }.lastState`),
  });
}

/** v1 Pod. */
export const podSchema = record({
  ...kubeObjectEntries,
  spec:   podSpec('spec'),
  status: obj({
    /** `Pending`, `Running`, `Succeeded`, `Failed`, `Unknown`. */
    phase:                 text('status.phase'),
    reason:                text('status.reason'),
    message:               text('status.message'),
    startTime:             text('status.startTime'),
    conditions:            conditions('status.conditions'),
    containerStatuses:     list(containerStatus('status.containerStatuses[]'), 'status.containerStatuses'),
    initContainerStatuses: list(containerStatus('status.initContainerStatuses[]'), 'status.initContainerStatuses'),
  }, 'status'),
});

export type Pod = v.InferOutput<typeof podSchema>;
export type ContainerStatus = NonNullable<NonNullable<Pod['status']>['containerStatuses']>[number];
export type ContainerState = NonNullable<ContainerStatus['state']>;

/** v1 Event (core group, as `kubectl get events` returns them). */
export const eventSchema = record({
  ...kubeObjectEntries,
  involvedObject: obj({
    apiVersion: text('involvedObject.apiVersion'),
    kind:       text('involvedObject.kind'),
    name:       text('involvedObject.name'),
    namespace:  text('involvedObject.namespace'),
  }, 'involvedObject'),
  /** `Normal` or `Warning` in a raw Event; Steve moves it to `_type` because `type` holds its schema id. */
  _type:          text('_type'),
  reason:         text('reason'),
  message:        text('message'),
  count:          num('count'),
  firstTimestamp: text('firstTimestamp'),
  lastTimestamp:  text('lastTimestamp'),
  eventTime:      text('eventTime'),
  source:         obj({ component: text('source.component'), host: text('source.host') }, 'source'),
});

export type KubeEvent = v.InferOutput<typeof eventSchema>;

/** v1 Node. */
export const nodeSchema = record({
  ...kubeObjectEntries,
  spec: obj({
    unschedulable: bool('spec.unschedulable'),
    taints:        list(record({
      key: v.string(), value: text('spec.taints[].value'), effect: v.string()
    }), 'spec.taints'),
  }, 'spec'),
  status: obj({
    conditions: conditions('status.conditions'),
    nodeInfo:   obj({ kubeletVersion: text('status.nodeInfo.kubeletVersion'), osImage: text('status.nodeInfo.osImage') }, 'status.nodeInfo'),
  }, 'status'),
});

export type Node = v.InferOutput<typeof nodeSchema>;
