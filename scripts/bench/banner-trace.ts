#!/usr/bin/env -S npx tsx
/**
 * `npm run bench:banner`: where a flagged product's banner spends its time, step by step. Loads the
 * real product capture (flagged in a copy of the profiling build) again and again, and prints the
 * median time from navigation start to each step: the page's own (its HTML parsed, its title
 * inserted and painted, its first paint) and ours, from the marks the profiling build puts on the
 * page's timeline (components/page/trace-step.ts): the script's start, the page UI chunk loaded,
 * the lookup sent and answered, the banner's host inserted, drawn by the chunk, and painted. A
 * trace explains the time to banner of `npm run bench`; it does not replace it.
 *
 *   TRACE_LOADS=20      loads counted (after one warm-up load)
 *   TRACE_EACH=1        also prints every load's steps, in order
 *   PROFILE_BUILD=dir   another profiling build to trace (an earlier commit's, to compare)
 */
import type { Page } from 'playwright-core';
import { launchChromium } from '../chromium';
import { excludeOurScripts, ourExtensionFlagging, PROFILE_EXTENSION } from './extensions';
import { median, round } from './results';
import { benchProduct } from './time-to-warning';

const LOADS = Number(process.env.TRACE_LOADS ?? 20);
const BLANK = 'https://shopee.vn/bench-blank';
/** Where our scripts do not run: the same page without us, for the title's own time. */
const BARE = 'bench-bare';

/** Runs in the page's main world before anything else: when the title and the banner arrive. */
function observeTitleAndBanner(): void {
  // Written out without named helpers: this function runs in the page as its text, without the
  // helpers a bundler adds (a `const` arrow gets one). The first time of each step counts.
  const seen: Record<string, number> = {};
  (globalThis as { __seen?: typeof seen }).__seen = seen;
  // A frame callback runs before the frame's rendering; a timer set from it fires once it is done.
  // A resize observer's callback runs after the frame's layout.
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        if (node.tagName === 'SOI-HANG-BANNER') {
          new ResizeObserver((entries, observer) => {
            if ((entries[0]?.contentRect.height ?? 0) === 0) return;
            observer.disconnect();
            seen['banner laid out'] ??= performance.now();
            setTimeout(() => {
              seen['banner painted'] ??= performance.now();
            }, 0);
          }).observe(node);
        } else if (seen['title inserted'] === undefined && node.tagName === 'H1') {
          seen['title inserted'] = performance.now();
          requestAnimationFrame(() =>
            setTimeout(() => {
              seen['title painted'] ??= performance.now();
            }, 0),
          );
        }
      }
    }
  }).observe(document, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', () => {
    seen.DOMContentLoaded ??= performance.now();
  });
}

/** Every step of one load, in ms from navigation start. */
async function stepsOf(page: Page): Promise<Record<string, number>> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const steps = await page.evaluate(() => {
      const seen = (globalThis as { __seen?: Record<string, number> }).__seen ?? {};
      const [navigation] = performance.getEntriesByType(
        'navigation',
      ) as PerformanceNavigationTiming[];
      const page: Record<string, number> = { ...seen };
      if (navigation) {
        page['response started'] = navigation.responseStart;
        page['response ended'] = navigation.responseEnd;
        page['DOM interactive'] = navigation.domInteractive;
      }
      for (const paint of performance.getEntriesByType('paint')) page[paint.name] = paint.startTime;
      for (const mark of performance.getEntriesByType('mark')) {
        if (mark.name.startsWith('soi-hang:'))
          page[`ours: ${mark.name.slice(9)}`] ??= mark.startTime;
      }
      return page;
    });
    if (steps['banner painted'] !== undefined && steps['title painted'] !== undefined) return steps;
    if (Date.now() > deadline) throw new Error(`no banner within 15 s (${JSON.stringify(steps)})`);
    await page.waitForTimeout(50);
  }
}

async function main(): Promise<void> {
  const product = benchProduct();
  const bare = product.url.replace('https://shopee.vn/', `https://shopee.vn/${BARE}/`);
  const dir = await ourExtensionFlagging(
    [product.key],
    process.env.PROFILE_BUILD ?? PROFILE_EXTENSION,
  );
  excludeOurScripts(dir, [`https://shopee.vn/${BARE}/*`]);
  const pages = new Map([
    [BLANK, '<!doctype html><title>blank</title>'],
    [product.url, product.html],
    [bare, product.html],
  ]);
  const browser = await launchChromium({
    extensionDir: dir,
    respond: (url) => {
      const body = pages.get(url);
      return body === undefined ? null : { body };
    },
  });
  const loads: Record<string, number>[] = [];
  try {
    const page = await browser.context.newPage();
    await page.addInitScript(observeTitleAndBanner);
    for (let load = -1; load < LOADS; load++) {
      // The same page without us first, in the same round: the page's own times, unslowed by us.
      await page.goto(BLANK);
      await page.goto(bare, { waitUntil: 'load' });
      const without = await page.evaluate(
        () => (globalThis as { __seen?: Record<string, number> }).__seen ?? {},
      );
      await page.goto(BLANK);
      await page.goto(product.url);
      const steps = await stepsOf(page);
      if (without['title painted'] !== undefined) {
        steps['title painted, without us'] = without['title painted'];
      }
      if (load >= 0) loads.push(steps);
    }
  } finally {
    await browser.close();
  }
  if (process.env.TRACE_EACH) {
    for (const steps of loads) {
      const ordered = Object.entries(steps).sort((a, b) => a[1] - b[1]);
      console.log(ordered.map(([name, ms]) => `${name} ${Math.round(ms)}`).join(' · '));
    }
  }
  const names = [...new Set(loads.flatMap((steps) => Object.keys(steps)))];
  const medians = names
    .map((name) => {
      const times = loads
        .map((steps) => steps[name])
        .filter((ms): ms is number => ms !== undefined);
      return { name, ms: median(times), count: times.length };
    })
    .sort((a, b) => a.ms - b.ms);
  console.log(`a flagged product's banner, ${LOADS} warm loads: medians from navigation start`);
  for (const { name, ms, count } of medians) {
    const some = count < loads.length ? ` (in ${count} of ${loads.length} loads)` : '';
    console.log(`  ${name.padEnd(28)} ${String(round(ms)).padStart(8)} ms${some}`);
  }
  const gap = (from: string) =>
    round(median(loads.map((steps) => (steps['banner painted'] ?? 0) - (steps[from] ?? 0))));
  console.log(`  banner painted after the title: median ${gap('title painted')} ms`);
  console.log(
    `  banner painted after the title painted without us: median ${gap('title painted, without us')} ms`,
  );
}

await main();
