import { mount } from '@vue/test-utils';
import Page from '@pkg/list/install-troubleshooting.vue';
import type { KubeObject } from '@pkg/types';
import {
  flush, globalMocks, makeStore, seedObjects, SEED_NOW
} from './harness';
import type { HarnessOptions } from './harness';

async function mountPage(objects: KubeObject[], opts: HarnessOptions = {}) {
  jest.useFakeTimers({ now: SEED_NOW, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
  const h = makeStore(objects, opts);
  const wrapper = mount(Page, { global: { plugins: [h.store], mocks: globalMocks } });
  const fetch = (Page as unknown as { fetch: () => Promise<void> }).fetch;

  await fetch.call(wrapper.vm);
  jest.useRealTimers();
  await flush();

  return { wrapper, ...h };
}

/** The seed with its one problem repaired: everything else is OK, so a wrong OK would show. */
function healthySeed(): KubeObject[] {
  return seedObjects('healthy-scenario.json');
}

afterEach(() => jest.useRealTimers());

describe('a needed type that could not be read', () => {
  it('the healthy cluster is OK when everything was read', async() => {
    const { wrapper } = await mountPage(healthySeed());

    expect(wrapper.find('[data-testid="it-verdict"]').attributes('data-health')).toBe('ok');
    expect(wrapper.find('[data-testid="it-unread"]').exists()).toBe(false);
  });

  it.each([
    ['helm.cattle.io.helmchart', 403],
    ['fleet.cattle.io.bundledeployment', 404],
    ['fleet.cattle.io.cluster', 500],
    ['node', 403],
    ['catalog.cattle.io.app', 500],
  ])('%s answering %i makes the verdict Unknown and names the type', async(type, status) => {
    const { wrapper } = await mountPage(healthySeed(), { failList: { [type]: status } });
    const verdict = wrapper.find('[data-testid="it-verdict"]');
    const lines = wrapper.findAll('[data-testid="it-unread-type"]');

    expect(verdict.attributes('data-health')).toBe('unknown');
    expect(lines.map((l) => l.attributes('data-type'))).toEqual([type]);
    expect(lines[0].text()).toContain(`the list answered ${ status }: forbidden`);
    expect(verdict.text()).not.toContain('is healthy');
  });

  it('a failed Node list leaves the install phase unknown, not "Setting up"', async() => {
    const { wrapper } = await mountPage(healthySeed(), { failList: { node: 500 } });

    expect(wrapper.find('[data-testid="it-phase"]').attributes('data-phase')).toBe('unknown');
  });

  it('a user who cannot see the Fleet types is told so, not OK', async() => {
    const fleet = ['management.cattle.io.managedchart', 'fleet.cattle.io.bundle', 'fleet.cattle.io.bundledeployment', 'fleet.cattle.io.cluster'];
    const { wrapper } = await mountPage(healthySeed(), { noSchema: fleet });

    expect(wrapper.find('[data-testid="it-verdict"]').attributes('data-health')).toBe('unknown');
    expect(wrapper.findAll('[data-testid="it-unread-type"]').map((l) => l.attributes('data-type'))).toEqual(fleet);
    expect(wrapper.find('[data-testid="it-unread"]').text()).toContain('not visible to you');
  });

  it('on a plain RKE2 cluster in the Explorer, missing Fleet types are normal', async() => {
    const objects = healthySeed().filter((o) => !/fleet|managedchart|upgrade/.test(o.type || '') &&
      !(o.type === 'node') && !(o.type === 'catalog.cattle.io.app' && o.metadata.namespace === 'harvester-system'));
    const { wrapper } = await mountPage(objects, { product: 'explorer', noSchema: ['management.cattle.io.managedchart', 'fleet.cattle.io.bundle', 'fleet.cattle.io.bundledeployment', 'fleet.cattle.io.cluster', 'harvesterhci.io.upgrade'] });

    expect(wrapper.find('[data-testid="it-unread"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="it-verdict"]').attributes('data-health')).not.toBe('unknown');
  });
});
