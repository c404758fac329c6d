/**
 * Counts the distinct places in our code that throw over a generated corpus: the engine, its
 * reports and plans on generated clusters, and the CLI on generated files. A throw site is the
 * `file:line` of the topmost stack frame in `pkg/install-troubleshooting/`.
 *
 *   npx tsx test/unit/property/throw-sites.ts [runs] [seed]
 *
 * prints the figures and every site with how often it threw and one message.
 */
import fc from 'fast-check';
import { bytesOf, document, runCliOn } from './documents';
import { NOW } from './objects';
import { outputsOf, run } from './outputs';
import { anyScenario, materialise } from './scenario';

const OUR_CODE = /pkg\/install-troubleshooting\/(.+?):(\d+):\d+\)?$/;

/** `file:line` of the topmost frame in our code, or the topmost frame outside it. */
export function throwSite(e: unknown): string {
  const frames = (e instanceof Error ? e.stack || '' : '').split('\n').slice(1).map((l) => l.trim()).filter((l) => l.startsWith('at '));

  for (const frame of frames) {
    const m = OUR_CODE.exec(frame);

    if (m) {
      return `${ m[1] }:${ m[2] }`;
    }
  }

  const harness = frames.map((f) => /test\/unit\/property\/(.+?):(\d+):\d+\)?$/.exec(f)).find(Boolean);

  return `(${ frames[0] || 'no stack' } from ${ harness ? `test/unit/property/${ harness[1] }:${ harness[2] }` : 'elsewhere' })`;
}

export interface SiteCount {
  count: number;
  example: string;
}

export interface ThrowReport {
  runs: number;
  threw: number;
  sites: Map<string, SiteCount>;
}

/** Runs `attempt` on every case and collects where it threw. */
export function countThrows<T>(cases: T[], attempt: (c: T) => void): ThrowReport {
  const previousLimit = Error.stackTraceLimit;
  const sites = new Map<string, SiteCount>();
  let threw = 0;

  Error.stackTraceLimit = 100;
  try {
    for (const c of cases) {
      try {
        attempt(c);
      } catch (e) {
        const site = throwSite(e);
        const known = sites.get(site);

        threw++;
        if (known) {
          known.count++;
        } else {
          sites.set(site, { count: 1, example: `${ (e as Error)?.name }: ${ String((e as Error)?.message).slice(0, 120) }` });
        }
      }
    }
  } finally {
    Error.stackTraceLimit = previousLimit;
  }

  return {
    runs: cases.length, threw, sites
  };
}

/** The engine corpus: generated clusters through `analyze`, both reports, every plan and kubectl command. */
export function engineThrows(runs: number, seed: number): ThrowReport {
  return countThrows(fc.sample(anyScenario, { numRuns: runs, seed }), (s) => {
    outputsOf(run({ objects: materialise(s), now: NOW }));
  });
}

/** The CLI corpus: generated files through `runCli`, Markdown and JSON. */
export function cliThrows(runs: number, seed: number): ThrowReport {
  return countThrows(fc.sample(document, { numRuns: runs, seed }), (d) => {
    const { bytes } = bytesOf(d);

    for (const args of [[], ['--format', 'json']]) {
      const r = runCliOn(bytes, args);

      // the CLI catches what the engine throws and says so in one line: that is a throw all the same
      if (r.err.startsWith('report: internal error')) {
        throw new Error(`(caught by the CLI) ${ r.err.trim() }`);
      }
    }
  });
}

export function formatReport(name: string, r: ThrowReport): string {
  const lines = [...r.sites.entries()].sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]))
    .map(([site, s]) => `  ${ String(s.count).padStart(5) }  ${ site }  ${ [...s.example].map((c) => (c.charCodeAt(0) < 0x20 || (c.charCodeAt(0) >= 0x7f && c.charCodeAt(0) <= 0x9f) ? '?' : c)).join('') }`);

  return [`${ name }: ${ r.threw } of ${ r.runs } runs threw, at ${ r.sites.size } distinct sites`, ...lines].join('\n');
}

if (require.main === module) {
  const runs = Number(process.argv[2]) || 1000;
  const seed = Number(process.argv[3]) || 20250924;
  const engine = engineThrows(runs, seed);
  const cli = cliThrows(runs, seed);
  const all = new Set([...engine.sites.keys(), ...cli.sites.keys()]);

  process.stdout.write(`${ formatReport('engine', engine) }\n\n${ formatReport('cli', cli) }\n\ndistinct throw sites in all: ${ all.size } (seed ${ seed }, ${ runs } runs each)\n`);
}
