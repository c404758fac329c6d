/** What the simulated controllers share: their base class (clock, scenario behaviour, deferred work) and conditions. */
import type { SimClock } from './clock';
import type { ClusterState, WatchEvent } from './cluster';
import type { Behaviour, Scenario } from './scenario';

/** Rancher's record of a Helm release; both helm-controller and Fleet bump its revision. */
export const APP = 'catalog.cattle.io.app';

export type Cond = { type: string; status: string; reason?: string; message?: string; lastUpdateTime?: string; lastTransitionTime?: string };

export function setCondition(conditions: Cond[] | undefined, next: Cond): Cond[] {
  const list = [...(conditions || [])];
  const i = list.findIndex((c) => c.type === next.type);

  if (i >= 0) {
    const same = list[i].status === next.status && list[i].reason === next.reason && list[i].message === next.message;

    list[i] = same ? list[i] : { ...next };
  } else {
    list.push({ ...next });
  }

  return list;
}

/** One scenario's run of the controllers: stopping it stops them all. */
export interface ControllerRun {
  stopped: boolean;
  readonly clock: SimClock;
  readonly clusters: Map<string, ClusterState>;
  readonly scenario: Scenario;
}

/** A controller: reacts to its clusters' watch events and does its work later, in simulated time. */
export abstract class Controller {
  protected readonly clock: SimClock;
  protected readonly clusters: Map<string, ClusterState>;
  protected readonly scenario: Scenario;
  private readonly run: ControllerRun;

  constructor(run: ControllerRun) {
    this.run = run;
    this.clock = run.clock;
    this.clusters = run.clusters;
    this.scenario = run.scenario;
  }

  protected get stopped(): boolean {
    return this.run.stopped;
  }

  /** Called once per cluster when the run starts, before any event. */
  abstract start(cluster: ClusterState): void;

  abstract react(cluster: ClusterState, e: WatchEvent): void;

  protected behaviour(cluster: ClusterState): Behaviour {
    return this.scenario.clusters.find((c) => c.info.id === cluster.id)?.behaviour || {};
  }

  protected later(cluster: ClusterState, ms: number, fn: () => void): void {
    this.clock.schedule(ms, () => {
      if (!this.stopped && this.clusters.get(cluster.id) === cluster) {
        fn();
      }
    });
  }
}
