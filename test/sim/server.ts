/**
 * The simulated Rancher: one plain-http origin on 127.0.0.1 that serves the Dashboard host's
 * build, the extension through `/v1/uiplugins`, Rancher's and Steve's API for every cluster
 * (`/v1`, `/k8s/clusters/<id>/v1`, `/k8s/clusters/<id>/v1/harvester`), the Kubernetes proxy
 * (`/k8s/clusters/<id>/api|apis/…`: status subresources, pod logs), the `subscribe`
 * WebSockets, and `/__sim/…` hooks for tests. Every request is logged.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { WebSocketServer, WebSocket } from 'ws';
import { LOCAL_TYPES, USER_PREFERENCE, pluralName } from './catalog';
import type { TypeDef } from './catalog';
import { SimClock } from './clock';
import { ApiError, ClusterState } from './cluster';
import type { PropagationPolicy, WatchEvent } from './cluster';
import { Controllers } from './controllers';
import { Faults } from './faults';
import type { Action, FaultSpec } from './faults';
import {
  PatchError, clone, idOf, isPlainObject, jsonPatch, matchesFieldSelector, matchesLabels, matchesSteveFilters, mergePatch
} from './objects';
import type { Obj } from './objects';
import { findPlugins, parsePluginSource, pluginIndex } from './plugins';
import type { PluginSource } from './plugins';
import {
  RANCHER_VERSION, clusterAgent, features, managementCluster, namespace as namespaceObj, normanUser, principal, project, provisioningCluster, settings, userPreference
} from './rancher';
import { RequestLog } from './request-log';
import type { Scenario } from './scenario';
import { loadScenario } from './scenarios';
import { collection, format, schema, syntheticSchema } from './steve';
import type { FormatContext } from './steve';
import { Permissions, USERS, userByName } from './users';
import type { SimUser, Verb } from './users';

export interface SimulatorOptions {
  /** Scenario name (see scenarios/index.ts) or a scenario object; `seed` by default. */
  scenario?: string | Scenario;
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
const COOKIE = 'R_SESS';
const JSON_TYPE = 'application/json';

interface Ctx {
  /** The origin the browser sees (this server, or a dev server proxying to it). */
  origin: string;
  req: http.IncomingMessage;
  res: http.ServerResponse;
  url: URL;
  user?: SimUser;
  body?: unknown;
  rawBody?: string;
  log: {
    cluster?: string;
    type?: string;
    action?: Action;
  };
}

class HttpError extends Error {
  constructor(public readonly status: number, message: string, public readonly code = '') {
    super(message);
  }
}

const STATUS_CODES: Record<number, string> = {
  400: 'BadRequest', 401: 'Unauthorized', 403: 'Forbidden', 404: 'NotFound', 405: 'MethodNotAllowed', 409: 'Conflict', 422: 'Invalid', 500: 'InternalError', 503: 'ServiceUnavailable'
};

interface Watch {
  type: string;
  namespace?: string;
  id?: string;
  selector?: string;
  mode?: string;
}

interface Socket {
  ws: WebSocket;
  user: SimUser;
  cluster?: ClusterState;
  fmt?: Omit<FormatContext, 'verbs'>;
  watches: Map<string, Watch>;
  unsubscribe?: () => void;
}

const MIME: Record<string, string> = {
  '.html':  'text/html; charset=utf-8',
  '.js':    'application/javascript; charset=utf-8',
  '.css':   'text/css; charset=utf-8',
  '.json':  JSON_TYPE,
  '.svg':   'image/svg+xml',
  '.png':   'image/png',
  '.ico':   'image/x-icon',
  '.woff':  'font/woff',
  '.woff2': 'font/woff2',
  '.ttf':   'font/ttf',
  '.eot':   'application/vnd.ms-fontobject',
  '.map':   JSON_TYPE,
  '.txt':   'text/plain; charset=utf-8',
};

function send(ctx: Ctx, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (ctx.res.headersSent) {
    return;
  }
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);

  ctx.res.writeHead(status, {
    'content-type':      typeof body === 'string' ? 'text/plain; charset=utf-8' : JSON_TYPE,
    'cache-control':     'no-store',
    // Rancher says whether the request was authenticated; the Dashboard's login guard reads it
    'x-api-cattle-auth': ctx.user ? 'true' : 'false',
    ...headers,
  });
  ctx.res.end(text);
}

function steveError(status: number, message: string): Record<string, unknown> {
  return {
    type: 'error', status, code: STATUS_CODES[status] || 'ServerError', message
  };
}

function kubeStatus(status: number, message: string, reason?: string): Record<string, unknown> {
  return {
    kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: reason || STATUS_CODES[status] || 'InternalError', code: status
  };
}

/**
 * The origin links must use: the browser's. Behind `npm run dev` the shell's dev-server proxy
 * says which host it serves with `x-api-host` (and the scheme with `x-forwarded-proto`).
 */
function originOf(req: http.IncomingMessage, own: string): string {
  const host = req.headers['x-api-host'];

  if (typeof host === 'string' && /^[A-Za-z0-9.:[\]-]+$/.test(host)) {
    const proto = req.headers['x-forwarded-proto'];

    return `${ proto === 'http' ? 'http' : 'https' }://${ host }`;
  }

  return own;
}

function cookieOf(req: http.IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie || '').split(';')) {
    const [k, ...v] = part.trim().split('=');

    if (k === name) {
      return decodeURIComponent(v.join('='));
    }
  }

  return undefined;
}

