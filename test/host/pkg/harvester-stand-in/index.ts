/**
 * TEST STAND-IN, never published. Harvester's own UI extension is not on npm (and its code must
 * not be copied), so the e2e host registers a minimal product that behaves like Harvester's
 * (1.6 and 1.7) where our extension meets it:
 * - product `harvester` (the shell's SideNav treats that name specially) with Harvester's
 *   options and top-level navigation (product.ts), landing on `harvesterhci.io.dashboard`;
 * - the `harvester` Steve cluster store with Harvester's `loadCluster` (store.ts), and the
 *   second store module `harvester-common` (common-store.ts);
 * - Harvester's routes (routes.ts), and its header component, registered as `NavHeaderRight`.
 *
 * Left out, because our extension never meets them: Harvester's models, detail and edit pages,
 * its many list pages (placeholders here), the entries inside its nav groups beyond one each, the
 * serial/VNC console, air-gap upgrade, branding and alert-receiver routes, the standalone
 * (non-Rancher) mode, and the upgrade button's dialog. Rancher's Virtualization Management offers
 * to install or update Harvester's UI extension; here Harvester's stand-in is built into the host.
 */
import { defineAsyncComponent } from 'vue';
import { IPlugin } from '@shell/core/types';
import { steveStoreInit } from '@shell/plugins/steve/index';
import { COMMON_STORE, commonStoreSpecifics } from './common-store';
import { DASHBOARD } from './names';
import * as product from './product';
import { routes } from './routes';
import { STORE, storeSpecifics } from './store';

type AddStore = Parameters<IPlugin['addDashboardStore']>;

export default function(plugin: IPlugin): void {
  plugin.metadata = require('./package.json');
  // The shell calls the module's init(plugin, store) (extension-manager-impl loadProducts); its ProductFunction type says otherwise
  plugin.addProduct(product as unknown as Parameters<IPlugin['addProduct']>[0]);
  plugin.addDashboardStore(COMMON_STORE, commonStoreSpecifics as unknown as AddStore[1], { namespace: COMMON_STORE, isClusterStore: false } as AddStore[2]);
  plugin.addDashboardStore(STORE, storeSpecifics as unknown as AddStore[1], { namespace: STORE, isClusterStore: true } as AddStore[2], steveStoreInit as AddStore[3]);
  plugin.addRoutes(routes as Parameters<IPlugin['addRoutes']>[0]);
  plugin.addL10n('en-us', () => import('./l10n/en-us.yaml'));
  plugin.register('list', DASHBOARD, () => import('./list/StandInDashboard.vue'));
  for (const type of product.PLACEHOLDER_LISTS) {
    plugin.register('list', type, () => import('./list/StandInPlaceholderList.vue'));
  }
  plugin.register('component', 'NavHeaderRight', defineAsyncComponent(() => import('./components/StandInUpgradeHeader.vue')));
}
