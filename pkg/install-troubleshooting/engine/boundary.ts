/**
 * The one boundary: every object the engine reads, from the store or from a file, passes here
 * once. What is not a Kubernetes object of a type we examine is counted, not read; what is,
 * is parsed with its type's schema into plain, typed data, with a note of every field that was
 * dropped because it had the wrong type. Nothing here throws.
 */
import * as v from 'valibot';
import { SCHEMAS, TYPES } from '../types';
import type { KubeObject, SteveType } from '../types';
import { collectDropped, isRecord } from '../types/schema-kit';

const KNOWN_TYPES = new Set<string>(Object.values(TYPES));

/** Kubernetes names are at most 253 characters; anything much longer is not an object we can name. */
const MAX_NAME = 1024;

/** Keys of `skipped` for what is not an object we can read at all. */
export const NOT_AN_OBJECT = '(not a Kubernetes object)';
export const UNREADABLE = '(unreadable object)';

/** Steve's schema id for an apiVersion and kind: `lower(group.kind)`, or `lower(kind)` for the core group. */
export function steveTypeOf(apiVersion: string | undefined, kind: string | undefined): string | undefined {
  if (!kind) {
    return undefined;
  }
  const slash = (apiVersion || '').indexOf('/');
  const group = slash > 0 ? (apiVersion || '').slice(0, slash) : '';

  return (group ? `${ group }.${ kind }` : kind).toLowerCase();
}

export type Read =
  | { ok: true; type: SteveType; object: KubeObject; dropped: string[] }
  | { ok: false; skipped: string };

function str(x: unknown): string | undefined {
  return typeof x === 'string' ? x : undefined;
}

/** A short, printable form of an untrusted type name, for the `skipped` counts. */
function typeLabel(apiVersion: string | undefined, kind: string | undefined): string {
  const clean = (s: string | undefined) => (s || '?').replace(/[^\w./-]/g, '?').slice(0, 120);

  return `${ clean(apiVersion) }/${ clean(kind) }`;
}

/** Reads one untrusted value; a value whose getters throw (a hostile proxy) is unreadable, not an error. */
export function readObject(value: unknown): Read {
  try {
    return readUnsafe(value);
  } catch {
    return { ok: false, skipped: UNREADABLE };
  }
}

function readUnsafe(value: unknown): Read {
  if (!isRecord(value) || !isRecord(value.metadata)) {
    return { ok: false, skipped: NOT_AN_OBJECT };
  }
  const metadata = value.metadata;
  const { name, namespace } = metadata;

  if (typeof name !== 'string' || !name || name.length > MAX_NAME ||
      (namespace !== undefined && namespace !== null && (typeof namespace !== 'string' || namespace.length > MAX_NAME))) {
    return { ok: false, skipped: UNREADABLE };
  }
  const steve = str(value.type);
  const type = steve && KNOWN_TYPES.has(steve) ? steve : steveTypeOf(str(value.apiVersion), str(value.kind));

  if (!type || !KNOWN_TYPES.has(type)) {
    return { ok: false, skipped: typeLabel(str(value.apiVersion), str(value.kind) || steve) };
  }
  const steveType = type as SteveType;

  try {
    const { value: result, dropped } = collectDropped(() => v.safeParse(SCHEMAS[steveType], { ...value, metadata: { ...metadata, namespace: namespace || undefined } }));

    return result.success ? {
      ok: true, type: steveType, object: result.output, dropped
    } : { ok: false, skipped: UNREADABLE };
  } catch {
    // a getter of a hostile object threw: the object cannot be read
    return { ok: false, skipped: UNREADABLE };
  }
}
