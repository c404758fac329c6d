/** The page in its two homes, loaded at runtime like Rancher does, with nothing leaving 127.0.0.1. */
import { assert, until } from '../lib/harness';
import type { E2ETest } from '../lib/harness';
import {
  PAGE, explorerPath, harvesterPath, navTexts, shellState, waitForPage
} from '../lib/dashboard';

const PLUGIN_FILE = /^\/v1\/uiplugins\/install-troubleshooting\/[^/]+\/plugin\/install-troubleshooting-[^/]+\.umd\.min\.js$/;
const OUR_TYPES = ['helm.cattle.io.helmchart', 'management.cattle.io.managedchart', 'fleet.cattle.io.bundle', 'fleet.cattle.io.bundledeployment', 'fleet.cattle.io.cluster', 'catalog.cattle.io.app', 'batch.job', 'pod'];

export const basics: E2ETest[] = [
  {
    name: 'Harvester nav shows Install Troubleshooting on the imported cluster; the page loads with the harvester store intact, also after a reload',
    async run(t) {
      const id = t.clusterId;

      // Start on one of Harvester's own pages, as a user would
      await t.login(`/harvester/c/${ id }/kubevirt.io.virtualmachine`);
      const link = t.page.locator('.side-nav a', { hasText: 'Install Troubleshooting' }).first();

      await link.waitFor({ state: 'visible', timeout: 30000 });
      assert((await navTexts(t.page)).some((s) => s.includes('Install Troubleshooting')), 'the Harvester side navigation has no Install Troubleshooting entry');
      await link.click();
      await until('the URL of our page in the harvester product', () => t.page.url().endsWith(harvesterPath(id)));
      await waitForPage(t.page);

      const check = async(when: string) => {
        const state = await shellState(t.page, [{ store: 'harvester', type: 'helm.cattle.io.helmchart' }, { store: 'cluster', type: 'helm.cattle.io.helmchart' }]);

        assert(state.product === 'harvester' && state.inStore === 'harvester', `${ when }: product ${ state.product } in store ${ state.inStore }, expected harvester/harvester`);
        assert(state.clusterId === id && state.clusterReady, `${ when }: cluster ${ state.clusterId } ready=${ state.clusterReady }`);
        assert(state.counts['harvester/helm.cattle.io.helmchart'] === 6, `${ when }: the harvester store holds ${ state.counts['harvester/helm.cattle.io.helmchart'] } HelmCharts, expected the seed's 6`);
        assert(state.counts['cluster/helm.cattle.io.helmchart'] <= 0, `${ when }: the Rancher cluster store was loaded too`);
        const plugin = state.plugins.find((p) => p.name === 'install-troubleshooting');

        assert(plugin && !plugin.builtin, `${ when }: the extension is not loaded at runtime (${ JSON.stringify(state.plugins) })`);
        assert(!Object.keys(state.pluginErrors).length, `${ when }: plugin errors ${ JSON.stringify(state.pluginErrors) }`);
      };

      await check('after navigating');
      const seeds = await t.page.locator(`${ PAGE } [data-testid="it-section-helmcharts"]`).count();

      assert(seeds === 1, 'the HelmCharts section is missing');
      await t.shot('navigated');

      const mark = t.sim.log.last();

      await t.page.reload({ waitUntil: 'domcontentloaded' });
      await waitForPage(t.page);
      await check('after a reload');
      await t.page.locator('.side-nav a', { hasText: 'Install Troubleshooting' }).first().waitFor({ state: 'visible' });
      await t.shot('reloaded');

      const log = t.sim.log.since(mark);

      assert(log.some((e) => e.status === 200 && PLUGIN_FILE.test(e.path)), 'the built extension was not fetched from /v1/uiplugins after the reload');
      // Every list our page read went through the harvester store's URL, never Rancher's cluster store
      const lists = log.filter((e) => e.method === 'GET' && e.type && OUR_TYPES.includes(e.type));

      assert(lists.length > 0, 'no list request for our types was seen');
      const wrong = lists.filter((e) => !e.path.startsWith(`/k8s/clusters/${ id }/v1/harvester/`));

      assert(!wrong.length, `lists outside the harvester store: ${ wrong.map((e) => e.path).join(', ') }`);
      t.note(`${ lists.length } list requests, all under /k8s/clusters/${ id }/v1/harvester/`);
    },
  },
  {
    name:     'Cluster Explorer page on the plain RKE2 cluster',
    scenario: 'rke2',
    async run(t) {
      const id = t.clusterId;

      await t.login(`/c/${ id }/explorer`);
      const link = t.page.locator('.side-nav a', { hasText: 'Install Troubleshooting' }).first();

      await link.waitFor({ state: 'visible', timeout: 30000 });
      await link.click();
      await until('the URL of our page in the Explorer', () => t.page.url().endsWith(explorerPath(id)));
      await waitForPage(t.page);
      const state = await shellState(t.page, [{ store: 'cluster', type: 'helm.cattle.io.helmchart' }]);

      assert(state.product === 'explorer' && state.inStore === 'cluster', `product ${ state.product } in ${ state.inStore }, expected explorer/cluster`);
      assert(state.counts['cluster/helm.cattle.io.helmchart'] === 6, `the cluster store holds ${ state.counts['cluster/helm.cattle.io.helmchart'] } HelmCharts, expected 6`);
      // The crash-looping chart is a problem row; Fleet is not installed there
      await t.page.locator(`${ PAGE } [data-testid="it-open"][data-ref="helm.cattle.io.helmchart:kube-system/rke2-metrics-server"]`).first().waitFor({ state: 'visible' });
      const unavailable = await t.page.locator(`${ PAGE } [data-testid="it-section-managedcharts"] [data-testid="it-section-unavailable"]`).innerText();

      assert(/not available/i.test(unavailable), `the ManagedCharts section does not say Fleet is not available: ${ unavailable }`);
      assert(!(await t.page.locator(`${ PAGE } [data-testid="it-checklist"]`).count()), 'the Harvester installer checklist is shown in the Explorer');
      await t.shot();
    },
  },
  {
    name: 'Requests to hosts other than 127.0.0.1 are blocked in the browser',
    async run(t) {
      const finished: string[] = [];

      t.page.on('requestfinished', (r) => {
        if (new URL(r.url()).hostname !== '127.0.0.1') {
          finished.push(r.url());
        }
      });
      await t.login(harvesterPath(t.clusterId));
      await waitForPage(t.page);
      const outcome = await t.page.evaluate(async() => {
        try {
          await fetch('https://updates.example.invalid/probe', { mode: 'no-cors' });

          return 'reached';
        } catch (e) {
          return `failed: ${ (e as Error).message }`;
        }
      });

      assert(outcome.startsWith('failed'), `a request to another host was not blocked: ${ outcome }`);
      t.allowConsole(/ERR_BLOCKED_BY_CLIENT/);
      assert(t.session.blocked.some((u) => u.startsWith('https://updates.example.invalid/')), 'the probe request was not seen and aborted by the test browser');
      assert(!finished.length, `requests to other hosts completed: ${ finished.join(', ') }`);
      t.note(`blocked: ${ [...new Set(t.session.blocked.map((u) => new URL(u).host))].join(', ') }`);
      await t.shot();
    },
  },
];
