/**
 * Raw Kubernetes objects and Steve items alike, sorted by Steve type id and keyed by
 * `namespace/name` (or `name` for cluster-scoped objects).
 */
import { TYPES } from '../types';
import type { KubeObject, ObjectRef, ResourceByType, SteveType } from '../types';
import { readObject } from './boundary';

export { steveTypeOf } from './boundary';

export function objectId(obj: KubeObject): string {
  const { name, namespace } = obj.metadata;

  return namespace ? `${ namespace }/${ name }` : name;
}

/** One key for a type and an id: an App and a HelmChart may share a name. */
export function refKey(ref: ObjectRef): string {
  return `${ ref.type }:${ ref.id }`;
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
  /** Field paths dropped at the boundary because they had the wrong type, by `refKey`. */
  dropped: Map<string, string[]>;
}

function emptyCollections(): Collections {
  const out: Partial<Record<SteveType, Map<string, KubeObject>>> = {};

  for (const type of Object.values(TYPES)) {
    out[type] = new Map();
  }

  return out as Collections;
}

/**
 * Sorts objects into an inventory. `listed` names the types that were asked for; when it is
 * absent, a type counts as listed when at least one object of it is present.
 */
export function buildInventory(objects: readonly unknown[], listed?: Iterable<SteveType>): Inventory {
  const byType = emptyCollections();
  const skipped: Record<string, number> = {};
  const seen = new Set<SteveType>();

  const dropped = new Map<string, string[]>();

  for (const value of objects) {
    const read = readObject(value);

    if (!read.ok) {
      skipped[read.skipped] = (skipped[read.skipped] || 0) + 1;
      continue;
    }
    const id = objectId(read.object);

    (byType[read.type] as Map<string, KubeObject>).set(id, read.object);
    if (read.dropped.length) {
      dropped.set(refKey({ type: read.type, id }), read.dropped);
    } else {
      dropped.delete(refKey({ type: read.type, id }));
    }
    seen.add(read.type);
  }

  return {
    byType, listed: new Set(listed || seen), skipped, dropped
  };
}

export function get<T extends SteveType>(inv: Inventory, type: T, id: string): ResourceByType[T] | undefined {
  return inv.byType[type].get(id);
}

export function all<T extends SteveType>(inv: Inventory, type: T): ResourceByType[T][] {
  return [...inv.byType[type].values()];
}
