/** Across the whole run: nothing ever deleted a HelmChart, ManagedChart, Bundle, BundleDeployment or Secret. */
import { PROTECTED_TYPES } from '../../sim/request-log';
import { assert } from '../lib/harness';
import type { E2ETest } from '../lib/harness';

export const requestLog: E2ETest = {
  name: 'The request log of the whole run holds no DELETE of a HelmChart, ManagedChart, Bundle, BundleDeployment or Secret',
  async run(t) {
    const all = t.sim.log.all();
    const deletes = all.filter((e) => e.method === 'DELETE');
    const bad = t.sim.log.protectedDeletes();

    assert(all.length > 100, `the request log holds only ${ all.length } requests; the earlier tests did not run`);
    assert(!bad.length, `protected deletes: ${ bad.map((e) => `${ e.method } ${ e.path }${ e.query }`).join(', ') }`);
    t.note(`${ all.length } requests, ${ t.sim.log.writes().length } writes, ${ deletes.length } DELETEs (${ [...new Set(deletes.map((e) => e.type))].join(', ') || 'none' }); protected types: ${ PROTECTED_TYPES.join(', ') }`);
    await t.login('/__sim/log.html?writes=1');
    await t.page.locator('[data-testid="sim-log"]').waitFor();
    await t.shot();
  },
};
