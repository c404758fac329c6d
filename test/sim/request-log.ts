/** Every request the simulator answers, in order, for tests to assert on. */
export interface LoggedRequest {
  seq: number;
  /** Simulated time. */
  at: string;
  method: string;
  /** Path without the query string. */
  path: string;
  query: string;
  user?: string;
  status: number;
  contentType?: string;
  /** Parsed JSON body of a write, when there was one. */
  body?: unknown;
  cluster?: string;
  type?: string;
  action?: string;
}

/** Types whose DELETE would uninstall something; nothing may ever send one. */
export const PROTECTED_TYPES = [
  'helm.cattle.io.helmchart', 'management.cattle.io.managedchart', 'fleet.cattle.io.bundle', 'fleet.cattle.io.bundledeployment', 'secret',
];

export class RequestLog {
  private entries: LoggedRequest[] = [];
  private seq = 0;
  private readonly max = 20000;

  add(entry: Omit<LoggedRequest, 'seq'>): LoggedRequest {
    const logged = { ...entry, seq: ++this.seq };

    this.entries.push(logged);
    if (this.entries.length > this.max) {
      this.entries.splice(0, this.entries.length - this.max);
    }

    return logged;
  }

  all(): LoggedRequest[] {
    return [...this.entries];
  }

  since(seq: number): LoggedRequest[] {
    return this.entries.filter((e) => e.seq > seq);
  }

  last(): number {
    return this.seq;
  }

  clear(): void {
    this.entries = [];
  }

  /**
   * Requests that change something in a cluster: any method but GET/HEAD/OPTIONS, except the
   * user's own preferences, logins and the simulator's control calls.
   */
  writes(since = 0): LoggedRequest[] {
    return this.since(since).filter((e) => !['GET', 'HEAD', 'OPTIONS', 'WS'].includes(e.method) &&
      e.type !== 'userpreference' && !e.path.startsWith('/__sim/') && !e.path.startsWith('/v3-public/') && !e.path.includes('selfuser'));
  }

  /** DELETEs of a HelmChart, ManagedChart, Bundle, BundleDeployment or Secret (by type, or by native path). */
  protectedDeletes(): LoggedRequest[] {
    return this.entries.filter((e) => e.method === 'DELETE' && ((e.type && PROTECTED_TYPES.includes(e.type)) ||
      /\/(helmcharts|managedcharts|bundles|bundledeployments|secrets)(\/|$)/.test(e.path) || /\.(helmcharts|managedcharts|bundles|bundledeployments)(\/|$)|\/secrets?(\/|$)/.test(e.path)));
  }
}
