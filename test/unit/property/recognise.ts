/**
 * What the properties expect of the engine, written independently of it: which objects it
 * recognises, which types a cluster needs, and how healths rank.
 */
import { TYPES } from '@pkg/types';
import type { SteveType } from '@pkg/types';
import type { Health } from '@pkg/engine';

const KNOWN = new Set<string>(Object.values(TYPES));

/** Kinds that become items of their own (Jobs, pods and events are a HelmChart's evidence; an Upgrade is part of the verdict). */
export const ITEM_TYPES = new Set<string>([
  TYPES.HELM_CHART, TYPES.NODE, TYPES.MANAGED_CHART, TYPES.BUNDLE, TYPES.BUNDLE_DEPLOYMENT, TYPES.FLEET_CLUSTER, TYPES.APP,
]);

/** What the diagnosis needs read, by what the cluster is (the contract of issue 8). */
export const NEEDED: Record<'harvester' | 'kubernetes', SteveType[]> = {
  harvester:  [TYPES.HELM_CHART, TYPES.JOB, TYPES.POD, TYPES.NODE, TYPES.MANAGED_CHART, TYPES.BUNDLE, TYPES.BUNDLE_DEPLOYMENT, TYPES.FLEET_CLUSTER, TYPES.APP],
  kubernetes: [TYPES.HELM_CHART, TYPES.JOB, TYPES.POD, TYPES.APP, TYPES.NODE],
};

export const ALL_TYPES = Object.values(TYPES) as SteveType[];

const WORST_FIRST: Health[] = ['error', 'warning', 'unknown', 'progressing', 'ok'];

export const HEALTHS = new Set<string>(WORST_FIRST);

export function worstOf(healths: Health[]): Health {
  return WORST_FIRST.find((h) => healths.includes(h)) || 'ok';
}

function record(v: unknown): Record<string, unknown> | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? v as Record<string, unknown> : undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export interface Identified {
  type: string;
  name: string;
  /** The object's id: `namespace/name`, or `name` for a cluster-scoped object. */
  id: string;
}

/** Kubernetes names are at most 253 characters; the engine may refuse to name anything far longer. */
const MAX_NAME = 1024;

/** The Steve type and id of an object of a kind the engine reads, as its `type` or its `apiVersion` and `kind` say. */
export function identify(obj: unknown): Identified | undefined {
  try {
    return identifyOrThrow(obj);
  } catch {
    // a getter or proxy that throws: nothing can be read of it
    return undefined;
  }
}

function identifyOrThrow(obj: unknown): Identified | undefined {
  const o = record(obj);
  const md = record(o?.metadata);
  const name = str(md?.name);
  const ns = md?.namespace ?? undefined;

  // an object whose name or namespace cannot be read cannot be named, so it cannot be an item
  if (!o || !md || !name || name.length > MAX_NAME || (ns !== undefined && (typeof ns !== 'string' || ns.length > MAX_NAME))) {
    return undefined;
  }
  const steveType = str(o.type);
  let type: string | undefined = steveType && KNOWN.has(steveType) ? steveType : undefined;

  if (!type) {
    const apiVersion = str(o.apiVersion) || '';
    const kind = str(o.kind);
    const slash = apiVersion.indexOf('/');
    const group = slash > 0 ? apiVersion.slice(0, slash) : '';

    type = kind ? (group ? `${ group }.${ kind }` : kind).toLowerCase() : undefined;
  }
  if (!type || !KNOWN.has(type)) {
    return undefined;
  }

  return {
    type, name, id: ns ? `${ ns }/${ name }` : name
  };
}

/**
 * An object the engine must turn into an item: it has a string name, its Steve `type` or its
 * `apiVersion` and `kind` name a kind that becomes an item, and it is not a Helm release's history.
 */
export function recognised(obj: unknown): Identified | undefined {
  const found = identify(obj);

  if (!found || !ITEM_TYPES.has(found.type)) {
    return undefined;
  }
  if (found.type === TYPES.APP) {
    const status = record(record(record(obj)?.spec)?.info)?.status;

    if (status === 'superseded' || status === 'uninstalled') {
      return undefined;
    }
  }

  return found;
}

/** The object the engine keeps for a type and id: the last one in the input (later copies replace earlier ones). */
export function lastWithId(objects: unknown[], type: string, id: string): Record<string, unknown> | undefined {
  for (let i = objects.length - 1; i >= 0; i--) {
    const found = identify(objects[i]);

    if (found && found.type === type && found.id === id) {
      return objects[i] as Record<string, unknown>;
    }
  }

  return undefined;
}
