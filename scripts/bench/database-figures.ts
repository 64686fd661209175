/**
 * The flag database at scale, in Debian's Chromium inside the real extension (its e2e build, which
 * trusts the test publisher key): a synthetic feed of `count` records is published with the real
 * publisher, served by the real static server on 127.0.0.1 and synced through the extension's own
 * messages. Each figure comes with a baseline measured in the same run: one IndexedDB record and
 * one `get` per key, in the same extension origin.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { publishFeed } from '../../server/publish/feed-writer';
import { type FeedServer, serveFeed } from '../../tests/helpers/static-server';
import type { FlagRecord } from '../../utils/protocol/records';
import { type Browser, launchChromium } from '../chromium';
import { random } from '../seeded-random';
import {
  contentWorld,
  idbDiskBytes,
  inWorld,
  roundTrips,
  send,
  stopWorkers,
  workerHeapBytes,
} from './extension-probe';
import { E2E_EXTENSION } from './extensions';
import { median, percentile } from './results';
import { onePercentLater, syntheticKey, syntheticRecords } from './synthetic-feed';

const PAGE = 'https://shopee.vn/bench-lookups';
const PRIVATE_KEY = readFileSync(
  path.resolve(import.meta.dirname, '../../tests/keys/test-publisher.private.key'),
  'utf8',
).trim();

export interface DatabaseFigures {
  count: number;
  snapshotApplyMs: number;
  /** One record a row, measured on `baselineCount` records (all of them unless limited) and scaled to `count`. */
  oneRowApplyMs: number;
  baselineCount: number;
  deltaBytes: number;
  deltaApplyMs: number;
  idbBytes: number;
  oneRowIdbBytes: number;
  roundTripP95Ms: number;
  /** The same batches as one-off runtime messages instead of the request port. */
  roundTripOneOffP95Ms: number;
  /** Batches without a flagged key (what most pages send). */
  roundTripNoHitP95Ms: number;
  /** The service worker's JS heap with every record synced, after those lookups. */
  workerHeapBytes: number;
  /** The same with only the shipped data, before the sync. */
  shippedWorkerHeapBytes: number;
  oneGetPerKeyP95Ms: number;
  /** From the worker's start to its index answering, as the worker measures it. */
  coldStartP50Ms: number;
  coldStartAfterBrowserStartMs: number;
  /** The whole first lookup from the page, the browser's start of the worker included. */
  coldRoundTripP50Ms: number;
  /** What a worker start costs without the index blob: reading every record (scaled). */
  readAllRecordsMs: number;
}

/**
 * Batches as a grid page sends them: 200 keys, a few of them flagged (3 here, more than a real
 * page usually has, unless `flagged` is false), different keys every time so no cache helps.
 */
function pageBatches(
  records: readonly FlagRecord[],
  count: number,
  seed: number,
  flagged = true,
): string[][] {
  const next = random(seed);
  return Array.from({ length: count }, () =>
    Array.from({ length: 200 }, (_, i) =>
      flagged && i % 67 === 0
        ? (records[Math.floor(next() * records.length)] as FlagRecord).key
        : syntheticKey(next),
    ),
  );
}

async function launch(profile: string, server: FeedServer): Promise<Browser> {
  return launchChromium({
    extensionDir: E2E_EXTENSION,
    profile,
    passThrough: (url) => url.startsWith(server.url),
    respond: (url) =>
      url === PAGE ? { body: '<!doctype html><title>bench</title><p>lookups</p>' } : null,
  });
}

