/**
 * The simulated controllers' run for one scenario: start them on every cluster, feed them events, stop them.
 *
 * They are there so that a fix can be seen working. Each reacts to watch events of its cluster
 * the way the real one does (reference: domain-kubernetes-fleet-helm.md §1.3–1.6, §2.3, §3):
 * helm-controller with the job-controller and kubelet (helm-controller.ts), and Fleet with its
 * agent (fleet-controller.ts, with Fleet's state arithmetic in fleet-state.ts).
 */
import type { SimClock } from './clock';
import type { ClusterState, WatchEvent } from './cluster';
import type { ControllerRun } from './controller-runtime';
import { FleetController } from './fleet-controller';
import { HelmController } from './helm-controller';
import type { Scenario } from './scenario';

export { AGENT_CHECKIN_MS } from './fleet-controller';
export { deploymentState } from './fleet-state';

export class Controllers {
  private unsubscribers: (() => void)[] = [];
  private readonly run: ControllerRun;
  private readonly helm: HelmController;
  private readonly fleet: FleetController;

  constructor(clock: SimClock, clusters: Map<string, ClusterState>, scenario: Scenario) {
    this.run = {
      stopped: false, clock, clusters, scenario
    };
    this.helm = new HelmController(this.run);
    this.fleet = new FleetController(this.run);
  }

  start(): void {
    this.helm.loadLogs();
    for (const cluster of this.run.clusters.values()) {
      this.unsubscribers.push(cluster.onEvent((e) => this.react(cluster, e)));
      this.fleet.start(cluster);
      this.helm.start(cluster);
    }
  }

  stop(): void {
    this.run.stopped = true;
    for (const u of this.unsubscribers) {
      u();
    }
    this.unsubscribers = [];
  }

  /** The helm container's log (every simulated pod has that one container). */
  logOf(clusterId: string, podId: string): string | undefined {
    return this.helm.logOf(clusterId, podId);
  }

  private react(cluster: ClusterState, e: WatchEvent): void {
    if (this.run.stopped) {
      return;
    }
    this.helm.react(cluster, e);
    this.fleet.react(cluster, e);
  }
}
