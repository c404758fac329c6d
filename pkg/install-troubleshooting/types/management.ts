import * as v from 'valibot';
import { kubeObjectEntries } from './meta';
import { bundleStatus } from './fleet';
import {
  bool, list, num, obj, opaque, record, text
} from './schema-kit';

/**
 * management.cattle.io/v3 ManagedChart (rancher/rancher). Rancher turns it into the Fleet
 * Bundle `mcc-<name>` and copies that Bundle's status inline, next to its own `Defined`
 * condition. It has no `forceSyncGeneration`.
 */
export const managedChartSchema = record({
  ...kubeObjectEntries,
  spec: obj({
    paused:           bool('spec.paused'),
    chart:            text('spec.chart'),
    repoName:         text('spec.repoName'),
    releaseName:      text('spec.releaseName'),
    version:          text('spec.version'),
    timeoutSeconds:   num('spec.timeoutSeconds'),
    /** Never shown or reported. */
    values:           opaque(),
    defaultNamespace: text('spec.defaultNamespace'),
    namespace:        text('spec.namespace'),
    targets:          list(record({ clusterName: text('spec.targets[].clusterName'), clusterSelector: opaque() }), 'spec.targets'),
  }, 'spec'),
  status: bundleStatus,
});

export type ManagedChart = v.InferOutput<typeof managedChartSchema>;
