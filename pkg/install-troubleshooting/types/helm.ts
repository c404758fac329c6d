import * as v from 'valibot';
import { conditions, kubeObjectEntries } from './meta';
import {
  bool, num, obj, opaque, record, text
} from './schema-kit';

/** helm.cattle.io/v1 HelmChart (k3s-io/helm-controller). */
export const helmChartSchema = record({
  ...kubeObjectEntries,
  spec: obj({
    chart:           text('spec.chart'),
    repo:            text('spec.repo'),
    version:         text('spec.version'),
    targetNamespace: text('spec.targetNamespace'),
    bootstrap:       bool('spec.bootstrap'),
    jobImage:        text('spec.jobImage'),
    backOffLimit:    num('spec.backOffLimit'),
    timeout:         text('spec.timeout'),
    /** `reinstall`, `abort` or `retry`. */
    failurePolicy:   text('spec.failurePolicy'),
    /** Never shown or reported: can carry credentials. Only its presence is kept. */
    valuesContent:   opaque(),
    /** Never shown or reported: a base64 chart archive. Only its presence is kept. */
    chartContent:    opaque(),
  }, 'spec'),
  status: obj({
    jobName:    text('status.jobName'),
    /** `JobCreated` and `Failed` (helm-controller >= v0.15.12 / v0.16.3). No timestamps. */
    conditions: conditions('status.conditions'),
  }, 'status'),
});

export type HelmChart = v.InferOutput<typeof helmChartSchema>;
