/** Mounts the Install Troubleshooting page on a real Vuex store holding these objects, loaded as the page's fetch() loads them. */
import { mount } from '@vue/test-utils';
import Page from '@pkg/list/install-troubleshooting.vue';
import type { KubeObject } from '@pkg/types';
import { flush, globalMocks, makeStore, SEED_NOW } from './harness';
import type { HarnessOptions } from './harness';

export async function mountPage(objects: KubeObject[], opts: HarnessOptions = {}) {
  jest.useFakeTimers({ now: SEED_NOW, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
  const h = makeStore(objects, opts);
  const wrapper = mount(Page, { global: { plugins: [h.store], mocks: globalMocks } });
  const fetch = (Page as unknown as { fetch: () => Promise<void> }).fetch;

  await fetch.call(wrapper.vm);
  jest.useRealTimers();
  await flush();

  return { wrapper, ...h };
}
