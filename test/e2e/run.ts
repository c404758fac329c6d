/**
 * The end-to-end suite: the real Dashboard (the host built from @rancher/shell) in Debian's
 * Chromium, loading our BUILT extension at runtime through /v1/uiplugins from the simulator.
 *
 *   npm run test:e2e [-- --grep <regexp>]
 *
 * Builds what is missing (the extension with build-pkg; the host with the shell's build, cached
 * in test/host/dist by its inputs), installs chromium with apt when it is missing and we are
 * root, then runs every test in order. Screenshots, request logs and console logs go to
 * test-results/e2e/. Exits non-zero when a test fails; everything it starts stops with it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Simulator } from '../sim/server';
import { ensureChromium } from './lib/chromium';
import { runTest } from './lib/harness';
import type { E2ETest, TestResult } from './lib/harness';
import { ensureHost, removePartialBuilds } from './lib/host';
import { HOST_DIST, OUTPUT, REPO } from './lib/paths';
import { ensurePlugin } from './lib/plugin';
import { killAll } from './lib/proc';
import { TESTS } from './tests';

const WHOLE_RUN_LIMIT_MS = 14 * 60 * 1000;

function say(line: string): void {
  process.stdout.write(`${ line }\n`);
}

function seconds(ms: number): string {
  return `${ (ms / 1000).toFixed(1) } s`;
}

async function main(): Promise<number> {
  const started = Date.now();
  const grepAt = process.argv.indexOf('--grep');
  const grep = grepAt >= 0 ? new RegExp(process.argv[grepAt + 1], 'i') : undefined;
  const tests: E2ETest[] = TESTS.filter((t) => !grep || grep.test(t.name));

  fs.rmSync(OUTPUT, { recursive: true, force: true });
  fs.mkdirSync(OUTPUT, { recursive: true });
  const chromium = await ensureChromium(path.join(OUTPUT, 'apt.log'), say);
  const plugin = await ensurePlugin(path.join(OUTPUT, 'build-pkg.log'), say);
  const host = await ensureHost(path.join(OUTPUT, 'host-build.log'), say);
  const sim = new Simulator({ staticDir: HOST_DIST, plugins: process.env.SIM_PLUGINS || 'dist-pkg:dist-pkg' });

  await sim.start();
  say(`simulator: ${ sim.url }; ${ tests.length } tests`);
  const results: TestResult[] = [];
  const testsStarted = Date.now();

  try {
    for (const [i, test] of tests.entries()) {
      if (Date.now() - started > WHOLE_RUN_LIMIT_MS) {
        results.push({
          name: test.name, ok: false, ms: 0, error: 'not run: the whole e2e run exceeded its time limit', screenshots: [], notes: [], consoleErrors: []
        });
        continue;
      }
      const r = await runTest(test, i, sim, chromium);

      results.push(r);
      say(`${ r.ok ? 'ok  ' : 'FAIL' } ${ String(i + 1).padStart(2) } ${ test.name } (${ seconds(r.ms) })`);
      for (const n of r.notes) {
        say(`       ${ n }`);
      }
      if (!r.ok) {
        say(`       ${ (r.error || '').split('\n').slice(0, 6).join('\n       ') }`);
      }
    }
  } finally {
    await sim.close();
  }
  const failed = results.filter((r) => !r.ok);
  const summary = {
    ok:      failed.length === 0,
    tests:   results.length,
    failed:  failed.map((r) => r.name),
    timings: {
      totalMs: Date.now() - started, testsMs: Date.now() - testsStarted, hostBuild: host, pluginBuild: plugin
    },
    results,
  };

  fs.writeFileSync(path.join(OUTPUT, 'summary.json'), `${ JSON.stringify(summary, null, 2) }\n`);
  say(`e2e: ${ results.length - failed.length }/${ results.length } passed in ${ seconds(Date.now() - started) } (host ${ host.built ? `built in ${ seconds(host.ms) }` : 'cached' }, tests ${ seconds(Date.now() - testsStarted) }); output in ${ path.relative(REPO, OUTPUT) }/`);

  // the plain closing line CI reads
  say(`e2e: ${ results.length - failed.length } passed, ${ failed.length } failed`);

  return failed.length || !results.length ? 1 : 0;
}

let exiting = false;

function stop(code: number): void {
  if (exiting) {
    return;
  }
  exiting = true;
  killAll();
  removePartialBuilds();
  process.exit(code);
}

process.on('SIGINT', () => stop(130));
process.on('SIGTERM', () => stop(143));
const watchdog = setTimeout(() => {
  say(`e2e: the whole run exceeded ${ WHOLE_RUN_LIMIT_MS / 60000 + 1 } minutes; stopping`);
  stop(124);
}, WHOLE_RUN_LIMIT_MS + 60000);

watchdog.unref();
main().then((code) => stop(code), (e) => {
  say(`e2e: ${ e?.stack || e }`);
  stop(1);
});
