/**
 * Fixes that fail, on one page per fix: 403, 404 (object gone) and 500 from the cluster, and a
 * real 409 (the object is changed in the cluster while the confirmation is open, so the
 * `resourceVersion` guard refuses the stale request). Each failure is said plainly, with the
 * failed request, and nothing is overwritten; then the fix still works. The rerun also fails at
 * its second request (the Job DELETE) after the status reset went through, and the panel says
 * so and what to do. A fix whose object is deleted meanwhile says so.
 */
import type { LoggedRequest } from '../../sim/request-log';
import { assert, until } from '../lib/harness';
import type { E2ETest, TestContext } from '../lib/harness';
import { PANEL, harvesterPath, openInPanel, waitForPage } from '../lib/dashboard';
import { verdictNow } from './fault-checks';

interface Failure {
  writes: LoggedRequest[];
  failedAt: string | null;
  text: string;
  meaning: string;
  next: string;
}

const MEANING: Record<number, RegExp> = {
  403: /refused the request; your role lacks the permission/,
  404: /The object is gone/,
  409: /resourceVersion no longer matched.*nothing was overwritten/,
  500: /could not carry out the request/,
};

function describe(writes: LoggedRequest[]): string {
  return writes.map((w) => `${ w.status } ${ w.method } ${ w.path }${ w.query }`).join('; ');
}

/** Ask for `action`, run `meanwhile` while the confirmation is open, confirm, and read the failure the panel shows. */
async function failingAttempt(t: TestContext, action: string, status: number, meanwhile?: () => void): Promise<Failure> {
  const panel = t.page.locator(PANEL);
  const button = panel.locator(`[data-testid="it-action-${ action }"]`);

  await until(`${ action } to be offered and enabled`, async() => (await button.count()) > 0 && await button.isEnabled(), 20000);
  await button.click();
  await panel.locator('[data-testid="it-confirm"]').waitFor({ state: 'visible' });
  meanwhile?.();
  // the page sees the change over the watch before the user confirms
  if (meanwhile) {
    await t.page.waitForTimeout(1000);
  }
  const mark = t.sim.log.last();

  await panel.locator('[data-testid="it-confirm-ok"]').click();
  const error = panel.locator('[data-testid="it-action-error"]');

  await error.waitFor({ state: 'visible', timeout: 15000 });
  const got = await error.getAttribute('data-status');

  assert(got === String(status), `expected HTTP ${ status }, the panel shows ${ got }: ${ await error.innerText() }`);
  const meaning = await panel.locator('[data-testid="it-action-failure-meaning"]').innerText();

  assert(MEANING[status].test(meaning), `HTTP ${ status } is not said plainly: ${ meaning }`);

  return {
    writes:   t.sim.log.writes(mark),
    failedAt: await error.getAttribute('data-failed-at'),
    text:     await error.innerText(),
    meaning,
    next:     await panel.locator('[data-testid="it-action-next"]').innerText(),
  };
}

/** A one-request fix failed at its only request: one write, refused, and the panel says nothing changed. */
function assertNothingChanged(f: Failure, status: number, path: string): void {
  assert(f.writes.length === 1 && f.writes[0].status === status && f.writes[0].path === path, `expected one refused write to ${ path }: ${ describe(f.writes) }`);
  assert(f.failedAt === '0' && /No request took effect, so nothing was changed/.test(f.next), `the panel does not say nothing was changed: ${ f.next }`);
}

async function confirmDone(t: TestContext, action: string): Promise<LoggedRequest[]> {
  const panel = t.page.locator(PANEL);
  const button = panel.locator(`[data-testid="it-action-${ action }"]`);

  await until(`${ action } to be offered and enabled`, async() => (await button.count()) > 0 && await button.isEnabled(), 20000);
  await button.click();
  const mark = t.sim.log.last();

  // a double click on the confirmation sends one write
  await panel.locator('[data-testid="it-confirm-ok"]').dblclick();
  await until('the fix to show its effect', async() => (await panel.locator('[data-testid="it-action-status"]').getAttribute('data-phase').catch(() => null)) === 'done', 30000);

  return t.sim.log.writes(mark);
}

