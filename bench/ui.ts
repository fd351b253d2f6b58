/**
 * A stress pass of the storefront: one member with 1,000 points-ledger entries and 500 orders
 * (seeded straight into the local cloud's store) opens the points history and the orders list and
 * scrolls each to the end, loading every page.
 *
 * In the H5 build in Chromium it prints the home page's first render, then per list the time to
 * first render, the longest frame and the long tasks while scrolling, and the scroll-through time.
 * In the weapp build, run in the test harness (tests/weapp/support), it prints what the home
 * page's first render sent to the view and the setData bytes of each list: the first page, each
 * "load more" and the largest single setData (WeChat refuses one over 256 KB).
 * Prints figures only; it never fails on a number.
 *
 *   npm run bench:ui [-- --entries 1000 --orders 500]
 *
 * Builds the function bundles, and the H5 and weapp builds when older than their sources, first.
 */
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { ROUTES } from '../src/routes';
import { isStale } from '../scripts/lib/freshness';
import { npmRun } from '../scripts/lib/run';
import { seedDemoCatalog } from '../scripts/seed/demo-products';
import { launchBrowser } from '../tests/support/browser';
import { startTestCloud } from '../tests/support/local-cloud';
import type { MemberDoc } from '~/types/documents';
import { option, runBench } from './support/bench-main';
import { heavyMember } from '../tests/support/heavy-member';
import { weappBuildProblem } from '../tests/weapp/support/weapp-build';
import type { UiCaseResult } from './support/ui-report';
import { formatUiTable } from './support/ui-report';
import { installProbes, scrollToEnd } from './support/ui-scroll';
import { measureWeapp } from './support/weapp-figures';
import { formatWeappReport } from './support/weapp-report';

const ROOT = resolve(__dirname, '..');
/** Both lists ask for 20 items a page (their services' default). */
const PAGE_SIZE = 20;
const VIEWPORT = { width: 390, height: 844 };

function countOption(name: string, fallback: number): number {
  const value = Number(option(name) ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} needs a whole number ≥ 1`);
  return value;
}

async function ensureBuilt(): Promise<void> {
  await npmRun('build:functions');
  const inputs = ['src', 'config', 'types', 'core', 'package.json'].map((path) => join(ROOT, path));
  if (isStale(join(ROOT, 'dist/h5/index.html'), inputs)) {
    console.log('Building the H5 storefront…');
    await npmRun('build:h5');
  }
  if (weappBuildProblem()) {
    console.log('Building the mini-program…');
    await npmRun('build:weapp');
  }
}

/** From navigation start to the first `selector` in the DOM, on a fresh page. */
async function firstRender(page: Page, url: string, selector: string): Promise<number | null> {
  await installProbes(page, selector);
  await page.goto(url);
  await page.locator(selector).first().waitFor({ timeout: 60_000 });
  return page.evaluate(() => window.__uiBench?.firstItemAt ?? null);
}

/** Opens one list page with the probes installed and scrolls it to the end. */
async function measure(page: Page, url: string, name: string, itemSelector: string, expected: number): Promise<UiCaseResult> {
  let calls = 0;
  let counting = false;
  page.on('request', (request) => {
    if (counting && new URL(request.url()).pathname.startsWith('/fn/')) calls += 1;
  });
  await installProbes(page, itemSelector);
  await page.goto(url);
  await page.locator(itemSelector).first().waitFor({ timeout: 60_000 });
  // Let the first page settle (pictures, the footer) before the finger moves.
  await page.waitForTimeout(500);
  counting = true;
  const figures = await scrollToEnd(page, {
    itemSelector,
    endSelector: '.list-footer--end',
    stepPx: 400,
    stallMs: 15_000,
    timeoutMs: 180_000,
  });
  counting = false;
  return { name, expected, pageSize: PAGE_SIZE, figures, calls };
}

void runBench(async (cleanups) => {
  const counts = { entries: countOption('--entries', 1_000), orders: countOption('--orders', 500) };
  await ensureBuilt();

  const cloud = await startTestCloud();
  cleanups.push(() => cloud.stop());
  const now = Date.now();
  const catalog = cloud.store.atomically(() => seedDemoCatalog(cloud, now));

  const browser = await launchBrowser();
  cleanups.push(() => browser.close());
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 2, isMobile: true, hasTouch: true });

  // The browser's own session joins; its member then gets a long history.
  const session = (await (await context.request.post(`${cloud.url}/dev/login`)).json()) as { openid: string };
  const joined = (await (await context.request.post(`${cloud.url}/fn/member`, { data: { action: 'join' } })).json()) as { ok: boolean };
  if (!joined.ok) throw new Error(`joining failed: ${JSON.stringify(joined)}`);
  const member = [...cloud.store.scan('members', [], [], 'rowid')]
    .map((row) => cloud.store.parse(row) as unknown as MemberDoc)
    .find((doc) => doc.openid === session.openid);
  if (!member) throw new Error('the joined member is not in the store');
  const seedStarted = performance.now();
  const heavy = heavyMember(member, catalog.products, counts, now);
  cloud.store.atomically(() => {
    cloud.store.replace('members', { ...heavy.member } as unknown as Record<string, unknown>);
    for (const doc of heavy.lots) cloud.store.insert('point_lots', { ...doc });
    for (const doc of heavy.entries) cloud.store.insert('ledger_entries', { ...doc });
    for (const doc of heavy.orders) cloud.store.insert('orders', { ...doc });
  });
  const seedMs = performance.now() - seedStarted;

  const homePage = await context.newPage();
  const homeMs = await firstRender(homePage, `${cloud.url}/#${ROUTES.home}`, '.product-card');
  await homePage.close();

  const results: UiCaseResult[] = [];
  const cases = [
    { name: 'points history', route: ROUTES.points, item: '.history-item', expected: counts.entries },
    { name: 'orders list', route: ROUTES.orders, item: '.order-card', expected: counts.orders },
  ];
  for (const item of cases) {
    const page = await context.newPage();
    results.push(await measure(page, `${cloud.url}/#${item.route}`, item.name, item.item, item.expected));
    await page.close();
  }

  console.log(`\nH5 build in Chromium ${browser.version()}, ${VIEWPORT.width}×${VIEWPORT.height} at 2×, the local cloud on this machine`);
  console.log(
    `Seeded one member with ${counts.entries.toLocaleString('en-US')} ledger entries and ${counts.orders.toLocaleString('en-US')} orders in ${Math.round(seedMs)} ms.`,
  );
  console.log(
    `Home page first render, navigation start to the first product in the DOM: ${homeMs === null ? 'n/a' : `${Math.round(homeMs)} ms`}.`,
  );
  console.log('Scrolling 400 px per animation frame; lists load 20 items a page when the bottom is near.\n');
  console.log(formatUiTable(results));
  console.log('\nfirst render: navigation start to the first item in the DOM. scroll-through: first scroll step to the end on screen.');
  console.log('longest frame: the biggest gap between animation frames while scrolling; long tasks: main-thread tasks over 50 ms.');

  const weapp = await measureWeapp(cloud, catalog, counts, now);
  console.log(
    '\nweapp build (dist/weapp) in the test harness: its bundles in a logic layer, its templates in j-component; another member with the same history',
  );
  console.log(
    'Bytes are the JSON of each setData, as WeChat counts them; a "load more" is every setData from the scroll to the new page on screen.\n',
  );
  console.log(formatWeappReport(weapp));
});
