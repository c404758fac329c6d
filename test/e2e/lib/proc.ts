/** Child processes that always end: own process group, a time limit, and a kill of the whole group. */
import { spawn } from 'node:child_process';
import type { SpawnOptions } from 'node:child_process';
import fs from 'node:fs';

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  ms: number;
}

const running = new Set<number>();

/** Kill every process group started here (used on SIGINT/SIGTERM and at exit). */
export function killAll(): void {
  for (const pid of running) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {}
  }
  running.clear();
}

/** Run a command in its own process group, output to `logFile`; kill the group after `timeoutMs`. */
export function run(command: string, args: string[], opts: SpawnOptions & { logFile: string; timeoutMs: number }): Promise<RunResult> {
  const started = Date.now();
  const out = fs.openSync(opts.logFile, 'a');

  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      ...opts, detached: true, stdio: ['ignore', out, out]
    });
    const pid = child.pid as number;

    running.add(pid);
    const timer = setTimeout(() => {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {}
    }, opts.timeoutMs);

    child.on('error', (e) => {
      clearTimeout(timer);
      running.delete(pid);
      fs.closeSync(out);
      reject(e);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      running.delete(pid);
      // Anything the command left behind in its group goes too
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {}
      fs.closeSync(out);
      resolve({
        code, signal, ms: Date.now() - started
      });
    });
  });
}
