#!/usr/bin/env -S npx tsx
/**
 * `npm run bench:profile`: where the content script's time goes on the real grid. Ten loads of the
 * benchmark grid (the real capture, every card flagged, as in the page-cost benchmark), each under
 * V8's sampling profiler (100 µs), with the unminified profiling build so functions keep their
 * names; then, on each loaded grid, the 60 cards an infinite grid adds next (copies for other
 * items, flagged too), profiled apart. Prints, per load and per addition: our script's own (self)
 * time, the time inside each of its main steps (inclusive), its top functions by self time, and
 * the garbage collector's time. A profile explains a benchmark's figure; it does not replace it.
 *
 *   PROFILE_LOADS=10   loads profiled (after one warm-up load)
 *   PROFILE_BUILD=dir  another unminified build to profile (an earlier commit's, to compare)
 */
import type { CDPSession, Page } from 'playwright-core';
import { launchChromium } from '../chromium';
import { ourExtensionFlagging, PROFILE_EXTENSION } from './extensions';
import { benchGrid } from './page-cost';
import { round } from './results';
import { appendCopies, nextPageKey } from './time-to-warning';

const LOADS = Number(process.env.PROFILE_LOADS ?? 10);
const BLANK = 'https://shopee.vn/bench-blank';
const SETTLE_MS = 1000;
/** The steps whose inclusive time is printed, by function name in the unminified build. */
const STEPS = [
  'main',
  'startSite',
  'scan',
  'extract',
  'toLookUp',
  'lookupBatch',
  'mount',
  'badgeElement',
  'applyStyles',
  'attachPopover',
  'place',
  'offerReport',
];

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** One profile's time: self by function, inclusive by step, ours in all, and the collector's (ms). */
class Totals {
  readonly self = new Map<string, number>();
  readonly inclusive = new Map<string, number>();
  ourSelf = 0;
  gc = 0;

  add(profile: Profile, ours: (url: string) => boolean): void {
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const parent = new Map<number, number>();
    for (const node of profile.nodes) {
      for (const child of node.children ?? []) parent.set(child, node.id);
    }
    const more = (map: Map<string, number>, key: string, ms: number) =>
      map.set(key, (map.get(key) ?? 0) + ms);
    profile.samples.forEach((id, i) => {
      // A sample's time is the delta to the next one.
      const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
      const frame = byId.get(id)?.callFrame;
      if (!frame) return;
      if (frame.functionName === '(garbage collector)') this.gc += ms;
      if (ours(frame.url)) {
        this.ourSelf += ms;
        more(this.self, `${frame.functionName || '(anonymous)'}:${frame.lineNumber + 1}`, ms);
      }
      const seen = new Set<string>();
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const step = byId.get(at)?.callFrame;
        if (!step || !ours(step.url) || !STEPS.includes(step.functionName)) continue;
        if (seen.has(step.functionName)) continue;
        seen.add(step.functionName);
        more(this.inclusive, step.functionName, ms);
      }
    });
  }

  print(title: string, count: number): void {
    const each = (ms: number) => `${round(ms / count)} ms`;
    console.log(title);
    console.log(`  our scripts' own time:  ${each(this.ourSelf)}`);
    console.log(`  garbage collection:     ${each(this.gc)} (the whole page's, ours among it)`);
    console.log('  steps (inclusive):');
    for (const step of STEPS) {
      const ms = this.inclusive.get(step);
      if (ms !== undefined) console.log(`    ${step.padEnd(16)} ${each(ms)}`);
    }
    console.log('  top functions (self):');
    const top = [...this.self].sort((a, b) => b[1] - a[1]).slice(0, 15);
    for (const [name, ms] of top) console.log(`    ${name.padEnd(36)} ${each(ms)}`);
  }
}

async function profiled(session: CDPSession, work: () => Promise<void>): Promise<Profile> {
  await session.send('Profiler.start');
  await work();
  return ((await session.send('Profiler.stop')) as { profile: Profile }).profile;
}

const badgesOn = (page: Page) =>
  page.evaluate(() => document.querySelectorAll('soi-hang-badge').length);

async function main(): Promise<void> {
  const grid = benchGrid();
  const dir = await ourExtensionFlagging(
    [...grid.keys, ...grid.keys.map(nextPageKey)],
    process.env.PROFILE_BUILD ?? PROFILE_EXTENSION,
  );
  const pages = new Map([
    [BLANK, '<!doctype html><title>blank</title>'],
    [grid.url, grid.html],
  ]);
  const browser = await launchChromium({
    extensionDir: dir,
    respond: (url) => {
      const body = pages.get(url);
      return body === undefined ? null : { body };
    },
  });
  const ours = (url: string) =>
    url.startsWith(`chrome-extension://${browser.extensionId}/`) && !url.includes('background');
  const loads = new Totals();
  const additions = new Totals();
  try {
    for (let load = -1; load < LOADS; load++) {
      const page = await browser.context.newPage();
      await page.goto(BLANK);
      const session = await browser.context.newCDPSession(page);
      await session.send('Profiler.enable');
      await session.send('Profiler.setSamplingInterval', { interval: 100 });
      const first = await profiled(session, async () => {
        await page.goto(grid.url, { waitUntil: 'load' });
        await page.waitForTimeout(SETTLE_MS);
      });
      if ((await badgesOn(page)) < grid.cards) throw new Error(`fewer badges than cards`);
      const next = await profiled(session, async () => {
        await appendCopies(page);
        await page.waitForTimeout(SETTLE_MS);
      });
      if ((await badgesOn(page)) < 2 * grid.cards) throw new Error('added cards not badged');
      await page.close();
      if (load < 0) continue; // the warm-up load
      loads.add(first, ours);
      additions.add(next, ours);
    }
  } finally {
    await browser.close();
  }
  loads.print(
    `${grid.source}: ${grid.cards} cards, per load of ${LOADS} (sampled every 100 µs):`,
    LOADS,
  );
  additions.print(`the ${grid.cards} cards an infinite grid adds next, per addition:`, LOADS);
}

await main();
