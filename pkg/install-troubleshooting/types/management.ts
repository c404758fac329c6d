import type { KubeObject } from './meta';
import type { BundleStatus, ComparePatch } from './fleet';

/**
 * management.cattle.io/v3 ManagedChart (rancher/rancher). Rancher turns it into the Fleet
 * Bundle `mcc-<name>` and copies that Bundle's status inline, next to its own `Defined`
 * condition. It has no `forceSyncGeneration`.
 */
export interface ManagedChart extends KubeObject {
  spec?: {
    paused?: boolean;
    chart?: string;
    repoName?: string;
    releaseName?: string;
    version?: string;
    timeoutSeconds?: number;
    /** Never shown or reported. */
    values?: Record<string, unknown>;
    defaultNamespace?: string;
    namespace?: string;
    diff?: { comparePatches?: ComparePatch[] };
    targets?: { clusterName?: string; clusterSelector?: unknown }[];
  };
  status?: BundleStatus;
}
