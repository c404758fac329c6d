/** @jest-environment node */
// Shell modules are required, not imported, where they must load after the jsdom globals or inside jest.mock factories
/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-var-requires */
import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import yaml from 'js-yaml';
import {
  REPO_ROOT, catalogPaths, listFiles, readIndex, readPackageInfo, renderUIPlugin,
} from '../../../scripts/package-catalog';
import type { HelmIndex } from '../../../scripts/package-catalog';
import { describeCatalogVersion, snapshot } from './catalog-checks';
import { RancherEmulator } from './rancher-emulator';
import { bootShellHost } from './shell-host';
import type { ShellHost } from './shell-host';

/**
 * `npm run package` builds the extension once (build-pkg, several seconds) into a temporary catalog served by an
 * emulated Rancher; every check below reads that catalog. Then the packaged plugin/ folder is loaded into the
 * shell's own extension machinery, as the Dashboard does for an installed extension.
 */
// The Dashboard's webpack turns the shell's translation files into objects; this repository's jest transform gives
// .yaml files as text (test/setup/yaml-transform.js). Give the shell's i18n store what webpack would.
jest.mock('@shell/assets/translations/en-us.yaml', () => ({ __esModule: true, default: require('js-yaml').load(require('fs').readFileSync(require.resolve('@rancher/shell/assets/translations/en-us.yaml'), 'utf8')) }));
jest.mock('@shell/assets/translations/zh-hans.yaml', () => ({ __esModule: true, default: require('js-yaml').load(require('fs').readFileSync(require.resolve('@rancher/shell/assets/translations/zh-hans.yaml'), 'utf8')) }));

const { name: NAME, version: VERSION } = readPackageInfo();
const P = catalogPaths(NAME, VERSION);
const TSX = path.join(REPO_ROOT, 'node_modules/.bin/tsx');
const SCRIPT = path.join(REPO_ROOT, 'scripts/package-catalog.ts');
const PAGE = 'install-troubleshooting';

function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };

  delete env.NODE_ENV; // jest's 'test' would switch the shell's babel config to its test setup

  return env;
}

function tmpDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

let rancher: RancherEmulator;
let out: string;
let headEpoch: string;
let packaged: ReturnType<typeof spawnSync>;
/** a copy of the packaged plugin/ folder, for re-packaging without another build */
let builtPlugin: string;
const tmpDirs: string[] = [];

/** The packaging script itself (no build: --dist or --no-build), with a fixed release time */
function runPackage(args: string[], extra: Record<string, string> = {}) {
  return spawnSync(TSX, [SCRIPT, ...args], {
    cwd:      REPO_ROOT,
    encoding: 'utf8',
    env:      childEnv({
      CATALOG_BASE_URL: rancher.catalogUrl, SOURCE_DATE_EPOCH: headEpoch, ...extra
    })
  });
}

