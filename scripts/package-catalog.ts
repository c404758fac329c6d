/**
 * `npm run package`: writes the Rancher extensions catalog for pkg/install-troubleshooting.
 *
 * Why this script exists: the shell's own `publish-pkgs` (node_modules/@rancher/shell/scripts/extension/publish)
 * is the model, but it needs `helm`, the Go `yq` v4 and macOS `md5`, none of which can be installed on the
 * machines this project is built on. So this writes the same output with plain Node libraries (js-yaml, tar), and
 * writes it reproducibly: fixed file order, modes, owners and mtimes in the archives, and `created`/`generated`
 * taken from the commit time of HEAD.
 *
 * Output, under the catalog folder (default `extensions/`, the root of a Helm repository served over HTTP):
 *   <name>/<version>/plugin/*                 the built extension (dist-pkg without report.html)
 *   <name>/<version>/files.txt                every file under plugin/, relative, sorted: what Rancher caches
 *   <name>/<version>.tgz                      the same folder as one archive (the UIPlugin's compressedEndpoint)
 *   charts/<name>/<version>/                  the shell's ui-plugin-server chart: templates unchanged,
 *                                             Chart.yaml and values.yaml written for this package
 *   assets/<name>/<name>-<version>.tgz        that chart, packaged
 *   index.yaml                                the Helm repository index (released versions are kept)
 *
 * The UIPlugin that the chart creates points Rancher at `<catalog base URL>/<name>/<version>` (its
 * `spec.plugin.endpoint`). The base URL is `installTroubleshooting.catalogBaseUrl` in the root package.json,
 * or the CATALOG_BASE_URL environment variable.
 *
 * Usage: npm run package -- [--out <dir>] [--force] [--no-build | --dist <dir>]
 * Exit codes: 0 written; 2 refused (version already packaged, bad option or setting); 1 build or I/O failure.
 */
import { createHash } from 'crypto';
import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import yaml from 'js-yaml';
import { create as tarCreate } from 'tar';

export const REPO_ROOT = path.resolve(__dirname, '..');
export const PKG_NAME = 'install-troubleshooting';
export const CHART_TEMPLATE = path.join(REPO_ROOT, 'node_modules/@rancher/shell/scripts/extension/helm/charts/ui-plugin-server');
export const BASE_URL_ENV = 'CATALOG_BASE_URL';

/** Rancher's plugin cache rejects files.txt entries that match this (pkg/controllers/dashboard/plugin/fscache.go). */
export const FORBIDDEN_FILES_TXT_ENTRY = /(^[/\\.])|\.\./;

/** Archive entries get this mtime, so an archive's digest depends on its content only. */
const ARCHIVE_MTIME = new Date('2000-01-01T00:00:00Z');

/**
 * Chart annotations that the package's own `rancher.annotations` may override. Rancher's Dashboard checks
 * kube-version against the Rancher cluster's Kubernetes; the extension itself does not depend on it.
 */
const DEFAULT_EXTENSION_ANNOTATIONS: Record<string, string> = { 'catalog.cattle.io/kube-version': '>= 1.16.0-0' };

export class Refusal extends Error {}

/** Chart.yaml (and, with created/digest/urls, an index.yaml entry) */
export interface ChartFile {
  name: string;
  version: string;
  appVersion?: string;
  annotations?: Record<string, string>;
  [key: string]: unknown;
}

