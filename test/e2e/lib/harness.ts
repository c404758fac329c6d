/**
 * A small test harness for the end-to-end suite: each test gets a scenario loaded into the
 * simulator, a fresh Chromium, helpers to log in and open pages, and must leave a screenshot.
 * After each test the harness fails it on console errors that are not known Dashboard noise,
 * and on any DELETE of a HelmChart, ManagedChart, Bundle, BundleDeployment or Secret.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { Simulator } from '../../sim/server';
import { openBrowser } from './browser';
import type { BrowserSession, ConsoleEntry } from './browser';
import { OUTPUT } from './paths';

export interface TestContext {
  sim: Simulator;
  page: Page;
  session: BrowserSession;
  /** The Harvester (or only) downstream cluster's id in this scenario. */
  clusterId: string;
  /** Log in as `user` (admin by default) and open `path`. */
  login(path: string, user?: string): Promise<void>;
  /** Save a screenshot named after the test (and `label`); returns its path. */
  shot(label?: string): Promise<string>;
  /** Console errors matching this are expected in this test (e.g. a simulated 403). */
  allowConsole(re: RegExp): void;
  note(line: string): void;
}

export interface E2ETest {
  name: string;
  /** Scenario to load first; `seed` by default. */
  scenario?: string;
  /** The Rancher version the simulator claims in this test (the scenario's, v2.12.0, by default). */
  rancherVersion?: string;
  timeoutMs?: number;
  run(t: TestContext): Promise<void>;
}

export interface TestResult {
  name: string;
  ok: boolean;
  ms: number;
  error?: string;
  screenshots: string[];
  notes: string[];
  consoleErrors: ConsoleEntry[];
}

/** Console errors the Dashboard itself logs in this setup, and why they are harmless. */
export const DASHBOARD_NOISE: { re: RegExp; url?: RegExp; why: string }[] = [
  { re: /^Error occurred reading dynamic content/, why: 'community builds always fetch Rancher\'s update service; the test blocks every non-local host' },
  { re: /Failed to load resource: net::ERR_BLOCKED_BY_CLIENT/, why: 'the request to a non-local host that the test aborted' },
  {
    re: /status of 404/, url: /\/catalog\.cattle\.io\.apps\/cattle-monitoring-system\/rancher-monitoring\b/, why: 'the Explorer\'s cluster dashboard probes for the monitoring app, which is not installed (real Rancher answers 404 too)'
  },
];

function isNoise(e: ConsoleEntry): boolean {
  return DASHBOARD_NOISE.some((n) => n.re.test(e.text) && (!n.url || n.url.test(e.url)));
}

export function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);
}

/** Is this error from our extension's code (served under /v1/uiplugins/)? */
export function fromOurCode(e: ConsoleEntry): boolean {
  return e.url.includes('/v1/uiplugins/') || (e.stack || '').includes('/v1/uiplugins/') || /install-?troubleshooting/i.test(e.text);
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) {
    throw new Error(message);
  }
}

/** Poll `fn` until it returns a truthy value or `timeoutMs` passes (then throw with `what`). */
export async function until<T>(what: string, fn: () => T | Promise<T>, timeoutMs = 15000, everyMs = 200): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;

  while (Date.now() < end) {
    try {
      const v = await fn();

      if (v) {
        return v;
      }
    } catch (e) {
      last = e;
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  throw new Error(`timed out after ${ timeoutMs } ms waiting for ${ what }${ last ? ` (last error: ${ (last as Error).message })` : '' }`);
}

export async function runTest(test: E2ETest, index: number, sim: Simulator, chromium: string): Promise<TestResult> {
  const started = Date.now();
  const prefix = `${ String(index + 1).padStart(2, '0') }-${ slug(test.name) }`;
  const result: TestResult = {
    name: test.name, ok: false, ms: 0, screenshots: [], notes: [], consoleErrors: []
  };
  const allowed: RegExp[] = [];

  sim.load(test.scenario || 'seed', { rancherVersion: test.rancherVersion });
  const since = sim.log.last();
  const session = await openBrowser(chromium);
  const ctx: TestContext = {
    sim,
    page:      session.page,
    session,
    clusterId: sim.main.id,
    async login(p: string, user = 'admin') {
      await session.page.goto(sim.loginUrl(user, p), { waitUntil: 'domcontentloaded' });
    },
    async shot(label?: string) {
      const file = path.join(OUTPUT, `${ prefix }${ label ? `-${ slug(label) }` : '' }.png`);

      await session.page.screenshot({
        path: file, fullPage: true, timeout: 15000
      });
      result.screenshots.push(path.relative(process.cwd(), file));

      return file;
    },
    allowConsole(re: RegExp) {
      allowed.push(re);
    },
    note(line: string) {
      result.notes.push(line);
    },
  };
  let timer: NodeJS.Timeout | undefined;

  try {
    await Promise.race([
      test.run(ctx),
      new Promise((resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`test timed out after ${ test.timeoutMs || 90000 } ms`)), test.timeoutMs || 90000);
      }),
    ]);
    if (!result.screenshots.length) {
      throw new Error('the test saved no screenshot');
    }
    const unexpected = session.errors.filter((e) => !isNoise(e) && !allowed.some((re) => re.test(e.text)));

    result.consoleErrors = unexpected;
    const ours = unexpected.filter(fromOurCode);

    if (ours.length) {
      throw new Error(`console errors from our code: ${ ours.map((e) => e.text).join(' | ') }`);
    }
    if (unexpected.length) {
      throw new Error(`unexpected console errors: ${ unexpected.map((e) => `${ e.text } (${ e.url || 'no url' })`).join(' | ') }`);
    }
    const deletes = sim.log.protectedDeletes().filter((e) => e.seq > since);

    if (deletes.length) {
      throw new Error(`protected objects were deleted: ${ deletes.map((e) => `${ e.method } ${ e.path }`).join(', ') }`);
    }
    result.ok = true;
  } catch (e) {
    result.error = (e as Error).stack || String(e);
    if (!result.screenshots.some((s) => s.includes('failure'))) {
      await ctx.shot('failure').catch(() => undefined);
    }
  } finally {
    if (timer) {
      clearTimeout(timer);
    }
    fs.writeFileSync(path.join(OUTPUT, `${ prefix }.requests.txt`), sim.log.since(since).map((e) => `${ e.at } ${ e.status } ${ e.method } ${ e.path }${ e.query }${ e.body !== undefined && e.method !== 'GET' ? ` ${ JSON.stringify(e.body) }` : '' }`).join('\n'));
    fs.writeFileSync(path.join(OUTPUT, `${ prefix }.console.txt`), session.errors.map((e) => `${ e.kind } ${ e.text } ${ e.url }`).join('\n'));
    await session.close();
  }
  result.ms = Date.now() - started;

  return result;
}
