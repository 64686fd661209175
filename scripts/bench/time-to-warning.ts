/**
 * Time to a warning as a shopper sees it. On the real grid capture (every card flagged in the
 * benchmark copy of our extension): from each card entering the DOM to its badge painted, for cards
 * drawn while the content script runs (an infinite grid's next cards), with the worker running
 * (warm) and with it just stopped (cold), and for a first load, where the cards are parsed before
 * any content script may run, beside the minimal badge script's (the floor of a first load). On the
 * real product capture (flagged too): from navigation start to its banner painted with its words in
 * it (the host alone, empty until the page UI chunk draws in it, does not count). Measured in the
 * page's main world: a mutation observer notes when each card and each badge host arrives, and a
 * host counts as painted once the next frame's rendering is done.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { type Browser, launchChromium } from '../chromium';
import { savedFromUrl } from '../offline-dom';
import { stopWorkers } from './extension-probe';
import { excludeOurScripts, minimalExtension, ourExtensionFlagging } from './extensions';
import { benchGrid, CAPTURE, withReservedIds } from './page-cost';
import { median, percentile } from './results';

const PRODUCT_CAPTURE = path.join(
  path.dirname(CAPTURE),
  'shopee-sg-product-detail-rendered-dom-2025-09.html',
);
const BLANK = 'https://shopee.vn/bench-blank';
/** Where the minimal badge extension runs, and ours does not. */
const MINIMAL = 'bench-minimal';
/** Where the minimal one that asks a background worker first runs. */
const ROUND_TRIP = 'bench-worker';
/** Where no script of ours runs: the product page's own title, unslowed by us. */
const BARE = 'bench-bare';

/** The product capture served at shopee.vn with reserved (zero-padded) ids, as the grid is. */
export function benchProduct(): { url: string; html: string; key: string } {
  const raw = readFileSync(PRODUCT_CAPTURE, 'utf8');
  const original = new URL(savedFromUrl(raw) ?? 'https://shopee.sg/');
  const page = withReservedIds(original.pathname);
  return {
    url: `https://shopee.vn${page.text}`,
    // Its own scripts go, as the grid's do; its JSON-LD stays (the product's facts).
    html: withReservedIds(
      raw.replace(/<script\b(?![^>]*application\/ld\+json)[\s\S]*?<\/script>/gi, ''),
    ).text,
    key: page.keys[0] as string,
  };
}

/** Runs in the page's main world before anything else: when cards and badge hosts arrive. */
function observeArrivals(): void {
  const cardAt = new Map<Element, number>();
  const delays: number[] = [];
  const state = { delays, banner: -1, title: -1, titleSeen: false };
  (globalThis as { __arrivals?: typeof state }).__arrivals = state;
  const CARD = 'li[data-sqe="item"]';
  const BADGES = new Set(['SOI-HANG-BADGE', 'BENCH-BADGE']);
  new MutationObserver((records) => {
    const now = performance.now();
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        if (BADGES.has(node.tagName)) {
          const since = node.parentElement ? cardAt.get(node.parentElement) : undefined;
          // A frame callback runs before the frame's style, layout and paint; a timer set from it
          // fires once they are done: when what was added is on screen. (Written out each time:
          // this function runs in the page as its text, without the helpers a bundler adds.)
          if (since !== undefined) {
            requestAnimationFrame(() =>
              setTimeout(() => delays.push(performance.now() - since), 0),
            );
          }
        } else if (node.tagName === 'SOI-HANG-BANNER') {
          // The banner as the shopper sees it: its host once something is drawn in it (the host
          // comes first, its words when the page UI chunk has drawn them), painted. A resize
          // observer's callback runs after the frame's layout; a timer set from it fires once
          // that frame is painted.
          new ResizeObserver((entries, observer) => {
            if ((entries[0]?.contentRect.height ?? 0) === 0) return;
            observer.disconnect();
            setTimeout(() => {
              if (state.banner < 0) state.banner = performance.now();
            }, 0);
          }).observe(node);
        } else {
          if (node.matches(CARD)) cardAt.set(node, now);
          for (const card of node.querySelectorAll(CARD)) cardAt.set(card, now);
          // The product's own title painted: the page's floor for a banner placed beside it.
          if (!state.titleSeen && (node.tagName === 'H1' || node.querySelector('h1'))) {
            state.titleSeen = true;
            requestAnimationFrame(() =>
              setTimeout(() => {
                state.title = performance.now();
              }, 0),
            );
          }
        }
      }
    }
  }).observe(document, { childList: true, subtree: true });
}

