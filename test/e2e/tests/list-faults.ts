/**
 * Lists that fail or are slow, in the healthy scenario (where a wrong OK would show): for each
 * type that decides the verdict, one page cycles 403 → retry → 404 → retry → 500 → retry with a
 * 15-second delay → recovered. While the type is unread the verdict is Unknown and names it;
 * while it is slow the page says "Reading the cluster…" and is never OK before the list is
 * answered. A user whose role cannot see Fleet is told so, not OK.
 */
import type { Page } from 'playwright-core';
import { assert, until } from '../lib/harness';
import type { E2ETest, TestContext } from '../lib/harness';
import { harvesterPath, waitForPage } from '../lib/dashboard';
import {
  Checks, checkUnread, otherSectionErrors, section, sectionError, unreadTypes, verdictNow
} from './fault-checks';

const DELAY_MS = 15000;

/** Until every `types` list sent after `mark` has been answered with 200, fail if the verdict is OK or missing "Reading the cluster…" all along. */
async function watchSlowRead(t: TestContext, page: Page, mark: number, types: string[]): Promise<void> {
  const started = Date.now();
  let sawReading = false;
  let polls = 0;
  const answered = () => types.every((type) => t.sim.log.since(mark).some((e) => e.type === type && e.action === 'list' && e.method === 'GET' && e.status === 200));

  while (!answered()) {
    assert(Date.now() - started < DELAY_MS + 30000, `the slow lists were not answered: ${ types.join(', ') }`);
    const v = await verdictNow(page).catch(() => undefined);

    // checked against the log again: OK is only wrong while a slow list is still unanswered
    assert(!(v?.health === 'ok' && !answered()), `the verdict said OK while ${ types.join(', ') } was still being read (${ v?.text })`);
    sawReading ||= !!v?.loading && v.text.includes('Reading the cluster');
    polls++;
    await page.waitForTimeout(250);
  }
  const ms = Date.now() - started;

  assert(ms >= DELAY_MS - 3000, `the delayed lists came back after ${ ms } ms; the delay did not apply`);
  assert(sawReading, 'the verdict never said "Reading the cluster…" while the lists were slow');
  t.note(`slow ${ types.join(', ') }: ${ polls } looks at the verdict in ${ (ms / 1000).toFixed(1) } s, none OK, "Reading the cluster…" shown`);
}

interface ListTarget {
  kind: string;
  type: string;
  section: string;
}

const TARGETS: ListTarget[] = [
  {
    kind: 'HelmCharts', type: 'helm.cattle.io.helmchart', section: 'helmcharts'
  },
  {
    kind: 'BundleDeployments', type: 'fleet.cattle.io.bundledeployment', section: 'managedcharts'
  },
  {
    kind: 'the Fleet Cluster', type: 'fleet.cattle.io.cluster', section: 'fleet-agent'
  },
  {
    kind: 'Nodes', type: 'node', section: 'nodes'
  },
];

const MESSAGES: Record<number, (type: string) => string> = {
  403: (type) => `${ type } is forbidden: User "user-admin" cannot list resource`,
  404: (type) => `the server could not find the requested resource (${ type })`,
  500: () => 'etcdserver: request timed out',
};

