/**
 * A big snapshot in Chromium: its records are checked in workers that an offscreen document starts
 * (a service worker cannot), the result is the same data, a bad record deep in it is still refused
 * with nothing changed, and the offscreen document is gone afterwards.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send, stopWorkers } from '../../scripts/bench/extension-probe';
import { syntheticRecords } from '../../scripts/bench/synthetic-feed';
import {
  buildBlockedSnapshot,
  buildManifest,
  signManifest,
} from '../../server/publish/feed-builder';
import { publishFeed } from '../../server/publish/feed-writer';
import { PARALLEL_MIN_BLOCKS } from '../../utils/feed/sync';
import { type FlagRecord, FlagRecordSchema } from '../../utils/protocol/records';
import { type FeedServer, serveFeed } from '../helpers/static-server';
import { privateKey } from '../helpers/test-keys';
import { badgedItems, eventually, type Harness, launch, openPage } from './harness';

const GRID = 'https://shopee.vn/search?keyword=sua+bot';
const FLAGGED = 'shopee:item:0000000009.0000000301';
const RECORDS = PARALLEL_MIN_BLOCKS * 512 + 4000;

describe('a big snapshot checked in workers', () => {
  let harness: Harness;
  let server: FeedServer;
  let dir: string;
  let options: Page;
  let records: FlagRecord[];

  const offscreenDocuments = () =>
    options.evaluate(
      "chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] }).then((c) => c.length)",
    );

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'soi-hang-feed-workers-'));
    const flagged = FlagRecordSchema.parse({
      ...syntheticRecords(1)[0],
      key: FLAGGED,
      status: 'suspected',
      caseId: 'DEMO-2026-WORKERS',
    });
    records = [...syntheticRecords(RECORDS), flagged];
    await publishFeed({ dir, records, privateKey, publisher: 'Kiểm thử luồng song song (e2e)' });
    server = await serveFeed(dir);
    harness = await launch([{ url: GRID, file: 'shopee/search-grid.html' }], {
      passThrough: (url) => url.startsWith('http://127.0.0.1:'), // this feed and the bad one
    });
    options = await harness.context.newPage();
    await options.goto(`chrome-extension://${harness.extensionId}/options.html`);
  });

  afterAll(async () => {
    await harness?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('checks the records in workers, stores them all and closes the offscreen document', async () => {
    await send(options, 'setFeedUrl', { url: `${server.url}manifest.json` });
    const status = (await send(options, 'syncNow', {})) as {
      sync: { result: string; via: string; checkers?: number };
      data: { recordCount: number };
    };
    expect(status.sync).toMatchObject({ result: 'updated', via: 'snapshot' });
    expect(status.sync.checkers).toBeGreaterThanOrEqual(2);
    // Chrome's service worker has no Worker of its own: the workers came through the offscreen page.
    expect(await harness.worker.evaluate('typeof Worker')).toBe('undefined');
    expect(status.data.recordCount).toBe(records.length);
    expect(await offscreenDocuments()).toBe(0);

    const { page } = await openPage(harness, GRID);
    const badged = await eventually(async () => {
      const items = await badgedItems(page);
      return items.includes('0000000009.0000000301') ? items : undefined;
    }, 'the card flagged in the big snapshot badged');
    expect(badged).toEqual(['0000000009.0000000301']);
  });

  it('closes an offscreen document a stopped background left open when it starts again', async () => {
    await options.evaluate(
      "chrome.offscreen.createDocument({ url: 'offscreen.html', reasons: ['WORKERS'], justification: 'e2e' })",
    );
    expect(await offscreenDocuments()).toBe(1);
    await stopWorkers(options);
    await send(options, 'getDataStatus', {}); // starts the background again
    await eventually(
      async () => ((await offscreenDocuments()) === 0 ? true : undefined),
      'the leftover offscreen document closed',
    );
  });

  it('refuses a bad record deep in a big snapshot, naming its line, and keeps the data', async () => {
    // Written by hand: our publisher refuses to publish an invalid record.
    const bad = records.map((record, i) =>
      i === RECORDS - 10 ? ({ ...record, status: 'bogus' } as unknown as FlagRecord) : record,
    );
    bad.sort((a, b) => (a.key < b.key ? -1 : 1));
    const line = bad.findIndex((record) => (record.status as string) === 'bogus') + 1;
    const feed = path.join(dir, 'bad');
    mkdirSync(feed);
    const snapshot = await buildBlockedSnapshot('snapshot-bad.ndjson.gz', bad);
    writeFileSync(path.join(feed, snapshot.ref.url), snapshot.bytes);
    const now = new Date();
    const { bytes } = buildManifest({
      sequence: 2,
      publisher: 'Kiểm thử luồng song song (e2e)',
      publishedAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + 86_400_000).toISOString(),
      snapshot: snapshot.ref,
      deltas: [],
    });
    writeFileSync(path.join(feed, 'manifest.json'), bytes);
    writeFileSync(path.join(feed, 'manifest.json.sig'), await signManifest(bytes, privateKey));

    const badServer = await serveFeed(feed);
    await send(options, 'setFeedUrl', { url: `${badServer.url}manifest.json` });
    const status = (await send(options, 'syncNow', {})) as {
      sync: { result: string; errorCode: string; message: string };
      data: { sequence: number; recordCount: number };
    };
    expect(status.sync).toMatchObject({ result: 'failed', errorCode: 'invalid_record' });
    expect(status.sync.message).toContain(`line ${line}:`);
    expect(status.data).toMatchObject({ sequence: 1, recordCount: records.length });
    expect(await offscreenDocuments()).toBe(0);
    await badServer.close();
  });
});
