/**
 * Plain-JSON helpers for Kubernetes objects: deep copy, JSON merge patch (RFC 7386), JSON patch
 * (RFC 6902), label and field selectors, and Steve's `filter=` expressions.
 */
import type { ObjectMeta } from '../../pkg/install-troubleshooting/types';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Object metadata: the extension's own type, plus what only the simulator sets. */
export interface Meta extends ObjectMeta {
  generateName?: string;
  [key: string]: unknown;
}

/** A Kubernetes object as the simulator stores it (raw, not Steve-formatted). */
export interface Obj {
  apiVersion?: string;
  kind?: string;
  metadata: Meta;
  [key: string]: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export function clone<T>(value: T): T {
  return value === undefined ? value : JSON.parse(JSON.stringify(value));
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

export function idOf(obj: Obj): string {
  return obj.metadata.namespace ? `${ obj.metadata.namespace }/${ obj.metadata.name }` : obj.metadata.name;
}

/** RFC 7386: objects merge recursively, `null` removes, anything else replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) {
    return clone(patch);
  }
  const out: Record<string, unknown> = isPlainObject(target) ? { ...target } : {};

  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      delete out[key];
    } else {
      out[key] = mergePatch(out[key], value);
    }
  }

  return out;
}

export class PatchError extends Error {}

function pointer(path: string): string[] {
  if (path === '') {
    return [];
  }
  if (!path.startsWith('/')) {
    throw new PatchError(`invalid JSON pointer ${ path }`);
  }

  return path.slice(1).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** RFC 6902, the operations Kubernetes clients send: add, remove, replace, test, copy, move. */
export function jsonPatch(doc: unknown, ops: unknown): unknown {
  if (!Array.isArray(ops)) {
    throw new PatchError('a JSON patch must be an array of operations');
  }
  let root = clone(doc) as unknown;

  const parentOf = (parts: string[]): [any, string] => { // eslint-disable-line @typescript-eslint/no-explicit-any
    let node: any = root; // eslint-disable-line @typescript-eslint/no-explicit-any

    for (const part of parts.slice(0, -1)) {
      if (node === null || typeof node !== 'object' || !(part in node)) {
        throw new PatchError(`path not found: /${ parts.join('/') }`);
      }
      node = node[part];
    }

    return [node, parts[parts.length - 1]];
  };
  const read = (parts: string[]): unknown => {
    let node: any = root; // eslint-disable-line @typescript-eslint/no-explicit-any

    for (const part of parts) {
      if (node === null || typeof node !== 'object' || !(part in node)) {
        throw new PatchError(`path not found: /${ parts.join('/') }`);
      }
      node = node[part];
    }

    return node;
  };
  const remove = (parts: string[]) => {
    if (!parts.length) {
      throw new PatchError('cannot remove the root');
    }
    const [parent, key] = parentOf(parts);

    if (Array.isArray(parent)) {
      parent.splice(Number(key), 1);
    } else if (parent && typeof parent === 'object' && key in parent) {
      delete parent[key];
    } else {
      throw new PatchError(`path not found: /${ parts.join('/') }`);
    }
  };
  const add = (parts: string[], value: unknown, replace: boolean) => {
    if (!parts.length) {
      root = clone(value);

      return;
    }
    const [parent, key] = parentOf(parts);

    if (Array.isArray(parent)) {
      const index = key === '-' ? parent.length : Number(key);

      if (replace) {
        parent[index] = clone(value);
      } else {
        parent.splice(index, 0, clone(value));
      }
    } else if (parent && typeof parent === 'object') {
      if (replace && !(key in parent)) {
        throw new PatchError(`path not found: /${ parts.join('/') }`);
      }
      parent[key] = clone(value);
    } else {
      throw new PatchError(`path not found: /${ parts.join('/') }`);
    }
  };

  for (const op of ops) {
    if (!isPlainObject(op) || typeof op.op !== 'string' || typeof op.path !== 'string') {
      throw new PatchError('each JSON patch operation needs op and path');
    }
    const parts = pointer(op.path);

    switch (op.op) {
    case 'add':
      add(parts, op.value, false);
      break;
    case 'replace':
      add(parts, op.value, true);
      break;
    case 'remove':
      remove(parts);
      break;
    case 'test':
      if (JSON.stringify(read(parts)) !== JSON.stringify(op.value)) {
        throw new PatchError(`test failed at ${ op.path }`);
      }
      break;
    case 'copy':
      add(parts, read(pointer(String(op.from))), false);
      break;
    case 'move': {
      const value = read(pointer(String(op.from)));

      remove(pointer(String(op.from)));
      add(parts, value, false);
      break;
    }
    default:
      throw new PatchError(`unsupported JSON patch operation ${ op.op }`);
    }
  }

  return root;
}

interface Requirement {
  key: string;
  op: 'in' | 'notin' | 'exists' | '!exists';
  values: string[];
}

/** Parses a Kubernetes label selector string (`a=b,c!=d,e in (x,y),!f,g`). */
export function parseLabelSelector(selector: string): Requirement[] {
  const out: Requirement[] = [];
  const parts: string[] = [];
  let depth = 0;
  let current = '';

  for (const ch of selector) {
    if (ch === '(') {
      depth++;
    } else if (ch === ')') {
      depth--;
    }
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);

  for (const raw of parts.map((p) => p.trim()).filter(Boolean)) {
    let m: RegExpMatchArray | null;

    if ((m = raw.match(/^(\S+)\s+(in|notin)\s*\((.*)\)$/))) {
      out.push({
        key: m[1], op: m[2] as 'in' | 'notin', values: m[3].split(',').map((v) => v.trim())
      });
    } else if ((m = raw.match(/^(.+?)\s*(==|=|!=)\s*(.*)$/))) {
      out.push({
        key: m[1].trim(), op: m[2] === '!=' ? 'notin' : 'in', values: [m[3].trim()]
      });
    } else if (raw.startsWith('!')) {
      out.push({
        key: raw.slice(1).trim(), op: '!exists', values: []
      });
    } else {
      out.push({
        key: raw, op: 'exists', values: []
      });
    }
  }

  return out;
}

export function matchesLabels(labels: Record<string, string> | undefined, selector: string): boolean {
  const l = labels || {};

  return parseLabelSelector(selector).every((r) => {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);

    switch (r.op) {
    case 'exists':
      return has;
    case '!exists':
      return !has;
    case 'in':
      return has && r.values.includes(l[r.key]);
    case 'notin':
      return !has || !r.values.includes(l[r.key]);
    }

    return false;
  });
}

/** Reads a dotted path with `[key]` segments: `metadata.labels[app.kubernetes.io/name]`. */
export function readPath(obj: unknown, path: string): unknown {
  const parts: string[] = [];
  const re = /([^.[\]]+)|\[([^\]]*)\]/g;
  let m: RegExpExecArray | null;