export interface PluginValues {
  name?: string;
  version?: string;
  versionOverride?: string;
  endpoint?: string;
  compressedEndpoint?: string;
  noCache?: boolean;
  noAuth?: boolean;
  metadata?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface ValuesFile {
  nameOverride?: string;
  fullnameOverride?: string;
  plugin?: PluginValues;
  [key: string]: unknown;
}

export function loadYaml<T>(file: string): T {
  return yaml.load(fs.readFileSync(file, 'utf8')) as T;
}

export interface PackageInfo {
  name: string;
  version: string;
  description?: string;
  icon?: string;
  homepage?: string;
  keywords?: string[];
  /** `rancher.annotations` plus defaults: the chart annotations and the UIPlugin's `spec.plugin.metadata` */
  annotations: Record<string, string>;
}

/** Where each part of one version lives, relative to the catalog root. */
export function catalogPaths(name: string, version: string) {
  return {
    versionDir:  `${ name }/${ version }`,
    pluginDir:   `${ name }/${ version }/plugin`,
    filesTxt:    `${ name }/${ version }/files.txt`,
    pluginTgz:   `${ name }/${ version }.tgz`,
    chartDir:    `charts/${ name }/${ version }`,
    chartTgz:    `assets/${ name }/${ name }-${ version }.tgz`,
    index:       'index.yaml',
  };
}

export function readPackageInfo(root = REPO_ROOT): PackageInfo {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'pkg', PKG_NAME, 'package.json'), 'utf8'));

  if (pkg.name !== PKG_NAME || !isSemver(pkg.version)) {
    throw new Refusal(`pkg/${ PKG_NAME }/package.json must have name "${ PKG_NAME }" and a semver version`);
  }
  const annotations: Record<string, string> = { ...DEFAULT_EXTENSION_ANNOTATIONS };

  for (const [key, value] of Object.entries(pkg.rancher?.annotations || {})) {
    annotations[key] = String(value);
  }
  if (!annotations['catalog.cattle.io/ui-extensions-version']) {
    // Without it the Dashboard refuses to load the extension (plugins.error.apiAnnotationMissing)
    throw new Refusal(`pkg/${ PKG_NAME }/package.json lacks rancher.annotations["catalog.cattle.io/ui-extensions-version"]`);
  }

  return {
    name:        pkg.name,
    version:     pkg.version,
    description: pkg.description,
    icon:        pkg.icon,
    homepage:    pkg.homepage,
    keywords:    pkg.keywords,
    annotations,
  };
}

/** The catalog's base URL: CATALOG_BASE_URL, else `installTroubleshooting.catalogBaseUrl` in the root package.json. */
export function catalogBaseUrl(root = REPO_ROOT, env: NodeJS.ProcessEnv = process.env): string {
  const configured = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).installTroubleshooting?.catalogBaseUrl;
  const raw = env[BASE_URL_ENV] || configured;
  let url: URL;

  try {
    url = new URL(raw);
  } catch {
    throw new Refusal(`the catalog base URL must be an absolute http(s) URL: set installTroubleshooting.catalogBaseUrl in package.json or ${ BASE_URL_ENV } (got ${ JSON.stringify(raw ?? null) })`);
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.search || url.hash) {
    throw new Refusal(`the catalog base URL must be a plain http(s) URL without query or fragment (got ${ raw })`);
  }

  return url.href.replace(/\/+$/, '');
}

/** The commit time of HEAD (RFC 3339, UTC): `created` and `generated` in index.yaml. SOURCE_DATE_EPOCH overrides. */
export function releaseTime(root = REPO_ROOT, env: NodeJS.ProcessEnv = process.env): string {
  if (env.SOURCE_DATE_EPOCH) {
    return rfc3339(Number(env.SOURCE_DATE_EPOCH));
  }
  const git = spawnSync('git', ['log', '-1', '--format=%ct', 'HEAD'], { cwd: root, encoding: 'utf8' });
  const seconds = Number(git.stdout?.trim());

  if (git.status !== 0 || !seconds) {
    throw new Refusal('cannot read the commit time of HEAD (not a git checkout?): set SOURCE_DATE_EPOCH');
  }

  return rfc3339(seconds);
}

/** As Helm writes times: RFC 3339 in UTC, no fractional seconds. */
function rfc3339(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
}

export function isSemver(v: unknown): v is string {
  return typeof v === 'string' && /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/.test(v);
}

