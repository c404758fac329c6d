/**
 * TEST STAND-IN: the `harvester` Steve store. The shell calls `harvester/loadCluster` instead of
 * loading its own `cluster` store because this package's routes carry `meta.pkg` and this store
 * is a cluster store.
 */
import { SteveFactory } from '@shell/plugins/steve/index';

export const STORE = 'harvester';

const steve = SteveFactory(STORE, undefined) as Record<'state' | 'getters' | 'mutations' | 'actions', any>; // eslint-disable-line @typescript-eslint/no-explicit-any

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function loadCluster({ commit, dispatch, rootGetters }: any, { id }: { id: string }): Promise<void> {
  await dispatch('management/waitForSchema', { type: 'management.cattle.io.cluster' }, { root: true });
  await dispatch('management/find', {
    type: 'management.cattle.io.cluster', id, opt: { url: `management.cattle.io.clusters/${ escape(id) }` }
  }, { root: true });

  commit('applyConfig', { baseUrl: `/k8s/clusters/${ escape(id) }/v1/harvester` });
  await dispatch('loadSchemas', true);
  dispatch('subscribe');

  const [, namespaces] = await Promise.all([
    dispatch('findAll', { type: 'count' }),
    dispatch('findAll', { type: 'namespace' }),
  ]);

  commit('cleanNamespaces', null, { root: true });
  commit('updateNamespaces', {
    filters: [], all: namespaces, getters: rootGetters
  }, { root: true });
}

interface FilterHelpers {
  addNamespace: (out: unknown[], namespaces: unknown[]) => void;
  divider: (out: unknown[]) => void;
}

/** The namespace filter's options for a product with `customNamespaceFilter`: "All" and the non-system namespaces. */
function namespaceFilterOptions(state: unknown, getters: any, rootState: unknown, rootGetters: any) { // eslint-disable-line @typescript-eslint/no-explicit-any
  return ({ addNamespace, divider }: FilterHelpers) => {
    const out: unknown[] = [{
      id: 'all', kind: 'special', label: rootGetters['i18n/t']('nav.ns.all')
    }];

    divider(out);
    addNamespace(out, getters.all('namespace').filter((ns: { isSystem?: boolean }) => !ns.isSystem));

    return out;
  };
}

export const storeSpecifics = {
  state() {
    const { config, ...rest } = steve.state(); // eslint-disable-line @typescript-eslint/no-unused-vars

    return rest;
  },
  getters:   { ...steve.getters, namespaceFilterOptions },
  mutations: { ...steve.mutations },
  actions:   { ...steve.actions, loadCluster },
};
