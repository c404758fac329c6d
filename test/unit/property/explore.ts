/**
 * Runs every property on many more cases than `npm test` does and lists each distinct way it
 * fails (not only the first), with how often and the smallest input seen for it:
 *
 *   npx tsx test/unit/property/explore.ts [runs per property] [seed] [name filter]
 */
import fc from 'fast-check';
import * as all from './properties';
import type { Property } from './properties';
import { preview } from './run';

/** A failure message without the names and numbers that differ from case to case. */
function shapeOf(message: string): string {
  return message
    .replace(/"(?:[^"\\]|\\.)*"/g, '"…"')
    .replace(/`[^`]*`/g, '`…`')
    .replace(/…[\s\S]*…/, '…')
    .replace(/\b(?:[\w.-]+\/)+[\w.-]+\b/g, 'X/Y')
    .replace(/\d+/g, 'N')
    .slice(0, 160);
}

interface Seen {
  count: number;
  message: string;
  example: string;
}

function explore<T>(p: Property<T>, runs: number, seed: number): Map<string, Seen> {
  const seen = new Map<string, Seen>();

  for (const value of fc.sample(p.arb, { numRuns: runs, seed })) {
    try {
      p.predicate(value);
    } catch (e) {
      if (fc.PreconditionFailure.isFailure(e)) {
        continue;
      }
      const error = e as Error;
      const message = `${ error?.name }: ${ String(error?.message).slice(0, 2000) }`;
      const key = shapeOf(message);
      let example = '';

      try {
        example = preview(p.show(value));
      } catch (err) {
        example = `(cannot show: ${ (err as Error).message })`;
      }
      const known = seen.get(key);

      if (!known) {
        seen.set(key, {
          count: 1, message, example
        });
      } else {
        known.count++;
        if (example.length < known.example.length) {
          known.message = message;
          known.example = example;
        }
      }
    }
  }

  return seen;
}

/** Each property with its own type kept, behind one signature. */
function entry<T>(p: Property<T>) {
  return { name: p.name, explore: (runs: number, seed: number) => explore(p, runs, seed) };
}

const PROPERTIES = [
  entry(all.neverThrows), entry(all.everyObjectAnItem), entry(all.verdictIsWorst), entry(all.unreadIsNotOk), entry(all.unreadAloneIsUnknown),
  entry(all.englishForEveryMessage), entry(all.safePlans), entry(all.safePlansAnywhere), entry(all.noSecretLeaks), entry(all.noSecretLeaksAnywhere),
  entry(all.markdownIsInert), entry(all.markdownIsInertHarvester), entry(all.cliNeverThrows), entry(all.cliContainersAlike), entry(all.cliEncodingsAlike), entry(all.cliTypes),
];

if (require.main === module) {
  const runs = Number(process.argv[2]) || 500;
  const seed = Number(process.argv[3]) || 1;
  const filter = process.argv[4] || '';

  for (const p of PROPERTIES.filter((e) => e.name.includes(filter))) {
    const seen = p.explore(runs, seed);

    process.stdout.write(`\n## ${ p.name }: ${ seen.size ? `${ seen.size } distinct failures` : 'holds' } (${ runs } cases, seed ${ seed })\n`);
    for (const [, s] of [...seen.entries()].sort((a, b) => b[1].count - a[1].count)) {
      process.stdout.write(`- ${ s.count }× ${ s.message.slice(0, 400).replace(/\s+/g, ' ') }\n  smallest input: ${ s.example.slice(0, 1500) }\n`);
    }
  }
}
