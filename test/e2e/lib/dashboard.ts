/** What the tests read from the Dashboard: our page, the side panel, and the shell's own state. */
import type { Page } from 'playwright-core';

export const PAGE = '[data-testid="install-troubleshooting"]';
export const VERDICT = '[data-testid="it-verdict"]';
/**
 * The side panel as the shell renders it: SlideInPanelManager puts `data-testid="slide-in-panel-component"`
 * on the component it shows, and Vue's attribute fallthrough makes that replace our panel's own
 * `data-testid="it-panel"` on the same root element (should the panel keep its own, either works).
 */
const PANEL_ROOTS = '[data-testid="slide-in-panel-component"], [data-testid="it-panel"]';

/** The outermost of the two, whichever the panel ends up carrying. */
export const PANEL = `:is(${ PANEL_ROOTS }):not(:is(${ PANEL_ROOTS }) *)`;

export function harvesterPath(clusterId: string): string {
  return `/harvester/c/${ clusterId }/install-troubleshooting`;
}

export function explorerPath(clusterId: string): string {
  return `/c/${ clusterId }/explorer/install-troubleshooting`;
}

/**
 * Our page has loaded: every section shows rows, "all OK", an empty table, "not available" or
 * an error (the verdict is on screen from the start, computed from nothing while lists load).
 */
export async function waitForPage(page: Page, timeout = 30000): Promise<void> {
  await page.locator(PAGE).waitFor({ state: 'visible', timeout });
  await page.locator(VERDICT).waitFor({ state: 'visible', timeout });
  await page.waitForFunction(() => {
    const sections = [...document.querySelectorAll('section[data-testid^="it-section-"]')];

    return sections.length > 0 && sections.every((s) => !s.querySelector('.data-loading') &&
      !!s.querySelector('[data-testid="it-open"], [data-testid="it-section-all-ok"], tr.no-rows, [data-testid="it-section-unavailable"], [data-testid="it-section-error"]'));
  }, undefined, { timeout, polling: 100 });
}

export interface ShellState {
  product?: string;
  inStore?: string;
  clusterId?: string;
  clusterReady?: boolean;
  /** Objects of a type in a store. */
  counts: Record<string, number>;
  plugins: { name: string; builtin: boolean }[];
  pluginErrors: Record<string, unknown>;
}

/** The shell's own view of things, read from its Vuex store. */
export async function shellState(page: Page, probes: { store: string; type: string }[] = []): Promise<ShellState> {
  return page.evaluate((list) => {
    const store = (window as any).$globalApp?.$store; // eslint-disable-line @typescript-eslint/no-explicit-any

    if (!store) {
      return {
        counts: {}, plugins: [], pluginErrors: {}
      };
    }
    const g = store.getters;
    const counts: Record<string, number> = {};

    for (const { store: s, type } of list) {
      try {
        counts[`${ s }/${ type }`] = (g[`${ s }/all`](type) || []).length;
      } catch {
        counts[`${ s }/${ type }`] = -1;
      }
    }

    return {
      product:      g.currentProduct?.name,
      inStore:      g.currentProduct?.inStore,
      clusterId:    g.clusterId,
      clusterReady: g.clusterReady,
      counts,
      plugins:      (g['uiplugins/plugins'] || []).map((p: { name: string; builtin: boolean }) => ({ name: p.name, builtin: !!p.builtin })),
      pluginErrors: { ...(g['uiplugins/errors'] || {}) },
    };
  }, probes);
}

/** The side-navigation entries' texts. */
export async function navTexts(page: Page): Promise<string[]> {
  return (await page.locator('nav.side-nav a, .side-nav .child a, .side-nav a').allInnerTexts()).map((s) => s.trim()).filter(Boolean);
}

/** Close the side panel if it is open (with the shell's own close button). */
export async function closePanel(page: Page): Promise<void> {
  const close = page.locator('[data-testid="slide-in-close"]');

  if (await page.locator(PANEL).count() && await close.isVisible()) {
    await close.click();
    await page.locator(PANEL).waitFor({ state: 'detached' });
  }
}

