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

/**
 * Where the entry sits. Shells before 3.0.12 list a product's top-level entries first (they share
 * the `root` group, weight 1000) and its groups after; from 3.0.12 the side navigation lifts the
 * top-level entries out and sorts them together with the groups, by weight, then label. Weight 1
 * is below every top-level entry Harvester has (its lowest, Projects/Namespaces, is 98 in 1.6 to
 * 1.8) and above every group that sets no weight (0: Monitoring & Logging, Advanced, ...), so it
 * lands after Harvester's own entries in both orders and never at the bottom of the list; in the
 * Explorer it follows the groups Rancher weights (Cluster 99 ... Policy 94, Monitoring 90).
 * The old −100 fell below all unweighted groups in the new order.
 */
export const NAV_WEIGHT = 1;

export const ENTRIES: Entry[] = [
  {
    product: 'harvester',
    obj:     {
      name:     PAGE,
      labelKey: LABEL_KEY,
      weight:   NAV_WEIGHT,
      route:    { name: 'harvester-c-cluster-resource', params: { product: 'harvester', resource: PAGE } },
    },
  },
  {
    product: 'explorer',
    obj:     {
      name:       PAGE,
      labelKey:   LABEL_KEY,
      weight:     NAV_WEIGHT,
      ifHaveType: TYPES.HELM_CHART,
      route:      { name: 'c-cluster-product-resource', params: { product: 'explorer', resource: PAGE } },
    },
  },
];

/**
 * The list page's options (no list masthead above our own header). Shell 3.0.12 (Rancher 2.15)
 * keeps type options per product: `typeOptions` is an object keyed by product and the
 * `configureType` mutation throws without a `product`. Older shells (3.0.5, 3.0.8) keep one flat
 * array and match by name only, so there one commit without a product serves both products; a
 * product there would be stored on the one shared entry, and the compatibility reader of newer
 * shells applies such an entry only to that product.
 */
function configurePage(store: ShellStore): void {
  const options = { match: PAGE, showListMasthead: false };

  if (Array.isArray(typeMapState(store)?.typeOptions)) {
    store.commit('type-map/configureType', options);

    return;
  }
  for (const { product } of ENTRIES) {
    store.commit('type-map/configureType', { ...options, product });
  }
}

export function init(_plugin: unknown, store: ShellStore): void {
  for (const { product, obj } of ENTRIES) {
    store.commit('type-map/virtualType', { product, obj });
    store.commit('type-map/basicType', { product, types: [PAGE] });
  }
  configurePage(store);
}

/** What we touch of the `type-map` state; every part is checked before it is changed. */
interface TypeMapState {
  virtualTypes?: unknown;
  basicTypes?: unknown;
  /** Shell < 3.0.12: one array; 3.0.12+: arrays keyed by product. */
  typeOptions?: unknown;
}

function typeMapState(store: ShellStore): TypeMapState | undefined {
  const state = store.state?.['type-map'];

  return state && typeof state === 'object' ? state as TypeMapState : undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** The shell stores `match` as the string of a regex (`^name$`); both spellings are ours. */
function isOurOption(o: unknown): boolean {
  const match = isRecord(o) ? o.match : undefined;

  return match === PAGE || match === `^${ PAGE }$`;
}

function removeOurOptions(list: unknown[]): boolean {
  let removed = false;

  for (let i = list.length - 1; i >= 0; i--) {
    if (isOurOption(list[i])) {
      list.splice(i, 1);
      removed = true;
    }
  }

  return removed;
}

function removeFromTypeMap(typeMap: TypeMapState): void {
  const { virtualTypes, basicTypes, typeOptions } = typeMap;

  for (const { product } of ENTRIES) {
    const virtual = isRecord(virtualTypes) ? virtualTypes[product] : undefined;

    if (Array.isArray(virtual) && isRecord(virtualTypes)) {
      virtualTypes[product] = virtual.filter((v) => !(isRecord(v) && v.name === PAGE));
    }
    const basic = isRecord(basicTypes) ? basicTypes[product] : undefined;

    if (isRecord(basic)) {
      delete basic[PAGE];
    }
  }

  if (Array.isArray(typeOptions)) {
    removeOurOptions(typeOptions);
  } else if (isRecord(typeOptions)) {
    for (const { product } of ENTRIES) {
      const list = typeOptions[product];

      // a product's list that held only our option goes with it, as before we were installed
      if (Array.isArray(list) && removeOurOptions(list) && list.length === 0) {
        delete typeOptions[product];
      }
    }
  }
}

const REMOVER = 'installTroubleshootingUninstall';

/**
 * Removes our entries and nothing else, from either shape of the type-map state. The type-map
 * module has no mutation that removes one virtual type (only whole products), so a short-lived
 * module of ours does it inside a commit. Never throws: a throwing hook makes the shell's
 * `removePlugin` reject before it unregisters the extension.
 */
export function removeEntries(store: ShellStore): void {
  const typeMap = typeMapState(store);

  if (!typeMap) {
    return;
  }
  try {
    store.registerModule(REMOVER, {
      namespaced: true,
      mutations:  { remove: (_state: unknown, target: TypeMapState) => removeFromTypeMap(target) },
    });
    store.commit(`${ REMOVER }/remove`, typeMap);
  } catch {
    // an unforeseen store: leave the entries rather than keep the shell from removing the extension
  } finally {
    if (store.hasModule(REMOVER)) {
      store.unregisterModule(REMOVER);
    }
  }
}
