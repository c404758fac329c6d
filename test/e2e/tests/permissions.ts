/** The read-only user: the fixes are shown disabled, with the reason, and nothing is written. */
import { assert, until } from '../lib/harness';
import type { E2ETest } from '../lib/harness';
import { PANEL, harvesterPath, waitForPage } from '../lib/dashboard';

export const permissions: E2ETest[] = [
  {
    name: 'Read-only user: actions are disabled with the reason, and the simulator receives no write',
    async run(t) {
      const mark = t.sim.log.last();

      await t.login(harvesterPath(t.clusterId), 'readonly');
      await waitForPage(t.page);
      await t.page.locator('[data-testid="it-root-cause"]').click();
      const button = t.page.locator(`${ PANEL } [data-testid="it-action-force-redeploy"]`);

      await button.waitFor({ state: 'visible' });
      assert(await button.isDisabled(), 'force redeploy is enabled for the read-only user');
      const reason = await t.page.locator(`${ PANEL } [data-testid="it-action-not-allowed"]`).first().innerText();

      assert(/fleet-local\/mcc-harvester/.test(reason), `the reason does not name the Bundle: ${ reason }`);
      await button.click({ force: true, timeout: 2000 }).catch(() => undefined);
      await t.page.waitForTimeout(1000);
      assert(!(await t.page.locator(`${ PANEL } [data-testid="it-confirm"]`).count()), 'a confirmation opened for a disabled action');
      const writes = t.sim.log.writes(mark);

      assert(!writes.length, `the read-only session wrote: ${ writes.map((w) => `${ w.method } ${ w.path }`).join(', ') }`);
      assert(t.sim.log.since(mark).some((e) => e.user === 'readonly' && e.type === 'fleet.cattle.io.bundle'), 'the page did not read as the read-only user');
      await t.shot();
    },
  },
  {
    name: 'The Dashboard\'s own login page logs the read-only user in (no cookie, then the local provider)',
    async run(t) {
      const mark = t.sim.log.last();

      t.allowConsole(/status of 401/);
      await t.page.goto(`${ t.sim.url }${ harvesterPath(t.clusterId) }`);
      await t.page.locator('input[type="password"]').waitFor({ state: 'visible', timeout: 30000 });
      assert(t.page.url().includes('/auth/login'), `not sent to the login page: ${ t.page.url() }`);
      await t.shot('login');
      await t.page.locator('#username, input[autocomplete="username"], input[type="text"]').first().fill('readonly');
      await t.page.locator('input[type="password"]').fill('readonly');
      await t.page.locator('button[type="submit"], [data-testid="login-submit"]').first().click();
      await until('the login to finish', () => !t.page.url().includes('/auth/login'), 20000);
      await t.page.goto(`${ t.sim.url }${ harvesterPath(t.clusterId) }`);
      await waitForPage(t.page);
      const reads = t.sim.log.since(mark).filter((e) => e.type === 'helm.cattle.io.helmchart' && e.method === 'GET');

      assert(reads.length && reads.every((e) => e.user === 'readonly'), 'the page did not read as the read-only user');
      await t.shot();
    },
  },
];
