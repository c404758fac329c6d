/**
 * Raw Kubernetes objects and Steve items alike, sorted by Steve type id and keyed by
 * `namespace/name` (or `name` for cluster-scoped objects).
 */
import { TYPES } from '../types';
import type { KubeObject, ObjectRef, ResourceByType, SteveType } from '../types';

const KNOWN_TYPES = new Set<string>(Object.values(TYPES));

/** Steve's schema id for an apiVersion and kind: `lower(group.kind)`, or `lower(kind)` for the core group. */
export function steveTypeOf(apiVersion: string | undefined, kind: string | undefined): string | undefined {
  if (!kind) {
    return undefined;
  }
  const slash = (apiVersion || '').indexOf('/');
  const group = slash > 0 ? (apiVersion || '').slice(0, slash) : '';

  return (group ? `${ group }.${ kind }` : kind).toLowerCase();
}

export function objectId(obj: KubeObject): string {
  const { name, namespace } = obj.metadata;

  return namespace ? `${ namespace }/${ name }` : name;
}

export function refOf<T extends SteveType>(type: T, obj: KubeObject): ObjectRef {
  return { type, id: objectId(obj) };
}

export function sameRef(a: ObjectRef, b: ObjectRef): boolean {
  return a.type === b.type && a.id === b.id;
}

export type Collections = { [T in SteveType]: Map<string, ResourceByType[T]> };

export interface Inventory {
  byType: Collections;
  /** Types that were listed at all; a type not listed is unknown, not empty. */
  listed: Set<SteveType>;
  /** Objects the engine does not examine, by `<apiVersion>/<kind>`. */
  skipped: Record<string, number>;
}

function emptyCollections(): Collections {
  const out: Partial<Record<SteveType, Map<string, KubeObject>>> = {};

  for (const type of Object.values(TYPES)) {
    out[type] = new Map();
  }

  return out as Collections;
}

function isKubeObject(value: unknown): value is KubeObject {
  if (!value || typeof value !== 'object') {
    return false;
  }
  const meta = (value as { metadata?: unknown }).metadata;

  return !!meta && typeof meta === 'object' && typeof (meta as { name?: unknown }).name === 'string';
}

/**
 * Sorts objects into an inventory. `listed` names the types that were asked for; when it is
 * absent, a type counts as listed when at least one object of it is present.
 */
export function buildInventory(objects: readonly unknown[], listed?: Iterable<SteveType>): Inventory {
  const byType = emptyCollections();
  const skipped: Record<string, number> = {};
  const seen = new Set<SteveType>();

  for (const value of objects) {
    if (!isKubeObject(value)) {
      skipped['(not a Kubernetes object)'] = (skipped['(not a Kubernetes object)'] || 0) + 1;
      continue;
    }
    const fromSteve = value.type && KNOWN_TYPES.has(value.type) ? value.type : undefined;
    const type = fromSteve || steveTypeOf(value.apiVersion, value.kind);

    if (!type || !KNOWN_TYPES.has(type)) {
      const key = `${ value.apiVersion || '?' }/${ value.kind || value.type || '?' }`;

      skipped[key] = (skipped[key] || 0) + 1;
      continue;
    }
    const steveType = type as SteveType;

    (byType[steveType] as Map<string, KubeObject>).set(objectId(value), value);
    seen.add(steveType);
  }

  return {
    byType, listed: new Set(listed || seen), skipped
  };
}

export function get<T extends SteveType>(inv: Inventory, type: T, id: string): ResourceByType[T] | undefined {
  return inv.byType[type].get(id);
}

export function all<T extends SteveType>(inv: Inventory, type: T): ResourceByType[T][] {
  return [...inv.byType[type].values()];
}
