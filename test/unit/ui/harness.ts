/**
 * A real Vuex store for component tests: the shell's own `type-map` and `slideInPanel`
 * modules, a Steve-like `cluster` module holding fixture objects (with the shell's action
 * names: findAll, findLabelSelector, request), and the translations from our en-us file
 * rendered with the same ICU formatter the shell uses.
 */
import fs from 'fs';
import path from 'path';
import { createStore } from 'vuex';
import * as typeMapModule from '@shell/store/type-map';
import slideInPanel from '@shell/store/slideInPanel';
import { english } from '../engine/english';
import { steveTypeOf } from '@pkg/engine';
import type { BundleDeployment, KubeObject } from '@pkg/types';
import type { ShellStore } from '@pkg/shell-store';

/** The shell's real type-map store module, namespaced as the Dashboard registers it. */
export function typeMapStoreModule() {
  return { ...(typeMapModule as unknown as Record<string, unknown>), namespaced: true };
}

export const FIXTURES = path.join(__dirname, '../../fixtures');
export const BASE = '/k8s/clusters/c-m-test';
export const SEED_NOW = new Date('2025-09-24T10:00:00Z');

const PLURAL: Record<string, string> = {
  pod: 'pods', node: 'nodes', event: 'events'
};

/** Turns a kubectl object into a Steve item: type, id and links (the write links only when `canWrite`). */
export function steveItem<T extends KubeObject>(obj: T, canWrite = true): T {
  const type = steveTypeOf(obj.apiVersion, obj.kind) || '';
  const { namespace, name } = obj.metadata;
  const id = namespace ? `${ namespace }/${ name }` : name;
  const collection = PLURAL[type] || `${ type }s`;
  const self = `${ BASE }/v1/${ collection }/${ id }`;
  const [group, version] = (obj.apiVersion || 'v1').includes('/') ? (obj.apiVersion || '').split('/') : ['', obj.apiVersion || 'v1'];
  const view = `${ BASE }/${ group ? `apis/${ group }/${ version }` : `api/${ version }` }/${ namespace ? `namespaces/${ namespace }/` : '' }${ (obj.kind || '').toLowerCase() }s/${ name }`;
  const links: Record<string, string> = { self, view };

  if (canWrite) {
    Object.assign(links, {
      update: self, patch: self, remove: self
    });
  }

  // Steve keeps a field named `type` (an Event's Normal/Warning) as `_type`
  const original = (obj as { type?: unknown }).type;

  return {
    ...obj, ...(original === undefined ? {} : { _type: original }), type, id, links
  };
}

export function seedObjects(file = 'seed-scenario.json', canWrite = true): KubeObject[] {
  const list = JSON.parse(fs.readFileSync(path.join(FIXTURES, file), 'utf8')) as { items: KubeObject[] };

  return list.items.map((o) => steveItem(o, canWrite));
}

export interface SentRequest {
  url: string;
  method: string;
  headers?: Record<string, string>;
  data?: unknown;
}

export interface HarnessOptions {
  /** Types whose schema is missing (as Steve does for types the user cannot see). */
  noSchema?: string[];
  /** Types whose list fails, with this HTTP status. */
  failList?: Record<string, number>;
  /** Requests whose URL contains a key fail with its status. */
  failRequest?: Record<string, number>;
  product?: string;
  /** Whether the store pages lists through Rancher's SQL cache. */
  paginated?: boolean;
}

