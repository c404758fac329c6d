/**
 * The Simulator: its lifecycle (scenario, clusters, controllers, start/close), request logging, routing.
 *
 * The simulated Rancher: one plain-http origin on 127.0.0.1 that serves the Dashboard host's
 * build, the extension through `/v1/uiplugins`, Rancher's and Steve's API for every cluster
 * (`/v1`, `/k8s/clusters/<id>/v1`, `/k8s/clusters/<id>/v1/harvester`), the Kubernetes proxy
 * (`/k8s/clusters/<id>/api|apis/…`: status subresources, pod logs), the `subscribe`
 * WebSockets, and `/__sim/…` hooks for tests. Every request is logged. Each kind of route is
 * handled in its own module: static-files, auth (with Norman), steve-api, kube-proxy, subscribe,
 * hooks; http holds what they share.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Sessions, localLogin, norman } from './auth';
import { LOCAL_TYPES } from './catalog';
import { SimClock } from './clock';
import { ClusterState } from './cluster';
import { Controllers } from './controllers';
import { Faults } from './faults';
import type { FaultSpec } from './faults';
import { control } from './hooks';
import {
  HttpError, JSON_TYPE, originOf, readBody, requireUser, send, sendError, steveError
} from './http';
import type { Ctx } from './http';
import { KubeProxy } from './kube-proxy';
import { findPlugins, parsePluginSource } from './plugins';
import type { PluginSource } from './plugins';
import {
  DEFAULT_RANCHER_VERSION, clusterAgent, features, managementCluster, namespace as namespaceObj, project, provisioningCluster, settings
} from './rancher';
import { RequestLog } from './request-log';
import type { Scenario } from './scenario';
import { loadScenario } from './scenarios';
import { serveStatic, uiplugins } from './static-files';
import { SteveApi } from './steve-api';
import { Subscriptions } from './subscribe';
import { Permissions } from './users';

export interface SimulatorOptions {
  /** Scenario name (see scenarios/index.ts) or a scenario object; `seed` by default. */
  scenario?: string | Scenario;
  /** The Rancher version to claim (overrides the scenario's; v2.12.0 when neither says). */
  rancherVersion?: string;
  /** 0 (the default) lets the OS choose. */
  port?: number;
  /** The Dashboard host's build (index.html and assets); API only when absent. */
  staticDir?: string;
  /** Where the extension is served from: `dist-pkg:<dir>` or `catalog:<dir>`. */
  plugins?: string | PluginSource;
  /** The extension's source packages (for the annotations the build drops); `<repo>/pkg` by default. */
  sourcePkgDir?: string;
  /** Make the browser's clock follow the simulated clock (a script injected into index.html). */
  browserClock?: boolean;
  /** Print one line per request to stdout. */
  verbose?: boolean;
}

const REPO = path.resolve(__dirname, '../..');

export class Simulator {
  readonly clock: SimClock;
  readonly log = new RequestLog();
  readonly faults = new Faults();
  readonly permissions = new Permissions();
  readonly clusters = new Map<string, ClusterState>();
  scenario!: Scenario;
  private controllers?: Controllers;
  private server?: http.Server;
  private sessions = new Sessions();
  private prefs = new Map<string, Record<string, unknown>>();
  private pluginSource: PluginSource;
  private origin = '';
  private readonly subscriptions: Subscriptions;
  private readonly steveApi: SteveApi;
  private readonly kubeProxy: KubeProxy;

  constructor(private readonly options: SimulatorOptions = {}) {
    this.clock = new SimClock('2025-09-24T10:00:00Z');
    const plugins = options.plugins || 'dist-pkg:dist-pkg';

    this.pluginSource = typeof plugins === 'string' ? parsePluginSource(plugins, REPO) : plugins;
    this.subscriptions = new Subscriptions(this.clusters, this.sessions, this.permissions, this.faults, this.log, this.clock, () => this.rancherVersion);
    this.steveApi = new SteveApi(this.permissions, this.faults, this.prefs, () => this.rancherVersion);
    this.kubeProxy = new KubeProxy(this.permissions, this.faults, (clusterId, podId) => this.controllers?.logOf(clusterId, podId));
    this.load(options.scenario || 'seed', { rancherVersion: options.rancherVersion });
  }

  get url(): string {
    return this.origin;
  }

  /** The Rancher version this simulator reports: the scenario's, or v2.12.0. */
  get rancherVersion(): string {
    return this.scenario.rancherVersion || DEFAULT_RANCHER_VERSION;
  }

  get local(): ClusterState {
    return this.clusters.get('local') as ClusterState;
  }

