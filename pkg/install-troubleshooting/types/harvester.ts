import type { Condition, KubeObject } from './meta';

/** harvesterhci.io/v1beta1 Upgrade. `Completed` is True when it succeeded and False when it failed. */
export interface Upgrade extends KubeObject {
  spec?: { version?: string; image?: string; logEnabled?: boolean };
  status?: {
    previousVersion?: string;
    conditions?: Condition[];
    nodeStatuses?: Record<string, { state?: string; reason?: string; message?: string }>;
  };
}
