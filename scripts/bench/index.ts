#!/usr/bin/env -S npx tsx
/**
 * `npm run bench`: prints each figure beside its baseline from the same run and merges them into
 * bench-results.json. Benchmarks print figures; they do not pass or fail.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { BUILT_EXTENSION } from './extensions';
import { measurePageCost } from './page-cost';
import { type Figure, mergeResults, round } from './results';

const runs = Number(process.env.BENCH_RUNS ?? 40);

function contentScriptSizes(): Record<string, Figure> {
  const figures: Record<string, Figure> = {};
  for (const site of ['shopee', 'lazada', 'tiki', 'sendo', 'facebook', 'tiktok']) {
    const file = path.join(BUILT_EXTENSION, 'content-scripts', `${site}.js`);
    figures[`content_script_gzip_bytes${site === 'shopee' ? '' : `_${site}`}`] = {
      value: gzipSync(readFileSync(file)).length,
      unit: 'bytes',
    };
  }
  return figures;
}

async function main(): Promise<void> {
  console.log(`page cost: ${runs} interleaved loads per variant…`);
  const cost = await measurePageCost(runs);
  const figures: Record<string, Figure> = {
    cards100_script_ms: { value: round(cost.scriptMsPer100), unit: 'ms per 100 cards' },
    cards100_main_thread_ms: {
      value: round(cost.taskMsPer100.ours),
      unit: 'ms per 100 cards',
      baseline: round(cost.taskMsPer100.minimal),
      ratio: round(cost.taskMsPer100.ratio),
    },
    long_tasks_200_cards: {
      value: cost.longTasks.ours,
      unit: 'long tasks',
      baseline: cost.longTasks.none,
    },
    ...contentScriptSizes(),
  };
  mergeResults(figures);
  console.log(`page: ${cost.grid.source} (${cost.grid.cards} cards) at ${cost.grid.url}`);
  console.log(
    `content script's own JS:     ${figures.cards100_script_ms?.value} ms / 100 cards   (goal ≤ 10)`,
  );
  console.log(
    `added main-thread CPU:       ${round(cost.taskMsPer100.ours)} ms / 100 cards; minimal badge script ${round(cost.taskMsPer100.minimal)}; ratio ${round(cost.taskMsPer100.ratio)} (goal ≤ 1.2); each ± ${round(cost.taskMsPer100.error)} ms`,
  );
  console.log(
    `long tasks scrolling 200 cards: ${cost.longTasks.ours} with the extension, ${cost.longTasks.none} without (goal: none added)`,
  );
  console.log(
    `Shopee content script: ${figures.content_script_gzip_bytes?.value} bytes gzip (goal ≤ 25 KB)`,
  );
  console.log('written to bench-results.json');
}

await main();
