/**
 * The side panel as users open it: the header action's overview on a Harvester page and on our
 * page, and the panel's layout for every kind of object at two window widths, in the seed and
 * hostile scenarios (long names, HTML payloads in messages, drift and logs).
 */
import type { Page } from 'playwright-core';
import { assert, until } from '../lib/harness';
import type { E2ETest, TestContext } from '../lib/harness';
import {
  HEADER_ACTION, PAGE, PANEL, closePanel, harvesterPath, openInPanel, panelLayout, waitForPage
} from '../lib/dashboard';

const ROOT_BD = 'fleet.cattle.io.bundledeployment:cluster-fleet-local-local-1a3d67d0a899/mcc-harvester';
const KINDS = [
  'helm.cattle.io.helmchart', 'management.cattle.io.managedchart', 'fleet.cattle.io.bundle', 'fleet.cattle.io.bundledeployment',
  'fleet.cattle.io.cluster', 'catalog.cattle.io.app', 'node',
];
const WIDTHS = [1440, 1024];

/** Click our header action and wait for the overview with its problems. */
async function openOverview(page: Page): Promise<string[]> {
  const button = page.locator(HEADER_ACTION);

  await button.waitFor({ state: 'visible', timeout: 20000 });
  await button.click();
  await page.locator(`${ PANEL } [data-testid="it-overview"]`).waitFor({ state: 'visible' });

  return until<string[] | undefined>('the overview\'s problems', async() => {
    const refs = await page.locator(`${ PANEL } [data-testid="it-overview"] .it-problems [data-testid="it-open"]`).evaluateAll((els) => els.map((e) => e.getAttribute('data-ref') || ''));

    return refs.includes(ROOT_BD) ? refs : undefined;
  }) as Promise<string[]>;
}

/** The panel is fully slid in (its transition is over) and its width follows the window. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const aside = document.querySelector('aside.slide-in.slide-in-open');
    const r = aside?.getBoundingClientRect();

    return !!r && Math.abs(r.right - window.innerWidth) < 1 && Math.abs(r.width - window.innerWidth / 2) < 2;
  }, undefined, { timeout: 5000, polling: 100 });
}

/** Check the open panel at every width; returns the failures, each named. */
async function checkWidths(t: TestContext, what: string): Promise<string[]> {
  const failures: string[] = [];
  const current = t.page.viewportSize()?.width;
  // from the width the window has now, so that one resize per object is enough
  const widths = current === WIDTHS[WIDTHS.length - 1] ? [...WIDTHS].reverse() : WIDTHS;

  for (const width of widths) {
    if (width !== current) {
      await t.page.setViewportSize({ width, height: 900 });
    }
    await settled(t.page);
    const r = await panelLayout(t.page);

    if (r.scrollWidth > r.clientWidth) {
      failures.push(`${ what } at ${ width } px: the panel scrolls sideways (scrollWidth ${ r.scrollWidth } > clientWidth ${ r.clientWidth })`);
    }
    failures.push(...r.outside.map((o) => `${ what } at ${ width } px: outside the panel: ${ o }`));
    failures.push(...r.clipped.map((o) => `${ what } at ${ width } px: cut off: ${ o }`));
    if (r.checked < 10) {
      failures.push(`${ what } at ${ width } px: only ${ r.checked } elements in the panel`);
    }
    if (r.selfScrolling.length) {
      t.note(`${ what } at ${ width } px scrolls inside its own box: ${ r.selfScrolling.length } box(es)`);
    }
  }

  return failures;
}