/** Open an object in the side panel from its link on the page (`type:id`), and wait until the panel shows it. */
export async function openInPanel(page: Page, ref: string): Promise<void> {
  const id = ref.slice(ref.indexOf(':') + 1);

  await closePanel(page);
  await page.locator(`${ PAGE } [data-testid="it-open"][data-ref="${ ref }"]`).first().click();
  await page.locator(PANEL).waitFor({ state: 'visible' });
  await page.locator(`${ PANEL } [data-testid="it-panel-summary"]`).waitFor({ state: 'visible' });
  await page.locator(PANEL).filter({ hasText: id }).waitFor({ state: 'visible' });
}

/** Our header action as the shell renders it: its test id and aria-label come from the action's labelKey. */
export const HEADER_ACTION = '[data-testid="extension-header-action-installTroubleshooting.header.label"]';

/**
 * The product's side navigation, top to bottom: the top-level entries by label, and each group
 * as `group:<label>` (its entries are not listed).
 */
export async function navOutline(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll('.side-nav .nav > .accordion')].flatMap((group) => {
    const header = group.querySelector(':scope > .accordion-item > .header') as HTMLElement | null;

    if (header) {
      return [`group:${ header.innerText.trim() }`];
    }

    return [...group.querySelectorAll(':scope > ul.body > li .label')].map((l) => (l as HTMLElement).innerText.trim());
  }));
}

export interface LayoutReport {
  /** The panel's scroll container: its scroll width and client width. */
  scrollWidth: number;
  clientWidth: number;
  /** Elements whose box leaves the panel's content box, described. */
  outside: string[];
  /** Boxes that scroll sideways inside themselves (allowed: a log, a long line of code). */
  selfScrolling: string[];
  /** Boxes that hide content past their own edge (text cut off). */
  clipped: string[];
  /** Elements checked. */
  checked: number;
}

/**
 * How the open side panel lays out: the shell's scroll container (`.slide-in .main-panel`) must
 * not scroll sideways, and every visible element's box must lie inside it, except what is inside
 * a box that scrolls its own content (that box itself must lie inside, and a box that clips
 * its content must not have any past its edge).
 */
export async function panelLayout(page: Page): Promise<LayoutReport> {
  // a string, so that the bundler's helpers (esbuild's __name) never reach the page
  return page.evaluate(`(() => {
    const container = document.querySelector('aside.slide-in .main-panel');

    if (!container) {
      throw new Error('no open slide-in panel');
    }
    const box = container.getBoundingClientRect();
    const left = box.left + container.clientLeft;
    const right = left + container.clientWidth;
    const describe = (el) => {
      const testid = el.closest('[data-testid]')?.getAttribute('data-testid') || '';
      const r = el.getBoundingClientRect();

      return \`\${ el.tagName.toLowerCase() }\${ el.className && typeof el.className === 'string' ? \`.\${ el.className.trim().split(/\\s+/).join('.') }\` : '' } in [\${ testid }] x \${ Math.round(r.left) }..\${ Math.round(r.right) } (panel \${ Math.round(left) }..\${ Math.round(right) }): "\${ (el.textContent || '').trim().slice(0, 60) }"\`;
    };
    const report = {
      scrollWidth: container.scrollWidth, clientWidth: container.clientWidth, outside: [], selfScrolling: [], clipped: [], checked: 0
    };
    const walk = (el) => {
      for (const child of [...el.children]) {
        const style = getComputedStyle(child);

        if (style.display === 'none' || style.visibility === 'hidden') {
          continue;
        }
        const r = child.getBoundingClientRect();

        if (r.width > 0 || r.height > 0) {
          report.checked++;
          if (r.left < left - 1 || r.right > right + 1) {
            report.outside.push(describe(child));
          }
        }
        if (['auto', 'scroll', 'hidden', 'clip'].includes(style.overflowX)) {
          if (child.scrollWidth > child.clientWidth + 1) {
            (['auto', 'scroll'].includes(style.overflowX) ? report.selfScrolling : report.clipped).push(describe(child));
          }
          continue;
        }
        walk(child);
      }
    };

    walk(container);

    return report;
  })()`) as Promise<LayoutReport>;
}
