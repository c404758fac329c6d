/**
 * Values that do not belong where they are put: wrong types, nulls, huge and deep values.
 * Huge and deep values are described, not built, until a scenario is materialised, so that a
 * failing case prints in a few lines and shrinks quickly.
 */
import fc from 'fast-check';
import { HTML, MARKDOWN, message, text } from './strings';

/** A value described by its shape; `materialise` builds it. */
export type Hostile =
  | { kind: 'delete' }
  | { kind: 'value'; value: unknown }
  | { kind: 'deep-array'; depth: number }
  | { kind: 'deep-object'; depth: number }
  | { kind: 'deep-json'; depth: number; array: boolean }
  | { kind: 'huge-string'; length: number; unit: string }
  | { kind: 'huge-array'; length: number; of: unknown }
  | { kind: 'proto' }
  /** What a store model may hold: a getter that throws, or a proxy that throws on every access. */
  | { kind: 'throwing-getter' }
  | { kind: 'throwing-proxy' };

/** Set where a value stands, this defines a getter that throws instead (see `setPath`). */
export const THROWING_GETTER = Symbol('throwing getter');

function throwingProxy(): unknown {
  const boom = () => {
    throw new Error('a hostile proxy was touched');
  };

  return new Proxy({}, {
    get: boom, has: boom, ownKeys: boom, getOwnPropertyDescriptor: boom, getPrototypeOf: boom
  });
}

/** Deep enough to overflow any recursive walk (V8's stack holds some 10,000 frames). */
export const DEEP = 20_000;

function deepArray(depth: number): unknown {
  let v: unknown = [];

  for (let i = 0; i < depth; i++) {
    v = [v];
  }

  return v;
}

function deepObject(depth: number): unknown {
  let v: unknown = { leaf: 'x' };

  for (let i = 0; i < depth; i++) {
    v = { a: v };
  }

  return v;
}

/** A JSON text nested `depth` levels, as a patch or a message may carry it. */
export function deepJson(depth: number, array: boolean): string {
  return array ? `${ '['.repeat(depth) }1${ ']'.repeat(depth) }` : `${ '{"a":'.repeat(depth) }1${ '}'.repeat(depth) }`;
}

/** A fresh copy of a small generated value (generators hand out the same constant each time; mutations must not share it). */
function copy(v: unknown): unknown {
  if (Array.isArray(v)) {
    return v.map(copy);
  }
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};

    for (const [k, x] of Object.entries(v)) {
      Object.defineProperty(out, k, {
        value: copy(x), enumerable: true, writable: true, configurable: true
      });
    }

    return out;
  }

  return v;
}

/** A stand-in for a deep value in an object that will be written as JSON text (JSON.stringify would overflow). */
export function deepPlaceholder(h: Hostile): string {
  return `\u0000deep:${ h.kind }:${ 'depth' in h ? h.depth : 0 }\u0000`;
}

/** Writes objects as JSON text, with deep values written out in full where their placeholders stand. */
export function toJsonText(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(/"\\u0000deep:([a-z-]+):(\d+)\\u0000"/g, (_, kind: string, depth: string) => {
    const n = Number(depth);

    return kind === 'deep-object' ? `${ '{"a":'.repeat(n) }{}${ '}'.repeat(n) }` : `${ '['.repeat(n) }${ ']'.repeat(n) }`;
  });
}

/** Builds a described value; with `asText`, deep arrays and objects become placeholders for `toJsonText`. */
export function materialise(h: Hostile, asText = false): unknown {
  if (asText && (h.kind === 'deep-array' || h.kind === 'deep-object')) {
    return deepPlaceholder(h);
  }
  if (asText && (h.kind === 'throwing-getter' || h.kind === 'throwing-proxy')) {
    // a file holds no getters
    return 'x';
  }
  switch (h.kind) {
  case 'delete':
    return undefined;
  case 'value':
    return copy(h.value);
  case 'deep-array':
    return deepArray(h.depth);
  case 'deep-object':
    return deepObject(h.depth);
  case 'deep-json':
    return deepJson(h.depth, h.array);
  case 'huge-string':
    return h.unit.repeat(Math.ceil(h.length / Math.max(1, h.unit.length)));
  case 'huge-array':
    return Array.from({ length: h.length }, () => copy(h.of));
  case 'throwing-getter':
    return THROWING_GETTER;
  case 'throwing-proxy':
    return throwingProxy();
  case 'proto':
    // what JSON.parse makes of a "__proto__" key: an own property, not the prototype
    return JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"toString":"x"}');
  }
}

/** A small value of any JSON type (and the few non-JSON numbers a store may hold). */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 2 ** 53 + 2, -0, NaN, Infinity, -Infinity, '', ' ', '0', 'True', 'False', [], {}, [null], [[]], [{}]),
  fc.integer(),
  text,
  fc.array(fc.constantFrom(...HTML, ...MARKDOWN), { minLength: 1, maxLength: 3 }),
  fc.array(message, { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('type', 'status', 'name', 'message', 'reason', 'kind', '__proto__', 'toString', 'valueOf'), fc.oneof(text, fc.integer(), fc.constant(null)), { maxKeys: 3 }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Any hostile value: mostly small wrong values, sometimes huge or deep ones. */
export const hostile: fc.Arbitrary<Hostile> = fc.oneof(
  { weight: 4, arbitrary: fc.constant<Hostile>({ kind: 'delete' }) },
  { weight: 20, arbitrary: wrongValue.map((value): Hostile => ({ kind: 'value', value })) },
  { weight: 1, arbitrary: fc.constant<Hostile>({ kind: 'proto' }) },
  { weight: 1, arbitrary: fc.constantFrom<Hostile>({ kind: 'throwing-getter' }, { kind: 'throwing-proxy' }) },
  { weight: 1, arbitrary: fc.constantFrom(64, 2_000, DEEP).map((depth): Hostile => ({ kind: 'deep-array', depth })) },
  { weight: 1, arbitrary: fc.constantFrom(64, 2_000, DEEP).map((depth): Hostile => ({ kind: 'deep-object', depth })) },
  {
    weight:    1,
    arbitrary: fc.tuple(fc.constantFrom(64, 2_000, DEEP), fc.boolean()).map(([depth, array]): Hostile => ({
      kind: 'deep-json', depth, array
    }))
  },
  {
    weight:    1,
    arbitrary: fc.tuple(fc.constantFrom(10_000, 300_000), fc.constantFrom('a', '`', '|', '<img src=x onerror=alert(1)>', '\u202e', '\n')).map(([length, unit]): Hostile => ({
      kind: 'huge-string', length, unit
    }))
  },
  {
    weight:    1,
    arbitrary: fc.tuple(fc.constantFrom(1_000, 20_000), fc.constantFrom<unknown>(null, 'x', { type: 'Ready', status: 'False' }, [])).map(([length, of]): Hostile => ({
      kind: 'huge-array', length, of
    }))
  },
);

/** Hostile values without the huge and deep ones, for properties about content rather than robustness. */
export const mildHostile: fc.Arbitrary<Hostile> = fc.oneof(
  { weight: 1, arbitrary: fc.constant<Hostile>({ kind: 'delete' }) },
  { weight: 5, arbitrary: wrongValue.map((value): Hostile => ({ kind: 'value', value })) },
);