/** Semver precedence (build metadata ignored); enough for sorting index entries. */
export function compareSemver(a: string, b: string): number {
  const parse = (v: string) => {
    const [core, pre] = v.split('+')[0].split(/-(.*)/s);

    return { nums: core.split('.').map(Number), pre: pre ? pre.split('.') : [] };
  };
  const x = parse(a);
  const y = parse(b);

  for (let i = 0; i < 3; i++) {
    if (x.nums[i] !== y.nums[i]) {
      return x.nums[i] - y.nums[i];
    }
  }
  if (!x.pre.length || !y.pre.length) {
    return y.pre.length - x.pre.length;
  }
  for (let i = 0; i < Math.max(x.pre.length, y.pre.length); i++) {
    const p = x.pre[i];
    const q = y.pre[i];

    if (p === undefined || q === undefined) {
      return p === undefined ? -1 : 1;
    }
    if (p !== q) {
      const pn = /^\d+$/.test(p);
      const qn = /^\d+$/.test(q);

      if (pn && qn) {
        return Number(p) - Number(q);
      }

      return pn ? -1 : qn ? 1 : (p < q ? -1 : 1);
    }
  }

  return 0;
}

export function sha256(file: string): string {
  // latin1 maps bytes 1:1 to string characters, so this hashes the file's exact bytes
  return createHash('sha256').update(fs.readFileSync(file, 'latin1'), 'latin1').digest('hex');
}

/** Every file under `dir`, as sorted relative POSIX paths. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${ rel }/${ entry.name }` : entry.name;

      if (entry.isDirectory()) {
        walk(child);
      } else if (entry.isFile()) {
        out.push(child);
      } else {
        throw new Error(`${ path.join(dir, child) } is neither a file nor a folder`);
      }
    }
  };

  walk('');

  return out.sort(byCodeUnit);
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Copy a folder, normalising modes (0644 files, 0755 folders) so archives do not depend on the umask. */
function copyTree(from: string, to: string, skip: (rel: string) => boolean = () => false): void {
  for (const rel of listFiles(from)) {
    if (skip(rel)) {
      continue;
    }
    const target = path.join(to, rel);

    fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o755 });
    fs.copyFileSync(path.join(from, rel), target);
    fs.chmodSync(target, 0o644);
  }
}

/** A gzipped tar of `files` (relative to `cwd`, in the given order) under `prefix/`, reproducible byte for byte. */
function writeTgz(file: string, cwd: string, prefix: string, files: string[]): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  tarCreate({
    file,
    cwd,
    prefix,
    sync:         true,
    gzip:         { level: 9 },
    portable:     true, // no uid/gid/uname/atime/ctime, umask-independent modes, gzip OS byte 255
    noPax:        true,
    mtime:        ARCHIVE_MTIME,
    noDirRecurse: true,
  }, files);
}

function dumpYaml(data: unknown): string {
  return yaml.dump(data, {
    sortKeys: true, lineWidth: -1, noRefs: true, quotingType: '"'
  });
}

/** Chart.yaml: the shell template's, with name, versions, description and annotations of this package. */
export function chartYaml(info: PackageInfo): ChartFile {
  const chart = loadYaml<ChartFile>(path.join(CHART_TEMPLATE, 'Chart.yaml'));

  chart.name = info.name;
  chart.version = info.version;
  chart.appVersion = info.version;
  // As the shell's helm/scripts/patch does: take these from the package, drop the template's when absent
  const fromPackage: [string, unknown][] = [['description', info.description], ['icon', info.icon], ['home', info.homepage], ['keywords', info.keywords]];

  for (const [key, value] of fromPackage) {
    if (value === undefined || value === null || value === '') {
      delete chart[key];
    } else {
      chart[key] = value;
    }
  }
  chart.annotations = { ...chart.annotations, ...info.annotations };

  return chart;
}

/** values.yaml: the shell template's, with the plugin's name, version, endpoints and metadata. */
export function valuesYaml(info: PackageInfo, baseUrl: string): ValuesFile {
  const values = loadYaml<ValuesFile>(path.join(CHART_TEMPLATE, 'values.yaml'));
  const endpoint = `${ baseUrl }/${ info.name }/${ info.version }`;

  values.plugin = {
    ...values.plugin,
    name:               info.name,
    version:            info.version,
    endpoint,
    compressedEndpoint: `${ endpoint }.tgz`,
    metadata:           { ...info.annotations },
  };

  return values;
}

