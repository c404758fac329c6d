/** Auth and Norman: the session cookie (a token per user), the local login, and the `/v3` endpoints the Dashboard reads. */
import { randomBytes } from 'node:crypto';
import type http from 'node:http';
import { HttpError, requireUser, send } from './http';
import type { Ctx } from './http';
import { normanUser, principal } from './rancher';
import { USERS, userByName } from './users';
import type { SimUser } from './users';

export const COOKIE = 'R_SESS';

function cookieOf(req: http.IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie || '').split(';')) {
    const [k, ...v] = part.trim().split('=');

    if (k === name) {
      return decodeURIComponent(v.join('='));
    }
  }

  return undefined;
}

/** The session tokens: one per simulated user, made at start, carried in the `R_SESS` cookie. */
export class Sessions {
  private tokens = new Map<string, SimUser>();

  constructor() {
    for (const user of USERS) {
      this.tokens.set(`token-${ user.username }:${ randomBytes(12).toString('hex') }`, user);
    }
  }

  /** The user whose session cookie the request carries, if any. */
  userOf(req: http.IncomingMessage): SimUser | undefined {
    return this.tokens.get(cookieOf(req, COOKIE) || '');
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
}

export function localLogin(ctx: Ctx, sessions: Sessions): void {
  const body = (ctx.body || {}) as { username?: string; password?: string };
  const user = USERS.find((u) => u.username === body.username && u.password === body.password);

  if (!user) {
    throw new HttpError(401, 'Invalid username or password');
  }
  const token = sessions.tokenFor(user.username).value;

  ctx.user = user;
  send(ctx, 200, { type: 'token', token: 'cookie' }, { 'set-cookie': `${ COOKIE }=${ token }; Path=/; HttpOnly; SameSite=Lax` });
}

export function norman(ctx: Ctx): void {
  const p = ctx.url.pathname;
  const method = ctx.req.method || 'GET';

  if (p === '/v3/tokens' && ctx.url.searchParams.get('action') === 'logout') {
    return send(ctx, 200, {}, { 'set-cookie': `${ COOKIE }=; Path=/; Max-Age=0` });
  }
  const user = requireUser(ctx);

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
