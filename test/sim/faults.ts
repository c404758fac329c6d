/**
 * Faults on demand, per cluster, type, action and user: an HTTP error (403, 404, 500 …), a slow
 * response, or both. A fault can be limited to a number of hits. WebSocket drops are an action
 * of the server (Simulator.dropSockets), not a standing fault.
 */
export type Action = 'list' | 'get' | 'watch' | 'create' | 'update' | 'patch' | 'delete' | 'status' | 'log' | 'schemas' | 'other';

export interface FaultSpec {
  /** Cluster id; any when absent. */
  cluster?: string;
  /** Steve type id (e.g. `fleet.cattle.io.bundle`); any when absent. */
  type?: string;
  action?: Action | Action[];
  /** Username; any when absent. */
  user?: string;
  /** HTTP status to answer with; no error (only the delay) when absent. */
  status?: number;
  message?: string;
  delayMs?: number;
  /** How many matching requests it affects; unlimited when absent. */
  times?: number;
}

export interface RequestFacts {
  cluster?: string;
  type?: string;
  action: Action;
  user?: string;
}

interface Fault extends FaultSpec {
  id: number;
  hits: number;
}

export class Faults {
  private faults: Fault[] = [];
  private nextId = 1;

  add(spec: FaultSpec): number {
    const fault: Fault = {
      ...spec, id: this.nextId++, hits: 0
    };

    this.faults.push(fault);

    return fault.id;
  }

  remove(id: number): void {
    this.faults = this.faults.filter((f) => f.id !== id);
  }

  clear(): void {
    this.faults = [];
  }

  list(): FaultSpec[] {
    return this.faults.map((f) => ({ ...f }));
  }

  /** The first standing fault that matches, counting the hit. */
  take(facts: RequestFacts): FaultSpec | undefined {
    const fault = this.faults.find((f) => (!f.cluster || f.cluster === facts.cluster) &&
      (!f.type || f.type === facts.type) &&
      (!f.user || f.user === facts.user) &&
      (!f.action || (Array.isArray(f.action) ? f.action.includes(facts.action) : f.action === facts.action)) &&
      (f.times === undefined || f.hits < f.times));

    if (fault) {
      fault.hits++;
    }

    return fault;
  }
}
