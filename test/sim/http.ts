/** HTTP plumbing all routes share: request context, replies, Steve and Kubernetes errors, the browser's origin, faults. */
import type http from 'node:http';
import { ApiError } from './cluster';
import type { ClusterState } from './cluster';
import type { Action, Faults } from './faults';
import { PatchError } from './objects';
import type { SimUser } from './users';

export const JSON_TYPE = 'application/json';

export interface Ctx {
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

export class HttpError extends Error {
  constructor(public readonly status: number, message: string, public readonly code = '') {
    super(message);
  }
}

const STATUS_CODES: Record<number, string> = {
  400: 'BadRequest', 401: 'Unauthorized', 403: 'Forbidden', 404: 'NotFound', 405: 'MethodNotAllowed', 409: 'Conflict', 422: 'Invalid', 500: 'InternalError', 503: 'ServiceUnavailable'
};

export const MIME: Record<string, string> = {
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

export function send(ctx: Ctx, status: number, body: unknown, headers: Record<string, string> = {}): void {
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

export function steveError(status: number, message: string): Record<string, unknown> {
  return {
    type: 'error', status, code: STATUS_CODES[status] || 'ServerError', message
  };
}

function kubeStatus(status: number, message: string, reason?: string): Record<string, unknown> {
  return {
    kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: reason || STATUS_CODES[status] || 'InternalError', code: status
  };
}

/** Answer a failed request: a Kubernetes Status on the native API paths, a Steve error elsewhere. */
export function sendError(ctx: Ctx, e: unknown): void {
  const native = /^\/(k8s\/clusters\/[^/]+\/)?apis?\//.test(ctx.url.pathname.replace(/^\//, '/'));

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

/**
 * The origin links must use: the browser's. Behind `npm run dev` the shell's dev-server proxy
 * says which host it serves with `x-api-host` (and the scheme with `x-forwarded-proto`).
 */
export function originOf(req: http.IncomingMessage, own: string): string {
  const host = req.headers['x-api-host'];

  if (typeof host === 'string' && /^[A-Za-z0-9.:[\]-]+$/.test(host)) {
    const proto = req.headers['x-forwarded-proto'];

    return `${ proto === 'http' ? 'http' : 'https' }://${ host }`;
  }

  return own;
}

/** The request body as text (at most 10 MiB). */
export function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise<string>((resolve, reject) => {
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
}

export function requireUser(ctx: Ctx): SimUser {
  if (!ctx.user) {
    throw new HttpError(401, 'must authenticate');
  }

  return ctx.user;
}

/** Note what the request is (for the log) and apply a matching fault: an error, a delay, or both. */
export function applyFault(faults: Faults, ctx: Ctx, cluster: ClusterState | undefined, type: string | undefined, action: Action): Promise<void> {
  ctx.log.cluster = cluster?.id;
  ctx.log.type = type;
  ctx.log.action = action;
  const fault = faults.take({
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
