/**
 * Puts the Install Troubleshooting page into the side navigation of two existing products:
 * Harvester (rendered by Harvester's own `harvester-c-cluster-resource` route, so the
 * `harvester` store stays loaded) and the Cluster Explorer of clusters that have HelmCharts.
 *
 * Plain `type-map` commits, not the DSL: `plugin.DSL(store, product)` would make uninstalling
 * this extension remove the whole product, and importing the DSL pulls shell code into the
 * entry. The uninstall hook removes exactly these entries again.
 */
import { TYPES } from './types/type-ids';
import type { ShellStore } from './shell-store';

/** The virtual type; `list/install-troubleshooting.vue` is its page. */
export const PAGE = 'install-troubleshooting';
export const LABEL_KEY = 'installTroubleshooting.nav.label';

interface Entry {
  product: string;
  obj: Record<string, unknown>;
}

export const ENTRIES: Entry[] = [
  {
    product: 'harvester',
    obj:     {
      name:     PAGE,
      labelKey: LABEL_KEY,
      weight:   -100,
      route:    { name: 'harvester-c-cluster-resource', params: { product: 'harvester', resource: PAGE } },
    },
  },
  {
    product: 'explorer',
    obj:     {
      name:       PAGE,
      labelKey:   LABEL_KEY,
      weight:     -100,
      ifHaveType: TYPES.HELM_CHART,
      route:      { name: 'c-cluster-product-resource', params: { product: 'explorer', resource: PAGE } },
    },
  },
];

export function init(_plugin: unknown, store: ShellStore): void {
  for (const { product, obj } of ENTRIES) {
    store.commit('type-map/virtualType', { product, obj });
    store.commit('type-map/basicType', { product, types: [PAGE] });
  }
  store.commit('type-map/configureType', { match: PAGE, showListMasthead: false });
}

interface TypeMapState {
  virtualTypes: Record<string, { name: string }[]>;
  basicTypes: Record<string, Record<string, string>>;
  typeOptions: { match: string }[];
}

const REMOVER = 'installTroubleshootingUninstall';

/**
 * Removes our entries and nothing else. The type-map module has no mutation that removes one
 * virtual type (only whole products), so a short-lived module of ours does it inside a commit.
 */
export function removeEntries(store: ShellStore): void {
  store.registerModule(REMOVER, {
    namespaced: true,
    mutations:  {
      remove(_state: unknown, typeMap: TypeMapState) {
        for (const { product } of ENTRIES) {
          const virtual = typeMap.virtualTypes[product];

          if (virtual) {
            typeMap.virtualTypes[product] = virtual.filter((v) => v.name !== PAGE);
          }
          delete typeMap.basicTypes[product]?.[PAGE];
        }
        const idx = typeMap.typeOptions.findIndex((o) => o.match === PAGE || o.match === `^${ PAGE }$`);

        if (idx >= 0) {
          typeMap.typeOptions.splice(idx, 1);
        }
      },
    },
  });
  try {
    store.commit(`${ REMOVER }/remove`, store.state['type-map']);
  } finally {
    store.unregisterModule(REMOVER);
  }
}
