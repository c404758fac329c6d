/**
 * The one place that talks to the shell's store: one watched list per type the cluster's
 * schemas offer, Jobs and Pods only by the HelmChart label (never every pod of a Harvester
 * cluster), Events and logs only on demand, and the requests of a plan. Each type loads and
 * fails on its own.
 */
import { reactive } from 'vue';
import { TYPES } from '../types';
import type {
  KubeEvent, KubeObject, ObjectRef, Pod, SteveType
} from '../types';
import { getterFn } from '../shell-store';
import type { ShellStore } from '../shell-store';
import { objectId } from '../engine';
import type { ClusterKind, PlannedRequest, UnreadType, UrlContext } from '../engine';

/** Types read as whole, watched lists. */
export const LISTED_TYPES = [
  TYPES.HELM_CHART, TYPES.MANAGED_CHART, TYPES.BUNDLE, TYPES.BUNDLE_DEPLOYMENT, TYPES.FLEET_CLUSTER, TYPES.APP, TYPES.NODE, TYPES.UPGRADE,
] as const;

/** Types read only by the HelmChart label. */
export const LABELLED_TYPES = [TYPES.JOB, TYPES.POD] as const;

export const CHART_LABEL = 'helmcharts.helm.cattle.io/chart';

export type LoadState = 'loading' | 'ready' | 'error' | 'unavailable';

export interface TypeStatus {
  state: LoadState;
  /** The failed request's HTTP status, for `error`, when there was one. */
  httpStatus?: number;
  /** The failed request's message, for `error`. */
  message?: string;
}

/** An HTTP failure as the shell's request action reports it. */
export interface RequestFailure {
  status?: number;
  message: string;
}

export function describeFailure(e: unknown): RequestFailure {
  const err = (e || {}) as { _status?: number; status?: number; message?: string; _statusText?: string; response?: { status?: number }; data?: { message?: string } };
  const status = err._status || err.status || err.response?.status;
  const message = err.data?.message || err.message || err._statusText || String(e);

  return { status: typeof status === 'number' ? status : undefined, message };
}

export class ClusterSource {
  readonly status: Record<string, TypeStatus>;

  constructor(private store: ShellStore, readonly inStore: string) {
    this.status = reactive(Object.fromEntries([...LISTED_TYPES, ...LABELLED_TYPES].map((t) => [t, { state: 'loading' } as TypeStatus])));
  }

  /** The cluster the product shows; URLs of objects without `links` start from it. */
  get urls(): UrlContext {
    const id = (this.store.getters.clusterId as string | undefined) || (this.store.getters.currentCluster as { id?: string } | undefined)?.id;

    return { clusterBase: id && id !== 'local' ? `/k8s/clusters/${ id }` : '' };
  }

  private hasSchema(type: SteveType): boolean {
    try {
      return !!getterFn<[string], unknown>(this.store, `${ this.inStore }/schemaFor`)?.(type);
    } catch {
      return false;
    }
  }

  /** Replaces a type's status in place (the object stays the one the page watches). */
  private setStatus(type: SteveType, next: TypeStatus): void {
    Object.assign(this.status[type], { httpStatus: undefined, message: undefined }, next);
  }

  private async loadOne(type: SteveType): Promise<void> {
    if (!this.hasSchema(type)) {
      this.setStatus(type, { state: 'unavailable' });

      return;
    }
    this.setStatus(type, { state: 'loading' });
    try {
      if ((LABELLED_TYPES as readonly string[]).includes(type)) {
        await this.findLabelled(type);
      } else {
        await this.store.dispatch(`${ this.inStore }/findAll`, { type });
      }
      this.setStatus(type, { state: 'ready' });
    } catch (e) {
      const f = describeFailure(e);

      this.setStatus(type, {
        state: 'error', httpStatus: f.status, message: f.message
      });
    }
  }

  /**
   * Jobs or Pods that carry the HelmChart label, whatever its value. With Rancher's SQL cache
   * (paginated Steve) the shell sends it as `filter=metadata.labels[…]`; without it, the shell's
   * label-selector helper knows no `Exists`, so the selector goes to Steve as it is.
   */
  private async findLabelled(type: SteveType): Promise<void> {
    const paginated = getterFn<[{ id: string }], boolean>(this.store, `${ this.inStore }/paginationEnabled`)?.({ id: type });

    if (paginated) {
      await this.store.dispatch(`${ this.inStore }/findLabelSelector`, {
        type,
        matching: { labelSelector: { matchExpressions: [{ key: CHART_LABEL, operator: 'Exists' }] } },
      });
    } else {
      await this.store.dispatch(`${ this.inStore }/findMatching`, { type, selector: CHART_LABEL });
    }
  }

