/**
 * What the content script costs the page, measured the way the floor was: CDP `Performance.getMetrics`
 * in `threadTicks` mode (main-thread CPU, not wall time), the same page loaded without an extension,
 * with the minimal badge extension and with ours, runs interleaved in one browser, trimmed means
 * compared.
 *
 * The page is the largest real grid capture (60 cards) with its scripts removed, so only the
 * extensions' work differs between runs, served at shopee.vn (the only Shopee host the extension
 * runs on) under the capture's own path, and for the other variants under a prefix of their own.
 * Its ids get leading zeros, turning them into reserved demo ids, and the benchmark copy of our
 * extension flags every one, so both extensions draw 60 badges.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { type Browser, launchChromium } from '../chromium';
import { savedFromUrl } from '../offline-dom';
import { excludeOurScripts, minimalExtension, ourExtensionFlagging } from './extensions';
import { median, trimmedMean } from './results';

export const CAPTURE = path.resolve(
  import.meta.dirname,
  '../../../shared/fixtures/shopee/shopee-sg-search-grid-rendered-dom-2025-09.html',
);
const OWN_GRID = path.resolve(
  import.meta.dirname,
  '../../tests/fixtures/shopee/infinite-grid.html',
);
const BLANK = 'https://shopee.vn/bench-blank';
/** A Shopee page without a card: what our script costs a page before any card (its start). */
const EMPTY = 'https://shopee.vn/search?keyword=khong+co+ket+qua';
const EMPTY_PAGE =
  '<!doctype html><html lang="vi"><title>Shopee</title><main><p>Không có kết quả</p></main></html>';
const SETTLE_MS = 1000;

export interface GridPage {
  url: string;
  html: string;
  cards: number;
  keys: string[];
  source: string;
}

/**
 * A capture's Shopee ids turned into reserved demo ids (leading zeros), and the item keys it names
 * then: what the benchmark copy of our extension flags.
 */
export function withReservedIds(text: string): { text: string; keys: string[] } {
  const keys = new Set<string>();
  const replaced = text.replace(/-i\.(\d+)\.(\d+)/g, (_match, shop: string, item: string) => {
    keys.add(`shopee:item:000${shop}.000${item}`);
    return `-i.000${shop}.000${item}`;
  });
  return { text: replaced, keys: [...keys] };
}

/** The benchmark grid: the real capture when ../shared is there. */
export function benchGrid(): GridPage {
  if (!existsSync(CAPTURE)) throw new Error(`the real grid capture is missing: ${CAPTURE}`);
  const raw = readFileSync(CAPTURE, 'utf8');
  const original = new URL(savedFromUrl(raw) ?? 'https://shopee.sg/search');
  const { text: html, keys } = withReservedIds(raw.replace(/<script\b[\s\S]*?<\/script>/gi, ''));
  return {
    url: `https://shopee.vn${original.pathname}${original.search}`,
    html,
    cards: (raw.match(/data-sqe="item"/g) ?? []).length,
    keys,
    source: path.basename(CAPTURE),
  };
}

type Variant = 'none' | 'minimal' | 'ours';

/**
 * Where each variant's pages live. All three run in one browser, with both extensions loaded: ours
 * stays off the `none` and `minimal` pages and the minimal one runs on its own only. Separate
 * browsers differed from each other by more than the variants did (a browser's own state, not the
 * extension, decided whether a load met a rendering or a collection), which interleaving across
 * browsers does not cancel.
 */
const PREFIX: Record<Variant, string> = {
  none: '/bench-none',
  minimal: '/bench-minimal',
  ours: '',
};
const BADGE_TAG: Record<Variant, string | null> = {
  none: null,
  minimal: 'bench-badge',
  ours: 'soi-hang-badge',
};

