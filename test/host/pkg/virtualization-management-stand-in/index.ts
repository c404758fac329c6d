/**
 * TEST STAND-IN, never published: Rancher's Virtualization Management (product
 * `harvesterManager`). Rancher's Dashboard has it built in, the `@rancher/shell` package does
 * not, so a host built from npm alone answers "Product harvesterManager not found" on the path
 * users take to a Harvester cluster. Like Rancher's, it lists `harvesterhci.io.management.cluster`
 * (the provisioning clusters of provider `harvester`) and a cluster's name opens
 * `/harvester/c/<id>/harvesterhci.io.dashboard`.
 */
import { IPlugin } from '@shell/core/types';
import * as product from './product';

export default function(plugin: IPlugin): void {
  plugin.metadata = require('./package.json');
  // The shell calls the module's init(plugin, store); its ProductFunction type says otherwise
  plugin.addProduct(product as unknown as Parameters<IPlugin['addProduct']>[0]);
  plugin.register('list', product.HCI_CLUSTER, () => import('./list/StandInClusterList.vue'));
}
