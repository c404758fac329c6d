/**
 * The fixes, end to end: confirm, the exact requests reach the simulated cluster, its
 * controllers react, and the page follows over the watch, without a reload.
 */
import type { Page } from 'playwright-core';
import type { LoggedRequest } from '../../sim/request-log';
import { assert, until } from '../lib/harness';
import type { TestContext, E2ETest } from '../lib/harness';
import {
  PANEL, VERDICT, harvesterPath, openInPanel, waitForPage
} from '../lib/dashboard';

/** A marker on `window` that a reload would lose. */
async function markWindow(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __noReload?: boolean }).__noReload = true;
  });
}

async function notReloaded(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload === true);
}

async function verdictHealth(page: Page): Promise<string | null> {
  return page.locator(VERDICT).getAttribute('data-health');
}

/** Click an action, check the confirmation, confirm, and return the writes that reached the simulator. */
async function confirmAction(t: TestContext, action: string): Promise<LoggedRequest[]> {
  const panel = t.page.locator(PANEL);
  const before = t.sim.log.last();

  await panel.locator(`[data-testid="it-action-${ action }"]`).click();
  await panel.locator('[data-testid="it-confirm"]').waitFor({ state: 'visible' });
  assert(!t.sim.log.writes(before).length, `a write was sent before confirming: ${ describe(t.sim.log.writes(before)) }`);
  await t.shot(`${ action }-confirm`);
  const mark = t.sim.log.last();

  await panel.locator('[data-testid="it-confirm-ok"]').click();
  await until('the action to finish (the change shows)', async() => (await panel.locator('[data-testid="it-action-status"]').getAttribute('data-phase')) === 'done', 30000);

  return t.sim.log.writes(mark);
}

function describe(writes: LoggedRequest[]): string {
  return writes.map((w) => `${ w.method } ${ w.path }${ w.query } ${ JSON.stringify(w.body) }`).join('; ');
}

