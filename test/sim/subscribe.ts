/** The subscribe WebSockets (Steve's per store, Norman's `/v3/subscribe`): the watch protocol, pings and drops. */
import http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, WebSocket } from 'ws';
import type { Sessions } from './auth';
import type { SimClock } from './clock';
import type { ClusterState, WatchEvent } from './cluster';
import type { Faults } from './faults';
import { originOf } from './http';
import { idOf, matchesLabels } from './objects';
import type { RequestLog } from './request-log';
import { format, formatBase } from './steve';
import type { FormatContext } from './steve';
import type { Permissions, SimUser } from './users';

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

export class Subscriptions {
  private wss = new WebSocketServer({ noServer: true });
  private sockets = new Set<Socket>();
  private pingTimer?: NodeJS.Timeout;

  private readonly clusters: Map<string, ClusterState>;
  private readonly sessions: Sessions;
  private readonly permissions: Permissions;
  private readonly faults: Faults;
  private readonly log: RequestLog;
  private readonly clock: SimClock;
  /** The Rancher version the simulator claims now (each ping carries it). */
  private readonly rancherVersion: () => string;

  constructor(clusters: Map<string, ClusterState>, sessions: Sessions, permissions: Permissions, faults: Faults, log: RequestLog, clock: SimClock, rancherVersion: () => string) {
    this.clusters = clusters;
    this.sessions = sessions;
    this.permissions = permissions;
    this.faults = faults;
    this.log = log;
    this.clock = clock;
    this.rancherVersion = rancherVersion;
  }

  /** Ping every open socket every 5 s, as Steve does. */
  startPings(): void {
    this.pingTimer = setInterval(() => {
      for (const s of this.sockets) {
        if (s.ws.readyState === WebSocket.OPEN) {
          s.ws.send(JSON.stringify({ name: 'ping', data: { version: this.rancherVersion() } }));
        }
      }
    }, 5000);
    this.pingTimer.unref();
  }

  /** Stop pinging, close every socket and the WebSocket server. */
  close(): void {
    if (this.pingTimer) {
      clearInterval(this.pingTimer);
    }
    this.drop();
    this.wss.close();
  }

  /** Close every subscribe socket (optionally only one cluster's); the Dashboard reconnects and resyncs. */
  drop(clusterId?: string): number {
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

  upgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer, origin: string): void {
    const url = new URL(req.url || '/', origin);
    const user = this.sessions.userOf(req);
    const p = url.pathname;
    let cluster: ClusterState | undefined;
    let base: string | undefined;
    let m: RegExpMatchArray | null;

    if (p === '/v1/subscribe') {
      cluster = this.clusters.get('local');
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
        ws, user: user as SimUser, cluster, fmt: cluster && base ? formatBase(originOf(req, origin), cluster, base) : undefined, watches: new Map()
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
}
