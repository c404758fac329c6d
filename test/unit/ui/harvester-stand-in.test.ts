/**
 * The e2e host's Harvester stand-in is what every browser test believes Harvester to be: its
 * version gate and its navigation are checked here against the shell's real type-map store.
 */
import { createStore } from 'vuex';
import { DSL } from '@shell/store/type-map';
import { supportsClusterVersion } from '../../host/pkg/harvester-stand-in/version';
import { commonStoreSpecifics } from '../../host/pkg/harvester-stand-in/common-store';
import { ENTRIES, PRODUCT, init } from '../../host/pkg/harvester-stand-in/product';
import { typeMapStoreModule } from './harness';

describe('the Harvester stand-in', () => {
  it('refuses a cluster below v1.3.0, as Harvester\'s UI does, and reads any other version as supported', () => {
    expect(['v1.2.2', 'v1.2.99', 'v0.3.0', '1.2.0'].map(supportsClusterVersion)).toEqual([false, false, false, false]);
    expect(['v1.3.0', 'v1.3.0-rc1', 'v1.6.0', 'v1.7.2', 'v2.0.0', 'master-head', '', undefined].map(supportsClusterVersion)).toEqual([true, true, true, true, true, true, true, true]);
  });

  it('gates on the harvester store\'s server-version setting through harvester-common', () => {
    const gate = (version: string) => commonStoreSpecifics.getters.getFeatureEnabled(undefined, undefined, undefined, { 'harvester/byId': (type: string, id: string) => (type === 'harvesterhci.io.setting' && id === 'server-version' ? { value: version } : undefined) })('supportHarvesterClusterVersion');

    expect(gate('v1.2.1')).toBe(false);
    expect(gate('v1.6.0')).toBe(true);
  });

  it('registers Harvester\'s product options and its top-level entries with their weights', () => {
    const store = createStore({ modules: { 'type-map': typeMapStoreModule() } });

    init({ DSL: (s: unknown, product: string) => DSL(s, product) }, store);
    const tm = (store.state as unknown as { 'type-map': { products: Record<string, unknown>[]; virtualTypes: Record<string, { name: string; weight: number }[]>; basicTypes: Record<string, Record<string, string>> } })['type-map'];
    const product = tm.products.find((p) => p.name === PRODUCT);

    expect(product).toMatchObject({
      inStore:               'harvester',
      removable:             false,
      hideNamespaceLocation: true,
      typeStoreMap:          { 'management.cattle.io.project': 'management' },
      to:                    { name: 'harvester-c-cluster-resource', params: { resource: 'harvesterhci.io.dashboard' } },
    });
    const topLevel = tm.virtualTypes[PRODUCT].filter((v) => !ENTRIES.find((e) => e.name === v.name)?.group)
      .sort((a, b) => b.weight - a.weight).map((v) => `${ v.name }:${ v.weight }`);

    expect(topLevel).toEqual([
      'harvesterhci.io.dashboard:500', 'harvesterhci.io.host:399', 'kubevirt.io.virtualmachine:299', 'harvesterhci.io.volume:199',
      'harvesterhci.io.virtualmachineimage:198', 'projects-namespaces:98',
    ]);
    expect(Object.keys(tm.basicTypes[PRODUCT])).toContain('harvesterhci.io.setting');
  });
});
