/**
 * Where the simulator finds the extension it serves through `/v1/uiplugins`, as Rancher's
 * plugin cache would: one setting, either the build output (`dist-pkg:<dir>`, folders
 * `<name>-<version>/`) or the catalog folder of the packaging (`catalog:<dir>`, folders
 * `<name>/<version>/plugin/`), or `none`.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface PluginSource {
  /** `none`: serve no extension (e.g. behind `npm run dev`, which builds it in). */
  kind: 'dist-pkg' | 'catalog' | 'none';
  dir: string;
}

export interface ServedPlugin {
  name: string;
  version: string;
  /** The folder the plugin's files are served from. */
  dir: string;
  main: string;
  metadata: Record<string, string>;
}

/** Parses `dist-pkg:<dir>` or `catalog:<dir>` (a bare path means dist-pkg). */
export function parsePluginSource(value: string, cwd = process.cwd()): PluginSource {
  if (value === 'none') {
    return { kind: 'none', dir: '' };
  }
  const m = value.match(/^(dist-pkg|catalog):(.*)$/);

  return m ? { kind: m[1] as PluginSource['kind'], dir: path.resolve(cwd, m[2]) } : { kind: 'dist-pkg', dir: path.resolve(cwd, value) };
}

const DEFAULT_METADATA = { 'catalog.cattle.io/ui-extensions-version': '>= 3.0.0 < 4.0.0' };

function readJson(file: string): Record<string, any> | undefined { // eslint-disable-line @typescript-eslint/no-explicit-any
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * The built package.json loses `rancher.annotations` (the shell's pkgfile.js drops them); in
 * Rancher they come from the chart. Take them from the source package when it is there.
 */
function annotations(name: string, sourcePkgDir: string | undefined, built: Record<string, any>): Record<string, string> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const fromBuilt = typeof built.rancher === 'object' ? built.rancher.annotations : undefined;
  const source = sourcePkgDir ? readJson(path.join(sourcePkgDir, name, 'package.json')) : undefined;
  const fromSource = typeof source?.rancher === 'object' ? source.rancher.annotations : undefined;

  return {
    ...DEFAULT_METADATA, ...(fromSource || {}), ...(fromBuilt || {})
  };
}

export function findPlugins(source: PluginSource, sourcePkgDir?: string): ServedPlugin[] {
  if (source.kind === 'none' || !fs.existsSync(source.dir)) {
    return [];
  }
  const found: ServedPlugin[] = [];
  const add = (dir: string) => {
    const pkg = readJson(path.join(dir, 'package.json'));

    if (!pkg?.name || !pkg.version) {
      return;
    }
    const main = typeof pkg.main === 'string' && pkg.main ? pkg.main : `${ pkg.name }-${ pkg.version }.umd.min.js`;

    if (!fs.existsSync(path.join(dir, main))) {
      return;
    }
    found.push({
      name: pkg.name, version: pkg.version, dir, main, metadata: annotations(pkg.name, sourcePkgDir, pkg)
    });
  };

  for (const entry of fs.readdirSync(source.dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) {
      continue;
    }
    if (source.kind === 'dist-pkg') {
      add(path.join(source.dir, entry.name));
    } else {
      const nameDir = path.join(source.dir, entry.name);

      for (const version of fs.readdirSync(nameDir, { withFileTypes: true })) {
        if (version.isDirectory()) {
          add(path.join(nameDir, version.name, 'plugin'));
        }
      }
    }
  }

  return found;
}

/** Rancher's `/v1/uiplugins` index (rancher/rancher pkg/controllers/dashboard/plugin: SafeIndex). */
export function pluginIndex(plugins: ServedPlugin[]): Record<string, unknown> {
  return {
    entries: Object.fromEntries(plugins.map((p) => [p.name, {
      name:       p.name,
      version:    p.version,
      endpoint:   `http://ui-plugin-${ p.name }-svc.cattle-ui-plugin-system:8080/plugin/${ p.name }-${ p.version }`,
      noCache:    false,
      noAuth:     false,
      metadata:   {
        'catalog.cattle.io/display-name': p.name, ...p.metadata, main: p.main
      },
      CacheState: 'cached',
      Ready:      true,
    }])),
  };
}
