/**
 * Drift that Fleet reports (`modifiedStatus`, `nonReadyStatus`) as readable lines: which
 * object, which field paths change, and the new values — except values that must never be
 * shown: anything in a Secret (whatever the spelling of its kind and apiVersion), and chart
 * values (`valuesContent`, `chartContent`, `values`, `stagedValues`) with everything under them,
 * name-keyed array elements included. The patch is walked without recursion, so no depth of
 * nesting can stop it; very deep or very long patches are cut, and the cut is said.
 */
import type { ModifiedStatus, NonReadyStatus } from '../types';
import type { DriftChange, DriftLine } from './model';

/** Keys whose values are never shown, wherever they appear. */
const SECRET_KEYS = new Set(['valuesContent', 'chartContent', 'values', 'stagedValues']);

/** Past this depth a patch is summarised by the path it reached. */
const MAX_DEPTH = 64;
/** At most this many changes per object. */
const MAX_CHANGES = 500;
/** Longest key or value shown. */
const MAX_SHOWN = 2048;

/** The path of a change that was cut because the patch is too deep or too long. */
export const CUT = '…';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A Secret, however its kind and apiVersion are spelled (`Secret`, `secrets`, `v1`, `core/v1`, none). */
export function isSecret(o: { kind?: string }): boolean {
  return /^\s*secrets?\s*$/i.test(o.kind || '');
}

function shown(s: string): string {
  return s.length > MAX_SHOWN ? `${ s.slice(0, MAX_SHOWN) }…` : s;
}

function segment(key: string): string {
  return /^[A-Za-z_$][\w$-]*$/.test(key) ? `.${ key }` : `[${ JSON.stringify(shown(key)) }]`;
}

function isObject(v: Json): v is { [key: string]: Json } {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

interface Frame {
  value: Json;
  path: string;
  hide: boolean;
  depth: number;
}

function leaf(path: string, value: string, hide: boolean): DriftChange {
  return hide ? { path, hidden: true } : { path, value: shown(value) };
}

/** The field paths of a JSON value with, unless hidden, their values; in document order. */
function flatten(root: Json, hideAll: boolean): DriftChange[] {
  const out: DriftChange[] = [];
  const stack: Frame[] = [{
    value: root, path: '', hide: hideAll, depth: 0
  }];

  while (stack.length) {
    if (out.length >= MAX_CHANGES) {
      out.push({ path: CUT, hidden: true });
      break;
    }
    const {
      value, path, hide, depth
    } = stack.pop() as Frame;
    const children: Frame[] = [];

    if (depth > MAX_DEPTH && value && typeof value === 'object') {
      out.push({ path: `${ path }${ CUT }`, hidden: true });
      continue;
    }
    if (Array.isArray(value)) {
      if (!value.length) {
        out.push(leaf(path, '[]', hide));
      }
      value.forEach((el, i) => {
        // an element named by its `name` shows the name in its path, unless it is hidden too
        const named = !hide && isObject(el) && typeof el.name === 'string' ? el.name : undefined;

        if (named === undefined || !isObject(el)) {
          children.push({
            value: el, path: `${ path }[${ i }]`, hide, depth: depth + 1
          });

          return;
        }
        const base = `${ path }[name=${ shown(named) }]`;
        const rest = Object.keys(el).filter((k) => k !== 'name');

        if (!rest.length) {
          children.push({
            value: named, path: base, hide, depth: depth + 1
          });
        }
        for (const k of rest) {
          children.push({
            value: el[k], path: `${ base }${ segment(k) }`, hide: SECRET_KEYS.has(k), depth: depth + 1
          });
        }
      });
    } else if (isObject(value)) {
      const keys = Object.keys(value);

      if (!keys.length) {
        out.push(leaf(path, '{}', hide));
      }
      for (const k of keys) {
        children.push({
          value: value[k], path: path ? `${ path }${ segment(k) }` : shown(k), hide: hide || SECRET_KEYS.has(k), depth: depth + 1
        });
      }
    } else {
      out.push(leaf(path, JSON.stringify(value) ?? 'null', hide));
    }
    // the stack is last in, first out: push the children backwards to keep the document order
    for (let i = children.length - 1; i >= 0; i--) {
      stack.push(children[i]);
    }
  }

  return out;
}

/** The field paths (and, unless hidden, new values) of a JSON merge patch. */
export function patchChanges(patch: string | undefined, hideValues: boolean): DriftChange[] {
  if (!patch) {
    return [];
  }
  let parsed: Json;

  try {
    parsed = JSON.parse(patch) as Json;
  } catch {
    // a patch that cannot be read (cut off, or not JSON) cannot be walked for what to hide: it is never shown
    return [{ path: '(patch)', hidden: true }];
  }

  return flatten(parsed, hideValues).map((c) => ({ ...c, path: c.path.replace(/^\./, '') || '(patch)' }));
}

export function driftFromModified(m: ModifiedStatus): DriftLine {
  const base = {
    apiVersion: m.apiVersion, kind: m.kind, namespace: m.namespace, name: m.name
  };

  if (m.missing) {
    return {
      ...base, change: m.exist ? 'not-owned' : 'missing', changes: []
    };
  }
  if (m.delete) {
    return {
      ...base, change: 'extra', changes: []
    };
  }

  return {
    ...base, change: 'modified', changes: patchChanges(m.patch, isSecret(m))
  };
}

export function driftFromNonReady(n: NonReadyStatus): DriftLine {
  return {
    apiVersion: n.apiVersion,
    kind:       n.kind,
    namespace:  n.namespace,
    name:       n.name,
    change:     'not-ready',
    changes:    [],
    state:      n.summary?.state,
    messages:   n.summary?.message || [],
  };
}
