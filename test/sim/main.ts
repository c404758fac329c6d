/**
 * Run the simulator on its own: `tsx test/sim/main.ts [--scenario seed] [--rancher-version v2.13.0] [--port 0]
 * [--static test/host/dist] [--plugins dist-pkg:dist-pkg|catalog:<dir>] [--verbose]`.
 * Prints the origin and a login URL for each user; stops on Ctrl-C or SIGTERM.
 */
import { Simulator } from './server';
import { SCENARIOS } from './scenarios';

function arg(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${ name }`);

  return i >= 0 ? process.argv[i + 1] : fallback;
}

async function main(): Promise<void> {
  const scenario = arg('scenario', 'seed') as string;

  if (!SCENARIOS[scenario]) {
    process.stderr.write(`unknown scenario ${ scenario }; known: ${ Object.keys(SCENARIOS).join(', ') }\n`);
    process.exit(2);
  }
  const sim = new Simulator({
    scenario,
    port:           Number(arg('port', '0')),
    rancherVersion: arg('rancher-version'),
    staticDir:      arg('static'),
    plugins:        arg('plugins', process.env.SIM_PLUGINS || 'dist-pkg:dist-pkg'),
    verbose:        process.argv.includes('--verbose'),
  });
  const origin = await sim.start();

  process.stdout.write(`simulator: scenario ${ scenario } on ${ origin } (simulated time ${ sim.clock.iso() })\n`);
  process.stdout.write(`  admin:     ${ sim.loginUrl('admin') }\n  read-only: ${ sim.loginUrl('readonly') }\n`);
  let stopping = false;
  const stop = async() => {
    if (stopping) {
      return;
    }
    stopping = true;
    await sim.close();
    process.exit(0);
  };

  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  process.stderr.write(`simulator: ${ e?.stack || e }\n`);
  process.exit(1);
});
