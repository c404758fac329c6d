import type { KubeObject } from './meta';

export type ReleaseStatus = 'unknown' | 'deployed' | 'uninstalled' | 'superseded' | 'failed' | 'uninstalling' |
  'pending-install' | 'pending-upgrade' | 'pending-rollback';

/** catalog.cattle.io/v1 App: Rancher's view of the latest revision of one Helm release (`helm list -A`). */
export interface App extends KubeObject {
  spec?: {
    name?: string;
    namespace?: string;
    /** The Helm revision. */
    version?: number;
    helmVersion?: number;
    chart?: { metadata?: { name?: string; version?: string; appVersion?: string } };
    info?: {
      status?: ReleaseStatus | string;
      description?: string;
      firstDeployed?: string;
      lastDeployed?: string;
      deleted?: string;
    };
    /** Never shown or reported. */
    values?: Record<string, unknown>;
  };
  status?: {
    observedGeneration?: number;
    summary?: { state?: string; error?: boolean; transitioning?: boolean };
  };
}
