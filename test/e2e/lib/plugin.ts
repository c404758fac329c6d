/**
 * The built extension the simulator serves (the artifact users install). It is rebuilt with the
 * project's own `npm run build-pkg` when missing or older than its sources.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PKG_NAME, REPO } from './paths';
import { run } from './proc';

function newest(dir: string): number {
  let t = 0;

  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (['node_modules', '.shell'].includes(entry.name)) {
      continue;
    }
    const full = path.join(dir, entry.name);

    t = Math.max(t, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }

  return t;
}

export function builtPlugin(): { version: string; dir: string; main: string } {
  const version = JSON.parse(fs.readFileSync(path.join(REPO, 'pkg', PKG_NAME, 'package.json'), 'utf8')).version;
  const dir = path.join(REPO, 'dist-pkg', `${ PKG_NAME }-${ version }`);

  return {
    version, dir, main: path.join(dir, `${ PKG_NAME }-${ version }.umd.min.js`)
  };
}

export async function ensurePlugin(logFile: string, say: (line: string) => void): Promise<{ built: boolean; ms: number }> {
  const started = Date.now();
  const { main } = builtPlugin();

  if (fs.existsSync(main) && fs.statSync(main).mtimeMs >= newest(path.join(REPO, 'pkg', PKG_NAME))) {
    say(`extension: ${ path.relative(REPO, main) } is current`);

    return { built: false, ms: Date.now() - started };
  }
  say('extension: building with npm run build-pkg');
  const result = await run('npm', ['run', 'build-pkg', PKG_NAME], {
    cwd: REPO, env: process.env, logFile, timeoutMs: 5 * 60 * 1000
  });

  if (result.code !== 0 || !fs.existsSync(main)) {
    throw new Error(`build-pkg failed (exit ${ result.code ?? result.signal }); see ${ logFile }`);
  }

  return { built: true, ms: Date.now() - started };
}
