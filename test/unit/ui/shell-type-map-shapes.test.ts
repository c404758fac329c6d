/**
 * Registration and uninstall against both shapes of the shell's `type-map` store:
 * - shell 3.0.5 / 3.0.8 (Rancher 2.12, 2.13): the real module installed here, `typeOptions` one array;
 * - shell 3.0.12+ (Rancher 2.15): the same real module with the part 3.0.12 changed replaced by
 *   `perProductTypeOptions` below, which reproduces `store/type-map.js` of `@rancher/shell` 3.0.13
 *   (state `typeOptions: {}`; the `configureType` mutation requires a `product` and keeps a list per
 *   product; `optionsFor` reads the current product's list).
 * And where our entry lands in the side navigation's old and new order.
 */
import { createStore, Module } from 'vuex';
import * as typeMapModule from '@shell/store/type-map';
import { ensureRegex } from '@shell/utils/string';
import plugin from '@pkg/index';
import {
  ENTRIES, NAV_WEIGHT, PAGE, init, removeEntries
} from '@pkg/product';
import type { ShellStore } from '@pkg/shell-store';
import { DSL } from '@shell/store/type-map';
import { ENTRIES as HARVESTER_ENTRIES, init as harvesterInit } from '../../host/pkg/harvester-stand-in/product';

type Options = { match: string; product?: string; [k: string]: unknown };
type PerProduct = Record<string, Options[]>;
interface TypeMap {
  virtualTypes: Record<string, { name: string; weight?: number }[]>;
  basicTypes: Record<string, Record<string, string>>;
  typeOptions: Options[] | PerProduct;
  basicGroupWeights: Record<string, number>;
}

const real = typeMapModule as unknown as { state: () => TypeMap; mutations: Record<string, unknown>; getters: Record<string, unknown> };

/** What `@rancher/shell` 3.0.13 `store/type-map.js` does differently, reduced to the parts we touch. */
function perProductTypeOptions() {
  return {
    state:     () => ({ ...real.state(), typeOptions: {} }),
    mutations: {
      ...real.mutations,
      configureType(state: TypeMap, options: Options) {
        const { product, ...rest } = options;
        const match = ensureRegex(rest.match).source;

        if (!product) {
          // 3.0.13's message, word for word: the failure Rancher 2.15 showed on every page load
          throw new Error(`configureType: product parameter is required in Rancher 2.15+, not provided for type "${ match }"`);
        }
        const lists = state.typeOptions as PerProduct;
        const list = lists[product] || (lists[product] = []);
        const idx = list.findIndex((o) => o.match === match);

        if (idx >= 0) {
          list.splice(idx, 1, Object.assign(list[idx], rest, { match }));
        } else {
          list.push({ ...rest, match });
        }
      },
    },
    getters: {
      ...real.getters,
      optionsFor: (state: TypeMap, _g: unknown, _rs: unknown, rootGetters: Record<string, unknown>) => (type: string, _pagination?: boolean, product?: string) => {
        const lists = state.typeOptions as PerProduct;
        const forProduct = lists[product || rootGetters.productId as string] || [];

        return forProduct.find((o) => new RegExp(o.match).test(type)) || {};
      },
    },
  };
}

const SHAPES = {
  'shell 3.0.5/3.0.8 (one array)': () => ({}),
  'shell 3.0.12+ (per product)':   perProductTypeOptions,
};

function typeMapStore(shape: keyof typeof SHAPES) {
  let productId = 'harvester';
  const module = {
    ...real, ...SHAPES[shape](), namespaced: true
  } as unknown as Module<TypeMap, unknown>;
  const store = createStore({ modules: { 'type-map': module }, getters: { productId: () => productId } });
  const tm = () => (store.state as unknown as { 'type-map': TypeMap })['type-map'];
  const perProduct = !Array.isArray(tm().typeOptions);
  const configure = (product: string, match: string) => store.commit('type-map/configureType', perProduct ? {
    match, product, showListMasthead: false
  } : { match, showListMasthead: false });

  // what Harvester and the Explorer have registered of their own
  store.commit('type-map/virtualType', { product: 'harvester', obj: { name: 'harvesterhci.io.dashboard' } });
  store.commit('type-map/basicType', { product: 'harvester', types: ['harvesterhci.io.dashboard', 'kubevirt.io.virtualmachine'] });
  store.commit('type-map/virtualType', { product: 'explorer', obj: { name: 'cluster-dashboard' } });
  store.commit('type-map/basicType', { product: 'explorer', types: ['cluster-dashboard', 'node'] });
  configure('harvester', 'harvesterhci.io.dashboard');
  configure('explorer', 'cluster-dashboard');

  return {
    store,
    shellStore:   store as unknown as ShellStore,
    tm,
    snapshot:     () => JSON.parse(JSON.stringify(tm())) as TypeMap,
    optionsFor:   (product: string, type: string) => {
      productId = product;

      return (store.getters['type-map/optionsFor'] as (t: string) => Record<string, unknown>)(type);
    },
  };
}