export async function measureDatabase(
  count: number,
  log: (line: string) => void,
): Promise<DatabaseFigures> {
  log(`generating ${count} synthetic records…`);
  const records = syntheticRecords(count);
  const dir = mkdtempSync(path.join(tmpdir(), 'soi-hang-bench-feed-'));
  const profile = mkdtempSync(path.join(tmpdir(), 'soi-hang-bench-profile-'));
  // Synthetic records that stand in for the shipped data, however few a run asks for.
  await publishFeed({
    dir,
    records,
    privateKey: PRIVATE_KEY,
    publisher: 'Benchmark',
    replacesShipped: true,
  });
  const server = await serveFeed(dir);
  let browser = await launch(profile, server);
  try {
    const extensionId = browser.extensionId as string;
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await send(options, 'getDataStatus', {}); // the shipped data loaded
    const shippedWorkerHeap = await workerHeapBytes(options);
    await send(options, 'setFeedUrl', { url: `${server.url}manifest.json` });
    log('syncing the snapshot in the extension…');
    const first = (await send(options, 'syncNow', {})) as {
      sync: {
        result: string;
        applyMs: number;
        parseMs: number;
        storeMs: number;
        checkers?: number;
      };
    };
    if (first.sync.result !== 'updated')
      throw new Error(`snapshot sync: ${JSON.stringify(first.sync)}`);
    const snapshotApplyMs = first.sync.applyMs;
    log(
      `  parse and check ${Math.round(first.sync.parseMs)} ms (${first.sync.checkers ?? 'no'} check workers), store ${Math.round(first.sync.storeMs)} ms`,
    );
    await new Promise((resolve) => setTimeout(resolve, 2000)); // let LevelDB settle its files
    const idbBytes = idbDiskBytes(profile, extensionId);

    log('publishing and syncing a 1% delta…');
    const later = onePercentLater(records);
    const published = await publishFeed({
      dir,
      records: later,
      privateKey: PRIVATE_KEY,
      publisher: 'Benchmark',
    });
    const deltaBytes = statSync(path.join(dir, published.delta as string)).size;
    const second = (await send(options, 'syncNow', {})) as {
      sync: { result: string; via: string; applyMs: number };
    };
    if (second.sync.via !== 'delta') throw new Error(`delta sync: ${JSON.stringify(second.sync)}`);
    const deltaApplyMs = second.sync.applyMs;
    log(`  delta applied in ${Math.round(deltaApplyMs)} ms`);

    log('lookup round trips from the content script…');
    const page = await browser.context.newPage();
    await page.goto(PAGE);
    let world = await contentWorld(page, extensionId);
    await inWorld(world, roundTrips(pageBatches(later, 20, 4))); // warm-up
    const trips = await inWorld<number[]>(world, roundTrips(pageBatches(later, 300, 5)));
    const oneOffTrips = await inWorld<number[]>(
      world,
      roundTrips(pageBatches(later, 300, 6), true),
    );
    const noHitTrips = await inWorld<number[]>(
      world,
      roundTrips(pageBatches(later, 300, 7, false)),
    );
    const workerHeap = await workerHeapBytes(page);

    log('cold service worker starts…');
    const cold: number[] = [];
    const workerReady: number[] = [];
    for (let i = 0; i < 15; i++) {
      await stopWorkers(page);
      await new Promise((resolve) => setTimeout(resolve, 300));
      cold.push(...(await inWorld<number[]>(world, roundTrips(pageBatches(later, 1, 100 + i)))));
      // The worker's own account: from its start to its index answering (its time origin on).
      workerReady.push(
        ((await send(options, 'getDataStatus', {})) as { workerReadyMs: number }).workerReadyMs,
      );
    }

    // Before the baseline: its own database (hundreds of megabytes at a million records) shares the
    // extension origin's store, which a browser start would then have to open as well.
    log('cold start right after a browser start…');
    const afterStart: number[] = [];
    for (let i = 0; i < 3; i++) {
      await browser.close();
      browser = await launch(profile, server);
      const fresh = await browser.context.newPage();
      await fresh.goto(PAGE);
      world = await contentWorld(fresh, extensionId);
      afterStart.push(
        ...(await inWorld<number[]>(world, roundTrips(pageBatches(later, 1, 200 + i)))),
      );
    }

    // The browser was started again: the baseline runs in a new page of the same extension origin.
    const baselinePage = await browser.context.newPage();
    await baselinePage.goto(`chrome-extension://${extensionId}/options.html`);

    log('baseline: one IndexedDB record and one get per key…');
    const baselineCount = Math.min(count, Number(process.env.BENCH_BASELINE_RECORDS ?? count));
    const before = idbDiskBytes(profile, extensionId);
    let oneRowMs = 0;
    const baselineRecords = later.slice(0, baselineCount);
    for (let at = 0; at < baselineRecords.length; at += 10_000) {
      const slice = JSON.stringify(baselineRecords.slice(at, at + 10_000));
      oneRowMs += (await baselinePage.evaluate(`(async () => {
        const db = await new Promise((resolve, reject) => {
          const open = indexedDB.open('bench-one-row-per-record', 1);
          open.onupgradeneeded = () => open.result.createObjectStore('flags', { keyPath: 'key' });
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        const records = ${slice};
        const t = performance.now();
        await new Promise((resolve, reject) => {
          const tx = db.transaction('flags', 'readwrite');
          for (const record of records) tx.objectStore('flags').put(record);
          tx.oncomplete = resolve;
          tx.onerror = () => reject(tx.error);
        });
        db.close();
        return performance.now() - t;
      })()`)) as number;
    }
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const oneRowIdbBytes = idbDiskBytes(profile, extensionId) - before;
    const baselineKeys = JSON.stringify(pageBatches(baselineRecords, 1, 6)[0]);
    const baseline = (await baselinePage.evaluate(`(async () => {
      const db = await new Promise((resolve) => {
        const open = indexedDB.open('bench-one-row-per-record', 1);
        open.onsuccess = () => resolve(open.result);
      });
      const keys = ${baselineKeys};
      const gets = [];
      for (let i = 0; i < 100; i++) {
        const t = performance.now();
        await new Promise((resolve) => {
          const tx = db.transaction('flags');
          let left = keys.length;
          for (const key of keys) tx.objectStore('flags').get(key).onsuccess = () => { if (--left === 0) resolve(); };
        });
        gets.push(performance.now() - t);
      }
      const t = performance.now();
      await new Promise((resolve) => {
        db.transaction('flags').objectStore('flags').getAll().onsuccess = resolve;
      });
      const readAll = performance.now() - t;
      db.close();
      return { gets, readAll };
    })()`)) as { gets: number[]; readAll: number };

    const scale = count / baselineCount;
    return {
      count,
      snapshotApplyMs,
      oneRowApplyMs: oneRowMs * scale,
      baselineCount,
      deltaBytes,
      deltaApplyMs,
      idbBytes,
      oneRowIdbBytes: oneRowIdbBytes * scale,
      roundTripP95Ms: percentile(trips, 95),
      roundTripOneOffP95Ms: percentile(oneOffTrips, 95),
      roundTripNoHitP95Ms: percentile(noHitTrips, 95),
      workerHeapBytes: workerHeap,
      shippedWorkerHeapBytes: shippedWorkerHeap,
      oneGetPerKeyP95Ms: percentile(baseline.gets, 95),
      coldStartP50Ms: median(workerReady),
      // Chromium starts the worker with the browser, before any page asks: what the shopper waits
      // for is the first lookup's round trip.
      coldStartAfterBrowserStartMs: median(afterStart),
      coldRoundTripP50Ms: median(cold),
      readAllRecordsMs: baseline.readAll * scale,
    };
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}