type Arrivals = { delays: number[]; banner: number; title: number };

async function arrivals(page: Page, until: (state: Arrivals) => boolean): Promise<Arrivals> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const state = await page.evaluate(() => (globalThis as { __arrivals?: Arrivals }).__arrivals);
    if (state && until(state)) return state;
    if (Date.now() > deadline) {
      const seen = state ? `${state.delays.length} badges, banner ${state.banner}` : 'nothing';
      throw new Error(`no warning within 15 s at ${page.url()} (${seen})`);
    }
    await page.waitForTimeout(50);
  }
}

/** The ids of the cards an infinite grid adds: the page's own, with another (reserved) prefix. */
export const nextPageKey = (key: string) => key.replaceAll(':000', ':001').replace('.000', '.001');

/**
 * The next cards of an infinite grid: copies of the page's cards (without badges) for other items
 * (flagged too), so each is read and looked up as new.
 */
export async function appendCopies(page: Page): Promise<void> {
  await page.evaluate(() => {
    (globalThis as { __arrivals?: Arrivals }).__arrivals?.delays.splice(0);
    const cards = [...document.querySelectorAll('li[data-sqe="item"]')];
    const copies = cards.map((card) => {
      const copy = card.cloneNode(true) as Element;
      for (const host of copy.querySelectorAll('soi-hang-badge, bench-badge')) host.remove();
      for (const link of copy.querySelectorAll('a[href*="-i.000"]')) {
        const href = link.getAttribute('href') ?? '';
        link.setAttribute('href', href.replace(/-i\.000(\d+)\.000(\d+)/, '-i.001$1.001$2'));
      }
      return copy;
    });
    cards[0]?.parentElement?.append(...copies);
  });
}

const summary = (values: number[]) => ({
  p50: percentile(values, 50),
  p95: percentile(values, 95),
});

export interface TimeToWarning {
  cards: number;
  /**
   * A page's cards drawn after the content script started (an infinite grid's next cards); the
   * minimal script badges them in its mutation observer's callback, before the next frame.
   */
  added: {
    warm: Percentiles;
    cold: Percentiles;
    minimal: Percentiles;
    /** The minimal script with its answer from a worker, running and just stopped: the floor. */
    roundTrip: Percentiles;
    roundTripCold: Percentiles;
  };
  /** A grid's first load: cards parsed before any content script runs; the minimal one's too. */
  firstLoad: { ours: Percentiles; minimal: Percentiles };
  /**
   * From navigation start to a flagged product's banner painted (medians), and to the page's own
   * title painted (the floor: the banner goes beside it), with us and in a tab where none of our
   * scripts runs (what starting with the page costs the page's own title).
   */
  banner: { warm: number; cold: number; title: number; titleWithoutUs: number };
}

interface Percentiles {
  p50: number;
  p95: number;
}

