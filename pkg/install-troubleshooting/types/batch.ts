import type { Condition, KubeObject } from './meta';
import type { PodTemplate } from './core';

/** batch/v1 Job. */
export interface Job extends KubeObject {
  spec?: {
    backoffLimit?: number;
    activeDeadlineSeconds?: number;
    suspend?: boolean;
    template?: PodTemplate;
  };
  status?: {
    active?: number;
    succeeded?: number;
    failed?: number;
    ready?: number;
    terminating?: number;
    startTime?: string;
    completionTime?: string;
    /** `Complete`, `Failed` (reason `BackoffLimitExceeded`, `DeadlineExceeded`), `Suspended`, `SuccessCriteriaMet`, `FailureTarget`. */
    conditions?: Condition[];
  };
}
