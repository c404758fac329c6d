/**
 * Steve's view of objects: `id`, `type`, absolute `links` (with `view`, the native Kubernetes URL,
 * and `update/patch/remove` only where the user may), `metadata.state` summarised from status,
 * normalised conditions, collections with `revision`, and schemas per user.
 */
import type { Column, TypeDef } from './catalog';
import { pluralName } from './catalog';
import { clone, idOf } from './objects';
import type { Obj } from './objects';
import type { Verb } from './users';

export interface StateSummary {
  name: string;
  error: boolean;
  transitioning: boolean;
  message: string;
}

function cond(obj: Obj, type: string): { status?: string; reason?: string; message?: string } | undefined {
  return (obj.status?.conditions || []).find((c: { type?: string }) => c.type === type);
}

/** A small version of wrangler's summariser, enough for the Dashboard's state badges. */
export function summarise(type: string, obj: Obj): StateSummary {
  const s = (name: string, error = false, transitioning = false, message = ''): StateSummary => ({
    name, error, transitioning, message
  });
  const status = obj.status || {};
  const errorCondition = (status.conditions || []).find((c: { reason?: string; status?: string }) => c.reason === 'Error' && c.status === 'False');

  if (obj.metadata.deletionTimestamp) {
    return s('removing', false, true);
  }
  switch (type) {
  case 'pod': {
    const c = (status.containerStatuses || [])[0];
    const waiting = c?.state?.waiting?.reason;

    if (waiting) {
      return s(waiting.toLowerCase(), /BackOff|Err|Error/.test(waiting), !/BackOff|Err|Error/.test(waiting), c.state.waiting.message || '');
    }
    if (status.phase === 'Succeeded') {
      return s('succeeded');
    }
    if (status.phase === 'Failed') {
      return s('failed', true);
    }
    if (status.phase === 'Pending') {
      return s('pending', false, true);
    }

    return s('running');
  }
  case 'batch.job':
    if (cond(obj, 'Failed')?.status === 'True') {
      return s('failed', true, false, cond(obj, 'Failed')?.message || '');
    }
    if (cond(obj, 'Complete')?.status === 'True') {
      return s('complete');
    }

    return s('running', false, true);
  case 'helm.cattle.io.helmchart':
    if (cond(obj, 'Failed')?.status === 'True') {
      return s('error', true, false, cond(obj, 'Failed')?.message || '');
    }

    return s('active');
  case 'node':
    return cond(obj, 'Ready')?.status === 'True' ? s(obj.spec?.unschedulable ? 'cordoned' : 'active') : s('unavailable', true);
  case 'catalog.cattle.io.app': {
    const state = status.summary?.state || obj.spec?.info?.status || 'unknown';

    return s(state, state === 'failed', state.startsWith('pending') || state === 'uninstalling');
  }
  case 'harvesterhci.io.upgrade': {
    const completed = cond(obj, 'Completed');

    if (!completed) {
      return s('upgrading', false, true);
    }

    return completed.status === 'True' ? s('succeeded') : s('failed', true, false, completed.message || '');
  }
  }
  if (status.display?.state) {
    const name = String(status.display.state).toLowerCase();

    return s(name, name === 'errapplied' || !!errorCondition, ['waitapplied', 'outofsync', 'pending', 'waitcheckin'].includes(name), errorCondition?.message || '');
  }
  if (errorCondition) {
    return s('error', true, false, errorCondition.message || '');
  }

  return s('active');
}

export interface FormatContext {
  /** `http://127.0.0.1:<port>` as the browser sees it. */
  origin: string;
  /** Steve's base path for this store: `/v1`, `/k8s/clusters/<id>/v1` or `/k8s/clusters/<id>/v1/harvester`. */
  base: string;
  /** Where native Kubernetes paths start for this cluster: `/k8s/clusters/<id>`. */
  kubeBase: string;
  verbs: Verb[];
}

/** A store's format context before the user's verbs are known. */
export function formatBase(origin: string, cluster: { id: string }, base: string): Omit<FormatContext, 'verbs'> {
  return {
    origin, base, kubeBase: `/k8s/clusters/${ cluster.id }`
  };
}

