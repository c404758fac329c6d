/** The `/__sim/…` hooks for tests: login by URL, state, request log, scenario, clock, faults, socket drops. */
import { COOKIE } from './auth';
import type { SimClock } from './clock';
import type { ClusterState } from './cluster';
import type { FaultSpec, Faults } from './faults';
import { HttpError, MIME, send } from './http';
import type { Ctx } from './http';
import { isPlainObject } from './objects';
import type { ServedPlugin } from './plugins';
import type { RequestLog } from './request-log';
import type { Scenario } from './scenario';
import { userByName } from './users';

/** What the hooks read and drive: the Simulator. */
export interface HookTarget {
  readonly clock: SimClock;
  readonly log: RequestLog;
  readonly faults: Faults;
  readonly clusters: Map<string, ClusterState>;
  readonly scenario: Scenario;
  load(scenario: string): void;
  plugins(): ServedPlugin[];
  tokenFor(username: string): { name: string; value: string };
  dropSockets(clusterId?: string): number;
}

export async function control(sim: HookTarget, ctx: Ctx): Promise<void> {
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
    ctx.res.writeHead(302, { location: next.startsWith('/') && !next.startsWith('//') ? next : '/', 'set-cookie': `${ COOKIE }=${ sim.tokenFor(user.username).value }; Path=/; HttpOnly; SameSite=Lax` });
    ctx.res.end();

    return;
  }
  case '/__sim/state':
    return send(ctx, 200, {
      scenario: sim.scenario.name,
      now:      sim.clock.iso(),
      clusters: [...sim.clusters.values()].map((c) => ({
        ...c.info, revision: c.revision, types: [...c.types.keys()]
      })),
      plugins: sim.plugins().map((pl) => ({ name: pl.name, version: pl.version })),
      faults:  sim.faults.list(),
    });
  case '/__sim/log':
    if (ctx.req.method === 'DELETE') {
      sim.log.clear();

      return send(ctx, 200, { cleared: true });
    }

    return send(ctx, 200, sim.log.since(Number(q.get('since') || 0)));
  case '/__sim/log.html': {
    const entries = q.get('writes') ? sim.log.writes() : sim.log.all();
    const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${ c.charCodeAt(0) };`);
    const rows = entries.slice(-500).map((e) => `<tr><td>${ e.seq }</td><td>${ esc(e.at) }</td><td>${ esc(e.user) }</td><td>${ e.status }</td><td>${ esc(e.method) }</td>` +
      `<td>${ esc(e.path + e.query) }</td><td><code>${ esc(e.body === undefined ? '' : JSON.stringify(e.body)) }</code></td></tr>`).join('');

    ctx.res.writeHead(200, { 'content-type': MIME['.html'], 'cache-control': 'no-store' });
    ctx.res.end(`<!doctype html><meta charset="utf-8"><title>Simulator request log</title><style>body{font:13px sans-serif;margin:16px}td{border-bottom:1px solid #ddd;padding:2px 6px;vertical-align:top}code{word-break:break-all}</style>` +
      `<h1>Simulator request log${ q.get('writes') ? ' (writes)' : '' }</h1><p>${ entries.length } requests; scenario ${ esc(sim.scenario.name) }; simulated time ${ esc(sim.clock.iso()) }; ` +
      `DELETEs of protected types: ${ sim.log.protectedDeletes().length }</p><table data-testid="sim-log"><tr><th>#</th><th>time</th><th>user</th><th>status</th><th>method</th><th>path</th><th>body</th></tr>${ rows }</table>`);

    return;
  }
  case '/__sim/scenario':
    sim.load(String(body.name || q.get('name') || 'seed'));

    return send(ctx, 200, { scenario: sim.scenario.name, now: sim.clock.iso() });
  case '/__sim/clock':
    if (ctx.req.method === 'POST') {
      sim.clock.advance(Number(body.advanceMs || q.get('advanceMs') || 0));
    }

    return send(ctx, 200, { now: sim.clock.iso() });
  case '/__sim/faults':
    if (ctx.req.method === 'POST') {
      return send(ctx, 200, { id: sim.faults.add(body as FaultSpec) });
    }
    if (ctx.req.method === 'DELETE') {
      sim.faults.clear();
    }

    return send(ctx, 200, sim.faults.list());
  case '/__sim/sockets/drop':
    return send(ctx, 200, { dropped: sim.dropSockets(body.cluster || q.get('cluster') || undefined) });
  }
  throw new HttpError(404, 'unknown simulator hook');
}