function truncName(s: string): string {
  return s.slice(0, 63).replace(/-+$/, '');
}

/**
 * The UIPlugin that the chart's templates/cr.yaml renders for a Helm release, computed as the shell's
 * _helpers.tpl does (no helm here). The Extensions page installs the chart with release name = chart name, so
 * `spec.plugin.name` is the package name; the Dashboard then loads `<name>-<version>.umd.min.js` from
 * /v1/uiplugins/<name>/<version>/plugin/ and calls `window["<name>-<version>"].default`.
 */
export function renderUIPlugin(chartDir: string, releaseName?: string, namespace = 'cattle-ui-plugin-system') {
  const chart = loadYaml<ChartFile>(path.join(chartDir, 'Chart.yaml'));
  const values = loadYaml<ValuesFile>(path.join(chartDir, 'values.yaml'));
  const release = releaseName || chart.name;
  const baseName = truncName(values.nameOverride || chart.name);
  let fullname: string;

  if (values.fullnameOverride) {
    fullname = truncName(values.fullnameOverride);
  } else {
    const name = values.nameOverride || chart.name;

    fullname = truncName(release.includes(name) ? release : `${ release }-${ name }`);
  }
  const plugin: PluginValues = values.plugin || {};
  const metadata: Record<string, string> = {};

  for (const [key, value] of Object.entries(plugin.metadata || {})) {
    metadata[key] = String(value);
  }

  return {
    apiVersion: 'catalog.cattle.io/v1',
    kind:       'UIPlugin',
    metadata:   {
      name:   fullname,
      namespace,
      labels: {
        'helm.sh/chart':                truncName(`${ chart.name }-${ chart.version }`.replace(/\+/g, '_')),
        'app.kubernetes.io/name':       baseName,
        'app.kubernetes.io/instance':   release,
        'app.kubernetes.io/version':    String(chart.appVersion).replace(/\+/g, '_'),
        'app.kubernetes.io/managed-by': 'Helm',
      },
    },
    spec: {
      plugin: {
        name:               fullname,
        version:            String(plugin.versionOverride || chart.appVersion),
        endpoint:           String(plugin.endpoint ?? ''),
        compressedEndpoint: String(plugin.compressedEndpoint ?? ''),
        noCache:            !!plugin.noCache,
        noAuth:             !!plugin.noAuth,
        metadata,
      },
    },
  };
}

export interface IndexEntry extends ChartFile {
  created: string;
  digest: string;
  urls: string[];
}

export interface HelmIndex {
  apiVersion: string;
  entries: Record<string, IndexEntry[]>;
  generated: string;
}

export function readIndex(file: string): HelmIndex | undefined {
  if (!fs.existsSync(file)) {
    return undefined;
  }
  const index = loadYaml<HelmIndex>(file);

  if (!index || index.apiVersion !== 'v1' || typeof index.entries !== 'object') {
    throw new Refusal(`${ file } is not a Helm repository index (apiVersion v1 with entries)`);
  }

  return index;
}

export interface PackageOptions {
  root?: string;
  out?: string;
  force?: boolean;
  /** an existing build-pkg output folder; when absent, `npm run build-pkg` runs first */
  distDir?: string;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}

export interface PackageResult {
  out: string;
  name: string;
  version: string;
  endpoint: string;
  digest: string;
  /** catalog-relative path → bytes, for the files worth reporting */
  sizes: Record<string, number>;
}

/** What of `version` already exists in the catalog (relative paths, plus "index.yaml" when it lists it). */
export function existingParts(out: string, name: string, version: string): string[] {
  const p = catalogPaths(name, version);
  const found = [p.versionDir, p.pluginTgz, p.chartDir, p.chartTgz].filter((rel) => fs.existsSync(path.join(out, rel)));

  if (readIndex(path.join(out, p.index))?.entries?.[name]?.some((e) => e.version === version)) {
    found.push(p.index);
  }

  return found;
}

