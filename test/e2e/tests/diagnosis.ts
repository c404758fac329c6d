/** What the page says, and what the side panel shows for one object. */
import { assert, until } from '../lib/harness';
import type { E2ETest } from '../lib/harness';
import {
  PAGE, PANEL, harvesterPath, openInPanel, waitForPage
} from '../lib/dashboard';

const ROOT_BD = 'cluster-fleet-local-local-1a3d67d0a899/mcc-harvester';

export const diagnosis: E2ETest[] = [
  {
    name: 'The verdict names the seed scenario\'s root cause, and the root cause opens in the panel with its drift',
    async run(t) {
      await t.login(harvesterPath(t.clusterId));
      await waitForPage(t.page);
      const root = t.page.locator('[data-testid="it-root-cause"]');

      await until('the root cause in the verdict', async() => (await root.innerText()).includes(ROOT_BD));
      const verdict = await t.page.locator('[data-testid="it-verdict"]').innerText();

      assert(/BundleDeployment/.test(verdict) && verdict.includes(ROOT_BD), `the verdict does not name the BundleDeployment: ${ verdict }`);
      assert(/degraded/i.test(await t.page.locator('[data-testid="it-phase"]').innerText()), 'the install phase is not Degraded');
      await t.shot('verdict');
      await root.click();
      await t.page.locator(`${ PANEL } [data-testid="it-panel-drift"]`).waitFor({ state: 'visible' });
      const drift = await t.page.locator(`${ PANEL } [data-testid="it-panel-drift"]`).innerText();

      assert(drift.includes('frankyang/harvester:fix-renovate-head'), `the panel's drift does not show the hand-set image: ${ drift }`);
      assert(await t.page.locator(`${ PANEL } [data-testid="it-action-force-redeploy"]`).isVisible(), 'force redeploy is not offered for the root cause');
      await t.shot('panel');
    },
  },
  {
    name:     'A failing chart\'s row opens the side panel with conditions, chain, events, log tail and kubectl commands',
    scenario: 'chart-failing',
    async run(t) {
      const ref = 'helm.cattle.io.helmchart:kube-system/rke2-ingress-nginx';

      await t.login(harvesterPath(t.clusterId));
      await waitForPage(t.page);
      await openInPanel(t.page, ref);
      const panel = t.page.locator(PANEL);
      const text = async(testid: string) => panel.locator(`[data-testid="${ testid }"]`).first().innerText();

      assert(/keeps failing|crash/i.test(await text('it-panel-summary')), `the summary does not say the helm container keeps failing: ${ await text('it-panel-summary') }`);
      const conditions = await text('it-panel-conditions');

      assert(conditions.includes('JobCreated') && conditions.includes('Failed'), `conditions missing: ${ conditions }`);
      const chain = await text('it-panel-chain');

      assert(chain.includes('helm-install-rke2-ingress-nginx'), `the chain does not link the Job: ${ chain }`);
      await until('the events of the Job and pod', async() => /BackOff/.test(await text('it-panel-events')));
      const mark = t.sim.log.last();

      await panel.locator('[data-testid="it-panel-load-log"]').click();
      await until('the log tail', async() => (await panel.locator('[data-testid="it-log"]').count()) > 0 && (await text('it-log')).includes('Duplicate value: 443'));
      const logRequest = t.sim.log.since(mark).find((e) => e.action === 'log');

      assert(logRequest && /tailLines=50/.test(logRequest.query) && logRequest.path.startsWith(`/k8s/clusters/${ t.clusterId }/api/v1/namespaces/kube-system/pods/`), `the log was not read as a 50-line tail of the pod: ${ JSON.stringify(logRequest) }`);
      const kubectl = await text('it-panel-kubectl');

      assert(/kubectl .*helm-install-rke2-ingress-nginx/.test(kubectl) || /kubectl/.test(kubectl), `no kubectl commands: ${ kubectl }`);
      assert(await panel.locator('[data-testid="it-action-rerun"]').isVisible(), 'rerun is not offered');
      await t.shot();
    },
  },
  {
    name:     'Resume is not offered for a paused ManagedChart while a Harvester Upgrade runs',
    scenario: 'upgrade-stuck',
    async run(t) {
      await t.login(harvesterPath(t.clusterId));
      await waitForPage(t.page);
      const upgrade = await t.page.locator('[data-testid="it-upgrade"]').innerText();

      assert(upgrade.includes('v1.6.1'), `the verdict does not show the Upgrade in progress: ${ upgrade }`);
      await openInPanel(t.page, 'management.cattle.io.managedchart:fleet-local/harvester');
      const summary = await t.page.locator(`${ PANEL } [data-testid="it-panel-summary"]`).innerText();

      assert(/paused/i.test(summary), `the panel does not say the ManagedChart is paused: ${ summary }`);
      assert(!(await t.page.locator(`${ PANEL } [data-testid="it-action-resume"]`).count()), 'resume is offered while the Upgrade runs');
      await t.shot();
      // The same chart without the Upgrade: resume is offered (the test above can fail)
      t.sim.main.delete('harvesterhci.io.upgrade', 'harvester-system/hvst-upgrade-m2x7q', 'Background');
      await until('resume to be offered once the Upgrade is gone', () => t.page.locator(`${ PANEL } [data-testid="it-action-resume"]`).isVisible(), 15000);
      await t.shot('without-upgrade');
    },
  },
  {
    name:     'Hostile scenario: no element carrying data-probe exists and no script ran, and the page still renders',
    scenario: 'hostile',
    async run(t) {
      await t.login(harvesterPath(t.clusterId));
      await waitForPage(t.page);
      const probes = async() => t.page.evaluate(() => ({
        elements: document.querySelectorAll('[data-probe]').length,
        ran:      (window as unknown as { __probe?: unknown }).__probe,
      }));
      const check = async(when: string) => {
        const p = await probes();

        assert(p.elements === 0, `${ when }: ${ p.elements } elements carry data-probe`);
        assert(p.ran === undefined, `${ when }: a payload ran: ${ JSON.stringify(p.ran) }`);
        assert(!t.sim.log.all().some((e) => e.path.startsWith('/__probe/')), `${ when }: a payload's image was requested`);
      };

      await check('page');
      await t.shot('page');
      for (const ref of ['fleet.cattle.io.bundledeployment:cluster-fleet-local-local-1a3d67d0a899/mcc-harvester', 'helm.cattle.io.helmchart:kube-system/rke2-multus']) {
        await openInPanel(t.page, ref);
        const log = t.page.locator(`${ PANEL } [data-testid="it-panel-load-log"]`);

        if (await log.count()) {
          await log.click();
          await until('the hostile log', async() => (await t.page.locator(`${ PANEL } [data-testid="it-log"]`).count()) > 0);
        }
        await check(ref);
        // The payloads are there, as text
        assert((await t.page.locator(PANEL).innerText()).includes('data-probe'), `${ ref }: the panel shows no payload text`);
        await t.shot(ref.split(':')[0]);
      }
    },
  },
  {
    name: 'A 403 on one type leaves the other sections working, and the failed one retries',
    async run(t) {
      const fault = t.sim.addFault({
        cluster: t.clusterId, type: 'fleet.cattle.io.bundle', action: 'list', status: 403, message: 'bundles.fleet.cattle.io is forbidden: User "user-admin" cannot list resource "bundles"'
      });

      t.allowConsole(/status of 403/);
      await t.login(harvesterPath(t.clusterId));
      await waitForPage(t.page);
      const managed = t.page.locator(`${ PAGE } [data-testid="it-section-managedcharts"]`);

      await managed.locator('[data-testid="it-section-error"]').waitFor({ state: 'visible' });
      const error = await managed.locator('[data-testid="it-section-error"]').innerText();

      assert(/403|forbidden/i.test(error) && error.includes('fleet.cattle.io.bundle'), `the ManagedCharts section does not show the 403 on Bundles: ${ error }`);
      for (const other of ['helmcharts', 'fleet-agent', 'releases', 'nodes']) {
        assert(!(await t.page.locator(`${ PAGE } [data-testid="it-section-${ other }"] [data-testid="it-section-error"]`).count()), `section ${ other } failed too`);
      }
      assert(await t.page.locator(`${ PAGE } [data-testid="it-open"][data-ref^="catalog.cattle.io.app:"]`).count() + await t.page.locator(`${ PAGE } [data-testid="it-section-releases"] [data-testid="it-section-all-ok"]`).count() > 0, 'the releases section shows nothing');
      await t.shot('403');
      t.sim.faults.remove(fault);
      await managed.locator('[data-testid="it-section-retry"]').first().click();
      await managed.locator('[data-testid="it-section-error"]').waitFor({ state: 'detached' });
      await t.shot('retried');
    },
  },
];
