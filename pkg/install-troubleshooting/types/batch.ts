import * as v from 'valibot';
import { conditions, kubeObjectEntries } from './meta';
import { podSpec } from './core';
import {
  bool, num, obj, record, text
} from './schema-kit';

/** batch/v1 Job. */
export const jobSchema = record({
  ...kubeObjectEntries,
  spec: obj({
    backoffLimit:          num('spec.backoffLimit'),
    activeDeadlineSeconds: num('spec.activeDeadlineSeconds'),
    suspend:               bool('spec.suspend'),
    template:              obj({ spec: podSpec('spec.template.spec') }, 'spec.template'),
  }, 'spec'),
  status: obj({
    active:         num('status.active'),
    succeeded:      num('status.succeeded'),
    failed:         num('status.failed'),
    ready:          num('status.ready'),
    startTime:      text('status.startTime'),
    completionTime: text('status.completionTime'),
    /** `Complete`, `Failed` (reason `BackoffLimitExceeded`, `DeadlineExceeded`), `Suspended`, `SuccessCriteriaMet`, `FailureTarget`. */
    conditions:     conditions('status.conditions'),
  }, 'status'),
});

export type Job = v.InferOutput<typeof jobSchema>;