export function packageCatalog(opts: PackageOptions = {}): PackageResult {
  const root = opts.root || REPO_ROOT;
  const out = path.resolve(opts.out || path.join(root, 'extensions'));
  const env = opts.env || process.env;
  const log = opts.log || (() => undefined);
  const info = readPackageInfo(root);
  const baseUrl = catalogBaseUrl(root, env);
  const created = releaseTime(root, env);
  const { name, version } = info;
  const p = catalogPaths(name, version);
  const already = existingParts(out, name, version);

  if (already.length && !opts.force) {
    throw new Refusal(`${ name } ${ version } is already packaged in ${ path.relative(process.cwd(), out) || '.' } (${ already.join(', ') }); a released version is immutable: bump "version" in pkg/${ name }/package.json, or pass --force to overwrite it`);
  }
  if (new URL(baseUrl).hostname.endsWith('.invalid')) {
    log(`warning: the catalog base URL ${ baseUrl } is the placeholder; Rancher cannot fetch this extension until it is packaged with the real URL (installTroubleshooting.catalogBaseUrl in package.json, or ${ BASE_URL_ENV })`);
  }

  let dist = opts.distDir ? path.resolve(opts.distDir) : '';

  if (!dist) {
    const dirty = spawnSync('git', ['status', '--porcelain', '--', `pkg/${ name }`], { cwd: root, encoding: 'utf8' }).stdout?.trim();

    if (dirty) {
      log(`warning: pkg/${ name } has uncommitted changes: this build is not the one of the commit whose time dates the index`);
    }
    log(`building: npm run build-pkg ${ name }`);
    // A release is a production build whatever the caller's NODE_ENV (under jest it is 'test', which makes the
    // shell's babel config instrument the bundle for coverage)
    const build = spawnSync('npm', ['run', 'build-pkg', name], {
      cwd: root, stdio: ['ignore', process.stderr, process.stderr], env: { ...env, NODE_ENV: 'production' }
    });

    if (build.status !== 0) {
      throw new Error(`npm run build-pkg ${ name } failed (exit ${ build.status ?? build.signal })`);
    }
    dist = path.join(root, 'dist-pkg', `${ name }-${ version }`);
  }
  if (!fs.existsSync(path.join(dist, 'package.json'))) {
    throw new Refusal(`no build in ${ path.relative(process.cwd(), dist) }: run npm run build-pkg ${ name } first, or leave out --no-build`);
  }
  const distPkg = JSON.parse(fs.readFileSync(path.join(dist, 'package.json'), 'utf8'));

  if (distPkg.name !== name || distPkg.version !== version || !fs.existsSync(path.join(dist, distPkg.main || ''))) {
    throw new Refusal(`${ dist } is not the build of ${ name } ${ version } (its package.json says ${ distPkg.name } ${ distPkg.version }, main ${ distPkg.main })`);
  }

  // Everything is written into a staging folder first, so a failure leaves the catalog as it was
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), `${ name }-catalog-`));

  try {
    // The plugin, files.txt, and the plugin archive
    copyTree(dist, path.join(stage, p.pluginDir), (rel) => rel === 'report.html' || rel.endsWith('.bak'));
    const pluginFiles = listFiles(path.join(stage, p.pluginDir)).map((rel) => `plugin/${ rel }`);
    const bad = pluginFiles.find((f) => FORBIDDEN_FILES_TXT_ENTRY.test(f));

    if (bad) {
      throw new Error(`Rancher would reject the files.txt entry ${ bad }`);
    }
    fs.writeFileSync(path.join(stage, p.filesTxt), `${ pluginFiles.join('\n') }\n`, { mode: 0o644 });
    writeTgz(path.join(stage, p.pluginTgz), path.join(stage, p.versionDir), version, ['files.txt', ...pluginFiles]);

    // The chart: the shell's templates unchanged, our Chart.yaml and values.yaml
    const chartDir = path.join(stage, p.chartDir);
    const chart = chartYaml(info);

    copyTree(CHART_TEMPLATE, chartDir, (rel) => rel === 'Chart.yaml' || rel === 'values.yaml');
    fs.writeFileSync(path.join(chartDir, 'Chart.yaml'), dumpYaml(chart), { mode: 0o644 });
    fs.writeFileSync(path.join(chartDir, 'values.yaml'), dumpYaml(valuesYaml(info, baseUrl)), { mode: 0o644 });
    const chartFiles = listFiles(chartDir);
    const ordered = ['Chart.yaml', 'values.yaml', ...chartFiles.filter((f) => f !== 'Chart.yaml' && f !== 'values.yaml')];

    writeTgz(path.join(stage, p.chartTgz), chartDir, name, ordered);
    const digest = sha256(path.join(stage, p.chartTgz));

    // The index: released versions as they were, this version added, newest first
    const index: HelmIndex = readIndex(path.join(out, p.index)) || {
      apiVersion: 'v1', entries: {}, generated: created
    };
    const entry: IndexEntry = {
      ...chart, created, digest, urls: [p.chartTgz]
    };
    const versions = (index.entries[name] || []).filter((e) => e.version !== version);

    index.entries[name] = [...versions, entry].sort((a, b) => compareSemver(String(b.version), String(a.version)));
    index.generated = created;

    // Move into place: this version's folders (replacing them when forced), then the index
    for (const rel of [p.versionDir, p.pluginTgz, p.chartDir, p.chartTgz]) {
      fs.rmSync(path.join(out, rel), { recursive: true, force: true });
    }
    fs.mkdirSync(out, { recursive: true });
    fs.cpSync(stage, out, { recursive: true });
    const tmpIndex = path.join(out, `.${ p.index }.${ process.pid }`);

    fs.writeFileSync(tmpIndex, dumpYaml(index), { mode: 0o644 });
    fs.renameSync(tmpIndex, path.join(out, p.index));

    const sizes: Record<string, number> = {};

    for (const rel of [...pluginFiles.filter((f) => f.endsWith('.js')).map((f) => `${ p.versionDir }/${ f }`), p.pluginTgz, p.chartTgz]) {
      sizes[rel] = fs.statSync(path.join(out, rel)).size;
    }

    return {
      out, name, version, digest, sizes, endpoint: `${ baseUrl }/${ p.versionDir }`,
    };
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

function parseArgs(argv: string[]): PackageOptions {
  const opts: PackageOptions = {};

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length || argv[i + 1].startsWith('--')) {
        throw new Refusal(`${ arg } needs a value`);
      }

      return argv[++i];
    };

    if (arg === '--out') {
      opts.out = value();
    } else if (arg === '--force') {
      opts.force = true;
    } else if (arg === '--dist') {
      opts.distDir = value();
    } else if (arg === '--no-build') {
      opts.distDir = ''; // resolved in main(): the existing dist-pkg build
    } else if (arg === '--help' || arg === '-h') {
      throw new Refusal('usage: npm run package -- [--out <dir>] [--force] [--no-build | --dist <dir>]');
    } else {
      throw new Refusal(`unknown option ${ arg } (usage: npm run package -- [--out <dir>] [--force] [--no-build | --dist <dir>])`);
    }
  }

  return opts;
}

export function main(argv: string[]): number {
  const log = (line: string) => process.stderr.write(`${ line }\n`);

  try {
    const opts = parseArgs(argv);

    if (opts.distDir === '') {
      const { name, version } = readPackageInfo();

      opts.distDir = path.join(REPO_ROOT, 'dist-pkg', `${ name }-${ version }`);
    }
    const result = packageCatalog({ ...opts, log });
    const where = path.relative(process.cwd(), result.out) || '.';

    process.stdout.write(`${ result.name } ${ result.version } packaged in ${ where }\n`);
    process.stdout.write(`  endpoint ${ result.endpoint }\n  chart digest sha256:${ result.digest }\n`);
    for (const [rel, bytes] of Object.entries(result.sizes)) {
      process.stdout.write(`  ${ (bytes / 1024).toFixed(1).padStart(8) } KiB  ${ rel }\n`);
    }

    return 0;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);

    log(`package: ${ message }`);

    return e instanceof Refusal ? 2 : 1;
  }
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
