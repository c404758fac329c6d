/** TEST STAND-IN: the `harvesterManager` product with Rancher's options and its one spoofed type. */
export const PRODUCT = 'harvesterManager';
export const HCI_CLUSTER = 'harvesterhci.io.management.cluster';
const PROV_CLUSTER = 'provisioning.cattle.io.cluster';
const LOCATION = {
  name:   'c-cluster-product-resource',
  params: {
    cluster: '_', product: PRODUCT, resource: HCI_CLUSTER
  }
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

export function init($plugin: { DSL: (store: Any, product: string) => Any }, store: Any): void {
  const {
    product, basicType, configureType, spoofedType
  } = $plugin.DSL(store, PRODUCT);

  product({
    ifHaveType:          PROV_CLUSTER,
    ifFeature:           ['multi-cluster-management', 'harvester'],
    inStore:             'management',
    icon:                'harvester',
    removable:           false,
    showClusterSwitcher: false,
    weight:              100,
    to:                  LOCATION,
    category:            'hci',
  });
  configureType(HCI_CLUSTER, { showListMasthead: false });
  basicType([HCI_CLUSTER]);
  // Rancher's: the provisioning clusters, retyped; the list keeps those of provider `harvester`
  spoofedType({
    label:        'Harvester Clusters',
    name:         HCI_CLUSTER,
    type:         HCI_CLUSTER,
    namespaced:   false,
    weight:       -1,
    route:        { name: 'c-cluster-product-resource', params: { product: PRODUCT, resource: HCI_CLUSTER } },
    exact:        false,
    schemas:      [{
      id: HCI_CLUSTER, type: 'schema', collectionMethods: [], resourceFields: {}, attributes: { namespaced: true }
    }],
    group:        'Root',
    getInstances: async() => {
      const [clusters] = await Promise.all([
        store.dispatch('management/findAll', { type: PROV_CLUSTER }),
        store.dispatch('management/findAll', { type: 'management.cattle.io.cluster' }),
      ]);

      return clusters.map((c: Any) => ({ ...c, type: HCI_CLUSTER }));
    },
  });
}
