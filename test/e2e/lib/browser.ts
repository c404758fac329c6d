/**
 * One Chromium per test: headless, Debian's binary, a fresh user-data-dir, no traffic off
 * 127.0.0.1 (every other host is aborted and recorded), and every console error and page
 * error collected, so a test can fail on errors from our code.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, ConsoleMessage, Page } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export interface ConsoleEntry {
  kind: 'console' | 'pageerror';
  text: string;
  url: string;
  stack?: string;
}

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Requests to a host other than 127.0.0.1, all aborted. */
  blocked: string[];
  errors: ConsoleEntry[];
  close(): Promise<void>;
}

export async function openBrowser(executablePath: string): Promise<BrowserSession> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'it-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless:          true,
    args:              CHROMIUM_ARGS,
    viewport:          { width: 1440, height: 1400 },
    timeout:           30000,
    locale:            'en-US',
    timezoneId:        'UTC',
    acceptDownloads:   true,
    serviceWorkers:    'block',
  });
  const blocked: string[] = [];
  const errors: ConsoleEntry[] = [];

  await context.route('**/*', (route) => {
    const url = route.request().url();
    let host = '';

    try {
      host = new URL(url).hostname;
    } catch {}
    if (host === '127.0.0.1' || url.startsWith('data:') || url.startsWith('blob:')) {
      return route.continue();
    }
    blocked.push(url);

    return route.abort('blockedbyclient');
  });
  const page = context.pages()[0] || await context.newPage();

  page.setDefaultTimeout(20000);
  page.on('console', (msg: ConsoleMessage) => {
    if (msg.type() === 'error') {
      errors.push({
        kind: 'console', text: msg.text(), url: msg.location()?.url || ''
      });
    }
  });
  page.on('pageerror', (e: Error) => {
    errors.push({
      kind: 'pageerror', text: e.message, url: '', stack: e.stack
    });
  });

  return {
    context,
    page,
    blocked,
    errors,
    async close() {
      await context.close().catch(() => undefined);
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
