/**
 * Memory over a long browsing session: an infinite grid scrolled to 2,000 cards, then a navigation
 * within the site (the SPA replaces the grid, as Shopee does), against a fresh load of the same page.
 * The page's heap after a forced collection (its isolate holds the page and our content script) and
 * the detached DOM nodes still alive, each with our extension and without one, in one browser.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { launchChromium } from '../chromium';
import { excludeOurScripts, ourExtensionFlagging } from './extensions';
import { median } from './results';

const GRID = path.resolve(import.meta.dirname, '../../tests/fixtures/shopee/infinite-grid.html');
const CARDS = 2000;
const URL_OURS = 'https://shopee.vn/search?keyword=cuon+dai';
const URL_NONE = 'https://shopee.vn/bench-none/search?keyword=cuon+dai';
/** Every 20th card is the demo seller's, flagged in the shipped data. */
const FLAGGED_EVERY = 20;

interface Snapshot {
  heapBytes: number;
  detachedNodes: number;
}

async function settledSnapshot(cdp: CDPSession): Promise<Snapshot> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  const { detachedNodes } = (await cdp.send('DOM.getDetachedDomNodes')) as {
    detachedNodes: unknown[];
  };
  return { heapBytes: usedSize, detachedNodes: detachedNodes.length };
}

async function badgeCount(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelectorAll('soi-hang-badge').length);
}

/** Loads cards 20 at a time, as scrolling would, each batch given a frame to be read. */
async function scrollTo(page: Page, cards: number, ours: boolean): Promise<void> {
  for (let loaded = 20; loaded < cards; loaded += 20) {
    await page.evaluate(() => (globalThis as unknown as { loadMore(): void }).loadMore());
    await page.waitForTimeout(16);
  }
  if (!ours) return;
  const deadline = Date.now() + 20_000;
  while ((await badgeCount(page)) < cards / FLAGGED_EVERY) {
    if (Date.now() > deadline) throw new Error(`fewer than ${cards / FLAGGED_EVERY} badges`);
    await page.waitForTimeout(100);
  }
}

/** The SPA's navigation: a new address, the grid emptied and its first cards drawn again. */
async function navigateWithin(page: Page): Promise<void> {
  await page.evaluate(() => {
    const grid = document.getElementById('grid');
    grid?.replaceChildren();
    history.pushState(null, '', '/search?keyword=trang+khac');
    const scope = globalThis as unknown as { loaded: number; loadMore(): void };
    scope.loaded = 0;
    scope.loadMore();
  });
  // WXT notices an address change within a second; then the runner forgets the old page.
  await page.waitForTimeout(2500);
}

export interface LongSession {
  ours: { fresh: Snapshot; afterNavigation: Snapshot };
  none: { fresh: Snapshot; afterNavigation: Snapshot };
}

export async function measureLongSession(rounds = 3): Promise<LongSession> {
  // The page's `loadMore` and `loaded` are globals of its main world, which the benchmark drives.
  const html = readFileSync(GRID, 'utf8').replace('TOTAL = 200', `TOTAL = ${CARDS}`);
  const pages = new Map([
    [URL_OURS, html],
    [URL_NONE, html],
  ]);
  // A copy of ours (the shipped data flags the demo seller), kept off the other variant's pages.
  const extension = await ourExtensionFlagging([]);
  excludeOurScripts(extension, ['https://shopee.vn/bench-none/*']);
  const browser = await launchChromium({
    extensionDir: extension,
    respond: (url) => {
      const body = pages.get(url);
      return body === undefined ? null : { body };
    },
  });
  const samples = {
    ours: { fresh: [] as Snapshot[], afterNavigation: [] as Snapshot[] },
    none: { fresh: [] as Snapshot[], afterNavigation: [] as Snapshot[] },
  };
  try {
    for (let round = 0; round < rounds; round++) {
      for (const variant of ['none', 'ours'] as const) {
        const url = variant === 'ours' ? URL_OURS : URL_NONE;
        const fresh = await browser.context.newPage();
        const freshCdp = await browser.context.newCDPSession(fresh);
        await fresh.goto(url);
        await fresh.waitForTimeout(1500);
        samples[variant].fresh.push(await settledSnapshot(freshCdp));
        await fresh.close();

        const page = await browser.context.newPage();
        const cdp = await browser.context.newCDPSession(page);
        await page.goto(url);
        await page.waitForTimeout(500);
        await scrollTo(page, CARDS, variant === 'ours');
        await navigateWithin(page);
        samples[variant].afterNavigation.push(await settledSnapshot(cdp));
        await page.close();
      }
    }
  } finally {
    await browser.close();
  }
  const mid = (list: Snapshot[]): Snapshot => ({
    heapBytes: median(list.map((s) => s.heapBytes)),
    detachedNodes: median(list.map((s) => s.detachedNodes)),
  });
  return {
    ours: { fresh: mid(samples.ours.fresh), afterNavigation: mid(samples.ours.afterNavigation) },
    none: { fresh: mid(samples.none.fresh), afterNavigation: mid(samples.none.afterNavigation) },
  };
}
