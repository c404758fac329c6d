/** Debian's chromium, installed with apt when missing and we are root (as in CI); otherwise a clear error. */
import fs from 'node:fs';
import { run } from './proc';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

export async function ensureChromium(logFile: string, say: (line: string) => void): Promise<string> {
  if (fs.existsSync(CHROMIUM)) {
    return CHROMIUM;
  }
  if (process.getuid?.() !== 0) {
    throw new Error(`${ CHROMIUM } is missing: install Debian's chromium (sudo apt-get install -y chromium) or set CHROMIUM`);
  }
  say('chromium: installing Debian\'s chromium with apt-get');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };

  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'chromium']]) {
    const r = await run('apt-get', args, {
      env, logFile, timeoutMs: 10 * 60 * 1000
    });

    if (r.code !== 0) {
      throw new Error(`apt-get ${ args[0] } failed (exit ${ r.code ?? r.signal }); see ${ logFile }`);
    }
  }
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`apt-get installed chromium but ${ CHROMIUM } is still missing`);
  }

  return CHROMIUM;
}
