/** @jest-environment node */
import fs from 'fs';
import path from 'path';
import { REPO_ROOT, readIndex, readPackageInfo } from '../../../scripts/package-catalog';
import { describeCatalogVersion } from './catalog-checks';

/**
 * The committed catalog, extensions/: every released version must pass the same checks as a fresh package.
 * On a clone with nothing released yet there is no extensions/ folder, and only the first test runs.
 */
const CATALOG = path.join(REPO_ROOT, 'extensions');
const { name: NAME } = readPackageInfo();

function subfolders(rel: string): string[] {
  const dir = path.join(CATALOG, rel);

  return fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort() : [];
}

function archives(rel: string, pattern: RegExp): string[] {
  const dir = path.join(CATALOG, rel);

  return fs.existsSync(dir) ? fs.readdirSync(dir).map((f) => pattern.exec(f)?.[1]).filter((v): v is string => !!v).sort() : [];
}

const RELEASED = subfolders(NAME);

describe('the committed catalog', () => {
  it('holds each released version whole: plugin folder, plugin archive, chart, chart archive and index entry', () => {
    const escaped = NAME.replace(/[.]/g, '\\.');
    const indexed = (readIndex(path.join(CATALOG, 'index.yaml'))?.entries[NAME] || []).map((e) => String(e.version)).sort();

    expect({
      pluginArchives: archives(NAME, /^(.+)\.tgz$/),
      charts:         subfolders(`charts/${ NAME }`),
      chartArchives:  archives(`assets/${ NAME }`, new RegExp(`^${ escaped }-(.+)\\.tgz$`)),
      indexed,
    }).toEqual({
      pluginArchives: RELEASED, charts: RELEASED, chartArchives: RELEASED, indexed: RELEASED
    });
  });
});

for (const version of RELEASED) {
  describe(`released ${ NAME } ${ version }`, () => {
    describeCatalogVersion(() => CATALOG, NAME, version, false);
  });
}
