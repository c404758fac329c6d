/** Static files: the Dashboard host's build (with the browser-clock script) and the extension under `/v1/uiplugins`. */
import fs from 'node:fs';
import path from 'node:path';
import type { SimClock } from './clock';
import { HttpError, MIME, send } from './http';
import type { Ctx } from './http';
import { pluginIndex } from './plugins';
import type { ServedPlugin } from './plugins';

export interface StaticOptions {
  /** The Dashboard host's build (index.html and assets); API only when absent. */
  staticDir?: string;
  /** Make the browser's clock follow the simulated clock (a script injected into index.html). */
  browserClock?: boolean;
}

export function serveStatic(ctx: Ctx, options: StaticOptions, clock: SimClock): void {
  const dir = options.staticDir;

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

  if (options.browserClock !== false) {
    const offset = clock.nowMs() - Date.now();
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

export function uiplugins(ctx: Ctx, plugins: ServedPlugin[]): void {
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