  cluster(id: string): ClusterState {
    const c = this.clusters.get(id);

    if (!c) {
      throw new Error(`no cluster ${ id }`);
    }

    return c;
  }

  /** The first downstream cluster of the scenario (the Harvester cluster, when there is one). */
  get main(): ClusterState {
    return this.cluster(this.scenario.clusters[0].info.id);
  }

  /**
   * Replace everything with a scenario: clusters, clock, controllers; keeps the log, drops faults,
   * permissions and sockets. `overrides` change the scenario's options for this load (e.g. the
   * Rancher version it claims).
   */
  load(scenario: string | Scenario, overrides: Pick<Scenario, 'rancherVersion'> = {}): void {
    this.controllers?.stop();
    const loaded = typeof scenario === 'string' ? loadScenario(scenario) : scenario;

    this.scenario = { ...loaded, ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) };
    this.clock.reset(this.scenario.now);
    this.faults.clear();
    this.permissions.clear();
    this.prefs.clear();
    this.clusters.clear();
    this.dropSockets();

    const infos = [{
      id: 'local', displayName: 'local', provider: 'k3s', kubernetesVersion: 'v1.32.5+k3s1'
    }, ...this.scenario.clusters.map((c) => c.info)];
    const local = new ClusterState(infos[0], LOCAL_TYPES, this.clock);

    local.load([
      ...settings(this.rancherVersion),
      ...features(),
      ...infos.map(managementCluster),
      ...infos.map(provisioningCluster),
      ...infos.flatMap((c) => [project(c.id, 'p-default', 'Default'), project(c.id, 'p-system', 'System')]),
      ...['default', 'kube-system', 'cattle-system', 'fleet-local', 'fleet-default', 'local', ...this.scenario.clusters.map((c) => c.info.id)].map(namespaceObj),
    ]);
    this.clusters.set('local', local);