/** Runs the uninstall hook the extension registers, as the shell's `removePlugin` does. */
async function uninstall(shellStore: ShellStore): Promise<void> {
  const hooks: ((p: unknown, i: { store: ShellStore }) => void)[] = [];

  plugin({
    register: jest.fn(), addProduct: jest.fn(), addAction: jest.fn(), addUninstallHook: (h: typeof hooks[0]) => hooks.push(h)
  } as never);
  expect(hooks).toHaveLength(1);
  await Promise.resolve().then(() => hooks[0]({}, { store: shellStore }));
}

describe('the per-product type-map of shell 3.0.12+, as reproduced here', () => {
  it('throws on a configureType without a product, as Rancher 2.15 did for our old registration', () => {
    const { store } = typeMapStore('shell 3.0.12+ (per product)');

    expect(() => store.commit('type-map/configureType', { match: PAGE, showListMasthead: false })).toThrow('product parameter is required');
  });
});

describe.each(Object.keys(SHAPES) as (keyof typeof SHAPES)[])('on %s', (shape) => {
  it('registers without an error, and the page shows no list masthead in either product', () => {
    const { shellStore, tm, optionsFor } = typeMapStore(shape);

    expect(() => init(null, shellStore)).not.toThrow();
    expect(tm().virtualTypes.harvester.map((v) => v.name)).toEqual(['harvesterhci.io.dashboard', PAGE]);
    expect(tm().virtualTypes.explorer.map((v) => v.name)).toEqual(['cluster-dashboard', PAGE]);
    expect(tm().basicTypes.harvester[PAGE]).toBeDefined();
    expect(tm().basicTypes.explorer[PAGE]).toBeDefined();
    for (const product of ['harvester', 'explorer']) {
      expect(optionsFor(product, PAGE)).toMatchObject({ showListMasthead: false });
    }
    // the products' own options are untouched
    expect(optionsFor('harvester', 'harvesterhci.io.dashboard')).toMatchObject({ showListMasthead: false });
  });

  it('uninstalls through the hook: it resolves, our entries are gone, both products\' other entries remain', async() => {
    const { shellStore, snapshot, store } = typeMapStore(shape);
    const before = snapshot();

    init(null, shellStore);
    expect(snapshot()).not.toEqual(before);
    await expect(uninstall(shellStore)).resolves.toBeUndefined();

    expect(snapshot()).toEqual(before);
    expect(store.hasModule('installTroubleshootingUninstall')).toBe(false);
  });

  it('registers again after an uninstall (the Extensions page reinstalls without a reload)', () => {
    const { shellStore, tm, optionsFor } = typeMapStore(shape);

    init(null, shellStore);
    removeEntries(shellStore);
    init(null, shellStore);
    expect(tm().virtualTypes.harvester.filter((v) => v.name === PAGE)).toHaveLength(1);
    expect(optionsFor('explorer', PAGE)).toMatchObject({ showListMasthead: false });
  });
});

describe('the uninstall on type-map states it does not expect', () => {
  const ours = { match: `^${ PAGE }$`, showListMasthead: false };

  it.each([
    ['no type-map state', undefined],
    ['an empty state', {}],
    ['typeOptions missing', { virtualTypes: {}, basicTypes: {} }],
    ['typeOptions a string', {
      typeOptions: 'x', virtualTypes: { harvester: 'x' }, basicTypes: { harvester: 7 }
    }],
    ['typeOptions null', {
      typeOptions: null, virtualTypes: null, basicTypes: null
    }],
    ['per-product lists that are not arrays', { typeOptions: { harvester: { match: PAGE }, explorer: 3 } }],
    ['entries that are not objects', { typeOptions: [null, 1, 'x', ours], virtualTypes: { harvester: [null, 5, { name: PAGE }] } }],
  ])('%s: never throws', (_name, state) => {
    const store = createStore({ modules: state === undefined ? {} : { 'type-map': { namespaced: true, state: () => state } } });

    expect(() => removeEntries(store as unknown as ShellStore)).not.toThrow();
    expect(store.hasModule('installTroubleshootingUninstall')).toBe(false);
  });

  it('removes ours and only ours from a mixed per-product state, keeping a list that still holds others', () => {
    const state = {
      virtualTypes: { harvester: [{ name: 'x' }, { name: PAGE }] },
      basicTypes:   { explorer: { [PAGE]: PAGE, node: 'node' } },
      typeOptions:  {
        harvester: [{ match: 'a' }, ours], explorer: [ours], other: [ours], legacyCompatibilityProdRegistration: [{ match: 'b' }]
      },
    };
    const store = createStore({ modules: { 'type-map': { namespaced: true, state: () => state } } });

    removeEntries(store as unknown as ShellStore);
    expect(JSON.parse(JSON.stringify((store.state as { 'type-map': unknown })['type-map']))).toEqual({
      virtualTypes: { harvester: [{ name: 'x' }] },
      basicTypes:   { explorer: { node: 'node' } },
      // another product's entry of the same name is not ours to remove
      typeOptions:  {
        harvester: [{ match: 'a' }], other: [ours], legacyCompatibilityProdRegistration: [{ match: 'b' }]
      },
    });
  });
});

