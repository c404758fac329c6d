/**
 * Where users start: Rancher's home → Virtualization Management → the Harvester cluster → its
 * Dashboard → Install Troubleshooting in Harvester's navigation → our page. Run under a Rancher
 * 2.12 claim (Harvester 1.6's UI requires it) and a 2.13 claim (Harvester 1.7's does).
 */
import { assert, until } from '../lib/harness';
import type { E2ETest, TestContext } from '../lib/harness';
import {
  PAGE, harvesterPath, navOutline, shellState, waitForPage
} from '../lib/dashboard';

/** Harvester's own top-level entries, in order (Harvester 1.6 and 1.7, as an admin of a cluster imported into Rancher). */
const HARVESTER_TOP_LEVEL = ['Dashboard', 'Hosts', 'Virtual Machines', 'Volumes', 'Images', 'Projects/Namespaces'];
const HARVESTER_GROUPS = ['group:Networks', 'group:Backup and Snapshots', 'group:Monitoring & Logging', 'group:Advanced', 'group:RBAC'];
const OURS = 'Install Troubleshooting';

async function userPath(t: TestContext, rancherVersion: string): Promise<void> {
  const id = t.clusterId;
  const page = t.page;

  await t.login('/home');
  await page.locator('[data-testid="top-level-menu"]').waitFor({ state: 'visible', timeout: 30000 });
  await page.locator('[data-testid="top-level-menu"]').click();
  await page.locator('[data-testid="side-menu"] a', { hasText: 'Virtualization Management' }).first().click();
  await until('the Virtualization Management cluster list', () => page.url().includes('/harvesterManager/harvesterhci.io.management.cluster'));
  const cluster = page.locator(`[data-testid="vm-stand-in-cluster-${ id }"]`);

  await cluster.waitFor({ state: 'visible', timeout: 20000 });
  await t.shot('virtualization-management');
  await cluster.click();
  await until('the Harvester Dashboard', () => page.url().endsWith(`/harvester/c/${ id }/harvesterhci.io.dashboard`));
  await page.locator('[data-testid="harvester-stand-in-version"]').waitFor({ state: 'visible', timeout: 30000 });
  const link = page.locator('.side-nav a', { hasText: OURS }).first();

  await link.waitFor({ state: 'visible', timeout: 20000 });
  // Harvester's groups show once their types' schemas are known; the outline is read when it settles
  const outline = await until('Harvester\'s navigation with its groups', async() => {
    const o = await navOutline(page);

    return HARVESTER_GROUPS.every((g) => o.includes(g)) ? o : undefined;
  }) as string[];
  const expected = [...HARVESTER_TOP_LEVEL, OURS];
  const topLevel = outline.filter((e) => !e.startsWith('group:'));

  assert(JSON.stringify(topLevel) === JSON.stringify(expected), `top-level entries ${ JSON.stringify(topLevel) }, expected ${ JSON.stringify(expected) }`);
  assert(outline.indexOf(OURS) < outline.indexOf(HARVESTER_GROUPS[0]), `our entry is not before Harvester's groups: ${ JSON.stringify(outline) }`);
  t.note(`nav: ${ outline.join(' | ') }`);
  await t.shot('harvester-dashboard');

  await link.click();
  await until('our page in the harvester product', () => page.url().endsWith(harvesterPath(id)));
  await waitForPage(page);
  assert(await page.locator(`${ PAGE } [data-testid="it-section-helmcharts"] [data-testid="it-open"]`).count() > 0 || await page.locator(`${ PAGE } [data-testid="it-section-helmcharts"] [data-testid="it-section-all-ok"]`).count() > 0, 'the HelmCharts section shows nothing');
  const state = await shellState(page, [{ store: 'harvester', type: 'helm.cattle.io.helmchart' }]);

  assert(state.product === 'harvester' && state.inStore === 'harvester' && state.clusterId === id, `product ${ state.product } in ${ state.inStore } on ${ state.clusterId }`);
  assert(state.counts['harvester/helm.cattle.io.helmchart'] === 6, `the harvester store holds ${ state.counts['harvester/helm.cattle.io.helmchart'] } HelmCharts`);
  const plugin = state.plugins.find((p) => p.name === 'install-troubleshooting');

  assert(plugin && !plugin.builtin, `the extension is not loaded at runtime: ${ JSON.stringify(state.plugins) }`);
  assert(!Object.keys(state.pluginErrors).length, `plugin errors: ${ JSON.stringify(state.pluginErrors) }`);
  const claimed = await page.evaluate(async() => (await (await fetch('/rancherversion')).json()).Version);

  assert(claimed === rancherVersion, `the simulator claims Rancher ${ claimed }, expected ${ rancherVersion }`);
  t.note(`Rancher ${ claimed }: plugins ${ state.plugins.map((p) => `${ p.name }${ p.builtin ? ' (built in)' : '' }`).join(', ') }`);
  await t.shot('page');
}

export const userPathTests: E2ETest[] = ['v2.12.0', 'v2.13.0'].map((rancherVersion) => ({
  name:      `A user's path under Rancher ${ rancherVersion }: home → Virtualization Management → the cluster → Install Troubleshooting in Harvester's nav, after Harvester's top-level entries`,
  rancherVersion,
  timeoutMs: 120000,
  run:       (t: TestContext) => userPath(t, rancherVersion),
}));
