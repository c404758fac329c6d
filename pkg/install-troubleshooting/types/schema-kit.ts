/**
 * The pieces the resource schemas are made of. Every object the engine reads passes these
 * once, at its entrance: a field of the wrong type becomes absent (and its path is noted), an
 * array or map loses only its bad elements, `null` means absent, and text is cut to a size a
 * report can carry. The schemas keep only the fields the engine uses, so the parsed objects are
 * plain data whatever came in (a store model, a proxy, a file).
 */
import * as v from 'valibot';

/** Longest text kept from a field; the rest is cut and marked with an ellipsis. */
export const MAX_TEXT = 16 * 1024;
/** Fleet's patches are parsed for drift, so they are kept longer. */
export const MAX_PATCH = 1024 * 1024;

let sink: Set<string> | null = null;

function drop(path: string): void {
  sink?.add(path);
}

/** Runs a parse and returns the field paths its schemas dropped, in the order first seen. */
export function collectDropped<T>(parse: () => T): { value: T; dropped: string[] } {
  const outer = sink;
  const mine = new Set<string>();

  sink = mine;
  try {
    return { value: parse(), dropped: [...mine] };
  } finally {
    sink = outer;
  }
}

export function isRecord(x: unknown): x is Record<string, unknown> {
  return !!x && typeof x === 'object' && !Array.isArray(x);
}

/** An optional field: `null`, `undefined` and any value the schema refuses become absent; a refusal is noted. */
export function opt<S extends v.GenericSchema>(schema: S, path: string) {
  return v.optional(v.fallback(
    v.pipe(v.nullish(schema), v.transform((x): v.InferOutput<S> | undefined => x ?? undefined)),
    () => {
      drop(path);

      return undefined;
    },
  ));
}

function cut(max: number) {
  return v.transform((s: string) => (s.length > max ? `${ s.slice(0, max) }…` : s));
}

export const text = (path: string, max = MAX_TEXT) => opt(v.pipe(v.string(), cut(max)), path);
export const num = (path: string) => opt(v.pipe(v.number(), v.finite()), path);
export const bool = (path: string) => opt(v.boolean(), path);

/** An object with these fields; anything else (an array, a string) is refused. */
export function record<E extends v.ObjectEntries>(entries: E) {
  return v.pipe(v.custom<Record<string, unknown>>(isRecord), v.object(entries));
}

export const obj = <E extends v.ObjectEntries>(entries: E, path: string) => opt(record(entries), path);

/** An array whose elements that do not fit the schema are left out one by one (and noted). */
export function list<S extends v.GenericSchema>(item: S, path: string) {
  return opt(v.pipe(v.array(v.unknown()), v.transform((arr: unknown[]) => {
    const out: v.InferOutput<S>[] = [];

    for (const x of arr) {
      const r = v.safeParse(item, x);

      if (r.success) {
        out.push(r.output);
      } else {
        drop(`${ path }[]`);
      }
    }

    return out;
  })), path);
}

/** A map of strings (labels, annotations, links); entries of another type are left out. */
export function strings(path: string) {
  return opt(v.pipe(v.custom<Record<string, unknown>>(isRecord), v.transform((o: Record<string, unknown>) => {
    const out: Record<string, string> = {};

    for (const [k, x] of Object.entries(o)) {
      if (k === '__proto__') {
        continue;
      }
      if (typeof x === 'string') {
        out[k] = x.length > MAX_TEXT ? `${ x.slice(0, MAX_TEXT) }…` : x;
      } else if (x !== null && x !== undefined) {
        drop(`${ path }.*`);
      }
    }

    return out;
  })), path);
}

/** A map of objects of one schema (e.g. Upgrade `nodeStatuses`); bad entries are left out. */
export function mapOf<S extends v.GenericSchema>(item: S, path: string) {
  return opt(v.pipe(v.custom<Record<string, unknown>>(isRecord), v.transform((o: Record<string, unknown>) => {
    const out: Record<string, v.InferOutput<S>> = {};

    for (const [k, x] of Object.entries(o)) {
      const r = k === '__proto__' ? undefined : v.safeParse(item, x);

      if (r?.success) {
        out[k] = r.output;
      } else {
        drop(`${ path }.*`);
      }
    }

    return out;
  })), path);
}

/** A value kept as it is and never walked by a schema: chart values, selectors. The engine only asks whether it is there. */
export const opaque = () => v.optional(v.unknown());