beforeAll(async() => {
  out = tmpDir('catalog-');
  tmpDirs.push(out);
  rancher = await new RancherEmulator(out).start();
  headEpoch = spawnSync('git', ['log', '-1', '--format=%ct', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).stdout.trim();
  packaged = spawnSync('npm', ['run', '--silent', 'package', '--', '--out', out], {
    cwd: REPO_ROOT, encoding: 'utf8', env: childEnv({ CATALOG_BASE_URL: rancher.catalogUrl })
  });
  if (packaged.status === 0) {
    builtPlugin = tmpDir('built-plugin-');
    tmpDirs.push(builtPlugin);
    fs.cpSync(path.join(out, P.pluginDir), builtPlugin, { recursive: true });
  }
}, 240000);

afterAll(async() => {
  await rancher?.stop();
  for (const dir of tmpDirs) {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

describe('npm run package', () => {
  it('builds the extension and writes the catalog of the current version', () => {
    expect({ status: packaged.status, stderr: packaged.status ? packaged.stderr : '' }).toEqual({ status: 0, stderr: '' });
    expect(packaged.stdout).toContain(`${ NAME } ${ VERSION } packaged`);
    expect(listFiles(out)).toEqual(expect.arrayContaining([
      P.filesTxt, `${ P.pluginDir }/package.json`, `${ P.pluginDir }/${ NAME }-${ VERSION }.umd.min.js`, P.pluginTgz,
      `${ P.chartDir }/Chart.yaml`, `${ P.chartDir }/values.yaml`, `${ P.chartDir }/templates/cr.yaml`, P.chartTgz, P.index,
    ]));
  });

  it('takes the endpoint from CATALOG_BASE_URL and the index times from the commit time of HEAD', () => {
    const head = new Date(Number(headEpoch) * 1000).toISOString().replace('.000Z', 'Z');
    const index = readIndex(path.join(out, P.index)) as HelmIndex;

    expect(renderUIPlugin(path.join(out, P.chartDir)).spec.plugin.endpoint).toBe(`${ rancher.catalogUrl }/${ NAME }/${ VERSION }`);
    expect(index.generated).toBe(head);
    expect(index.entries[NAME][0].created).toBe(head);
  });

  describeCatalogVersion(() => out, NAME, VERSION, true);
});

describe('re-packaging', () => {
  it('refuses an existing version without --force: exit 2, one line, nothing changed', () => {
    const before = snapshot(out);
    const r = runPackage(['--no-build', '--out', out]);

    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`${ NAME } ${ VERSION } is already packaged.*--force`))]);
    expect(snapshot(out)).toEqual(before);
  });

  it('with --force writes the same bytes again (the archives and the index are reproducible)', () => {
    const before = snapshot(out);
    const r = runPackage(['--force', '--dist', builtPlugin, '--out', out]);

    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(snapshot(out)).toEqual(before);
  });

  it('keeps released versions and other charts untouched, in the index, newest first', () => {
    const dir = tmpDir('catalog-released-');

    tmpDirs.push(dir);
    const older = '0.0.0-old.1';
    const newer = '999.0.0';
    const entry = (v: string, n = NAME) => ({
      apiVersion: 'v2', name: n, version: v, appVersion: v, created: '2020-01-01T00:00:00Z', digest: `digest-of-${ n }-${ v }`, urls: [`assets/${ n }/${ n }-${ v }.tgz`]
    });
    const index = {
      apiVersion: 'v1', generated: '2020-01-01T00:00:00Z', entries: { [NAME]: [entry(newer), entry(older)], 'other-extension': [entry('1.0.0', 'other-extension')] }
    };

    for (const v of [older, newer]) {
      const p = catalogPaths(NAME, v);

      for (const rel of [`${ p.pluginDir }/package.json`, p.filesTxt, p.pluginTgz, `${ p.chartDir }/Chart.yaml`, p.chartTgz]) {
        fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
        fs.writeFileSync(path.join(dir, rel), `released ${ v }: ${ rel }\n`);
      }
    }
    fs.writeFileSync(path.join(dir, 'index.yaml'), yaml.dump(index));
    const before = snapshot(dir);

    const r = runPackage(['--dist', builtPlugin, '--out', dir]);

    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const after = snapshot(dir);

    delete before['index.yaml'];
    expect(after).toMatchObject(before);
    const written = readIndex(path.join(dir, 'index.yaml')) as HelmIndex;

    expect(written.entries[NAME].map((e) => e.version)).toEqual([newer, VERSION, older]);
    expect(written.entries[NAME][0]).toEqual(entry(newer));
    expect(written.entries[NAME][2]).toEqual(entry(older));
    expect(written.entries['other-extension']).toEqual(index.entries['other-extension']);
  });

  it('exits 2 with one line on an unknown option or a base URL that is not http(s)', () => {
    const empty = tmpDir('catalog-bad-');

    tmpDirs.push(empty);
    for (const [args, env] of [[['--bogus'], {}], [['--no-build', '--out', empty], { CATALOG_BASE_URL: 'ftp://example.invalid/x' }]] as const) {
      const r = runPackage([...args], env);

      expect(r.status).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});

describe('the packaged extension in the real shell', () => {
  let host: ShellHost;
  let uiPlugin: ReturnType<typeof renderUIPlugin>;
  /** the products and type-map options before the extension was loaded */
  let before: string;
  const l10n = (locale: string) => (yaml.load(fs.readFileSync(path.join(REPO_ROOT, `pkg/${ NAME }/l10n/${ locale }.yaml`), 'utf8')) as any).installTroubleshooting;
  const typeMap = () => host.store.state['type-map'];
  const productState = () => JSON.stringify({
    products:     typeMap().products.map((p: any) => p.name),
    virtualTypes: { harvester: typeMap().virtualTypes.harvester, explorer: typeMap().virtualTypes.explorer },
    basicTypes:   { harvester: typeMap().basicTypes.harvester, explorer: typeMap().basicTypes.explorer },
    typeOptions:  typeMap().typeOptions,
  });

  beforeAll(async() => {
    // Helm renders the chart for release name = chart name (what the Extensions page installs); Rancher caches it
    uiPlugin = renderUIPlugin(path.join(out, P.chartDir));
    await rancher.install(uiPlugin.spec.plugin);

    host = await bootShellHost(rancher.origin);
    const { store } = host;

    // The Harvester product (from the Harvester extension) and the Explorer, each with a page of its own
    store.commit('type-map/product', { name: 'harvester', inStore: 'harvester' });
    store.commit('type-map/virtualType', {
      product: 'harvester',
      obj:     {
        name: 'harvester-dashboard', label: 'Dashboard', route: { name: 'harvester-c-cluster' }
      }
    });
    store.commit('type-map/basicType', { product: 'harvester', types: ['harvester-dashboard', 'kubevirt.io.virtualmachine'] });
    store.commit('type-map/product', { name: 'explorer', inStore: 'cluster' });
    store.commit('type-map/virtualType', {
      product: 'explorer',
      obj:     {
        name: 'cluster-dashboard', label: 'Cluster Dashboard', route: { name: 'c-cluster-explorer' }
      }
    });
    store.commit('type-map/basicType', { product: 'explorer', types: ['cluster-dashboard', 'node'] });
    // The Dashboard's products guard; under jest the shell's own product list (a require.context) is empty, so this
    // only marks products as loaded and runs $extension.loadProducts(), which is why the Explorer is seeded above
    await require('@shell/store/type-map').applyProducts(store, host.$extension);
    await store.dispatch('i18n/switchTo', 'en-us');
    before = productState();

    await host.loadExtensions();
    await new Promise((resolve) => setTimeout(resolve, 0)); // extension-manager inits products in a then()
  }, 60000);

  afterAll(() => host?.close());

  it('is cached by Rancher from its endpoint: package.json, files.txt, then exactly the files it lists', () => {
    const files = fs.readFileSync(path.join(out, P.filesTxt), 'utf8').split('\n').filter(Boolean);

    expect(rancher.cachedFiles()).toEqual(files.map((f) => `${ NAME }/${ VERSION }/${ f }`).sort());
  });

  it('passes the Dashboard\'s checks on Rancher 2.12, and older Rancher or a missing API annotation refuses it', () => {
    const { shouldNotLoadPlugin } = require('@shell/config/uiplugins');
    const entry = uiPlugin.spec.plugin;
    const metadata = { ...entry.metadata };

    delete metadata['catalog.cattle.io/ui-extensions-version'];
    expect(shouldNotLoadPlugin(entry, { rancherVersion: 'v2.12.0', kubeVersion: 'v1.33.3+rke2r1' }, [])).toBe(false);
    expect(shouldNotLoadPlugin(entry, { rancherVersion: 'v2.11.5', kubeVersion: 'v1.32.7+rke2r1' }, [])).toBe('plugins.error.version');
    expect(shouldNotLoadPlugin({ ...entry, metadata }, { rancherVersion: 'v2.12.0', kubeVersion: 'v1.33.3+rke2r1' }, [])).toBe('plugins.error.apiAnnotationMissing');
  });

  it('is loaded from /v1/uiplugins/<name>/<version>/plugin/ and registers its name and version', () => {
    expect(host.store.getters['uiplugins/errors']).toEqual({});
    expect(host.store.getters['uiplugins/plugins'].map((p: any) => ({
      name: p.name, version: p.version, builtin: p.builtin
    }))).toEqual([
      {
        name: NAME, version: VERSION, builtin: false
      },
    ]);
    expect(rancher.requests).toContain(`GET /v1/uiplugins/${ NAME }/${ VERSION }/plugin/${ NAME }-${ VERSION }.umd.min.js`);
  });

  it('adds its page to the Harvester navigation and to the Explorer of clusters with HelmCharts', () => {
    const page = (product: string) => typeMap().virtualTypes[product].find((t: any) => t.name === PAGE);

    expect(page('harvester')).toMatchObject({
      labelKey: 'installTroubleshooting.nav.label',
      route:    { name: 'harvester-c-cluster-resource', params: { product: 'harvester', resource: PAGE } },
    });
    expect(page('explorer')).toMatchObject({
      labelKey:   'installTroubleshooting.nav.label',
      ifHaveType: 'helm.cattle.io.helmchart',
      route:      { name: 'c-cluster-product-resource', params: { product: 'explorer', resource: PAGE } },
    });
    expect(typeMap().basicTypes.harvester[PAGE]).toBeDefined();
    expect(typeMap().basicTypes.explorer[PAGE]).toBeDefined();
  });

  it('serves its page component from a lazy chunk in plugin/', async() => {
    const load = host.$extension.getDynamic('list', PAGE);

    expect(typeof load).toBe('function');
    const component = await load();

    expect(component.default || component).toBeTruthy();
  });

  it('brings both locales, loaded from their chunks', async() => {
    const t = (key: string) => host.store.getters['i18n/t'](key);

    expect(host.$extension.getDynamic('l10n', 'en-us')).toHaveLength(1);
    expect(host.$extension.getDynamic('l10n', 'zh-hans')).toHaveLength(1);
    await host.store.dispatch('i18n/switchTo', 'zh-hans');
    expect(t('installTroubleshooting.nav.label')).toBe(l10n('zh-hans').nav.label);
    await host.store.dispatch('i18n/switchTo', 'en-us');
    expect(t('installTroubleshooting.nav.label')).toBe('Install Troubleshooting');
    expect(t('installTroubleshooting.nav.label')).toBe(l10n('en-us').nav.label);
  });

  it('adds a header action to the Harvester product', () => {
    const actions = host.$extension.getUIConfig('Action', 'header-action');

    expect(actions).toEqual([expect.objectContaining({
      tooltipKey: 'installTroubleshooting.header.tooltip', locationConfig: { product: ['harvester'] }, invoke: expect.any(Function)
    })]);
  });

  it('uninstalls leaving the Harvester and Explorer navigation as they were before it', async() => {
    await host.$extension.removePlugin(NAME);

    expect(host.store.getters['uiplugins/plugins']).toEqual([]);
    expect(host.$extension.getDynamic('list', PAGE)).toBeUndefined();
    expect(JSON.parse(productState())).toEqual(JSON.parse(before));
  });
});
