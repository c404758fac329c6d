/** Runs the report command in memory: files come from `readFile`, standard input is `stdin`, the clock is fixed. */
import { runCli } from '@pkg/cli/main';
import type { CliIo } from '@pkg/cli/main';
import { english } from '../engine/english';

export const CLI_NOW = '2025-09-24T10:00:00Z';

export function runInMemory(argv: string[], stdin: string | Uint8Array, readFile: CliIo['readFile'] = () => stdin): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const io: CliIo = {
    readFile,
    readStdin: () => stdin,
    stdout:    (t) => {
      out += t;
    },
    stderr: (t) => {
      err += t;
    },
    now: () => new Date(CLI_NOW),
  };

  return {
    code: runCli(argv, io, english), out, err
  };
}
