/**
 * TEST STAND-IN: the `harvester` Steve cluster store. The shell calls `harvester/loadCluster`
 * instead of loading its own `cluster` store because this package's routes carry `meta.pkg` and
 * this store is a cluster store. `loadCluster` does what Harvester's does, in the same order:
 * the management cluster, the Steve URL (`/v1/harvester` for `local`), schemas and the socket,
 * the embedded Rancher's system namespaces, then projects, counts, namespaces, Harvester's
 * settings, management clusters and upgrades; a cluster whose `server-version` is below v1.3.0
 * is sent to the "unsupported" page; the namespace list holds the non-system namespaces only.
 */
import { SteveFactory } from '@shell/plugins/steve/index';
import { ClusterNotFoundError } from '@shell/utils/error';
import { COMMON_STORE } from './common-store';
import { PRODUCT } from './names';

export const STORE = 'harvester';

type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const steve = SteveFactory(STORE, undefined) as Record<'state' | 'getters' | 'mutations' | 'actions', Any>;

const MGMT_CLUSTER = 'management.cattle.io.cluster';
const MGMT_SETTING = 'management.cattle.io.setting';
const MGMT_PROJECT = 'management.cattle.io.project';

async function loadCluster(this: { $router?: { push(to: unknown): unknown } }, {
  commit, dispatch, getters, rootGetters
}: Any, { id }: { id: string }): Promise<void> {
  await dispatch('management/waitForSchema', { type: MGMT_CLUSTER }, { root: true });
  const cluster = await dispatch('management/find', {
    type: MGMT_CLUSTER, id, opt: { url: `${ MGMT_CLUSTER }s/${ escape(id) }` }
  }, { root: true });

  if (!cluster) {
    commit('clusterId', null, { root: true });
    commit('applyConfig', { baseUrl: null });
    throw new ClusterNotFoundError(id);
  }
  const base = id === 'local' ? '/v1/harvester' : `/k8s/clusters/${ escape(id) }/v1/harvester`;

  commit('applyConfig', { baseUrl: base });
  await dispatch('loadSchemas', true);
  dispatch('subscribe');

  if (id !== 'local' && getters.schemaFor(MGMT_SETTING)) {
    const settings = await dispatch('findAll', { type: MGMT_SETTING, opt: { url: `${ base }/${ MGMT_SETTING }s/`, force: true } });
    const system = (settings || []).find((s: Any) => s.id === 'system-namespaces');

    if (system) {
      commit('setSystemNamespaces', (system.value || system.default || '').split(','), { root: true });
    }
  }

  const loads: Promise<unknown>[] = [
    dispatch('findAll', { type: 'count' }),
    dispatch('findAll', { type: 'namespace' }),
    dispatch('findAll', { type: 'harvesterhci.io.setting' }),
    dispatch('management/findAll', { type: MGMT_CLUSTER, opt: { force: true } }, { root: true }),
  ];

  if (rootGetters['management/schemaFor'](MGMT_PROJECT)) {
    loads.push(dispatch('management/findAll', { type: MGMT_PROJECT, opt: { url: `${ MGMT_PROJECT }/${ escape(id) }`, watchNamespace: id } }, { root: true }));
  }
  for (const type of ['harvesterhci.io.upgrade', 'harvesterhci.io.upgradelog']) {
    if (getters.schemaFor(type)) {
      loads.push(dispatch('findAll', { type }));
    }
  }
  const [, , , clusters] = await Promise.all(loads) as [unknown, unknown, unknown, Any[]];

  if (!rootGetters[`${ COMMON_STORE }/getFeatureEnabled`]('supportHarvesterClusterVersion')) {
    this.$router?.push({ name: `${ PRODUCT }-c-cluster-unsupported`, params: { product: PRODUCT } });

    return;
  }

  await dispatch('cleanNamespaces', null, { root: true });
  commit('updateNamespaces', {
    filters: [], all: getters.filterNamespace(), getters
  }, { root: true });

  if (!(clusters.length === 1 && clusters[0].metadata?.name === 'local')) {
    commit('managementChanged', {
      ready: true, isMultiCluster: true, isRancher: true
    }, { root: true });
  }
}

/** The namespaces Harvester lists: not the system ones (unless asked for by id). */
function filterNamespace(_state: unknown, getters: Any) {
  return (keep: string[] = []) => getters.all('namespace').filter((ns: Any) => !ns.isSystem || keep.includes(ns.id));
}

interface FilterHelpers {
  addNamespace: (out: unknown[], namespaces: unknown[]) => void;
  divider: (out: unknown[]) => void;
}

/** The namespace filter's options for a product with `customNamespaceFilter`: "All" and the non-system namespaces. */
function namespaceFilterOptions(_state: unknown, getters: Any, _rootState: unknown, rootGetters: Any) {
  return ({ addNamespace, divider }: FilterHelpers) => {
    const out: unknown[] = [{
      id: 'all', kind: 'special', label: rootGetters['i18n/t']('nav.ns.all')
    }];

    divider(out);
    addNamespace(out, getters.filterNamespace());

    return out;
  };
}

export const storeSpecifics = {
  state() {
    const { config, ...rest } = steve.state(); // eslint-disable-line @typescript-eslint/no-unused-vars

    return rest;
  },
  getters: {
    ...steve.getters, filterNamespace, namespaceFilterOptions
  },
  mutations: { ...steve.mutations },
  actions:   { ...steve.actions, loadCluster },
};
