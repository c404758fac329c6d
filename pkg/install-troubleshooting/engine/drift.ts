/**
 * Drift that Fleet reports (`modifiedStatus`, `nonReadyStatus`) as readable lines: which
 * object, which field paths change, and the new values — except values that must never be
 * shown: anything in a Secret, and chart values (`valuesContent`, `chartContent`, `values`).
 */
import type { ModifiedStatus, NonReadyStatus } from '../types';
import type { DriftChange, DriftLine } from './model';

/** Keys whose values are never shown, wherever they appear. */
const SECRET_KEYS = new Set(['valuesContent', 'chartContent', 'values', 'stagedValues']);

const MASK = '***';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isSecret(o: { apiVersion?: string; kind?: string }): boolean {
  return (o.kind || '').toLowerCase() === 'secret' && (!o.apiVersion || o.apiVersion === 'v1');
}

function segment(key: string): string {
  return /^[A-Za-z_$][\w$-]*$/.test(key) ? `.${ key }` : `[${ JSON.stringify(key) }]`;
}

function flatten(value: Json, path: string, hide: boolean, out: DriftChange[]): void {
  if (Array.isArray(value)) {
    if (!value.length) {
      out.push(hide ? { path, hidden: true } : { path, value: '[]' });
    }
    value.forEach((el, i) => {
      const named = el && typeof el === 'object' && !Array.isArray(el) && typeof el.name === 'string' ? el.name : undefined;

      if (named !== undefined && el && typeof el === 'object' && !Array.isArray(el)) {
        const rest = Object.entries(el).filter(([k]) => k !== 'name');
        const base = `${ path }[name=${ named }]`;

        if (!rest.length) {
          out.push({ path: base, value: JSON.stringify(named) });
        }
        for (const [k, v] of rest) {
          flatten(v, `${ base }${ segment(k) }`, hide || SECRET_KEYS.has(k), out);
        }
      } else {
        flatten(el, `${ path }[${ i }]`, hide, out);
      }
    });

    return;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);

    if (!entries.length) {
      out.push(hide ? { path, hidden: true } : { path, value: '{}' });
    }
    for (const [k, v] of entries) {
      flatten(v, path ? `${ path }${ segment(k) }` : k, hide || SECRET_KEYS.has(k), out);
    }

    return;
  }
  out.push(hide ? { path, hidden: true } : { path, value: JSON.stringify(value) });
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
    return [hideValues ? { path: '(patch)', hidden: true } : { path: '(patch)', value: patch }];
  }
  const out: DriftChange[] = [];

  flatten(parsed, '', hideValues, out);

  return out.map((c) => ({ ...c, path: c.path.replace(/^\./, '') || '(patch)' }));
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
    messages:   (n.summary?.message || []).map(redactMessage),
  };
}

/** Replaces every leaf value of a JSON value by the mask, keeping its keys. */
function maskJson(value: Json): Json {
  if (Array.isArray(value)) {
    return value.map(maskJson);
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskJson(v)]));
  }

  return MASK;
}

/** The index just past the JSON value that starts with `{` at `start`, or the text's end when it is cut off. */
function endOfJsonObject(text: string, start: number): number {
  let depth = 0;
  let inString = false;

  for (let i = start; i < text.length; i++) {
    const c = text[i];

    if (inString) {
      if (c === '\\') {
        i++;
      } else if (c === '"') {
        inString = false;
      }
    } else if (c === '"') {
      inString = true;
    } else if (c === '{' || c === '[') {
      depth++;
    } else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) {
        return i + 1;
      }
    }
  }

  return text.length;
}

const SECRET_PATCH = /\bsecrets?(?:\.v1)?\s+\S+\s+modified\s+(?=\{)/gi;

/**
 * Removes Secret values from a message in which Fleet repeats a patch
 * (`secret.v1 ns/name modified {"data":{…}}`): the keys stay, the values become `***`.
 */
export function redactMessage(message: string): string {
  let out = '';
  let from = 0;

  SECRET_PATCH.lastIndex = 0;
  for (let m = SECRET_PATCH.exec(message); m; m = SECRET_PATCH.exec(message)) {
    const start = m.index + m[0].length;
    const end = endOfJsonObject(message, start);
    let masked: string;

    try {
      masked = JSON.stringify(maskJson(JSON.parse(message.slice(start, end)) as Json));
    } catch {
      masked = `{${ MASK }}`;
    }
    out += message.slice(from, start) + masked;
    from = end;
    SECRET_PATCH.lastIndex = end;
  }

  return out + message.slice(from);
}