function cycle(target: ListTarget): E2ETest {
  return {
    name:      `List faults on ${ target.kind }: 403, 404 and 500 make the verdict Unknown naming the type, each retry works, and a 15-second delay reads "Reading the cluster…", never OK early`,
    scenario:  'healthy',
    timeoutMs: 150000,
    async run(t) {
      const { type } = target;
      const checks = new Checks(t);
      let fault = t.sim.addFault({
        cluster: t.clusterId, type, action: 'list', status: 403, message: MESSAGES[403](type)
      });

      t.allowConsole(/status of (403|404|500)/);
      await t.login(harvesterPath(t.clusterId));
      await waitForPage(t.page);
      for (const status of [403, 404, 500]) {
        if (status !== 403) {
          t.sim.faults.remove(fault);
          fault = t.sim.addFault({
            cluster: t.clusterId, type, action: 'list', status, message: MESSAGES[status](type)
          });
          await sectionError(t.page, target.section, type).locator('[data-testid="it-section-retry"]').click();
        }
        await until(`the ${ target.section } section to show the ${ status } on ${ type }`, async() => (await sectionError(t.page, target.section, type).count()) > 0 &&
          (await sectionError(t.page, target.section, type).innerText()).includes(String(status)), 20000);
        const others = await otherSectionErrors(t.page, target.section);

        assert(!others.length, `a ${ status } on ${ type } broke other sections too: ${ others.join(', ') }`);
        await until('the verdict to settle after the failed list', async() => !(await verdictNow(t.page))?.loading, 10000);
        await checkUnread(t.page, checks, type, new RegExp(String(status)), `${ status } on ${ type }`);
        await t.shot(String(status));
      }
      // The last retry is slow: 15 s, then the list succeeds
      t.sim.faults.remove(fault);
      fault = t.sim.addFault({
        cluster: t.clusterId, type, action: 'list', delayMs: DELAY_MS
      });
      const mark = t.sim.log.last();

      await sectionError(t.page, target.section, type).locator('[data-testid="it-section-retry"]').click();
      await t.page.waitForTimeout(500);
      await t.shot('slow');
      await watchSlowRead(t, t.page, mark, [type]);
      t.sim.faults.remove(fault);
      await until('the section to recover', async() => !(await section(t.page, target.section).locator('[data-testid="it-section-error"]').count()), 10000);
      await until('the verdict to turn OK once everything was read', async() => (await verdictNow(t.page))?.health === 'ok', 15000);
      assert(!(await unreadTypes(t.page)).length, 'the verdict still lists unread types after the retry');
      await t.shot('recovered');
      checks.finish(`the unread-type checks on ${ type }`);
    },
  };
}

export const listFaults: E2ETest[] = [
  {
    name:      'First load with HelmCharts, BundleDeployments, the Fleet Cluster and Nodes each 15 s slow: "Reading the cluster…", never OK before all are answered, then OK',
    scenario:  'healthy',
    timeoutMs: 90000,
    async run(t) {
      const types = TARGETS.map((x) => x.type);
      const faults = types.map((type) => t.sim.addFault({
        cluster: t.clusterId, type, action: 'list', delayMs: DELAY_MS
      }));
      const mark = t.sim.log.last();

      await t.login(harvesterPath(t.clusterId));
      await watchSlowRead(t, t.page, mark, types);
      faults.forEach((f) => t.sim.faults.remove(f));
      await waitForPage(t.page);
      await until('the verdict to turn OK', async() => (await verdictNow(t.page))?.health === 'ok', 15000);
      await t.shot();
    },
  },
  ...TARGETS.map(cycle),
  {
    name:     'A user whose role cannot see the Fleet types is told that Fleet could not be read, not OK',
    scenario: 'healthy',
    async run(t) {
      const checks = new Checks(t);

      await t.login(harvesterPath(t.clusterId), 'nofleet');
      await waitForPage(t.page);
      assert(t.sim.log.all().some((e) => e.user === 'nofleet' && e.type === 'helm.cattle.io.helmchart'), 'the page did not read as the user without Fleet');
      const unavailable = await section(t.page, 'fleet-agent').locator('[data-testid="it-section-unavailable"]').innerText();

      assert(unavailable.includes('fleet.cattle.io.cluster'), `the Fleet agent section does not say the type is not visible: ${ unavailable }`);
      const v = await verdictNow(t.page);

      checks.check(v?.health !== 'ok', `the verdict is OK for a user who cannot see Fleet: ${ v?.text }`);
      for (const type of ['fleet.cattle.io.bundle', 'fleet.cattle.io.bundledeployment', 'fleet.cattle.io.cluster']) {
        await checkUnread(t.page, checks, type, /visible|installed|schema/i, `no Fleet schema for the user (${ type })`);
      }
      await t.shot();
      checks.finish('the unread-type checks for the user without Fleet');
    },
  },
];