/** The resourceVersion of an object as the page's store (the `harvester` product's) holds it. */
async function storedVersion(t: TestContext, type: string, id: string): Promise<string | undefined> {
  return t.page.evaluate(([ty, i]) => {
    const store = (window as unknown as { $globalApp?: { $store?: { getters: Record<string, (t: string, i: string) => { metadata?: { resourceVersion?: string } } | undefined> } } }).$globalApp?.$store;

    return store?.getters['harvester/byId']?.(ty, i)?.metadata?.resourceVersion;
  }, [type, id]);
}

const touch = (t: TestContext, type: string, id: string) => () => {
  t.sim.main.mutate(type, id, (o) => {
    o.metadata.annotations = { ...(o.metadata.annotations || {}), 'example.test/touched': 'by someone else' };
  });
};

/** Faults on one Steve PATCH fix: 403, 404, real 409, 500; the object unchanged after each. */
async function patchFaults(t: TestContext, action: string, type: string, id: string, path: string, unchanged: () => boolean): Promise<void> {
  const messages: Record<number, string> = {
    403: `${ type } "${ id }" is forbidden: User "user-admin" cannot patch resource`,
    404: `${ type } "${ id }" not found`,
    500: 'Internal error occurred: etcdserver: request timed out',
  };

  for (const status of [403, 404, 409, 500]) {
    const fault = status === 409 ? undefined : t.sim.addFault({
      cluster: t.clusterId, type, action: 'patch', status, message: messages[status], times: 1
    });
    const f = await failingAttempt(t, action, status, status === 409 ? touch(t, type, id) : undefined);

    if (fault) {
      t.sim.faults.remove(fault);
    }
    assertNothingChanged(f, status, path);
    assert(unchanged(), `${ type } ${ id } was changed by a refused ${ action } (HTTP ${ status })`);
    if (status === 409) {
      assert(t.sim.main.get(type, id)?.metadata.annotations?.['example.test/touched'], 'the change made meanwhile was overwritten');
    }
    await t.shot(String(status));
  }
}

