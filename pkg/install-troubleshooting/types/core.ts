import type { Condition, KubeObject, ObjectMeta } from './meta';

export interface Container {
  name: string;
  image?: string;
}

export interface PodTemplate {
  metadata?: Partial<ObjectMeta>;
  spec?: {
    containers?: Container[];
    restartPolicy?: string;
    serviceAccountName?: string;
    nodeName?: string;
  };
}

export interface ContainerStateWaiting {
  reason?: string;
  message?: string;
}

export interface ContainerStateTerminated {
  exitCode?: number;
  reason?: string;
  message?: string;
  startedAt?: string;
  finishedAt?: string;
}

export interface ContainerState {
  waiting?: ContainerStateWaiting;
  running?: { startedAt?: string };
  terminated?: ContainerStateTerminated;
}

export interface ContainerStatus {
  name: string;
  ready?: boolean;
  restartCount?: number;
  image?: string;
  state?: ContainerState;
  lastState?: ContainerState;
}

/** v1 Pod. */
export interface Pod extends KubeObject {
  spec?: PodTemplate['spec'];
  status?: {
    phase?: 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown' | string;
    reason?: string;
    message?: string;
    startTime?: string;
    conditions?: Condition[];
    containerStatuses?: ContainerStatus[];
    initContainerStatuses?: ContainerStatus[];
  };
}

export interface ObjectReference {
  apiVersion?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  uid?: string;
}

/** v1 Event (core group, as `kubectl get events` returns them). */
export interface KubeEvent extends KubeObject {
  involvedObject?: ObjectReference;
  /** `Normal` or `Warning` in a raw Event; Steve moves it to `_type` because `type` holds its schema id. */
  type?: 'Normal' | 'Warning' | string;
  _type?: 'Normal' | 'Warning' | string;
  reason?: string;
  message?: string;
  count?: number;
  firstTimestamp?: string;
  lastTimestamp?: string;
  eventTime?: string;
  source?: { component?: string; host?: string };
}

export interface Taint {
  key: string;
  value?: string;
  effect: string;
}

/** v1 Node. */
export interface Node extends KubeObject {
  spec?: {
    unschedulable?: boolean;
    taints?: Taint[];
  };
  status?: {
    conditions?: Condition[];
    nodeInfo?: { kubeletVersion?: string; osImage?: string };
  };
}