export class Simulator {
  readonly clock: SimClock;
  readonly log = new RequestLog();
  readonly faults = new Faults();
  readonly permissions = new Permissions();
  readonly clusters = new Map<string, ClusterState>();
  scenario!: Scenario;
  private controllers?: Controllers;
  private server?: http.Server;
  private wss = new WebSocketServer({ noServer: true });
  private sockets = new Set<Socket>();
  private tokens = new Map<string, SimUser>();
  private prefs = new Map<string, Record<string, unknown>>();
  private pluginSource: PluginSource;
  private origin = '';
  private pingTimer?: NodeJS.Timeout;

  constructor(private readonly options: SimulatorOptions = {}) {
    this.clock = new SimClock('2025-09-24T10:00:00Z');
    const plugins = options.plugins || 'dist-pkg:dist-pkg';

    this.pluginSource = typeof plugins === 'string' ? parsePluginSource(plugins, REPO) : plugins;
    for (const user of USERS) {
      this.tokens.set(`token-${ user.username }:${ randomBytes(12).toString('hex') }`, user);
    }
    this.load(options.scenario || 'seed');
  }

  get url(): string {
    return this.origin;
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

  /** Replace everything with a scenario: clusters, clock, controllers; keeps the log, drops faults, permissions and sockets. */
  load(scenario: string | Scenario): void {
    this.controllers?.stop();
    this.scenario = typeof scenario === 'string' ? loadScenario(scenario) : scenario;
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
      ...settings(),
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
        clusterAgent(),
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
    const user = userByName(username);

    for (const [token, u] of this.tokens) {
      if (u === user) {
        return { name: COOKIE, value: token };
      }
    }
    throw new Error(`no user ${ username }`);
  }

  addFault(spec: FaultSpec): number {
    return this.faults.add(spec);
  }

  /** Close every subscribe socket (optionally only one cluster's); the Dashboard reconnects and resyncs. */
  dropSockets(clusterId?: string): number {
    let n = 0;

    for (const s of [...this.sockets]) {
      if (!clusterId || s.cluster?.id === clusterId) {
        s.ws.terminate();
        this.sockets.delete(s);
        s.unsubscribe?.();
        n++;
      }
    }

    return n;
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
    this.server.on('upgrade', (req, socket, head) => this.upgrade(req, socket, head));
    this.server.keepAliveTimeout = 2000;
    await new Promise<void>((resolve, reject) => {
      this.server?.once('error', reject);
      this.server?.listen(port, '127.0.0.1', () => resolve());
    });
    const address = this.server.address() as AddressInfo;

    this.origin = `http://127.0.0.1:${ address.port }`;
    this.pingTimer = setInterval(() => {
      for (const s of this.sockets) {
        if (s.ws.readyState === WebSocket.OPEN) {
          s.ws.send(JSON.stringify({ name: 'ping', data: { version: RANCHER_VERSION } }));
        }
      }
    }, 5000);
    this.pingTimer.unref();

    return this.origin;
  }

  async close(): Promise<void> {
    this.controllers?.stop();
    this.clock.stop();
    if (this.pingTimer) {
      clearInterval(this.pingTimer);
    }
    this.dropSockets();
    this.wss.close();
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

    ctx.user = this.tokens.get(cookieOf(req, COOKIE) || '');
    if (!['GET', 'HEAD', 'OPTIONS'].includes(req.method || 'GET')) {
      ctx.rawBody = await new Promise<string>((resolve, reject) => {
        const chunks: Buffer[] = [];
        let size = 0;

        req.on('data', (c: Buffer) => {
          size += c.length;
          if (size > 10 * 1024 * 1024) {
            reject(new Error('request body too large'));
            req.destroy();
          } else {
            chunks.push(c);
          }
        });
        req.on('end', () => resolve(Buffer.concat(chunks as unknown as Uint8Array[]).toString('utf8')));
        req.on('error', reject);
      });
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
      const native = /^\/(k8s\/clusters\/[^/]+\/)?apis?\//.test(url.pathname.replace(/^\//, '/'));

      if (e instanceof ApiError) {
        send(ctx, e.status, native ? kubeStatus(e.status, e.message, e.reason) : steveError(e.status, e.message));
      } else if (e instanceof HttpError) {
        send(ctx, e.status, native ? kubeStatus(e.status, e.message) : steveError(e.status, e.message));
      } else if (e instanceof PatchError) {
        send(ctx, 422, native ? kubeStatus(422, e.message, 'Invalid') : steveError(422, e.message));
      } else {
        send(ctx, 500, steveError(500, String((e as Error)?.message || e)));
      }
    }
  }

  private isApiPath(p: string): boolean {
    return /^\/(v1|v3|v1-public|v3-public|k8s|api|apis|rancherversion|version|__sim)(\/|$)/.test(p);
  }

  private requireUser(ctx: Ctx): SimUser {
    if (!ctx.user) {
      throw new HttpError(401, 'must authenticate');
    }

    return ctx.user;
  }

  private async route(ctx: Ctx): Promise<void> {
    const p = ctx.url.pathname;
    const method = ctx.req.method || 'GET';

    if (p.startsWith('/__sim/')) {
      return this.control(ctx);
    }
    if (p === '/rancherversion') {
      return send(ctx, 200, {
        Version: RANCHER_VERSION, GitCommit: 'simulated', RancherPrime: 'false'
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
      return this.localLogin(ctx);
    }
    if (p === '/v1/uiplugins' || p.startsWith('/v1/uiplugins/')) {
      return this.uiplugins(ctx);
    }
    // Settings are read before login (the public ones, in Rancher)
    if (p === '/v1/management.cattle.io.settings' && method === 'GET' && !ctx.user) {
      return this.steve(ctx, this.local, '/v1', '/v1/management.cattle.io.settings'.slice(3), true);
    }
    if (p.startsWith('/v3/') || p === '/v3') {
      return this.norman(ctx);
    }
    if (p === '/v1' || p.startsWith('/v1/')) {
      return this.steve(ctx, this.local, '/v1', p.slice(3));
    }
    let m = p.match(/^\/k8s\/clusters\/([^/]+)(\/.*)?$/);

    if (m) {
      const cluster = this.clusters.get(m[1]);
      const rest = m[2] || '/';

      if (!cluster) {
        this.requireUser(ctx);
        throw new HttpError(404, `cluster ${ m[1] } not found`);
      }
      if (rest === '/v1/harvester' || rest.startsWith('/v1/harvester/')) {
        return this.steve(ctx, cluster, `/k8s/clusters/${ cluster.id }/v1/harvester`, rest.slice('/v1/harvester'.length));
      }
      if (rest === '/v1' || rest.startsWith('/v1/')) {
        return this.steve(ctx, cluster, `/k8s/clusters/${ cluster.id }/v1`, rest.slice(3));
      }
      if ((m = rest.match(/^\/(api|apis)(\/.*)?$/))) {
        return this.kube(ctx, cluster, rest);
      }
      throw new HttpError(404, 'not found');
    }
    if (/^\/(api|apis)(\/|$)/.test(p)) {
      return this.kube(ctx, this.local, p);
    }
    if (method !== 'GET' && method !== 'HEAD') {
      throw new HttpError(404, 'not found');
    }

    return this.serveStatic(ctx);
  }

  // ---------------------------------------------------------------- static host and plugins

  private serveStatic(ctx: Ctx): void {
    const dir = this.options.staticDir;

    if (!dir) {
      return send(ctx, 404, 'the simulator runs without the Dashboard host (API only)');
    }
    const rel = decodeURIComponent(ctx.url.pathname).replace(/^\/+/, '');
    const file = path.resolve(dir, rel);

    if (file.startsWith(path.resolve(dir) + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile() && !file.endsWith('index.html')) {
      const hashed = /\.[0-9a-f]{8,}\.(js|css)$/.test(file);

      ctx.res.writeHead(200, { 'content-type': MIME[path.extname(file)] || 'application/octet-stream', 'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache' });
      fs.createReadStream(file).pipe(ctx.res);

      return;
    }
    // The Dashboard routes in history mode: every other path is the app
    let html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');

    if (this.options.browserClock !== false) {
      const offset = this.clock.nowMs() - Date.now();
      // The page measures ages (Job, agent check-in) against the browser's clock; make it read simulated time
      const script = `<script>/* install-troubleshooting simulator: the browser clock follows the simulated clock */(function(){var o=${ offset },R=Date;` +
        'function D(){var a=Array.prototype.slice.call(arguments);if(!new.target){return new R(R.now()+o).toString();}' +
        'return a.length?new (Function.prototype.bind.apply(R,[null].concat(a)))():new R(R.now()+o);}' +
        'D.prototype=R.prototype;D.now=function(){return R.now()+o;};D.parse=R.parse;D.UTC=R.UTC;window.Date=D;})();</script>';

      html = html.replace('<head>', `<head>${ script }`);
    }
    ctx.res.writeHead(200, { 'content-type': MIME['.html'], 'cache-control': 'no-store' });
    ctx.res.end(html);
  }

  plugins() {
    return findPlugins(this.pluginSource, this.options.sourcePkgDir || path.join(REPO, 'pkg'));
  }

  private uiplugins(ctx: Ctx): void {
    const plugins = this.plugins();

    ctx.log.type = 'uiplugin';
    if (ctx.url.pathname === '/v1/uiplugins') {
      return send(ctx, 200, pluginIndex(plugins));
    }
    const m = ctx.url.pathname.match(/^\/v1\/uiplugins\/([^/]+)\/([^/]+)\/plugin\/(.+)$/);
    const plugin = m && plugins.find((p) => p.name === m[1] && p.version === m[2]);

    if (!m || !plugin) {
      throw new HttpError(404, 'plugin not found');
    }
    const file = path.resolve(plugin.dir, decodeURIComponent(m[3]));

    if (!file.startsWith(plugin.dir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      throw new HttpError(404, 'plugin file not found');
    }
    ctx.res.writeHead(200, { 'content-type': MIME[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache' });
    fs.createReadStream(file).pipe(ctx.res);
  }

  // ---------------------------------------------------------------- auth and Norman

  private localLogin(ctx: Ctx): void {
    const body = (ctx.body || {}) as { username?: string; password?: string };
    const user = USERS.find((u) => u.username === body.username && u.password === body.password);

    if (!user) {
      throw new HttpError(401, 'Invalid username or password');
    }
    const token = this.tokenFor(user.username).value;

    ctx.user = user;
    send(ctx, 200, { type: 'token', token: 'cookie' }, { 'set-cookie': `${ COOKIE }=${ token }; Path=/; HttpOnly; SameSite=Lax` });
  }

  private norman(ctx: Ctx): void {
    const p = ctx.url.pathname;
    const method = ctx.req.method || 'GET';

    if (p === '/v3/tokens' && ctx.url.searchParams.get('action') === 'logout') {
      return send(ctx, 200, {}, { 'set-cookie': `${ COOKIE }=; Path=/; Max-Age=0` });
    }
    const user = this.requireUser(ctx);

    if (p === '/v3/users' && method === 'GET') {
      return send(ctx, 200, {
        type: 'collection', resourceType: 'user', data: [normanUser(user)]
      });
    }
    if (p === '/v3/principals' && method === 'GET') {
      return send(ctx, 200, {
        type: 'collection', resourceType: 'principal', data: [principal(user)]
      });
    }
    if (p === '/v3/schemas' && method === 'GET') {
      const base = `${ ctx.origin }/v3`;

      return send(ctx, 200, {
        type:         'collection',
        resourceType: 'schema',
        data:         ['user', 'principal', 'token'].map((id) => ({
          id, type: 'schema', pluralName: `${ id }s`, links: { self: `${ base }/schemas/${ id }`, collection: `${ base }/${ id }s` }, resourceMethods: ['GET'], collectionMethods: ['GET'], resourceFields: {}
        })),
      });
    }
    throw new HttpError(404, `${ p } is not simulated`);
  }

  // ---------------------------------------------------------------- Steve

  private fmt(origin: string, cluster: ClusterState, base: string): Omit<FormatContext, 'verbs'> {
    return {
      origin, base, kubeBase: `/k8s/clusters/${ cluster.id }`
    };
  }

  /** The types a user sees in this store: Steve leaves out a type the user has no verb on. */
  private visibleTypes(cluster: ClusterState, user: SimUser): TypeDef[] {
    return [...cluster.types.values()].filter((t) => this.permissions.verbs(user, cluster.id, t.id).length > 0);
  }

  private resolveType(cluster: ClusterState, name: string): TypeDef | undefined {
    for (const t of cluster.types.values()) {
      if (t.id === name || pluralName(t) === name) {
        return t;
      }
    }

    return undefined;
  }

  private fault(ctx: Ctx, cluster: ClusterState | undefined, type: string | undefined, action: Action): Promise<void> {
    ctx.log.cluster = cluster?.id;
    ctx.log.type = type;
    ctx.log.action = action;
    const fault = this.faults.take({
      cluster: cluster?.id, type, action, user: ctx.user?.username
    });

    if (!fault) {
      return Promise.resolve();
    }

    return new Promise((resolve, reject) => {
      const fail = () => (fault.status ? reject(new HttpError(fault.status, fault.message || `simulated ${ fault.status } on ${ action } ${ type || '' }`.trim())) : resolve());

      if (fault.delayMs) {
        setTimeout(fail, Math.min(fault.delayMs, 120000));
      } else {
        fail();
      }
    });
  }

  private async steve(ctx: Ctx, cluster: ClusterState, base: string, rest: string, anonymousSettings = false): Promise<void> {
    const method = ctx.req.method || 'GET';
    const user = anonymousSettings ? (USERS.find((u) => !u.admin) as SimUser) : this.requireUser(ctx);
    const parts = rest.split('/').filter(Boolean).map(decodeURIComponent);
    const fmtBase = this.fmt(ctx.origin, cluster, base);
    const isManagement = base === '/v1';

    if (!parts.length) {
      return send(ctx, 200, { type: 'apiRoot', links: { schemas: `${ ctx.origin }${ base }/schemas` } });
    }
    const [head] = parts;

    if (head === 'schemas' || head === 'schemaDefinitions') {
      await this.fault(ctx, cluster, 'schema', 'schemas');
      const list = [
        ...this.visibleTypes(cluster, user).map((t) => schema(t, this.permissions.verbs(user, cluster.id, t.id), fmtBase)),
        syntheticSchema('schema', fmtBase),
        syntheticSchema('count', fmtBase),
        ...(isManagement ? [schema(USER_PREFERENCE, this.permissions.verbs(user, 'local', 'userpreference'), fmtBase), syntheticSchema('ext.cattle.io.selfuser', fmtBase, ['POST'], [])] : []),
      ];

      if (parts[1]) {
        const one = list.find((s) => s.id === parts[1]);

        if (!one) {
          throw new HttpError(404, `schema ${ parts[1] } not found`);
        }

        return send(ctx, 200, head === 'schemaDefinitions' ? {
          type: 'schemaDefinition', id: parts[1], definitionType: parts[1], definitions: {}
        } : one);
      }

      return send(ctx, 200, {
        type: 'collection', links: { self: `${ ctx.origin }${ base }/schemas` }, resourceType: 'schema', revision: String(cluster.revision), count: list.length, data: list
      });
    }
    if (head === 'counts' || head === 'count') {
      await this.fault(ctx, cluster, 'count', 'list');
      const counts: Record<string, unknown> = {};

      for (const t of this.visibleTypes(cluster, user)) {
        const namespaces: Record<string, { count: number }> = {};
        const objs = cluster.list(t.id);

        for (const o of objs) {
          if (o.metadata.namespace) {
            namespaces[o.metadata.namespace] = { count: (namespaces[o.metadata.namespace]?.count || 0) + 1 };
          }
        }
        counts[t.id] = { summary: { count: objs.length }, namespaces };
      }

      return send(ctx, 200, {
        type:         'collection',
        resourceType: 'count',
        revision:     String(cluster.revision),
        data:         [{
          id: 'count', type: 'count', counts
        }]
      });
    }
    if (isManagement && (head === 'userpreferences' || head === 'userpreference')) {
      ctx.log.type = 'userpreference';
      const self = `${ ctx.origin }/v1/userpreferences/${ user.id }`;
      const pref = {
        ...(this.prefs.get(user.id) || userPreference(user)),
        links: {
          self, update: self, remove: self
        }
      };

      if (method === 'PUT' || method === 'PATCH') {
        const next = {
          ...pref, ...(isPlainObject(ctx.body) ? ctx.body : {}), id: user.id
        };

        this.prefs.set(user.id, next);

        return send(ctx, 200, next);
      }

      return send(ctx, 200, parts[1] ? pref : {
        type: 'collection', resourceType: 'userpreference', data: [pref]
      });
    }
    if (isManagement && head.startsWith('ext.cattle.io.selfuser')) {
      return send(ctx, 201, {
        apiVersion: 'ext.cattle.io/v1', kind: 'SelfUser', status: { userID: user.id }
      });
    }
    const t = this.resolveType(cluster, head);

    if (!t || this.permissions.verbs(user, cluster.id, t.id).length === 0) {
      ctx.log.cluster = cluster.id;
      ctx.log.type = head;
      throw new HttpError(404, `failed to find schema ${ head }`);
    }
    const verbs = this.permissions.verbs(user, cluster.id, t.id);
    const fctx: FormatContext = { ...fmtBase, verbs };
    const need = (verb: Verb) => {
      if (!verbs.includes(verb)) {
        throw new HttpError(403, `${ user.username } cannot ${ verb } ${ t.resource }${ t.group ? `.${ t.group }` : '' }`);
      }
    };
    let namespace: string | undefined;
    let name: string | undefined;

    if (t.namespaced) {
      [namespace, name] = [parts[1], parts[2]];
    } else {
      name = parts[1];
    }

    if (method === 'GET' && !name) {
      await this.fault(ctx, cluster, t.id, 'list');
      need('list');

      return send(ctx, 200, this.listCollection(ctx, cluster, t, fctx, namespace));
    }
    if (method === 'POST' && !name) {
      await this.fault(ctx, cluster, t.id, 'create');
      need('create');
      const input = clone(ctx.body) as Obj;

      if (!isPlainObject(input) || !isPlainObject(input.metadata)) {
        throw new HttpError(422, 'metadata is required');
      }
      if (t.namespaced && namespace && !input.metadata.namespace) {
        input.metadata.namespace = namespace;
      }

      return send(ctx, 201, format(t, cluster.create(t.id, this.unformat(input)), fctx));
    }
    if (!name) {
      throw new HttpError(405, `${ method } is not allowed on a collection`);
    }
    const id = namespace ? `${ namespace }/${ name }` : name;

    switch (method) {
    case 'GET': {
      await this.fault(ctx, cluster, t.id, 'get');
      need('get');

      return send(ctx, 200, format(t, cluster.mustGet(t.id, id), fctx));
    }
    case 'PUT': {
      await this.fault(ctx, cluster, t.id, 'update');
      need('update');
      const input = clone(ctx.body) as Obj;

      if (!isPlainObject(input) || !isPlainObject(input.metadata)) {
        throw new HttpError(422, 'metadata is required');
      }
      if (!input.metadata.resourceVersion) {
        throw new HttpError(422, 'metadata.resourceVersion is required for update');
      }
      input.metadata.name = name;
      input.metadata.namespace = namespace;

      return send(ctx, 200, format(t, cluster.replace(t.id, this.unformat(input), { expectVersion: String(input.metadata.resourceVersion) }), fctx));
    }
    case 'PATCH': {
      await this.fault(ctx, cluster, t.id, 'patch');
      need('patch');

      return send(ctx, 200, format(t, this.patch(ctx, cluster, t, id), fctx));
    }
    case 'DELETE': {
      await this.fault(ctx, cluster, t.id, 'delete');
      need('delete');
      const policy = (ctx.url.searchParams.get('propagationPolicy') || (isPlainObject(ctx.body) ? ctx.body.propagationPolicy : undefined)) as PropagationPolicy | undefined;

      cluster.delete(t.id, id, policy);
      ctx.res.writeHead(204, { 'x-api-cattle-auth': ctx.user ? 'true' : 'false' });
      ctx.res.end();

      return;
    }
    }
    throw new HttpError(405, `${ method } is not allowed`);
  }

  /** Strip what Steve adds; a client may send back what it read. */
  private unformat(input: Obj): Obj {
    const obj = clone(input);

    delete obj.id;
    // Steve's `type` is the schema id; the object's own `type` travels as `_type`
    if (obj._type !== undefined) {
      obj.type = obj._type;
      delete obj._type;
    } else {
      delete obj.type;
    }
    delete obj.links;
    delete obj.actions;
    delete obj.metadata.state;
    delete obj.metadata.fields;
    delete obj.metadata.relationships;
    if (Array.isArray(obj.status?.conditions)) {
      obj.status.conditions = obj.status.conditions.map((c: Record<string, unknown>) => {
        const { error, transitioning, ...rest } = c; // eslint-disable-line @typescript-eslint/no-unused-vars

        return rest;
      });
    }

    return obj;
  }

  private patch(ctx: Ctx, cluster: ClusterState, t: TypeDef, id: string, subresource?: 'status'): Obj {
    const current = cluster.mustGet(t.id, id);
    const type = String(ctx.req.headers['content-type'] || '').split(';')[0].trim();
    let next: Obj;
    let expectVersion: string | undefined;

    if (type === 'application/json-patch+json') {
      next = jsonPatch(current, ctx.body) as Obj;
    } else {
      if (!isPlainObject(ctx.body)) {
        throw new HttpError(400, 'the patch body must be a JSON object');
      }
      const rv = (ctx.body.metadata as { resourceVersion?: unknown } | undefined)?.resourceVersion;

      expectVersion = rv === undefined || rv === null ? undefined : String(rv);
      // merge-patch+json, and strategic merge treated as a merge patch (enough for the fields the extension touches)
      next = mergePatch(current, ctx.body) as Obj;
    }
    if (!isPlainObject(next) || !isPlainObject(next.metadata)) {
      throw new PatchError('the patch removed the object metadata');
    }
    next.metadata.name = current.metadata.name;
    next.metadata.namespace = current.metadata.namespace;
    // The patch applied to the stored (raw) object: its own `type` stays unless the patch set `_type`
    if (next._type !== undefined) {
      next.type = next._type;
      delete next._type;
    } else if (current.type !== undefined) {
      next.type = current.type;
    } else {
      delete next.type;
    }

    return cluster.replace(t.id, next, { expectVersion, subresource });
  }

  private listCollection(ctx: Ctx, cluster: ClusterState, t: TypeDef, fctx: FormatContext, namespace?: string): Record<string, unknown> {
    const q = ctx.url.searchParams;
    const labelSelector = q.get('labelSelector');
    const fieldSelector = q.get('fieldSelector');
    const filters = q.getAll('filter');
    let objs = cluster.list(t.id);

    if (namespace) {
      objs = objs.filter((o) => o.metadata.namespace === namespace);
    }
    if (labelSelector) {
      objs = objs.filter((o) => matchesLabels(o.metadata.labels, labelSelector));
    }
    if (fieldSelector) {
      objs = objs.filter((o) => matchesFieldSelector(o, fieldSelector));
    }
    if (filters.length) {
      objs = objs.filter((o) => matchesSteveFilters(o, filters));
    }
    objs.sort((a, b) => idOf(a).localeCompare(idOf(b)));
    const revision = cluster.revision;
    const limit = Number(q.get('limit') || 0);
    const start = Number(q.get('continue') || 0) || 0;
    const pageSize = Number(q.get('pagesize') || 0);
    const page = Number(q.get('page') || 1);
    const extra: Record<string, unknown> = {};

    if (pageSize > 0) {
      const pages = Math.max(1, Math.ceil(objs.length / pageSize));

      extra.pages = pages;
      extra.count = objs.length;
      objs = objs.slice((page - 1) * pageSize, page * pageSize);
    } else if (limit > 0) {
      const next = start + limit;

      if (next < objs.length) {
        const nextUrl = new URL(ctx.url.toString());

        nextUrl.searchParams.set('continue', String(next));
        extra.continue = String(next);
        extra.pagination = { limit, next: `${ ctx.origin }${ nextUrl.pathname }${ nextUrl.search }` };
      }
      objs = objs.slice(start, next);
    }

    return collection(t, objs.map((o) => format(t, o, fctx)), revision, fctx, extra);
  }

  // ---------------------------------------------------------------- Kubernetes proxy

  private async kube(ctx: Ctx, cluster: ClusterState, fullPath: string): Promise<void> {
    const user = this.requireUser(ctx);
    const method = ctx.req.method || 'GET';
    const m = fullPath.match(/^\/(?:k8s\/clusters\/[^/]+\/)?(api|apis)\/(.*)$/) || (`/k8s/x${ fullPath }`).match(/^\/k8s\/x\/(api|apis)\/(.*)$/);

    if (!m) {
      throw new HttpError(404, 'not found');
    }
    const segs = m[2].split('/').filter(Boolean).map(decodeURIComponent);
    let group = '';
    let version: string;

    if (m[1] === 'api') {
      version = segs.shift() || '';
    } else {
      group = segs.shift() || '';
      version = segs.shift() || '';
    }
    let namespace: string | undefined;

    if (segs[0] === 'namespaces' && segs.length >= 3) {
      namespace = segs[1];
      segs.splice(0, 2);
    }
    const [resource, name, sub] = segs;
    const t = [...cluster.types.values()].find((x) => x.group === group && x.resource === resource && (!version || x.version === version));

    if (!t) {
      ctx.log.cluster = cluster.id;
      throw new HttpError(404, `the server could not find the requested resource (${ group || 'core' }/${ resource })`);
    }
    const verbs = this.permissions.verbs(user, cluster.id, t.id);
    const need = (verb: Verb, what = `${ t.resource }${ sub ? `/${ sub }` : '' }`) => {
      if (!verbs.includes(verb)) {
        throw new HttpError(403, `${ t.resource }${ t.group ? `.${ t.group }` : '' } "${ name || '' }" is forbidden: User "${ user.id }" cannot ${ verb } resource "${ what }" in API group "${ t.group }"${ namespace ? ` in the namespace "${ namespace }"` : '' }`);
      }
    };
    const id = namespace ? `${ namespace }/${ name }` : name;

    if (!name) {
      await this.fault(ctx, cluster, t.id, 'list');
      need('list');
      const items = cluster.list(t.id).filter((o) => !namespace || o.metadata.namespace === namespace);

      return send(ctx, 200, {
        apiVersion: t.group ? `${ t.group }/${ t.version }` : t.version, kind: `${ t.kind }List`, metadata: { resourceVersion: String(cluster.revision) }, items
      });
    }
    if (sub === 'log' && t.id === 'pod') {
      await this.fault(ctx, cluster, t.id, 'log');
      need('get', 'pods/log');
      cluster.mustGet('pod', id as string);
      const text = this.controllers?.logOf(cluster.id, id as string) || '';
      const tail = Number(ctx.url.searchParams.get('tailLines') || 0);
      let lines = text.split('\n');

      if (lines[lines.length - 1] === '') {
        lines.pop();
      }
      if (tail > 0) {
        lines = lines.slice(-tail);
      }
      ctx.log.action = 'log';

      return send(ctx, 200, lines.length ? `${ lines.join('\n') }\n` : '');
    }
    if (sub && sub !== 'status') {
      throw new HttpError(404, `subresource ${ sub } is not simulated`);
    }
    if (sub === 'status' && !t.statusSubresource) {
      throw new HttpError(404, `${ t.resource } has no status subresource`);
    }
    const action: Action = sub === 'status' ? 'status' : method === 'GET' ? 'get' : method === 'DELETE' ? 'delete' : method === 'PUT' ? 'update' : 'patch';

    await this.fault(ctx, cluster, t.id, action);
    switch (method) {
    case 'GET':
      need('get');

      return send(ctx, 200, cluster.mustGet(t.id, id as string));
    case 'PATCH':
      need('patch');

      return send(ctx, 200, this.patch(ctx, cluster, t, id as string, sub === 'status' ? 'status' : undefined));
    case 'PUT': {
      need('update');
      const input = clone(ctx.body) as Obj;

      if (!isPlainObject(input) || !isPlainObject(input.metadata)) {
        throw new HttpError(422, 'metadata is required');
      }
      input.metadata.name = name;
      input.metadata.namespace = namespace;

      return send(ctx, 200, cluster.replace(t.id, input, { expectVersion: input.metadata.resourceVersion as string | undefined, subresource: sub === 'status' ? 'status' : undefined }));
    }
    case 'DELETE': {
      need('delete');
      const body = isPlainObject(ctx.body) ? ctx.body : {};
      const policy = (ctx.url.searchParams.get('propagationPolicy') || body.propagationPolicy) as PropagationPolicy | undefined;

      return send(ctx, 200, cluster.delete(t.id, id as string, policy));
    }
    }
    throw new HttpError(405, `${ method } is not allowed`);
  }

  // ---------------------------------------------------------------- WebSocket

  private upgrade(req: http.IncomingMessage, socket: import('node:stream').Duplex, head: Buffer): void {
    const url = new URL(req.url || '/', this.origin);
    const user = this.tokens.get(cookieOf(req, COOKIE) || '');
    const p = url.pathname;
    let cluster: ClusterState | undefined;
    let base: string | undefined;
    let m: RegExpMatchArray | null;

    if (p === '/v1/subscribe') {
      cluster = this.local;
      base = '/v1';
    } else if ((m = p.match(/^\/k8s\/clusters\/([^/]+)\/v1\/harvester\/subscribe$/))) {
      cluster = this.clusters.get(m[1]);
      base = `/k8s/clusters/${ m[1] }/v1/harvester`;
    } else if ((m = p.match(/^\/k8s\/clusters\/([^/]+)\/v1\/subscribe$/))) {
      cluster = this.clusters.get(m[1]);
      base = `/k8s/clusters/${ m[1] }/v1`;
    }
    const norman = p === '/v3/subscribe';
    const fault = cluster && this.faults.take({
      cluster: cluster.id, type: 'subscribe', action: 'watch', user: user?.username
    });
    const status = !user ? 401 : (!cluster && !norman) ? 404 : fault?.status || 101;

    this.log.add({
      at: this.clock.iso(), method: 'WS', path: p, query: url.search, user: user?.username, status, cluster: cluster?.id, action: 'watch'
    });
    if (status !== 101) {
      socket.write(`HTTP/1.1 ${ status } ${ http.STATUS_CODES[status] }\r\nconnection: close\r\n\r\n`);
      socket.destroy();

      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const s: Socket = {
        ws, user: user as SimUser, cluster, fmt: cluster && base ? this.fmt(originOf(req, this.origin), cluster, base) : undefined, watches: new Map()
      };

      this.sockets.add(s);
      if (cluster) {
        s.unsubscribe = cluster.onEvent((e) => this.push(s, e));
      }
      ws.on('message', (data) => this.onMessage(s, String(data)));
      ws.on('close', () => {
        this.sockets.delete(s);
        s.unsubscribe?.();
      });
      ws.on('error', () => ws.terminate());
    });
  }

  private watchKey(w: Watch): string {
    return [w.type, w.namespace || '', w.id || '', w.selector || '', w.mode || ''].join('|');
  }

  private matches(w: Watch, e: WatchEvent): boolean {
    const o = e.obj;

    return w.type === e.type && (!w.namespace || o.metadata.namespace === w.namespace) &&
      (!w.id || idOf(o) === w.id || o.metadata.name === w.id) && (!w.selector || matchesLabels(o.metadata.labels, w.selector));
  }

  private sendEvent(s: Socket, w: Watch, e: WatchEvent): void {
    const cluster = s.cluster as ClusterState;
    const t = cluster.types.get(e.type);

    if (!t || !s.fmt || s.ws.readyState !== WebSocket.OPEN) {
      return;
    }
    if (w.mode === 'resource.changes') {
      s.ws.send(JSON.stringify({
        name: 'resource.changes', resourceType: e.type, data: { type: e.type, revision: String(e.revision) }
      }));

      return;
    }
    const data = format(t, e.obj, { ...s.fmt, verbs: this.permissions.verbs(s.user, cluster.id, t.id) });

    s.ws.send(JSON.stringify({
      name: e.name, resourceType: e.type, revision: String(e.revision), data
    }));
  }

  private push(s: Socket, e: WatchEvent): void {
    for (const w of s.watches.values()) {
      if (this.matches(w, e)) {
        this.sendEvent(s, w, e);
      }
    }
  }

  private onMessage(s: Socket, text: string): void {
    let msg: Record<string, unknown>;

    try {
      msg = JSON.parse(text);
    } catch {
      return;
    }
    if (!s.cluster || typeof msg.resourceType !== 'string') {
      return; // the Norman socket: nothing to watch here
    }
    const cluster = s.cluster;
    const w: Watch = {
      type:      msg.resourceType,
      namespace: typeof msg.namespace === 'string' ? msg.namespace : undefined,
      id:        typeof msg.id === 'string' ? msg.id : undefined,
      selector:  typeof msg.selector === 'string' ? msg.selector : undefined,
      mode:      typeof msg.mode === 'string' ? msg.mode : undefined,
    };
    const echo = {
      resourceType: w.type, namespace: w.namespace, id: w.id, selector: w.selector, mode: w.mode
    };
    const key = this.watchKey(w);

    if (msg.stop) {
      s.watches.delete(key);
      s.ws.send(JSON.stringify({ name: 'resource.stop', ...echo }));

      return;
    }
    if (w.type === 'schema' || w.type === 'count' || w.type === 'userpreference') {
      s.ws.send(JSON.stringify({ name: 'resource.start', ...echo }));

      return;
    }
    const t = cluster.types.get(w.type);
    const verbs = t ? this.permissions.verbs(s.user, cluster.id, t.id) : [];
    const fault = this.faults.take({
      cluster: cluster.id, type: w.type, action: 'watch', user: s.user.username
    });

    if (!t || !verbs.length) {
      s.ws.send(JSON.stringify({
        name: 'resource.error', ...echo, data: { error: `failed to find schema ${ w.type }` }
      }));

      return;
    }
    if (!verbs.includes('watch') || fault?.status) {
      s.ws.send(JSON.stringify({
        name: 'resource.error', ...echo, data: { error: `watch not allowed for ${ w.type }` }
      }));

      return;
    }
    s.watches.set(key, w);
    s.ws.send(JSON.stringify({ name: 'resource.start', ...echo }));
    const rv = Number(msg.resourceVersion);

    if (msg.resourceVersion !== undefined && Number.isFinite(rv)) {
      const missed = cluster.eventsSince(rv);

      if (!missed) {
        s.watches.delete(key);
        s.ws.send(JSON.stringify({
          name: 'resource.error', ...echo, data: { error: `too old resource version: ${ rv } (${ cluster.revision })` }
        }));

        return;
      }
      for (const e of missed) {
        if (this.matches(w, e)) {
          this.sendEvent(s, w, e);
        }
      }
    }
  }

  // ---------------------------------------------------------------- test hooks

  private async control(ctx: Ctx): Promise<void> {
    const p = ctx.url.pathname;
    const q = ctx.url.searchParams;
    const body = (isPlainObject(ctx.body) ? ctx.body : {}) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

    switch (p) {
    case '/__sim/login': {
      const user = userByName(q.get('user') || 'admin');

      if (!user) {
        throw new HttpError(404, 'no such user');
      }
      const next = q.get('next') || '/';

      ctx.user = user;
      ctx.res.writeHead(302, { location: next.startsWith('/') && !next.startsWith('//') ? next : '/', 'set-cookie': `${ COOKIE }=${ this.tokenFor(user.username).value }; Path=/; HttpOnly; SameSite=Lax` });
      ctx.res.end();

      return;
    }
    case '/__sim/state':
      return send(ctx, 200, {
        scenario: this.scenario.name,
        now:      this.clock.iso(),
        clusters: [...this.clusters.values()].map((c) => ({
          ...c.info, revision: c.revision, types: [...c.types.keys()]
        })),
        plugins: this.plugins().map((pl) => ({ name: pl.name, version: pl.version })),
        faults:  this.faults.list(),
      });
    case '/__sim/log':
      if (ctx.req.method === 'DELETE') {
        this.log.clear();

        return send(ctx, 200, { cleared: true });
      }

      return send(ctx, 200, this.log.since(Number(q.get('since') || 0)));
    case '/__sim/log.html': {
      const entries = q.get('writes') ? this.log.writes() : this.log.all();
      const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${ c.charCodeAt(0) };`);
      const rows = entries.slice(-500).map((e) => `<tr><td>${ e.seq }</td><td>${ esc(e.at) }</td><td>${ esc(e.user) }</td><td>${ e.status }</td><td>${ esc(e.method) }</td>` +
        `<td>${ esc(e.path + e.query) }</td><td><code>${ esc(e.body === undefined ? '' : JSON.stringify(e.body)) }</code></td></tr>`).join('');

      ctx.res.writeHead(200, { 'content-type': MIME['.html'], 'cache-control': 'no-store' });
      ctx.res.end(`<!doctype html><meta charset="utf-8"><title>Simulator request log</title><style>body{font:13px sans-serif;margin:16px}td{border-bottom:1px solid #ddd;padding:2px 6px;vertical-align:top}code{word-break:break-all}</style>` +
        `<h1>Simulator request log${ q.get('writes') ? ' (writes)' : '' }</h1><p>${ entries.length } requests; scenario ${ esc(this.scenario.name) }; simulated time ${ esc(this.clock.iso()) }; ` +
        `DELETEs of protected types: ${ this.log.protectedDeletes().length }</p><table data-testid="sim-log"><tr><th>#</th><th>time</th><th>user</th><th>status</th><th>method</th><th>path</th><th>body</th></tr>${ rows }</table>`);

      return;
    }
    case '/__sim/scenario':
      this.load(String(body.name || q.get('name') || 'seed'));

      return send(ctx, 200, { scenario: this.scenario.name, now: this.clock.iso() });
    case '/__sim/clock':
      if (ctx.req.method === 'POST') {
        this.clock.advance(Number(body.advanceMs || q.get('advanceMs') || 0));
      }

      return send(ctx, 200, { now: this.clock.iso() });
    case '/__sim/faults':
      if (ctx.req.method === 'POST') {
        return send(ctx, 200, { id: this.faults.add(body as FaultSpec) });
      }
      if (ctx.req.method === 'DELETE') {
        this.faults.clear();
      }

      return send(ctx, 200, this.faults.list());
    case '/__sim/sockets/drop':
      return send(ctx, 200, { dropped: this.dropSockets(body.cluster || q.get('cluster') || undefined) });
    }
    throw new HttpError(404, 'unknown simulator hook');
  }
}