/** Builds the store and returns it with the list of requests it received. */
export function makeStore(objects: KubeObject[], opts: HarnessOptions = {}) {
  const requests: SentRequest[] = [];
  const selectors: { type: string; selector: string }[] = [];
  const cluster = {
    namespaced: true,
    state:      () => ({ byType: {} as Record<string, KubeObject[]> }),
    getters:    {
      all:               (state: { byType: Record<string, KubeObject[]> }) => (type: string) => state.byType[type] || [],
      schemaFor:         () => (type: string) => (opts.noSchema?.includes(type) ? null : { id: type }),
      paginationEnabled: () => () => !!opts.paginated,
    },
    mutations: {
      load(state: { byType: Record<string, KubeObject[]> }, { type, list }: { type: string; list: KubeObject[] }) {
        state.byType[type] = list;
      },
    },
    actions: {
      async findAll({ commit }: { commit: (t: string, p: unknown) => void }, { type }: { type: string }) {
        if (opts.failList?.[type]) {
          throw Object.assign(new Error('forbidden'), { _status: opts.failList[type] });
        }
        const list = objects.filter((o) => o.type === type);

        commit('load', { type, list });

        return list;
      },
      async findLabelSelector({ commit }: { commit: (t: string, p: unknown) => void }, { type, matching }: { type: string; matching: { labelSelector: { matchExpressions: { key: string; operator: string }[] } } }) {
        const [exp] = matching.labelSelector.matchExpressions;

        selectors.push({ type, selector: `${ exp.key } ${ exp.operator }` });
        const list = objects.filter((o) => o.type === type && o.metadata.labels?.[exp.key] !== undefined);

        commit('load', { type, list });

        return list;
      },
      async findMatching({ commit }: { commit: (t: string, p: unknown) => void }, { type, selector }: { type: string; selector: string }) {
        selectors.push({ type, selector });
        // the Kubernetes label selector "key" means: the label exists
        const list = objects.filter((o) => o.type === type && o.metadata.labels?.[selector] !== undefined);

        commit('load', { type, list });

        return list;
      },
      async request(_: unknown, req: SentRequest & { responseType?: string }) {
        requests.push({
          url: req.url, method: req.method, headers: req.headers, data: req.data
        });
        const failing = Object.entries(opts.failRequest || {}).find(([k]) => req.url.includes(k));

        if (failing) {
          throw Object.assign(new Error('the object has been modified'), { _status: failing[1] });
        }

        return req.responseType === 'text' ? { data: 'helm log line 1\n<b data-probe="log">x</b>\n' } : {};
      },
    },
  };

  const store = createStore({
    modules: {
      'type-map': typeMapStoreModule(),
      slideInPanel,
      cluster,
    },
    getters: {
      'i18n/t':                                    () => english,
      'i18n/exists':                               () => () => true,
      'prefs/get':                                 () => () => 100,
      activeNamespaceCache:                        () => ({}),
      currentProduct:                              () => ({ name: opts.product || 'harvester', inStore: 'cluster' }),
      clusterId:                                   () => 'c-m-test',
      'management/byId':                           () => () => undefined,
      'resource-fetch/manualRefreshIsLoading':     () => false,
      'resource-fetch/refreshFlag':                () => false,
      'resource-fetch/isTooManyItemsToAutoUpdate': () => false,
    },
  });

  /** Replaces objects of a type, as a watch event would. */
  const update = (type: string, list: KubeObject[]) => store.commit('cluster/load', { type, list });

  return {
    store, shellStore: store as unknown as ShellStore, requests, selectors, update
  };
}

export const globalMocks = { $route: { query: {} }, $router: { applyQuery: jest.fn(), replace: jest.fn() } };

export function flush(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The store's BundleDeployments after Fleet applied a new deployment of `mcc-harvester`, as the watch would bring them. */
export function redeployedHarvester(store: { getters: Record<string, unknown> }): BundleDeployment[] {
  const all = (store.getters['cluster/all'] as (type: string) => BundleDeployment[])('fleet.cattle.io.bundledeployment');

  return all.map((bd) => (bd.metadata.name === 'mcc-harvester' ? {
    ...bd,
    spec: {
      ...bd.spec, deploymentID: 's-new:1', stagedDeploymentID: 's-new:1'
    },
    status: {
      ...bd.status, appliedDeploymentID: 's-new:1', nonModified: true
    }
  } : bd));
}