/**
 * The side navigation's two orders for one product, from the weights the type-map holds:
 * - shell < 3.0.12 (`components/SideNav.vue` of 3.0.5/3.0.8): the top-level entries stay in the
 *   `root` group (basic group weight 1000), so they come first, by weight; then the groups by weight.
 * - shell 3.0.12+ (`components/SideNav.vue` of 3.0.13): the root group's children are lifted out and
 *   sorted together with the groups, by weight (descending), then label.
 */
function navOrders(tm: TypeMap, product: string) {
  const groupOf = (name: string) => HARVESTER_ENTRIES.find((e) => e.name === name)?.group?.split('::')[0];
  const top: { label: string; weight: number }[] = [];
  const groups: { label: string; weight: number }[] = [];

  for (const v of tm.virtualTypes[product]) {
    const group = groupOf(v.name);

    if (!group) {
      top.push({ label: v.name, weight: v.weight || 0 });
    } else if (!groups.find((g) => g.label === `group:${ group }`)) {
      groups.push({ label: `group:${ group }`, weight: tm.basicGroupWeights[group.toLowerCase()] || 0 });
    }
  }
  const byWeight = (a: { label: string; weight: number }, b: { label: string; weight: number }) => b.weight - a.weight || a.label.localeCompare(b.label);

  return {
    old: [...[...top].sort(byWeight), ...[...groups].sort(byWeight)].map((e) => e.label),
    new: [...top, ...groups].sort(byWeight).map((e) => e.label),
    top,
    groups,
  };
}

describe('where our entry lands among Harvester\'s (weights of Harvester 1.6-1.8, from the stand-in)', () => {
  const store = createStore({ modules: { 'type-map': { ...(typeMapModule as object), namespaced: true } } });

  harvesterInit({ DSL: (s: unknown, product: string) => DSL(s, product) }, store);
  init(null, store as unknown as ShellStore);
  const tm = (store.state as unknown as { 'type-map': TypeMap })['type-map'];
  const orders = navOrders(tm, 'harvester');
  const harvesterTop = orders.top.filter((e) => e.label !== PAGE).map((e) => e.label);
  const unweightedGroups = orders.groups.filter((g) => g.weight === 0).map((g) => g.label);

  it('reads a top-level entry weight and unweighted groups to compare with', () => {
    expect(ENTRIES.every((e) => e.obj.weight === NAV_WEIGHT)).toBe(true);
    expect(harvesterTop).toContain('projects-namespaces');
    expect(unweightedGroups).toEqual(expect.arrayContaining(['group:Monitoring & Logging', 'group:advanced']));
  });

  it('old order (shell 3.0.5/3.0.8): last of the top-level entries, before every group', () => {
    const i = orders.old.indexOf(PAGE);

    expect(orders.old.slice(0, i).sort()).toEqual([...harvesterTop].sort());
    expect(orders.old.slice(i + 1).every((e) => e.startsWith('group:'))).toBe(true);
  });

  it('new order (shell 3.0.12+): after all of Harvester\'s top-level entries and before its unweighted groups', () => {
    const i = orders.new.indexOf(PAGE);

    expect(harvesterTop.every((e) => orders.new.indexOf(e) < i)).toBe(true);
    expect(unweightedGroups.every((g) => orders.new.indexOf(g) > i)).toBe(true);
    // the old weight −100 put it under every group, last in the list
    expect(orders.new[orders.new.length - 1]).not.toBe(PAGE);
  });
});
