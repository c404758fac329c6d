import { createStore } from 'vuex';
import plugin from '@pkg/index';
import { ENTRIES, init, PAGE, removeEntries } from '@pkg/product';
import type { ShellStore } from '@pkg/shell-store';
import { typeMapStoreModule } from './harness';

function typeMapStore() {
  const store = createStore({ modules: { 'type-map': typeMapStoreModule() } });
  const state = store.state as unknown as { 'type-map': { virtualTypes: Record<string, { name: string; route?: unknown }[]>; basicTypes: Record<string, Record<string, string>>; typeOptions: { match: string }[] } };

  // what Harvester and the Explorer have registered of their own
  store.commit('type-map/virtualType', { product: 'harvester', obj: { name: 'harvesterhci.io.dashboard', route: { name: 'harvester-c-cluster-resource' } } });
  store.commit('type-map/basicType', { product: 'harvester', types: ['harvesterhci.io.dashboard', 'kubevirt.io.virtualmachine'] });
  store.commit('type-map/virtualType', { product: 'explorer', obj: { name: 'cluster-dashboard' } });
  store.commit('type-map/basicType', { product: 'explorer', types: ['cluster-dashboard', 'node'] });
  store.commit('type-map/configureType', { match: 'harvesterhci.io.dashboard', showListMasthead: false });

  return {
    store, shellStore: store as unknown as ShellStore, tm: () => state['type-map']
  };
}

describe('registration in the harvester and explorer products', () => {
  it('adds the page to both products through the shell\'s type-map', () => {
    const { shellStore, tm } = typeMapStore();

    init(null, shellStore);

    expect(tm().virtualTypes.harvester.map((v) => v.name)).toEqual(['harvesterhci.io.dashboard', PAGE]);
    expect(tm().virtualTypes.harvester[1].route).toEqual({ name: 'harvester-c-cluster-resource', params: { product: 'harvester', resource: PAGE } });
    expect(tm().virtualTypes.explorer[1]).toMatchObject({
      name: PAGE, ifHaveType: 'helm.cattle.io.helmchart', route: { name: 'c-cluster-product-resource' }
    });
    expect(tm().basicTypes.harvester[PAGE]).toBeDefined();
    expect(tm().basicTypes.explorer[PAGE]).toBeDefined();
    expect(tm().typeOptions.find((o) => o.match.includes(PAGE))).toMatchObject({ showListMasthead: false });
  });

  it('removes exactly its entries on uninstall and leaves both products intact', () => {
    const { shellStore, tm } = typeMapStore();
    const before = JSON.parse(JSON.stringify(tm()));

    init(null, shellStore);
    removeEntries(shellStore);

    expect(tm().virtualTypes).toEqual(before.virtualTypes);
    expect(tm().basicTypes).toEqual(before.basicTypes);
    expect(tm().typeOptions).toEqual(before.typeOptions);
    expect(shellStore.hasModule('installTroubleshootingUninstall')).toBe(false);
  });

  it('wires metadata, the product, the uninstall hook and a header action in the Harvester product', () => {
    const calls = {
      products: [] as unknown[], hooks: [] as ((p: unknown, i: { store: ShellStore }) => void)[], actions: [] as { where: string; when: unknown; action: { tooltipKey: string; invoke: (...a: unknown[]) => void } }[]
    };
    const fake = {
      metadata:         undefined as unknown,
      register:         jest.fn(),
      addProduct:       (p: unknown) => calls.products.push(p),
      addUninstallHook: (h: (p: unknown, i: { store: ShellStore }) => void) => calls.hooks.push(h),
      addAction:        (where: string, when: unknown, action: { tooltipKey: string; invoke: () => void }) => calls.actions.push({
        where, when, action
      }),
    };

    plugin(fake as never);

    expect(fake.metadata).toMatchObject({ name: 'install-troubleshooting', version: expect.any(String) });
    expect((calls.products[0] as { init: unknown }).init).toBe(init);
    expect(calls.actions).toEqual([{
      where: 'header-action', when: { product: ['harvester'] }, action: expect.objectContaining({ labelKey: 'installTroubleshooting.header.label', tooltipKey: 'installTroubleshooting.header.tooltip' })
    }]);

    const { shellStore, tm } = typeMapStore();

    init(null, shellStore);
    calls.hooks[0](fake, { store: shellStore });
    expect(tm().virtualTypes.explorer.map((v) => v.name)).toEqual(['cluster-dashboard']);
    expect(ENTRIES.map((e) => e.product)).toEqual(['harvester', 'explorer']);
  });
});
