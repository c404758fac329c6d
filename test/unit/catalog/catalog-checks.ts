import fs from 'fs';
import os from 'os';
import path from 'path';
import { extract as tarExtract, list as tarList } from 'tar';
import {
  CHART_TEMPLATE, FORBIDDEN_FILES_TXT_ENTRY, catalogPaths, listFiles, loadYaml, readIndex, renderUIPlugin, sha256,
} from '../../../scripts/package-catalog';
import type { ChartFile, ValuesFile } from '../../../scripts/package-catalog';

/** The chart annotations Rancher reads (the Extensions page, the install namespace, the version gates). */
export const REQUIRED_CHART_ANNOTATIONS: Record<string, string | RegExp> = {
  'catalog.cattle.io/ui-component':          'plugins',
  'catalog.cattle.io/display-name':          /\S/,
  'catalog.cattle.io/rancher-version':       /\d/,
  'catalog.cattle.io/ui-extensions-version': /\d/,
  'catalog.cattle.io/kube-version':          /\d/,
  'catalog.cattle.io/namespace':             'cattle-ui-plugin-system',
  'catalog.cattle.io/scope':                 'management',
  'catalog.cattle.io/certified':             /\S/,
};

/** The annotations the Dashboard checks in the UIPlugin's spec.plugin.metadata before it loads the extension. */
export const REQUIRED_PLUGIN_METADATA = [
  'catalog.cattle.io/ui-extensions-version', 'catalog.cattle.io/rancher-version', 'catalog.cattle.io/kube-version', 'catalog.cattle.io/display-name',
];

export function tgzEntries(file: string): string[] {
  const entries: string[] = [];

  tarList({
    file, sync: true, onReadEntry: (e) => entries.push(String(e.path))
  });

  return entries;
}

export function extractTgz(file: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalog-tgz-'));

  tarExtract({
    file, cwd: dir, sync: true
  });

  return dir;
}

/** Every file under `dir` with its sha256, to prove that nothing changed. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};

  for (const rel of listFiles(dir)) {
    out[rel] = sha256(path.join(dir, rel));
  }

  return out;
}

/**
 * The checks every packaged version must pass, whether just packaged or released and committed.
 * `catalog()` gives the catalog root when the tests run (it may be made in a beforeAll).
 */
export function describeCatalogVersion(catalog: () => string, name: string, version: string, fresh: boolean): void {
  const p = catalogPaths(name, version);
  const at = (rel: string) => path.join(catalog(), rel);
  const chart = () => loadYaml<ChartFile>(at(`${ p.chartDir }/Chart.yaml`));
  const values = () => loadYaml<ValuesFile>(at(`${ p.chartDir }/values.yaml`));

  it('lists in files.txt every file under plugin/ and only those, sorted, relative, as Rancher accepts them', () => {
    const lines = fs.readFileSync(at(p.filesTxt), 'utf8').split('\n').filter(Boolean);
    const onDisk = listFiles(at(p.pluginDir)).map((f) => `plugin/${ f }`);

    expect(lines).toEqual([...lines].sort());
    expect(lines).toEqual(onDisk);
    expect(lines.filter((l) => FORBIDDEN_FILES_TXT_ENTRY.test(l) || l.startsWith('/') || l.startsWith('.'))).toEqual([]);
    expect(lines).toContain('plugin/package.json');
    expect(lines).toContain(`plugin/${ name }-${ version }.umd.min.js`);
    expect(lines).not.toContain('plugin/report.html');
  });

  it('has one version everywhere: plugin/package.json, Chart.yaml, values.yaml and the UIPlugin', () => {
    const pluginPkg = JSON.parse(fs.readFileSync(at(`${ p.pluginDir }/package.json`), 'utf8'));
    const uiPlugin = renderUIPlugin(at(p.chartDir));

    expect(pluginPkg).toMatchObject({
      name, version, rancher: true, main: `${ name }-${ version }.umd.min.js`
    });
    expect(chart()).toMatchObject({
      name, version, appVersion: version
    });
    expect(values().plugin).toMatchObject({ name, version });
    expect(uiPlugin.spec.plugin).toMatchObject({ name, version });
  });

  it('has the catalog annotations in Chart.yaml and the loader annotations in the UIPlugin metadata', () => {
    const annotations = chart().annotations || {};
    const metadata = renderUIPlugin(at(p.chartDir)).spec.plugin.metadata;

    for (const [key, want] of Object.entries(REQUIRED_CHART_ANNOTATIONS)) {
      expect([key, annotations[key]]).toEqual([key, typeof want === 'string' ? want : expect.stringMatching(want)]);
    }
    for (const key of REQUIRED_PLUGIN_METADATA) {
      expect([key, metadata[key]]).toEqual([key, annotations[key]]);
    }
  });

  it('points the UIPlugin endpoint at the parent of plugin/, and compressedEndpoint at its archive', () => {
    const { endpoint, compressedEndpoint } = renderUIPlugin(at(p.chartDir)).spec.plugin;

    expect(endpoint).toMatch(new RegExp(`^https?://[^/]+(/.*)?/${ name }/${ version.replace(/[.+]/g, '\\$&') }$`));
    expect(compressedEndpoint).toBe(`${ endpoint }.tgz`);
    expect(fs.statSync(at(`${ p.versionDir }/plugin`)).isDirectory()).toBe(true);
    expect(fs.statSync(at(p.pluginTgz)).isFile()).toBe(true);
  });

  it('packs the version folder into <version>.tgz', () => {
    const dir = extractTgz(at(p.pluginTgz));

    try {
      expect(snapshot(path.join(dir, version))).toEqual(snapshot(at(p.versionDir)));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('indexes the chart archive with its digest and a relative URL', () => {
    const index = readIndex(at(p.index));
    const entry = index?.entries[name]?.find((e) => e.version === version);

    expect(index).toMatchObject({ apiVersion: 'v1', generated: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/) });
    expect(entry).toMatchObject({
      ...chart(),
      digest:  sha256(at(p.chartTgz)),
      urls:    [p.chartTgz],
      created: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
    });
  });

  it('unpacks the chart archive to Chart.yaml, values.yaml and the shell chart templates', () => {
    const entries = tgzEntries(at(p.chartTgz));
    const dir = extractTgz(at(p.chartTgz));

    try {
      expect(entries.slice(0, 2)).toEqual([`${ name }/Chart.yaml`, `${ name }/values.yaml`]);
      expect(entries).toEqual(expect.arrayContaining([`${ name }/templates/cr.yaml`, `${ name }/templates/_helpers.tpl`]));
      // The archive holds exactly the charts/ folder
      expect(snapshot(path.join(dir, name))).toEqual(snapshot(at(p.chartDir)));
      if (fresh) {
        // ... whose templates are the shell's, unchanged
        for (const rel of listFiles(path.join(CHART_TEMPLATE, 'templates'))) {
          expect(fs.readFileSync(path.join(dir, name, 'templates', rel), 'utf8')).toBe(fs.readFileSync(path.join(CHART_TEMPLATE, 'templates', rel), 'utf8'));
        }
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('sets every value that templates/cr.yaml reads', () => {
    const cr = fs.readFileSync(at(`${ p.chartDir }/templates/cr.yaml`), 'utf8');
    const read = [...cr.matchAll(/\.Values\.plugin\.(\w+)/g)].map((m) => m[1]);

    expect(read.length).toBeGreaterThan(0);
    expect(Object.keys(values().plugin || {})).toEqual(expect.arrayContaining(read));
  });
}