export async function measureTimeToWarning(loads: number): Promise<TimeToWarning> {
  const grid = benchGrid();
  const product = benchProduct();
  const minimalGrid = grid.url.replace('https://shopee.vn/', `https://shopee.vn/${MINIMAL}/`);
  const roundTripGrid = grid.url.replace('https://shopee.vn/', `https://shopee.vn/${ROUND_TRIP}/`);
  const pages = new Map<string, string>([
    [BLANK, '<!doctype html><title>blank</title>'],
    [grid.url, grid.html],
    [minimalGrid, grid.html],
    [roundTripGrid, grid.html],
    [product.url, product.html],
    [product.url.replace('https://shopee.vn/', `https://shopee.vn/${BARE}/`), product.html],
  ]);
  const ours = await ourExtensionFlagging([
    ...grid.keys,
    ...grid.keys.map(nextPageKey),
    product.key,
  ]);
  excludeOurScripts(ours, [
    `https://shopee.vn/${MINIMAL}/*`,
    `https://shopee.vn/${ROUND_TRIP}/*`,
    `https://shopee.vn/${BARE}/*`,
  ]);
  const browser: Browser = await launchChromium({
    extensionDir: ours,
    extraExtensionDirs: [
      minimalExtension([`https://shopee.vn/${MINIMAL}/*`]),
      minimalExtension([`https://shopee.vn/${ROUND_TRIP}/*`], 'roundTrip'),
    ],
    respond: (url) => {
      const body = pages.get(url);
      return body === undefined ? null : { body };
    },
  });
  const added = {
    warm: [] as number[],
    cold: [] as number[],
    minimal: [] as number[],
    roundTrip: [] as number[],
    roundTripCold: [] as number[],
  };
  const firstLoad = { ours: [] as number[], minimal: [] as number[] };
  const banners = {
    warm: [] as number[],
    cold: [] as number[],
    title: [] as number[],
    titleWithoutUs: [] as number[],
  };
  const all = (state: Arrivals) => state.delays.length >= grid.cards;
  try {
    const page = await browser.context.newPage();
    await page.addInitScript(observeArrivals);
    // The first round warms the browser's caches and is not counted.
    for (let load = -1; load < loads; load++) {
      const counted = load >= 0;
      await page.goto(minimalGrid);
      const minimal = await arrivals(page, all);
      if (counted) firstLoad.minimal.push(...minimal.delays);
      await appendCopies(page);
      const minimalAdded = await arrivals(page, all);
      if (counted) added.minimal.push(...minimalAdded.delays);
      for (const temperature of ['warm', 'cold'] as const) {
        await page.goto(roundTripGrid);
        await arrivals(page, all);
        if (temperature === 'cold') await stopWorkers(page);
        await appendCopies(page);
        const floor = await arrivals(page, all);
        if (counted)
          added[temperature === 'warm' ? 'roundTrip' : 'roundTripCold'].push(...floor.delays);
      }
      for (const temperature of ['warm', 'cold'] as const) {
        await page.goto(grid.url);
        const first = await arrivals(page, all);
        if (temperature === 'cold') await stopWorkers(page);
        await appendCopies(page);
        const later = await arrivals(page, all);
        await page.goto(BLANK);
        if (temperature === 'cold') await stopWorkers(page);
        await page.goto(product.url);
        const shown = await arrivals(page, (state) => state.banner >= 0 && state.title >= 0);
        if (!counted) continue;
        if (temperature === 'warm') firstLoad.ours.push(...first.delays);
        added[temperature].push(...later.delays);
        banners[temperature].push(shown.banner);
        banners.title.push(shown.title);
      }
      await page.goto(BLANK);
      await page.goto(product.url.replace('https://shopee.vn/', `https://shopee.vn/${BARE}/`));
      const bare = await arrivals(page, (state) => state.title >= 0);
      if (counted) banners.titleWithoutUs.push(bare.title);
    }
  } finally {
    await browser.close();
  }
  return {
    cards: grid.cards,
    added: {
      warm: summary(added.warm),
      cold: summary(added.cold),
      minimal: summary(added.minimal),
      roundTrip: summary(added.roundTrip),
      roundTripCold: summary(added.roundTripCold),
    },
    firstLoad: { ours: summary(firstLoad.ours), minimal: summary(firstLoad.minimal) },
    banner: {
      warm: median(banners.warm),
      cold: median(banners.cold),
      title: median(banners.title),
      titleWithoutUs: median(banners.titleWithoutUs),
    },
  };
}
