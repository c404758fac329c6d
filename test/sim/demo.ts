/**
 * `npm run demo`: the Install Troubleshooting page in the real Dashboard, against the simulated
 * Harvester cluster, on this machine only (127.0.0.1). Builds what is missing (the extension,
 * the Dashboard host), starts the simulator with the seed scenario, prints the one URL to open
 * (it logs the browser in as the admin), and stops cleanly on Ctrl-C or SIGTERM.
 *
 *   npm run demo [-- --scenario <name>] [-- --port <n>]     (PORT=<n> works too)
 */
import path from 'node:path';
import fs from 'node:fs';
import { ensureHost, removePartialBuilds } from '../e2e/lib/host';
import { ensurePlugin } from '../e2e/lib/plugin';
import { HOST_DIST, REPO } from '../e2e/lib/paths';
import { killAll } from '../e2e/lib/proc';
import { SCENARIOS } from './scenarios';
import { Simulator } from './server';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${ name }`);

  return i >= 0 ? process.argv[i + 1] : undefined;
}

function say(line: string): void {
  process.stdout.write(`${ line }\n`);
}

let sim: Simulator | undefined;
let stopping = false;

async function stop(code: number): Promise<void> {
  if (stopping) {
    return;
  }
  stopping = true;
  killAll();
  removePartialBuilds();
  await sim?.close().catch(() => undefined);
  process.exit(code);
}

async function main(): Promise<void> {
  const scenario = arg('scenario') || 'seed';

  if (!SCENARIOS[scenario]) {
    throw new Error(`unknown scenario ${ scenario }; known: ${ Object.keys(SCENARIOS).join(', ') }`);
  }
  const logs = path.join(REPO, 'test-results/demo');

  fs.mkdirSync(logs, { recursive: true });
  await ensurePlugin(path.join(logs, 'build-pkg.log'), say);
  await ensureHost(path.join(logs, 'host-build.log'), say);
  sim = new Simulator({
    scenario, port: Number(arg('port') || process.env.PORT || 0), staticDir: HOST_DIST, plugins: process.env.SIM_PLUGINS || 'dist-pkg:dist-pkg'
  });
  await sim.start();
  const main = sim.scenario.clusters[0].info;
  const page = main.provider === 'harvester' ? `/harvester/c/${ main.id }/install-troubleshooting` : `/c/${ main.id }/explorer/install-troubleshooting`;

  say('');
  say(`Simulated Rancher with scenario "${ scenario }" (${ sim.scenario.description }), simulated time ${ sim.clock.iso() }.`);
  say(`Open this URL (it logs you in as admin; the read-only user is "readonly"):`);
  say('');
  say(`  ${ sim.loginUrl('admin', page) }`);
  say('');
  say('Press Ctrl-C to stop.');
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
main().catch((e) => {
  process.stderr.write(`demo: ${ e?.message || e }\n`);
  stop(1);
});
