/** TEST STAND-IN: the `harvester` product, registered the way Harvester's extension does. */
import { STORE } from './store';

export const PRODUCT = 'harvester';
export const VM = 'kubevirt.io.virtualmachine';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function init($plugin: { DSL: (store: any, product: string) => any }, store: unknown): void {
  const { product, basicType } = $plugin.DSL(store, PRODUCT);

  product({
    inStore:               STORE,
    showNamespaceFilter:   true,
    showClusterSwitcher:   true,
    hideKubeShell:         true,
    hideKubeConfig:        true,
    hideCopyConfig:        true,
    // As Harvester's product does: ResourceTable drops system-namespace rows even under "All namespaces"
    hideSystemResources:   true,
    // As Harvester's product does: the store offers the namespace filter's options (without it the
    // shell's NamespaceFilter keeps resetting an "Only User Namespaces" default that is not an option)
    customNamespaceFilter: true,
    supportRoute:          { name: `${ PRODUCT }-c-cluster-support`, params: { product: PRODUCT } },
    to:                    { name: `${ PRODUCT }-c-cluster-resource`, params: { product: PRODUCT, resource: VM } },
  });

  basicType([VM]);
}
