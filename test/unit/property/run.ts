/**
 * How the properties run: one fixed seed (override with FC_SEED to replay or to explore),
 * printed with every failure, and a count of the objects each file generated.
 */
import fc from 'fast-check';

const DEFAULT_SEED = 20250924;

function seedFromEnv(): number {
  const raw = process.env.FC_SEED;
  const n = raw === undefined ? NaN : Number(raw);

  return Number.isInteger(n) ? n : DEFAULT_SEED;
}

export const SEED = seedFromEnv();

/** Runs per property: FC_RUNS multiplies them (e.g. 10 for a long local search). */
const SCALE = Math.max(1, Number(process.env.FC_RUNS) || 1);

let generated = 0;

/** Counts objects handed to the engine or the CLI by this test file. */
export function count(objects: number): void {
  generated += objects;
}

export function generatedCount(): number {
  return generated;
}

/**
 * Checks a property with the fixed seed; on failure the error names the seed and fast-check's
 * replay path, so `FC_SEED=<seed> npm test -- -t '<name>'` shows the same counter-example.
 */
export function check<T>(arb: fc.Arbitrary<T>, predicate: (value: T) => boolean | void, numRuns: number, show?: (value: T) => unknown): void {
  const details = fc.check(fc.property(arb, predicate), { seed: SEED, numRuns: numRuns * SCALE });

  if (details.failed) {
    const error = details.errorInstance as Error | undefined;
    const where = (error?.stack || '').split('\n').find((l) => /^\s+at /.test(l))?.trim() || '';
    const shown = show && details.counterexample ? `\nas input: ${ clip(safely(() => preview(show(details.counterexample?.[0] as T)))) }` : '';

    throw new Error(`property failed with FC_SEED=${ SEED } (path ${ details.counterexamplePath })\n` +
      `${ error?.name || 'Error' }: ${ clip(error?.message || String(error)) } ${ where }${ shown }\n${ fc.defaultReportMessage(details) }`);
  }
}

/** JSON of a value, cut at a depth so that deep or huge values print in a few lines. */
export function preview(value: unknown, depth = 12): string {
  const cut = (v: unknown, d: number): unknown => {
    if (typeof v === 'string') {
      return v.length > 200 ? `${ v.slice(0, 200) }…(${ v.length })` : v;
    }
    if (!v || typeof v !== 'object') {
      return v;
    }
    if (d >= depth) {
      return '…';
    }
    try {
      if (Array.isArray(v)) {
        return [...v.slice(0, 20).map((x) => cut(x, d + 1)), ...(v.length > 20 ? [`…(${ v.length })`] : [])];
      }

      return Object.fromEntries(Object.entries(Object.getOwnPropertyDescriptors(v)).map(([k, p]) => [k, 'value' in p ? cut(p.value, d + 1) : '(a getter)']));
    } catch {
      return '(a proxy that throws)';
    }
  };

  return JSON.stringify(cut(value, 0));
}

function safely(f: () => string): string {
  try {
    return f();
  } catch (e) {
    return `(cannot be shown: ${ (e as Error)?.message })`;
  }
}

function clip(text: string, max = 4000): string {
  return text.length > max ? `${ text.slice(0, max) }… (${ text.length } characters)` : text;
}

/** Fails the property with a readable reason. */
export function fail(reason: string): never {
  throw new Error(reason);
}

/** Checks one of the properties in `properties.ts`. */
export function checkProperty<T>(p: { arb: fc.Arbitrary<T>; predicate: (value: T) => void; runs: number; show: (value: T) => unknown }): void {
  check(p.arb, p.predicate, p.runs, p.show);
}