/** The native API path of an object or collection (`/api/v1/…` or `/apis/<group>/<version>/…`). */
export function nativePath(t: TypeDef, namespace?: string, name?: string): string {
  const root = t.group ? `/apis/${ t.group }/${ t.version }` : `/api/${ t.version }`;
  const ns = t.namespaced && namespace ? `/namespaces/${ namespace }` : '';

  return `${ root }${ ns }/${ t.resource }${ name ? `/${ name }` : '' }`;
}

export function format(t: TypeDef, raw: Obj, ctx: FormatContext): Obj {
  const obj = clone(raw);
  const id = idOf(obj);
  const self = `${ ctx.origin }${ ctx.base }/${ pluralName(t) }/${ id }`;
  const links: Record<string, string> = { self };

  if (ctx.verbs.includes('update')) {
    links.update = self;
  }
  if (ctx.verbs.includes('patch')) {
    links.patch = self;
  }
  if (ctx.verbs.includes('delete')) {
    links.remove = self;
  }
  // Rancher's own v3 types point `view` at Steve; everything else at the native API through the cluster proxy
  links.view = t.group === 'management.cattle.io' ? self : `${ ctx.origin }${ ctx.kubeBase }${ nativePath(t, obj.metadata.namespace, obj.metadata.name) }`;

  obj.id = id;
  // Steve's `type` is the schema id; an object's own `type` (an Event's Normal/Warning, a Secret's type) moves to `_type`
  if (raw.type !== undefined) {
    obj._type = raw.type;
  }
  obj.type = t.id;
  obj.links = links;
  obj.metadata.state = summarise(t.id, raw);
  if (Array.isArray(obj.status?.conditions)) {
    obj.status.conditions = obj.status.conditions.map((c: Record<string, unknown>) => ({
      ...c,
      error:          c.reason === 'Error' || (c.type === 'Failed' && c.status === 'True'),
      transitioning:  false,
      lastUpdateTime: c.lastUpdateTime || c.lastTransitionTime || '',
    }));
  }

  return obj;
}

export function collection(t: TypeDef, data: Obj[], revision: number, ctx: FormatContext, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const url = `${ ctx.origin }${ ctx.base }/${ pluralName(t) }`;

  return {
    type:         'collection',
    links:        { self: url },
    createTypes:  ctx.verbs.includes('create') ? { [t.id]: url } : {},
    actions:      {},
    resourceType: t.id,
    revision:     String(revision),
    count:        data.length,
    data,
    ...extra,
  };
}

function methods(verbs: Verb[]): { resourceMethods: string[]; collectionMethods: string[] } {
  const resourceMethods = [
    verbs.includes('get') && 'GET', verbs.includes('delete') && 'DELETE', verbs.includes('update') && 'PUT', verbs.includes('patch') && 'PATCH'
  ].filter(Boolean) as string[];
  const collectionMethods = [verbs.includes('list') && 'GET', verbs.includes('create') && 'POST'].filter(Boolean) as string[];

  return { resourceMethods, collectionMethods };
}

export function schema(t: TypeDef, verbs: Verb[], ctx: Pick<FormatContext, 'origin' | 'base'>): Record<string, unknown> {
  return {
    id:             t.id,
    type:           'schema',
    links:          { self: `${ ctx.origin }${ ctx.base }/schemas/${ t.id }`, collection: `${ ctx.origin }${ ctx.base }/${ pluralName(t) }` },
    pluralName:     pluralName(t),
    ...methods(verbs),
    resourceFields: null,
    attributes:     {
      group:      t.group,
      version:    t.version,
      kind:       t.kind,
      namespaced: t.namespaced,
      resource:   t.resource,
      verbs:      [...verbs].sort(),
      columns:    t.columns as Column[],
    },
  };
}

/** Schemas Steve adds that are not Kubernetes types. */
export function syntheticSchema(id: string, ctx: Pick<FormatContext, 'origin' | 'base'>, collectionMethods = ['GET'], resourceMethods = ['GET']): Record<string, unknown> {
  return {
    id,
    type:           'schema',
    links:          { self: `${ ctx.origin }${ ctx.base }/schemas/${ id }`, collection: `${ ctx.origin }${ ctx.base }/${ id }s` },
    pluralName:     `${ id }s`,
    resourceMethods,
    collectionMethods,
    resourceFields: null,
    attributes:     {},
  };
}
