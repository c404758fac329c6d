/**
 * What the fault tests read from the page: the verdict as it stands at one instant, the types
 * it says it could not read, a section's error banner; and a collector for the checks of the
 * verdict's unread-types contract, so that the rest of a fault sequence still runs (and is
 * reported) when one of them fails. The test fails at the end if any did.
 */
import type { Page } from 'playwright-core';
import { PAGE, VERDICT } from '../lib/dashboard';
import type { TestContext } from '../lib/harness';

export interface VerdictNow {
  health: string | null;
  loading: boolean;
  text: string;
}

/** The verdict banner at this instant, or undefined before it is on screen. */
export async function verdictNow(page: Page): Promise<VerdictNow | undefined> {
  return page.evaluate((sel) => {
    const v = document.querySelector(sel);

    return v ? {
      health: v.getAttribute('data-health'), loading: v.hasAttribute('data-loading'), text: (v.textContent || '').replace(/\s+/g, ' ').trim()
    } : undefined;
  }, VERDICT);
}

/** The types the verdict says it could not read: `data-type` and text of each. */
export async function unreadTypes(page: Page): Promise<{ type: string; text: string }[]> {
  return page.locator(`${ VERDICT } [data-testid="it-unread-type"]`).evaluateAll((els) => els.map((e) => ({ type: e.getAttribute('data-type') || '', text: (e.textContent || '').replace(/\s+/g, ' ').trim() })));
}

export function section(page: Page, id: string) {
  return page.locator(`${ PAGE } [data-testid="it-section-${ id }"]`);
}

/** The error banner of one type in a section (its text names the type). */
export function sectionError(page: Page, id: string, type: string) {
  return section(page, id).locator('[data-testid="it-section-error"]').filter({ hasText: type });
}

/** Sections other than `except` that show an error. */
export async function otherSectionErrors(page: Page, except: string): Promise<string[]> {
  const failed: string[] = [];

  for (const id of ['helmcharts', 'managedcharts', 'fleet-agent', 'releases', 'nodes']) {
    if (id !== except && await section(page, id).locator('[data-testid="it-section-error"]').count()) {
      failed.push(id);
    }
  }

  return failed;
}

/** Collects failed checks; `finish` notes how many held and throws with the ones that did not. */
export class Checks {
  private failed: string[] = [];
  private held = 0;
  private readonly t: TestContext;

  constructor(t: TestContext) {
    this.t = t;
  }

  check(ok: unknown, message: string): void {
    if (ok) {
      this.held++;
    } else {
      this.failed.push(message);
    }
  }

  finish(what: string): void {
    this.t.note(`${ what }: ${ this.held } held, ${ this.failed.length } failed`);
    if (this.failed.length) {
      throw new Error(`${ what }:\n  - ${ this.failed.join('\n  - ') }`);
    }
  }
}

/** The verdict while `type` is unread: Unknown (nothing is worse in these scenarios), naming the type and why. */
export async function checkUnread(page: Page, checks: Checks, type: string, why: RegExp, when: string): Promise<void> {
  const v = await verdictNow(page);
  const unread = await unreadTypes(page);
  const mine = unread.find((u) => u.type === type);

  checks.check(v?.health === 'unknown', `${ when }: the verdict is ${ v?.health }, not unknown (${ v?.text })`);
  checks.check(mine, `${ when }: the verdict does not list ${ type } as unread (it lists: ${ unread.map((u) => u.type).join(', ') || 'nothing' })`);
  checks.check(mine && why.test(mine.text), `${ when }: the unread ${ type } does not say why (${ why }): ${ mine?.text }`);
}
