/**
 * The report command, without process I/O so that it can be tested: reads objects as
 * `kubectl get … -o json` or Steve print them and writes the Markdown or JSON report.
 */
import {
  analyze, InputError, parseJson, planAction, readInput as readDocument
} from '../engine';
import type { Translate } from '../engine';
import { KUBECTL_RESOURCES } from '../engine/kubectl';
import { TYPES } from '../types';
import type { SteveType } from '../types';
import { decodeText, printable } from './decode';
import { jsonReport } from '../engine/report/json';
import { markdownReport } from '../engine/report/markdown';

export interface CliIo {
  readFile(path: string): string | Uint8Array;
  readStdin(): string | Uint8Array;
  stdout(text: string): void;
  stderr(text: string): void;
  now(): Date;
}

export const USAGE = 'usage: report <file|-> [--format markdown|json] [--now <RFC3339 time>] [--types <kubectl types, comma-separated>]';

/** Other names kubectl accepts for a type, besides its full name (`KUBECTL_RESOURCES`) and its Steve id. */
const ALIASES: Partial<Record<SteveType, string[]>> = {
  [TYPES.HELM_CHART]:        ['helmcharts', 'helmchart'],
  [TYPES.JOB]:               ['jobs.batch', 'job'],
  [TYPES.POD]:               ['pod', 'po'],
  [TYPES.EVENT]:             ['event', 'ev'],
  [TYPES.NODE]:              ['node', 'no'],
  [TYPES.MANAGED_CHART]:     ['managedcharts', 'managedchart'],
  [TYPES.BUNDLE]:            ['bundles', 'bundle'],
  [TYPES.BUNDLE_DEPLOYMENT]: ['bundledeployments', 'bundledeployment'],
  [TYPES.UPGRADE]:           ['upgrades', 'upgrade'],
};

const BY_NAME = new Map<string, SteveType>((Object.entries(KUBECTL_RESOURCES) as [SteveType, string][])
  .flatMap(([type, name]) => [type, name, ...(ALIASES[type] || [])].map((n) => [n, type])));

function typeOfName(name: string): SteveType | undefined {
  return BY_NAME.get(name.trim().toLowerCase());
}

class UsageError extends Error {}

interface Options {
  file: string;
  format: 'markdown' | 'json';
  now?: Date;
  /** The types that were asked for (`--types`): each is read, even with no objects. */
  types?: SteveType[];
}

function parseArgs(argv: string[]): Options | 'help' {
  let file: string | undefined;
  let format: Options['format'] = 'markdown';
  let now: Date | undefined;
  let types: SteveType[] | undefined;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];

      if (v === undefined) {
        throw new UsageError(`${ flag } needs a value`);
      }

      return v;
    };

    if (flag === '--help' || flag === '-h') {
      return 'help';
    } else if (flag === '--format') {
      const f = value();

      if (f !== 'markdown' && f !== 'json') {
        throw new UsageError(`unknown format "${ printable(f) }" (use markdown or json)`);
      }
      format = f;
    } else if (flag === '--now') {
      const v = value();

      now = new Date(v);
      if (!/^\d{4}-\d\d-\d\dT/.test(v) || Number.isNaN(now.getTime())) {
        throw new UsageError(`--now "${ printable(v) }" is not an RFC 3339 time`);
      }
    } else if (flag === '--types') {
      types = [];
      for (const name of value().split(',').filter((n) => n.trim())) {
        const type = typeOfName(name);

        // a type we do not examine (secrets, configmaps) may be collected too: it is simply not needed
        if (type) {
          types.push(type);
        } else if (!/^[\w.-]+$/.test(name.trim())) {
          throw new UsageError(`--types: "${ printable(name) }" is not a type name`);
        }
      }
    } else if (flag.startsWith('-') && flag !== '-') {
      throw new UsageError(`unknown option ${ printable(flag) }`);
    } else if (file === undefined) {
      file = arg;
    } else {
      throw new UsageError(`unexpected argument "${ printable(arg) }"`);
    }
  }
  if (file === undefined) {
    throw new UsageError('no input: give a file, or - for standard input');
  }

  return {
    file, format, now, types
  };
}

function readInput(io: CliIo, file: string): string {
  let bytes: string | Uint8Array;

  try {
    bytes = file === '-' ? io.readStdin() : io.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;

    throw new InputError(`cannot read ${ file === '-' ? 'standard input' : `"${ printable(file) }"` }${ typeof code === 'string' ? ` (${ printable(code) })` : '' }`);
  }

  return decodeText(bytes);
}

/** Runs the command; returns the exit code: 0 with a report, 2 with one line on stderr. */
export function runCli(argv: string[], io: CliIo, t: Translate): number {
  try {
    const options = parseArgs(argv);

    if (options === 'help') {
      io.stdout(`${ USAGE }\n`);

      return 0;
    }
    const { objects, collections } = readDocument(parseJson(readInput(io, options.file)));
    // what was asked for is read, even when empty; without --types, what the input shows was read
    const fromCollections = collections.map(typeOfName).filter((t): t is SteveType => !!t);
    const listed = options.types ? [...options.types, ...fromCollections] : undefined;
    const analysis = analyze({
      objects, now: options.now || io.now(), listed: listed && new Set(listed)
    });
    const d = analysis.diagnosis;

    io.stdout(options.format === 'json' ? `${ JSON.stringify(jsonReport(d, t), null, 2) }\n` : markdownReport(d, t, (item, action) => planAction(analysis, item, action)?.confirm));

    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`report: ${ e.message }\n${ USAGE }\n`);

      return 2;
    }
    if (e instanceof InputError) {
      io.stderr(`report: ${ e.message }\n`);

      return 2;
    }
    // never a stack trace: one line, and the exit code of a failed report
    io.stderr(`report: internal error (${ printable(String((e as Error)?.message ?? e), 200) }); please report it\n`);

    return 2;
  }
}
