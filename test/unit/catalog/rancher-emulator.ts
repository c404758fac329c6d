import fs from 'fs';
import http from 'http';
import type { AddressInfo } from 'net';
import path from 'path';
import { FORBIDDEN_FILES_TXT_ENTRY, renderUIPlugin } from '../../../scripts/package-catalog';

type UIPluginSpec = ReturnType<typeof renderUIPlugin>['spec']['plugin'];

export function httpGet(url: string): Promise<{ status: number; body: Buffer; type: string }> {
  return new Promise((resolve, reject) => {
    http.get(url, (res) => {
      let body = '';

      res.setEncoding('latin1'); // one character per byte
      res.on('data', (c: string) => {
        body += c;
      });
      res.on('end', () => resolve({
        status: res.statusCode || 0, body: Buffer.from(body, 'latin1'), type: String(res.headers['content-type'] || '')
      }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

function contentType(file: string): string {
  if (file.endsWith('.js')) {
    return 'application/javascript';
  }
  if (file.endsWith('.json') || file.endsWith('.map')) {
    return 'application/json';
  }

  return file.endsWith('.yaml') ? 'text/yaml' : 'application/octet-stream';
}

/**
 * One plain-HTTP origin that plays two parts:
 *  - `/catalog/…`: the catalog folder, served as a static Helm repository would be;
 *  - Rancher: `/v1/uiplugins` (the index of installed UIPlugins) and `/v1/uiplugins/<name>/<version>/<file>`
 *    served from a plugin cache filled the way Rancher's UI-plugin controller fills it
 *    (rancher pkg/controllers/dashboard/plugin/fscache.go: `${endpoint}/plugin/package.json` must carry the
 *    UIPlugin's version, then `${endpoint}/files.txt`, then every file it lists), plus `/rancherversion`, `/version`.
 */
export class RancherEmulator {
  private server?: http.Server;
  private installed: UIPluginSpec[] = [];
  private cache = new Map<string, Buffer>();
  readonly requests: string[] = [];

  private catalogDir: string;
  private rancherVersion: string;
  private kubeVersion: string;

  constructor(catalogDir: string, rancherVersion = 'v2.12.0', kubeVersion = 'v1.33.3+rke2r1') {
    this.catalogDir = catalogDir;
    this.rancherVersion = rancherVersion;
    this.kubeVersion = kubeVersion;
  }

  get origin(): string {
    return `http://127.0.0.1:${ (this.server?.address() as AddressInfo).port }`;
  }

  get catalogUrl(): string {
    return `${ this.origin }/catalog`;
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));

    return this;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }

  /** Install a UIPlugin: cache its files from its endpoint as Rancher does. */
  async install(plugin: UIPluginSpec): Promise<void> {
    const { name, version, endpoint } = plugin;
    const pkg = await httpGet(`${ endpoint }/plugin/package.json`);

    if (pkg.status !== 200 || JSON.parse(pkg.body.toString()).version !== version) {
      throw new Error(`${ endpoint }/plugin/package.json: HTTP ${ pkg.status }, not version ${ version }`);
    }
    const list = await httpGet(`${ endpoint }/files.txt`);

    if (list.status !== 200) {
      throw new Error(`${ endpoint }/files.txt: HTTP ${ list.status }`);
    }
    const files = list.body.toString().split('\n');

    for (const file of files) {
      if (FORBIDDEN_FILES_TXT_ENTRY.test(decodeURIComponent(file))) {
        throw new Error(`invalid file entry: ${ file }`);
      }
    }
    for (const file of files.filter(Boolean)) {
      const got = await httpGet(`${ endpoint }/${ file }`);

      if (got.status !== 200) {
        throw new Error(`${ endpoint }/${ file }: HTTP ${ got.status }`);
      }
      this.cache.set(`${ name }/${ version }/${ file }`, got.body);
    }
    this.installed.push(plugin);
  }

  cachedFiles(): string[] {
    return [...this.cache.keys()].sort();
  }

  private send(res: http.ServerResponse, status: number, type: string, body: string | Buffer): void {
    res.writeHead(status, { 'content-type': type });
    res.end(body);
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url || '/', this.origin);
    const route = decodeURIComponent(url.pathname);

    this.requests.push(`${ req.method } ${ url.pathname }${ url.search }`);

    if (route === '/') {
      return this.send(res, 200, 'text/html', '<!DOCTYPE html><html><head></head><body></body></html>');
    }
    if (route === '/rancherversion') {
      return this.send(res, 200, 'application/json', JSON.stringify({
        Version: this.rancherVersion, GitCommit: 'emulated', RancherPrime: 'false'
      }));
    }
    if (route === '/version') {
      return this.send(res, 200, 'application/json', JSON.stringify({ gitVersion: this.kubeVersion }));
    }
    if (route === '/v1/uiplugins') {
      // rancher pkg/controllers/dashboard/plugin/index.go: SafeIndex{Entries map[name]UIPlugin}
      const entries = Object.fromEntries(this.installed.map((p) => [p.name, {
        ...p, CacheState: 'cached', Ready: true
      }]));

      return this.send(res, 200, 'application/json', JSON.stringify({ entries }));
    }
    if (route.startsWith('/v1/uiplugins/')) {
      const body = this.cache.get(route.slice('/v1/uiplugins/'.length));

      return body ? this.send(res, 200, contentType(route), body) : this.send(res, 404, 'text/plain', 'not cached');
    }
    if (route.startsWith('/catalog/')) {
      const file = path.resolve(this.catalogDir, `.${ route.slice('/catalog'.length) }`);

      if (file.startsWith(`${ path.resolve(this.catalogDir) }${ path.sep }`) && fs.existsSync(file) && fs.statSync(file).isFile()) {
        return this.send(res, 200, contentType(file), fs.readFileSync(file));
      }
    }
    this.send(res, 404, 'text/plain', 'not found');
  }
}