export const actions: E2ETest[] = [
  {
    name: 'Force redeploy: confirm sends exactly the Bundle PATCH, Fleet redeploys, and the verdict turns OK without a reload',
    async run(t) {
      const id = t.clusterId;

      await t.login(harvesterPath(id));
      await waitForPage(t.page);
      await markWindow(t.page);
      await t.page.locator('[data-testid="it-root-cause"]').click();
      await t.page.locator(`${ PANEL } [data-testid="it-panel-drift"]`).waitFor({ state: 'visible' });
      const rv = t.sim.main.get('fleet.cattle.io.bundle', 'fleet-local/mcc-harvester')?.metadata.resourceVersion;
      const writes = await confirmAction(t, 'force-redeploy');

      assert(writes.length === 1, `expected exactly one write, got: ${ describe(writes) }`);
      const [patch] = writes;

      assert(patch.method === 'PATCH' && patch.path === `/k8s/clusters/${ id }/v1/harvester/fleet.cattle.io.bundles/fleet-local/mcc-harvester`, `unexpected request: ${ describe(writes) }`);
      assert(patch.contentType?.startsWith('application/merge-patch+json'), `content type ${ patch.contentType }`);
      assert(JSON.stringify(patch.body) === JSON.stringify({ metadata: { resourceVersion: rv }, spec: { forceSyncGeneration: 1 } }), `unexpected body ${ JSON.stringify(patch.body) }`);
      await until('the verdict to turn OK', async() => (await verdictHealth(t.page)) === 'ok', 30000);
      assert(await notReloaded(t.page), 'the page was reloaded');
      const bd = t.sim.main.get('fleet.cattle.io.bundledeployment', 'cluster-fleet-local-local-1a3d67d0a899/mcc-harvester');

      assert(bd?.status.appliedDeploymentID === bd?.spec.deploymentID && bd?.status.display.state === 'Ready', 'the simulated agent did not apply the new deployment');
      await t.shot('done');
    },
  },
  {
    name:     'Redeploy agent: confirm sends exactly the Fleet Cluster PATCH, the agent checks in again, and the page follows live',
    scenario: 'agent-stale',
    async run(t) {
      const id = t.clusterId;

      await t.login(harvesterPath(id));
      await waitForPage(t.page);
      await markWindow(t.page);
      assert((await verdictHealth(t.page)) === 'warning', `the stale agent is not a warning: ${ await verdictHealth(t.page) }`);
      await openInPanel(t.page, 'fleet.cattle.io.cluster:fleet-local/local');
      const rv = t.sim.main.get('fleet.cattle.io.cluster', 'fleet-local/local')?.metadata.resourceVersion;
      const writes = await confirmAction(t, 'redeploy-agent');

      assert(writes.length === 1 && writes[0].method === 'PATCH' && writes[0].path === `/k8s/clusters/${ id }/v1/harvester/fleet.cattle.io.clusters/fleet-local/local`, `unexpected requests: ${ describe(writes) }`);
      assert(JSON.stringify(writes[0].body) === JSON.stringify({ metadata: { resourceVersion: rv }, spec: { redeployAgentGeneration: 2 } }), `unexpected body ${ JSON.stringify(writes[0].body) }`);
      await until('the verdict to turn OK', async() => (await verdictHealth(t.page)) === 'ok', 30000);
      assert(await notReloaded(t.page), 'the page was reloaded');
      assert(t.sim.main.get('fleet.cattle.io.cluster', 'fleet-local/local')?.status.agentDeployedGeneration === 2, 'the agent was not redeployed');
      await t.shot('done');
    },
  },
  {
    name:     'Rerun: confirm sends exactly the status PATCH then the Job DELETE (Background); the new Job appears live and the row turns healthy',
    scenario: 'chart-failing',
    async run(t) {
      const id = t.clusterId;
      const ref = 'helm.cattle.io.helmchart:kube-system/rke2-ingress-nginx';
      const oldJob = t.sim.main.get('batch.job', 'kube-system/helm-install-rke2-ingress-nginx');

      await t.login(harvesterPath(id));
      await waitForPage(t.page);
      await markWindow(t.page);
      await openInPanel(t.page, ref);
      const rv = t.sim.main.get('helm.cattle.io.helmchart', 'kube-system/rke2-ingress-nginx')?.metadata.resourceVersion;
      const writes = await confirmAction(t, 'rerun');

      assert(writes.length === 2, `expected two writes, got: ${ describe(writes) }`);
      const [status, del] = writes;

      assert(status.method === 'PATCH' && status.path === `/k8s/clusters/${ id }/apis/helm.cattle.io/v1/namespaces/kube-system/helmcharts/rke2-ingress-nginx/status`, `first request: ${ describe([status]) }`);
      assert(JSON.stringify(status.body) === JSON.stringify({ metadata: { resourceVersion: rv }, status: null }), `status body ${ JSON.stringify(status.body) }`);
      assert(del.method === 'DELETE' && del.path === `/k8s/clusters/${ id }/v1/harvester/batch.jobs/kube-system/helm-install-rke2-ingress-nginx` && del.query === '?propagationPolicy=Background', `second request: ${ describe([del]) }`);
      const newJob = t.sim.main.get('batch.job', 'kube-system/helm-install-rke2-ingress-nginx');

      assert(newJob && newJob.metadata.uid !== oldJob?.metadata.uid, 'the simulated helm-controller made no new Job');
      // The page shows the new Job (its uid) and the chart healthy, over the watch
      await until('the chart to turn healthy on the page', async() => {
        const row = t.page.locator(`[data-testid="it-section-helmcharts"] [data-testid="it-open"][data-ref="${ ref }"]`);

        return (await row.count()) === 0 || /ok/i.test(await row.first().locator('xpath=ancestor::tr').locator('[data-testid="it-health"]').innerText());
      }, 30000);
      assert(/complete/i.test(await t.page.locator(`${ PANEL } [data-testid="it-job-state"]`).innerText()), 'the panel does not show the new Job complete');
      assert(await notReloaded(t.page), 'the page was reloaded');
      await t.shot('done');
    },
  },
];