function variantUrl(variant: Variant, url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${PREFIX[variant]}${parsed.pathname}${parsed.search}`;
}

interface Metrics {
  task: number;
  script: number;
}

async function metrics(session: CDPSession): Promise<Metrics> {
  const { metrics: list } = (await session.send('Performance.getMetrics')) as {
    metrics: Array<{ name: string; value: number }>;
  };
  const get = (name: string) => (list.find((m) => m.name === name)?.value ?? 0) * 1000;
  return { task: get('TaskDuration'), script: get('ScriptDuration') };
}

async function hostsCount(page: Page, tag: string): Promise<number> {
  return page.evaluate((name) => document.querySelectorAll(name).length, tag);
}

/** One load: main-thread task and script time the navigation and the extension's work took. */
async function measureLoad(
  browser: Browser,
  grid: GridPage,
  variant: Variant,
  url = variantUrl(variant, grid.url),
): Promise<Metrics> {
  const page = await browser.context.newPage();
  await page.goto(BLANK);
  const session = await browser.context.newCDPSession(page);
  await session.send('Performance.enable', { timeDomain: 'threadTicks' });
  const before = await metrics(session);
  await page.goto(url, { waitUntil: 'load' });
  // A fixed settle, the same for every variant, and nothing evaluated in the page meanwhile: polling
  // with page.evaluate would itself count as page script time, more for whoever draws later.
  await page.waitForTimeout(SETTLE_MS);
  const after = await metrics(session);
  const tag = BADGE_TAG[variant];
  const drawn = await hostsCount(page, tag ?? 'bench-badge, soi-hang-badge');
  await page.close();
  const cards = url === EMPTY ? 0 : grid.cards;
  if (tag && cards > 0 ? drawn < cards : drawn > 0) {
    throw new Error(`${variant}: ${drawn} badges after ${SETTLE_MS} ms (${grid.cards} cards)`);
  }
  return { task: after.task - before.task, script: after.script - before.script };
}

/** Long tasks (≥ 50 ms) on the main thread while a 200-card page is scrolled to its end. */
async function longTasksWhileScrolling(browser: Browser, url: string): Promise<number> {
  const page = await browser.context.newPage();
  await page.addInitScript(() => {
    const seen: number[] = [];
    (globalThis as { __longTasks?: number[] }).__longTasks = seen;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) seen.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(url);
  for (let round = 0; round < 40; round++) {
    if ((await page.locator('#end').getAttribute('data-loaded')) === '200') break;
    await page.mouse.wheel(0, 4000);
    await page.waitForTimeout(60);
  }
  await page.waitForTimeout(500);
  const count = await page.evaluate(
    () => ((globalThis as { __longTasks?: number[] }).__longTasks ?? []).length,
  );
  await page.close();
  return count;
}

/** A mean with its 95% confidence interval (Student's t over the runs). */
export interface Interval {
  mean: number;
  low: number;
  high: number;
}

export interface PageCostResult {
  grid: GridPage;
  runs: number;
  /** Own JS (script time) per 100 cards: ours, and the minimal badge script's in the same run. */
  scriptMsPer100: { ours: number; minimal: number };
  /** Our script's own JS on a Shopee page without cards (its start alone), per load. */
  startScriptMs: number;
  /** Added main-thread CPU per 100 cards, against the same run's load without an extension. */
  taskMsPer100: { ours: Interval; minimal: Interval };
  longTasks: { ours: number; none: number };
}

/** Two-sided 95% Student's t quantiles by degrees of freedom (30 and up: 2.04 → 1.96). */
function t95(df: number): number {
  if (df >= 120) return 1.98;
  if (df >= 60) return 2.0;
  if (df >= 40) return 2.02;
  if (df >= 30) return 2.04;
  return 2.09; // 20 runs
}

/** The mean of paired differences (one per interleaved run) with its 95% interval. */
export function pairedInterval(values: readonly number[], others: readonly number[]): Interval {
  const differences = values.map((value, i) => value - (others[i] ?? 0));
  const n = differences.length;
  const mean = differences.reduce((sum, d) => sum + d, 0) / n;
  const variance = differences.reduce((sum, d) => sum + (d - mean) ** 2, 0) / Math.max(n - 1, 1);
  const half = t95(n - 1) * Math.sqrt(variance / n);
  return { mean, low: mean - half, high: mean + half };
}

export async function measurePageCost(runs: number): Promise<PageCostResult> {
  const grid = benchGrid();
  const infiniteUrl = 'https://shopee.vn/search?keyword=cuon+vo+han';
  const infinite = readFileSync(OWN_GRID, 'utf8');
  const pages = new Map<string, string>([
    [BLANK, '<!doctype html><title>blank</title>'],
    [EMPTY, EMPTY_PAGE],
  ]);
  for (const variant of Object.keys(PREFIX) as Variant[]) {
    pages.set(variantUrl(variant, grid.url), grid.html);
    pages.set(variantUrl(variant, infiniteUrl), infinite);
    pages.set(variantUrl(variant, EMPTY), EMPTY_PAGE);
  }
  const ours = await ourExtensionFlagging(grid.keys);
  excludeOurScripts(ours, [
    `https://shopee.vn${PREFIX.none}/*`,
    `https://shopee.vn${PREFIX.minimal}/*`,
  ]);
  const browser = await launchChromium({
    extensionDir: ours,
    extraExtensionDirs: [minimalExtension([`https://shopee.vn${PREFIX.minimal}/*`])],
    respond: (url) => {
      const body = pages.get(url);
      return body === undefined ? null : { body };
    },
  });
  const variants = Object.keys(PREFIX) as Variant[];
  const samples: Record<Variant, Metrics[]> = { none: [], minimal: [], ours: [] };
  /** Our script on the page without cards, beside the same page without an extension's script. */
  const empty = { ours: [] as Metrics[], none: [] as Metrics[] };
  try {
    // One warm-up load each (the first pays for process start-up), then interleaved runs.
    for (const variant of variants) await measureLoad(browser, grid, variant);
    for (let run = 0; run < runs; run++) {
      for (const variant of variants)
        samples[variant].push(await measureLoad(browser, grid, variant));
      empty.ours.push(await measureLoad(browser, grid, 'ours', EMPTY));
      empty.none.push(await measureLoad(browser, grid, 'none', variantUrl('none', EMPTY)));
    }
    const longTasks = { ours: [] as number[], none: [] as number[] };
    for (let run = 0; run < 5; run++) {
      longTasks.none.push(await longTasksWhileScrolling(browser, variantUrl('none', infiniteUrl)));
      longTasks.ours.push(await longTasksWhileScrolling(browser, infiniteUrl));
    }
    if (process.env.BENCH_DEBUG) {
      for (const [variant, list] of Object.entries(samples)) {
        console.log(
          variant,
          list.map((m) => `${m.task.toFixed(0)}/${m.script.toFixed(0)}`).join(' '),
        );
      }
    }
    // Own JS: trimmed means (a few loads meet a garbage collection, which is not the script's).
    // Added CPU: each run's loads side by side, so what the browser did that moment cancels out,
    // and an interval over the runs instead of one figure whose noise hides in a ratio.
    const per100 = 100 / grid.cards;
    const scriptOf = (variant: Variant) =>
      (trimmedMean(samples[variant].map((m) => m.script)) -
        trimmedMean(samples.none.map((m) => m.script))) *
      per100;
    const taskOf = (variant: Variant) => {
      const interval = pairedInterval(
        samples[variant].map((m) => m.task),
        samples.none.map((m) => m.task),
      );
      return {
        mean: interval.mean * per100,
        low: interval.low * per100,
        high: interval.high * per100,
      };
    };
    return {
      grid,
      runs,
      scriptMsPer100: { ours: scriptOf('ours'), minimal: scriptOf('minimal') },
      startScriptMs:
        trimmedMean(empty.ours.map((m) => m.script)) - trimmedMean(empty.none.map((m) => m.script)),
      taskMsPer100: { ours: taskOf('ours'), minimal: taskOf('minimal') },
      longTasks: { ours: median(longTasks.ours), none: median(longTasks.none) },
    };
  } finally {
    await browser.close();
  }
}