  while ((m = re.exec(path))) {
    parts.push(m[1] ?? m[2]);
  }
  let node: unknown = obj;

  for (const part of parts) {
    if (!node || typeof node !== 'object') {
      return undefined;
    }
    node = (node as Record<string, unknown>)[part];
  }

  return node;
}

/** A Kubernetes field selector (`involvedObject.name=x,metadata.namespace!=y`). */
export function matchesFieldSelector(obj: Obj, selector: string): boolean {
  return selector.split(',').map((s) => s.trim()).filter(Boolean).every((expr) => {
    const m = expr.match(/^(.+?)(==|=|!=)(.*)$/);

    if (!m) {
      return false;
    }
    const actual = readPath(obj, m[1]);
    const value = actual === undefined || actual === null ? '' : String(actual);

    return m[2] === '!=' ? value !== m[3] : value === m[3];
  });
}

/**
 * Steve's `filter=` (without the SQL cache): each parameter is `path=value` (or `path!=value`,
 * `path~value` for a partial match); commas separate alternatives; parameters must all hold.
 */
export function matchesSteveFilters(obj: Obj, filters: string[]): boolean {
  return filters.every((param) => param.split(',').some((expr) => {
    const m = expr.match(/^(.+?)(!=|~|=)(.*)$/);

    if (!m) {
      return false;
    }
    const actual = readPath(obj, m[1].trim());
    const value = actual === undefined || actual === null ? '' : String(actual);

    if (m[2] === '~') {
      return value.includes(m[3]);
    }

    return m[2] === '!=' ? value !== m[3] : value === m[3];
  }));
}