    for (const spec of this.scenario.clusters) {
      const c = new ClusterState(spec.info, spec.types, this.clock);
      const namespaces = new Set(['default', 'kube-system', 'kube-public', 'cattle-system']);

      for (const o of spec.objects) {
        if (o.metadata.namespace) {
          namespaces.add(o.metadata.namespace);
        }
      }
      c.load([
        ...[...namespaces].filter((ns) => !spec.objects.some((o) => o.kind === 'Namespace' && o.metadata.name === ns)).map(namespaceObj),
        // Every cluster imported into Rancher runs Rancher's cluster agent (the Explorer's dashboard reads it)
        clusterAgent(this.rancherVersion),
        ...spec.objects,
      ]);
      this.clusters.set(spec.info.id, c);
    }
    this.controllers = new Controllers(this.clock, this.clusters, this.scenario);
    this.controllers.start();
    this.clock.start();
  }

  /** A URL that logs the browser in as `username` and lands on `next`. */
  loginUrl(username: string, next = '/'): string {
    return `${ this.origin }/__sim/login?user=${ encodeURIComponent(username) }&next=${ encodeURIComponent(next) }`;
  }

  /** The cookie a client (Playwright) can set to be `username` without the login hop. */
  tokenFor(username: string): { name: string; value: string } {
    return this.sessions.tokenFor(username);
  }

  addFault(spec: FaultSpec): number {
    return this.faults.add(spec);
  }

  /** Close every subscribe socket (optionally only one cluster's); the Dashboard reconnects and resyncs. */
  dropSockets(clusterId?: string): number {
    return this.subscriptions.drop(clusterId);
  }

  plugins() {
    return findPlugins(this.pluginSource, this.options.sourcePkgDir || path.join(REPO, 'pkg'));
  }

  async start(port = this.options.port || 0): Promise<string> {
    this.server = http.createServer((req, res) => {
      this.handle(req, res).catch((e) => {
        if (!res.headersSent) {
          res.writeHead(500, { 'content-type': JSON_TYPE });
          res.end(JSON.stringify(steveError(500, String(e?.message || e))));
        }
      });
    });
    this.server.on('upgrade', (req, socket, head) => this.subscriptions.upgrade(req, socket, head, this.origin));
    this.server.keepAliveTimeout = 2000;
    await new Promise<void>((resolve, reject) => {
      this.server?.once('error', reject);
      this.server?.listen(port, '127.0.0.1', () => resolve());
    });
    const address = this.server.address() as AddressInfo;

    this.origin = `http://127.0.0.1:${ address.port }`;
    this.subscriptions.startPings();

    return this.origin;
  }

  async close(): Promise<void> {
    this.controllers?.stop();
    this.clock.stop();
    this.subscriptions.close();
    if (this.server) {
      const server = this.server;

      this.server = undefined;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }

  // ---------------------------------------------------------------- HTTP

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url || '/', this.origin || 'http://127.0.0.1');
    const ctx: Ctx = {
      origin: originOf(req, this.origin), req, res, url, log: {}
    };

    ctx.user = this.sessions.userOf(req);
    if (!['GET', 'HEAD', 'OPTIONS'].includes(req.method || 'GET')) {
      ctx.rawBody = await readBody(req);
      if (ctx.rawBody) {
        try {
          ctx.body = JSON.parse(ctx.rawBody);
        } catch {
          ctx.body = undefined;
        }
      }
    }
    res.on('finish', () => {
      if (this.isApiPath(url.pathname)) {
        const entry = this.log.add({
          at:          this.clock.iso(),
          method:      req.method || 'GET',
          path:        url.pathname,
          query:       url.search,
          user:        ctx.user?.username,
          status:      res.statusCode,
          contentType: req.headers['content-type'],
          body:        ctx.body,
          ...ctx.log,
        });

        if (this.options.verbose) {
          process.stdout.write(`${ entry.status } ${ entry.method } ${ entry.path }${ entry.query } ${ entry.user || '-' }\n`);
        }
      }
    });

    try {
      await this.route(ctx);
    } catch (e) {
      sendError(ctx, e);
    }
  }

  private isApiPath(p: string): boolean {
    return /^\/(v1|v3|v1-public|v3-public|k8s|api|apis|rancherversion|version|__sim)(\/|$)/.test(p);
  }

  private async route(ctx: Ctx): Promise<void> {
    const p = ctx.url.pathname;
    const method = ctx.req.method || 'GET';

    if (p.startsWith('/__sim/')) {
      return control(this, ctx);
    }
    if (p === '/rancherversion') {
      return send(ctx, 200, {
        Version: this.rancherVersion, GitCommit: 'simulated', RancherPrime: 'false'
      });
    }
    if (p === '/version') {
      return send(ctx, 200, {
        major: '1', minor: '32', gitVersion: this.local.info.kubernetesVersion
      });
    }
    if (p === '/v1-public/authproviders' || p === '/v3-public/authProviders' || p === '/v3-public/authproviders') {
      return send(ctx, 200, {
        type: 'collection', resourceType: 'authProvider', data: [{ id: 'local', type: 'localProvider' }]
      });
    }
    // Shell 3.0.8 logs in with /v1-public/login (Rancher 2.12); older shells use the v3-public action
    if ((p === '/v1-public/login' || p === '/v3-public/localProviders/local') && method === 'POST') {
      return localLogin(ctx, this.sessions);
    }
    if (p === '/v1/uiplugins' || p.startsWith('/v1/uiplugins/')) {
      return uiplugins(ctx, this.plugins());
    }
    // Settings are read before login (the public ones, in Rancher)
    if (p === '/v1/management.cattle.io.settings' && method === 'GET' && !ctx.user) {
      return this.steveApi.handle(ctx, this.local, '/v1', '/v1/management.cattle.io.settings'.slice(3), true);
    }
    if (p.startsWith('/v3/') || p === '/v3') {
      return norman(ctx);
    }
    if (p === '/v1' || p.startsWith('/v1/')) {
      return this.steveApi.handle(ctx, this.local, '/v1', p.slice(3));
    }
    let m = p.match(/^\/k8s\/clusters\/([^/]+)(\/.*)?$/);

    if (m) {
      const cluster = this.clusters.get(m[1]);
      const rest = m[2] || '/';

      if (!cluster) {
        requireUser(ctx);
        throw new HttpError(404, `cluster ${ m[1] } not found`);
      }
      if (rest === '/v1/harvester' || rest.startsWith('/v1/harvester/')) {
        return this.steveApi.handle(ctx, cluster, `/k8s/clusters/${ cluster.id }/v1/harvester`, rest.slice('/v1/harvester'.length));
      }
      if (rest === '/v1' || rest.startsWith('/v1/')) {
        return this.steveApi.handle(ctx, cluster, `/k8s/clusters/${ cluster.id }/v1`, rest.slice(3));
      }
      if ((m = rest.match(/^\/(api|apis)(\/.*)?$/))) {
        return this.kubeProxy.handle(ctx, cluster, rest);
      }
      throw new HttpError(404, 'not found');
    }
    if (/^\/(api|apis)(\/|$)/.test(p)) {
      return this.kubeProxy.handle(ctx, this.local, p);
    }
    if (method !== 'GET' && method !== 'HEAD') {
      throw new HttpError(404, 'not found');
    }

    return serveStatic(ctx, this.options, this.clock);
  }
}
