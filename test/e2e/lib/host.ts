/**
 * The Dashboard host's build (test/host/dist), made by the shell's own build and redone only
 * when its inputs change: the host folder, the shell version and the lockfile. A stamp file in
 * the output records the inputs' hash. The build takes ~2 minutes and ~4 GB.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { HOST_DIR, HOST_DIST, REPO } from './paths';
import { run } from './proc';

const STAMP = '.inputs.sha256';

function files(dir: string): string[] {
  const out: string[] = [];

  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (['node_modules', 'dist'].includes(entry.name) || entry.name.startsWith('dist.')) {
      continue;
    }
    const full = path.join(dir, entry.name);

    if (entry.isDirectory()) {
      out.push(...files(full));
    } else if (entry.isFile()) {
      out.push(full);
    }
  }

  return out.sort();
}

export function hostInputsHash(): string {
  const hash = createHash('sha256');

  for (const file of [...files(HOST_DIR), path.join(REPO, 'package-lock.json'), path.join(REPO, 'node_modules/@rancher/shell/package.json')]) {
    hash.update(path.relative(REPO, file));
    hash.update('\0');
    hash.update(fs.readFileSync(file) as unknown as Uint8Array);
    hash.update('\0');
  }

  return hash.digest('hex');
}

export function hostIsCurrent(): boolean {
  try {
    return fs.readFileSync(path.join(HOST_DIST, STAMP), 'utf8').trim() === hostInputsHash() && fs.existsSync(path.join(HOST_DIST, 'index.html'));
  } catch {
    return false;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);

    return true;
  } catch {
    return false;
  }
}

/** Remove partial builds: this process's (when it stops early) and those of processes that are gone. */
export function removePartialBuilds(): void {
  const parent = path.dirname(HOST_DIST);

  for (const name of fs.existsSync(parent) ? fs.readdirSync(parent) : []) {
    const m = name.match(/^dist\.tmp-(\d+)$/);

    if (m && (Number(m[1]) === process.pid || !alive(Number(m[1])))) {
      fs.rmSync(path.join(parent, name), { recursive: true, force: true });
    }
  }
}

/** Build the host unless the cached build matches its inputs. Returns what happened and how long it took. */
export async function ensureHost(logFile: string, say: (line: string) => void): Promise<{ built: boolean; ms: number }> {
  const started = Date.now();

  if (hostIsCurrent()) {
    say('host: cached build is current (test/host/dist)');

    return { built: false, ms: Date.now() - started };
  }
  removePartialBuilds();
  const hash = hostInputsHash();
  const tmp = `${ HOST_DIST }.tmp-${ process.pid }`;

  say(`host: building the Dashboard host with the shell's build (~2 min); log: ${ path.relative(REPO, logFile) }`);
  fs.rmSync(tmp, { recursive: true, force: true });
  const result = await run(process.execPath, [path.join(REPO, 'node_modules/@vue/cli-service/bin/vue-cli-service.js'), 'build'], {
    cwd: HOST_DIR,
    env: {
      ...process.env, OUTPUT_DIR: tmp, NODE_ENV: 'production'
    },
    logFile,
    timeoutMs: 10 * 60 * 1000
  });

  if (result.code !== 0 || !fs.existsSync(path.join(tmp, 'index.html'))) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw new Error(`the host build failed (exit ${ result.code ?? result.signal }); see ${ logFile }`);
  }
  fs.writeFileSync(path.join(tmp, STAMP), `${ hash }\n`);
  fs.rmSync(HOST_DIST, { recursive: true, force: true });
  fs.renameSync(tmp, HOST_DIST);
  say(`host: built in ${ Math.round(result.ms / 1000) } s`);

  return { built: true, ms: Date.now() - started };
}
