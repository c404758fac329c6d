/** What a scenario is: clusters with their objects, the clock's start, and how controllers behave. */
import type { ClusterInfo } from './cluster';
import type { Obj } from './objects';

export interface ChartBehaviour {
  /** What the next `helm-install-<chart>` run does. */
  outcome: 'succeed' | 'fail';
  /** Simulated milliseconds the helm container runs. */
  durationMs?: number;
  /** The container's termination message on failure (klipper-helm writes its phase there). */
  failMessage?: string;
  /** Extra lines for the container log. */
  log?: string[];
}

export interface BundleBehaviour {
  /** What the agent's next deployment of the Bundle gives. */
  outcome: 'ready' | 'errapplied';
  durationMs?: number;
  message?: string;
}

export interface Behaviour {
  /** By HelmChart id (`namespace/name`); charts not listed succeed. */
  charts?: Record<string, ChartBehaviour>;
  /** By Bundle id (`fleet-local/mcc-harvester`); bundles not listed become Ready. */
  bundles?: Record<string, BundleBehaviour>;
  /** By Fleet Cluster id: `down` means the agent does not check in until it is redeployed. */
  agents?: Record<string, 'running' | 'down'>;
}

export interface ClusterSpec {
  info: ClusterInfo;
  /** Steve type ids the cluster serves (its schemas). */
  types: string[];
  objects: Obj[];
  /** Container logs by pod id (`namespace/name`). */
  logs?: Record<string, string>;
  behaviour?: Behaviour;
}

export interface Scenario {
  name: string;
  description: string;
  /** The simulated clock starts here. */
  now: string;
  /**
   * The Rancher version the simulator reports (`/rancherversion`, the `server-version` setting,
   * the subscribe pings); `v2.12.0` when absent. The Dashboard checks an extension's
   * `catalog.cattle.io/rancher-version` annotation against it.
   */
  rancherVersion?: string;
  /** Downstream clusters; the management cluster `local` is always added. */
  clusters: ClusterSpec[];
}
