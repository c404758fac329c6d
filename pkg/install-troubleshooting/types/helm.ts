import type { Condition, KubeObject } from './meta';

/** helm.cattle.io/v1 HelmChart (k3s-io/helm-controller). */
export interface HelmChart extends KubeObject {
  spec?: {
    chart?: string;
    repo?: string;
    version?: string;
    targetNamespace?: string;
    createNamespace?: boolean;
    bootstrap?: boolean;
    helmVersion?: string;
    jobImage?: string;
    backOffLimit?: number;
    timeout?: string;
    failurePolicy?: 'reinstall' | 'abort' | 'retry' | string;
    /** Never shown or reported: can carry credentials. */
    valuesContent?: string;
    /** Never shown or reported: a base64 chart archive. */
    chartContent?: string;
    set?: Record<string, string | number>;
  };
  status?: {
    jobName?: string;
    /** `JobCreated` and `Failed` (helm-controller >= v0.15.12 / v0.16.3). No timestamps. */
    conditions?: Condition[];
  };
}