async function layout(t: TestContext): Promise<void> {
  const page = t.page;

  await page.setViewportSize({ width: WIDTHS[0], height: 900 });
  await t.login(harvesterPath(t.clusterId));
  await waitForPage(page);
  // every row, not only the problems
  const problemsOnly = page.locator(`${ PAGE } [data-testid="it-problems-only"] [role="checkbox"]`).first();

  if (await problemsOnly.getAttribute('aria-checked') === 'true') {
    await problemsOnly.click();
  }
  await until('rows of every kind', async() => {
    const refs = await page.locator(`${ PAGE } [data-testid="it-open"]`).evaluateAll((els) => els.map((e) => e.getAttribute('data-ref') || ''));

    return KINDS.every((k) => refs.some((r) => r.startsWith(`${ k }:`)));
  });
  const refs = await page.locator(`${ PAGE } [data-testid="it-open"]`).evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-ref') || ''))]);
  const failures: string[] = [];
  const problems = await openOverview(page);

  await settled(page);
  failures.push(...await checkWidths(t, 'the overview'));
  // every problem (the most text: messages, drift, a failing chart's events and log), and for
  // each other kind its longest id (the name is the first thing that runs past the edge)
  const longest = KINDS.filter((kind) => !problems.some((p) => p.startsWith(`${ kind }:`)))
    .map((kind) => refs.filter((r) => r.startsWith(`${ kind }:`)).sort((a, b) => b.length - a.length)[0]);
  const objects = [...problems, ...longest];

  for (const ref of objects) {
    if (refs.includes(ref)) {
      await openInPanel(page, ref);
    } else {
      // a problem without a row of its own (an mcc-* Bundle): from the overview, as users reach it
      await closePanel(page);
      await openOverview(page);
      await page.locator(`${ PANEL } .it-problems [data-ref="${ ref }"]`).click();
      await page.locator(`${ PANEL } [data-testid="it-panel-summary"]`).waitFor({ state: 'visible' });
    }
    await settled(page);
    if (ref.startsWith('helm.cattle.io.helmchart:')) {
      await page.locator(`${ PANEL } [data-testid="it-panel-load-log"]`).click();
      await page.locator(`${ PANEL } [data-testid="it-log"]`).waitFor({ state: 'visible' });
      if (problems.includes(ref)) {
        await until('the failing chart\'s events', async() => (await page.locator(`${ PANEL } [data-testid="it-panel-events"] li`).count()) > 0);
      }
    }
    failures.push(...await checkWidths(t, ref));
  }
  await t.shot(`panel-${ page.viewportSize()?.width }`);
  t.note(`checked the overview and ${ objects.length } objects (${ problems.length } problems) at ${ WIDTHS.join(' and ') } px`);
  assert(!failures.length, `the panel's content leaves the panel:\n${ failures.slice(0, 12).join('\n') }${ failures.length > 12 ? `\n… and ${ failures.length - 12 } more` : '' }`);
  await closePanel(page);
}

export const panelTests: E2ETest[] = [
  {
    name:      'The header action on a Harvester page and on our page opens the overview listing the problems',
    timeoutMs: 90000,
    async run(t) {
      const page = t.page;

      await t.login(`/harvester/c/${ t.clusterId }/harvesterhci.io.dashboard`);
      await page.locator('[data-testid="harvester-stand-in-dashboard"]').waitFor({ state: 'visible', timeout: 30000 });
      const label = await page.locator(HEADER_ACTION).getAttribute('aria-label');

      assert(label === 'Install Troubleshooting overview', `the header action's accessible name is ${ JSON.stringify(label) }`);
      const onHarvester = await openOverview(page);

      assert(onHarvester.length >= 4, `the overview on Harvester's Dashboard lists ${ onHarvester.length } problems: ${ onHarvester.join(', ') }`);
      const verdict = await page.locator(`${ PANEL } [data-testid="it-verdict"]`).innerText();

      assert(verdict.includes('cluster-fleet-local-local-1a3d67d0a899/mcc-harvester'), `the overview's verdict does not name the root cause: ${ verdict }`);
      await t.shot('on-harvester-dashboard');
      await closePanel(page);

      await page.locator('.side-nav a', { hasText: 'Install Troubleshooting' }).first().click();
      await waitForPage(page);
      const onOurs = await openOverview(page);

      assert(JSON.stringify([...onOurs].sort()) === JSON.stringify([...onHarvester].sort()), `the overview differs on our page: ${ onOurs.join(', ') } vs ${ onHarvester.join(', ') }`);
      // a problem opens in the panel
      await page.locator(`${ PANEL } .it-problems [data-ref="${ ROOT_BD }"]`).click();
      await page.locator(`${ PANEL } [data-testid="it-panel-drift"]`).waitFor({ state: 'visible' });
      t.note(`${ onOurs.length } problems in the overview on both pages`);
      await t.shot('on-our-page');
    },
  },
  ...['seed', 'hostile'].map((scenario): E2ETest => ({
    name:      `The side panel stays inside its edges at ${ WIDTHS.join(' and ') } px for every kind of object (${ scenario })`,
    scenario,
    timeoutMs: 150000,
    run:       layout,
  })),
];
