/**
 * The report command, without process I/O so that it can be tested: reads objects as
 * `kubectl get … -o json` or Steve print them and writes the Markdown or JSON report.
 */
import {
  analyze, InputError, parseJson, planAction, readObjects
} from '../engine';
import type { Translate } from '../engine';
import { jsonReport } from '../engine/report/json';
import { markdownReport } from '../engine/report/markdown';

export interface CliIo {
  readFile(path: string): string;
  readStdin(): string;
  stdout(text: string): void;
  stderr(text: string): void;
  now(): Date;
}

export const USAGE = 'usage: report <file|-> [--format markdown|json] [--now <RFC3339 time>]';

class UsageError extends Error {}

interface Options {
  file: string;
  format: 'markdown' | 'json';
  now?: Date;
}

function parseArgs(argv: string[]): Options | 'help' {
  let file: string | undefined;
  let format: Options['format'] = 'markdown';
  let now: Date | undefined;

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
        throw new UsageError(`unknown format "${ f }" (use markdown or json)`);
      }
      format = f;
    } else if (flag === '--now') {
      const v = value();

      now = new Date(v);
      if (!/^\d{4}-\d\d-\d\dT/.test(v) || Number.isNaN(now.getTime())) {
        throw new UsageError(`--now "${ v }" is not an RFC 3339 time`);
      }
    } else if (flag.startsWith('-') && flag !== '-') {
      throw new UsageError(`unknown option ${ flag }`);
    } else if (file === undefined) {
      file = arg;
    } else {
      throw new UsageError(`unexpected argument "${ arg }"`);
    }
  }
  if (file === undefined) {
    throw new UsageError('no input: give a file, or - for standard input');
  }

  return {
    file, format, now
  };
}

function readInput(io: CliIo, file: string): string {
  try {
    return file === '-' ? io.readStdin() : io.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;

    throw new InputError(`cannot read ${ file === '-' ? 'standard input' : `"${ file }"` }${ code ? ` (${ code })` : '' }`);
  }
}

/** Runs the command; returns the exit code: 0 with a report, 2 with one line on stderr. */
export function runCli(argv: string[], io: CliIo, t: Translate): number {
  try {
    const options = parseArgs(argv);

    if (options === 'help') {
      io.stdout(`${ USAGE }\n`);

      return 0;
    }
    const objects = readObjects(parseJson(readInput(io, options.file)));
    const analysis = analyze({ objects, now: options.now || io.now() });
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
    throw e;
  }
}