export const actionFaults: E2ETest[] = [
  {
    name:      'Force redeploy fails with 403, 404, 409 (changed meanwhile) and 500: said plainly, nothing overwritten; when the Bundle is deleted meanwhile the panel says so',
    timeoutMs: 120000,
    async run(t) {
      const bundleId = 'fleet-local/mcc-harvester';
      const type = 'fleet.cattle.io.bundle';
      const generation = () => t.sim.main.get(type, bundleId)?.spec.forceSyncGeneration;
      const before = generation();

      t.allowConsole(/status of (403|404|409|500)/);
      await t.login(harvesterPath(t.clusterId));
      await waitForPage(t.page);
      await t.page.locator('[data-testid="it-root-cause"]').click();
      await patchFaults(t, 'force-redeploy', type, bundleId, `/k8s/clusters/${ t.clusterId }/v1/harvester/fleet.cattle.io.bundles/${ bundleId }`, () => generation() === before);
      // The Bundle is deleted (by someone else) while the fix is being confirmed, on the ManagedChart's panel
      await openInPanel(t.page, 'management.cattle.io.managedchart:fleet-local/harvester');
      const panel = t.page.locator(PANEL);

      await panel.locator('[data-testid="it-action-force-redeploy"]').click();
      await panel.locator('[data-testid="it-confirm"]').waitFor({ state: 'visible' });
      const mark = t.sim.log.last();

      t.sim.main.delete(type, bundleId, 'Background');
      const blocked = panel.locator('[data-testid="it-confirm-withdrawn"]');

      await blocked.waitFor({ state: 'visible', timeout: 15000 });
      assert((await blocked.innerText()).includes(`Bundle ${ bundleId } is gone`), `the confirmation does not say the Bundle is gone: ${ await blocked.innerText() }`);
      assert(await panel.locator('[data-testid="it-confirm-ok"]').isDisabled(), 'the fix of a deleted Bundle can still be confirmed');
      await t.shot('confirm-gone');
      await panel.locator('[data-testid="it-confirm-cancel"]').click();
      const note = await panel.locator('[data-testid="it-action-withdrawn"][data-action="force-redeploy"]').innerText();

      assert(note.includes(`Force redeploy is no longer offered: Bundle ${ bundleId } is gone`), `the withdrawn fix is not explained: ${ note }`);
      assert(!(await panel.locator('[data-testid="it-action-force-redeploy"]').count()), 'force redeploy is still offered for a deleted Bundle');
      assert(!t.sim.log.writes(mark).length, `writes after the Bundle was deleted: ${ describe(t.sim.log.writes(mark)) }`);
      await t.shot('gone');
    },
  },
  {
    name:      'Redeploy agent fails with 403, 404, 409 (changed meanwhile) and 500: said plainly, nothing overwritten; then a double-clicked confirmation sends one write and works',
    scenario:  'agent-stale',
    timeoutMs: 120000,
    async run(t) {
      const id = 'fleet-local/local';
      const type = 'fleet.cattle.io.cluster';
      const wanted = () => t.sim.main.get(type, id)?.spec.redeployAgentGeneration;
      const before = wanted();

      t.allowConsole(/status of (403|404|409|500)/);
      await t.login(harvesterPath(t.clusterId));
      await waitForPage(t.page);
      await openInPanel(t.page, `${ type }:${ id }`);
      const path = `/k8s/clusters/${ t.clusterId }/v1/harvester/fleet.cattle.io.clusters/${ id }`;

      await patchFaults(t, 'redeploy-agent', type, id, path, () => wanted() === before);
      const writes = await confirmDone(t, 'redeploy-agent');

      assert(writes.length === 1 && writes[0].path === path && writes[0].status === 200, `expected one PATCH: ${ describe(writes) }`);
      await until('the verdict to turn OK', async() => (await verdictNow(t.page))?.health === 'ok', 30000);
      await t.shot('done');
    },
  },
  {
    name:      'Resume fails with 403, 404, 409 (changed meanwhile) and 500: said plainly, the ManagedChart stays paused; then it resumes',
    scenario:  'upgrade-stuck',
    timeoutMs: 120000,
    async run(t) {
      const id = 'fleet-local/harvester';
      const type = 'management.cattle.io.managedchart';
      const paused = () => t.sim.main.get(type, id)?.spec.paused === true;

      t.allowConsole(/status of (403|404|409|500)/);
      // Resume is for an upgrade that was stopped: the Upgrade is gone, its chart still paused
      t.sim.main.delete('harvesterhci.io.upgrade', 'harvester-system/hvst-upgrade-m2x7q', 'Background');
      await t.login(harvesterPath(t.clusterId));
      await waitForPage(t.page);
      await openInPanel(t.page, `${ type }:${ id }`);
      const path = `/k8s/clusters/${ t.clusterId }/v1/harvester/management.cattle.io.managedcharts/${ id }`;

      await patchFaults(t, 'resume', type, id, path, paused);
      const writes = await confirmDone(t, 'resume');

      assert(writes.length === 1 && writes[0].path === path && writes[0].status === 200, `expected one PATCH: ${ describe(writes) }`);
      assert(!paused(), 'the ManagedChart is still paused');
      await t.shot('done');
    },
  },
  {
    name:      'Rerun fails at its first request (403, 404, 409, 500: nothing changed) and at its second, the Job DELETE: the panel says the status was reset and the old Job remains; the rerun then works',
    scenario:  'chart-failing',
    timeoutMs: 150000,
    async run(t) {
      const chartId = 'kube-system/rke2-ingress-nginx';
      const jobId = 'kube-system/helm-install-rke2-ingress-nginx';
      const chartType = 'helm.cattle.io.helmchart';
      const statusPath = `/k8s/clusters/${ t.clusterId }/apis/helm.cattle.io/v1/namespaces/kube-system/helmcharts/rke2-ingress-nginx/status`;
      const jobPath = `/k8s/clusters/${ t.clusterId }/v1/harvester/batch.jobs/${ jobId }`;
      const oldJob = t.sim.main.get('batch.job', jobId)?.metadata.uid;
      const jobName = () => t.sim.main.get(chartType, chartId)?.status?.jobName;

      t.allowConsole(/status of (403|404|409|500)/);
      await t.login(harvesterPath(t.clusterId));
      await waitForPage(t.page);
      await openInPanel(t.page, `${ chartType }:${ chartId }`);
      for (const status of [403, 404, 409, 500]) {
        const fault = status === 409 ? undefined : t.sim.addFault({
          cluster: t.clusterId, type: chartType, action: 'status', status, message: `simulated ${ status } on the status reset`, times: 1
        });
        const f = await failingAttempt(t, 'rerun', status, status === 409 ? touch(t, chartType, chartId) : undefined);

        if (fault) {
          t.sim.faults.remove(fault);
        }
        assertNothingChanged(f, status, statusPath);
        assert(jobName() && t.sim.main.get('batch.job', jobId)?.metadata.uid === oldJob, `a refused rerun (HTTP ${ status }) changed the chart or its Job`);
        await t.shot(String(status));
      }
      // The status reset goes through, the Job DELETE fails
      const fault = t.sim.addFault({
        cluster: t.clusterId, type: 'batch.job', action: 'delete', status: 500, message: 'Internal error occurred: etcdserver: request timed out', times: 1
      });
      const f = await failingAttempt(t, 'rerun', 500);

      t.sim.faults.remove(fault);
      assert(f.writes.length === 2 && f.writes[0].path === statusPath && f.writes[0].status === 200 && f.writes[1].path === jobPath && f.writes[1].status === 500, `expected the reset to pass and the DELETE to fail: ${ describe(f.writes) }`);
      assert(f.failedAt === '1', `the panel does not say the second request failed: ${ f.failedAt }`);
      const took = await t.page.locator(`${ PANEL } [data-testid="it-action-took-effect"]`).innerText();

      assert(took.includes(`The status of HelmChart ${ chartId } was reset`) && took.includes(statusPath), `the panel does not say the status reset took effect: ${ took }`);
      assert(f.next.includes(`Job ${ jobId } was not deleted and still exists`) && f.next.includes('kubectl -n kube-system delete job helm-install-rke2-ingress-nginx'), `the panel does not say what is left and what to do: ${ f.next }`);
      assert(!/No request took effect/.test(f.text), 'the panel says nothing changed after the status reset went through');
      assert(t.sim.main.get('batch.job', jobId)?.metadata.uid === oldJob, 'the old Job is gone although its DELETE failed');
      await t.shot('second-request');
      // As the panel says: once the controller has written the status back, the rerun is offered again and works.
      // Confirmed before the page has that new status, the guard would refuse it (409) — so wait until the page has it.
      await until('the helm-controller to write the status again', () => !!jobName(), 15000);
      await until('the page to hold the chart as the controller wrote it', async() => await storedVersion(t, chartType, chartId) === t.sim.main.get(chartType, chartId)?.metadata.resourceVersion, 15000);
      const writes = await confirmDone(t, 'rerun');

      assert(writes.length === 2 && writes.every((w) => w.status < 300), `the rerun did not go through: ${ describe(writes) }`);
      assert(t.sim.main.get('batch.job', jobId)?.metadata.uid !== oldJob, 'no new Job after the rerun');
      await t.shot('done');
    },
  },
];
