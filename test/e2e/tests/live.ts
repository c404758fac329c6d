/** The page stays live: a dropped subscribe socket reconnects and resyncs what changed meanwhile. */
import { assert, until } from '../lib/harness';
import type { E2ETest } from '../lib/harness';
import { VERDICT, harvesterPath, waitForPage } from '../lib/dashboard';

export const live: E2ETest[] = [
  {
    name: 'After a WebSocket drop the Dashboard reconnects and the page catches up with changes made meanwhile (drift fixed, a Node NotReady), without a reload',
    async run(t) {
      const id = t.clusterId;

      await t.login(harvesterPath(id));
      await waitForPage(t.page);
      await t.page.evaluate(() => {
        (window as unknown as { __noReload?: boolean }).__noReload = true;
      });
      assert((await t.page.locator(VERDICT).getAttribute('data-health')) === 'warning', 'the seed does not start as a warning');
      // Cut the socket and keep it down (reconnects are refused) while the cluster changes
      const refuse = t.sim.addFault({
        cluster: id, type: 'subscribe', action: 'watch', status: 503
      });
      const dropped = t.sim.dropSockets(id);

      t.allowConsole(/WebSocket connection to .* failed|WebSocket Connection Error/);
      assert(dropped > 0, 'no subscribe socket of the Harvester cluster was open');
      // Someone fixes the drift by hand (kubectl patch of the Bundle); Fleet redeploys, all while the page is cut off
      t.sim.main.mutate('fleet.cattle.io.bundle', 'fleet-local/mcc-harvester', (b) => {
        b.spec.forceSyncGeneration = 7;
      });
      t.sim.clock.advance(10000);
      assert(t.sim.main.get('fleet.cattle.io.bundledeployment', 'cluster-fleet-local-local-1a3d67d0a899/mcc-harvester')?.status.display.state === 'Ready', 'the simulated Fleet did not redeploy');
      // ... and, also while the page is cut off, the only Node stops being Ready: that decides the verdict now
      t.sim.main.mutate('node', 'harvester-node-0', (n) => {
        n.status.conditions = n.status.conditions.map((c: { type: string }) => (c.type === 'Ready' ? {
          ...c, status: 'False', reason: 'KubeletNotReady', message: 'container runtime is down', lastTransitionTime: t.sim.clock.iso()
        } : c));
      }, 'status');
      await t.page.waitForTimeout(3000);
      assert((await t.page.locator(VERDICT).getAttribute('data-health')) === 'warning', 'the page saw a change while its socket was down');
      await t.shot('disconnected');
      const mark = t.sim.log.last();

      t.sim.faults.remove(refuse);
      const reconnecting = Date.now();

      // Caught up with both: the drift is gone, and the NotReady Node is the root cause of an Error
      // each watched type resyncs on its own after the reconnect, so both changes are awaited together:
      // the drift's warnings gone with the redeploy, and only the Node wrong now
      let verdict = '';

      await until('the verdict to turn Error, rooted at the Node, with the drift\'s warnings gone, after the reconnect', async() => {
        verdict = await t.page.locator(VERDICT).innerText();

        return (await t.page.locator(VERDICT).getAttribute('data-health')) === 'error' && !/Warning:/.test(verdict) &&
          (await t.page.locator('[data-testid="it-root-cause"]').innerText()).includes('harvester-node-0');
      }, 60000, 500);
      assert(/container runtime is down/.test(verdict), `the verdict does not give the Node's reason: ${ verdict }`);
      assert(t.sim.log.since(mark).some((e) => e.method === 'WS' && e.path === `/k8s/clusters/${ id }/v1/harvester/subscribe` && e.status === 101), 'the Dashboard did not reconnect its harvester socket');
      assert(await t.page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload === true), 'the page was reloaded');
      t.note(`dropped ${ dropped } socket(s); caught up with the Bundle and the Node ${ ((Date.now() - reconnecting) / 1000).toFixed(1) } s after the socket was allowed back`);
      await t.shot();
    },
  },
];