  /** Loads every type; one failing type does not stop the others. */
  async load(types: readonly SteveType[] = [...LISTED_TYPES, ...LABELLED_TYPES]): Promise<void> {
    await Promise.all(types.map((t) => this.loadOne(t)));
  }

  /** The objects of one type as the store holds them (kept live by the shell's watch). */
  all(type: SteveType): KubeObject[] {
    if (this.status[type]?.state !== 'ready') {
      return [];
    }
    const list = getterFn<[string], KubeObject[]>(this.store, `${ this.inStore }/all`)?.(type) || [];

    return (LABELLED_TYPES as readonly string[]).includes(type) ? list.filter((o) => !!o.metadata?.labels?.[CHART_LABEL]) : list;
  }

  objects(): KubeObject[] {
    return [...LISTED_TYPES, ...LABELLED_TYPES].flatMap((t) => this.all(t));
  }

  /** The types whose list loaded; the engine treats the others as unknown, not empty. */
  listed(): SteveType[] {
    return [...LISTED_TYPES, ...LABELLED_TYPES].filter((t) => this.status[t]?.state === 'ready');
  }

  /** The types tried and not read, with why: a failed list, or no schema (not installed, or not visible to this user). */
  unread(): UnreadType[] {
    return [...LISTED_TYPES, ...LABELLED_TYPES].flatMap((type): UnreadType[] => {
      const s = this.status[type];

      if (s?.state === 'unavailable') {
        return [{ type, reason: 'no-schema' }];
      }
      if (s?.state === 'error') {
        return [{
          type, reason: 'failed', status: s.httpStatus, message: s.message
        }];
      }

      return [];
    });
  }

  /**
   * What the cluster is, when the store says so: the Harvester product, or a management cluster
   * Rancher knows as Harvester. Otherwise the engine infers it from the objects.
   */
  clusterKind(): ClusterKind | undefined {
    const product = this.store.getters.currentProduct as { name?: string } | undefined;
    const cluster = this.store.getters.currentCluster as { isHarvester?: boolean } | undefined;

    return this.inStore === 'harvester' || product?.name === 'harvester' || cluster?.isHarvester === true ? 'harvester' : undefined;
  }

  /** Events about some objects of one namespace, read once (not watched). */
  async events(namespace: string | undefined, names: string[]): Promise<KubeEvent[]> {
    if (!this.hasSchema(TYPES.EVENT)) {
      return [];
    }
    const all = await this.store.dispatch(`${ this.inStore }/findAll`, { type: TYPES.EVENT, opt: { namespaced: namespace, watch: false } }) as KubeEvent[];

    return (all || []).filter((e) => names.includes(e.involvedObject?.name || '') && (!namespace || e.involvedObject?.namespace === namespace))
      .sort((a, b) => (b.lastTimestamp || b.eventTime || '').localeCompare(a.lastTimestamp || a.eventTime || ''));
  }

  /** The last lines of the helm container's log. */
  async helmLog(pod: Pod, lines = 50): Promise<string> {
    const base = pod.links?.view || `${ this.urls.clusterBase }/api/v1/namespaces/${ pod.metadata.namespace }/pods/${ pod.metadata.name }`;
    const res = await this.store.dispatch(`${ this.inStore }/request`, {
      url: `${ base }/log?container=helm&tailLines=${ lines }`, method: 'get', responseType: 'text'
    }) as { data?: unknown } | string;

    return typeof res === 'string' ? res : String(res?.data ?? '');
  }

  /** Sends one planned request. */
  async send(req: PlannedRequest): Promise<unknown> {
    return this.store.dispatch(`${ this.inStore }/request`, {
      url: req.url, method: req.method.toLowerCase(), headers: req.headers, data: req.body
    });
  }

  find(ref: ObjectRef): KubeObject | undefined {
    return this.all(ref.type).find((o) => objectId(o) === ref.id);
  }
}
