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
