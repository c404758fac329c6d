/**
 * TEST STAND-IN, never published. Harvester's own UI extension is not on npm (and its code must
 * not be copied), so the e2e host registers a minimal product that behaves like it where our
 * extension depends on it:
 * - product `harvester` with `inStore: 'harvester'` (the shell's SideNav treats that name specially)
 * - a `harvester` Steve cluster store on `/k8s/clusters/<id>/v1/harvester`
 * - the `harvester-c-cluster-resource` list route, rendered by the shell's own ResourceList,
 *   plus the few routes the shell links to from a `harvester` product page.
 */
import { IPlugin } from '@shell/core/types';
import { steveStoreInit } from '@shell/plugins/steve/index';
import * as product from './product';
import { STORE, storeSpecifics } from './store';
import { routes } from './routes';

type AddStore = Parameters<IPlugin['addDashboardStore']>;

export default function(plugin: IPlugin): void {
  plugin.metadata = require('./package.json');
  // The shell calls the module's init(plugin, store) (extension-manager-impl loadProducts); its ProductFunction type says otherwise
  plugin.addProduct(product as unknown as Parameters<IPlugin['addProduct']>[0]);
  plugin.addDashboardStore(STORE, storeSpecifics as unknown as AddStore[1], { namespace: STORE, isClusterStore: true } as AddStore[2], steveStoreInit as AddStore[3]);
  plugin.addRoutes(routes);
}
