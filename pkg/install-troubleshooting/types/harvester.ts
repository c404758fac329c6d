import * as v from 'valibot';
import { conditions, kubeObjectEntries } from './meta';
import { mapOf, obj, record, text } from './schema-kit';

/** harvesterhci.io/v1beta1 Upgrade. `Completed` is True when it succeeded and False when it failed. */
export const upgradeSchema = record({
  ...kubeObjectEntries,
  spec:   obj({ version: text('spec.version'), image: text('spec.image') }, 'spec'),
  status: obj({
    previousVersion: text('status.previousVersion'),
    conditions:      conditions('status.conditions'),
    nodeStatuses:    mapOf(record({
      state:   text('status.nodeStatuses.*.state'),
      reason:  text('status.nodeStatuses.*.reason'),
      message: text('status.nodeStatuses.*.message'),
    }), 'status.nodeStatuses'),
  }, 'status'),
});

export type Upgrade = v.InferOutput<typeof upgradeSchema>;
