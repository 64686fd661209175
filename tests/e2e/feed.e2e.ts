/**
 * The signed feed, end to end: a real HTTP server on 127.0.0.1 serves a feed published with the test
 * key; the release build pinned to that key (as a deployer pins theirs) syncs from it when the
 * shopper clicks "Cập nhật ngay", refuses a tampered manifest, and shows the scam-site page for listed domains.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRecords } from '../../scripts/default-feed';
import { publishFeed } from '../../server/publish/feed-writer';
import { type FlagRecord, FlagRecordSchema } from '../../utils/protocol/records';
import { type FeedServer, serveFeed } from '../helpers/static-server';
import { privateKey } from '../helpers/test-keys';
import {
  badgedItems,
  eventually,
  fixturesOf,
  type Harness,
  launch,
  openPage,
  syncNow,
  useFeed,
} from './harness';
import { expectScamPage, expectTamperRefused, SCAM_SITE, viCount } from './journey-checks';
import { banner } from './warning-probes';

const GRID = 'https://shopee.vn/search?keyword=sua+bot';
const PRODUCT = 'https://shopee.vn/Sua-bot-mau-A-900g-i.0000000007.0000000101';
const SCAM = SCAM_SITE.url;
/** Another listed domain: the first one is allowed for the session once the shopper continues. */
const OTHER_SCAM = 'https://000000.live/khuyen-mai';
/** Listed in a later feed: one confirmed, one cleared by an authority, one whose record expired. */
const CONFIRMED_SCAM = 'https://newly-listed-scam.com/uu-dai';
const CLEARED_SITE = 'https://cleared-shop.com/';
const EXPIRED_SITE = 'https://expired-listing-shop.com/';
/** Facebook's listing page at an address no record names: only the phone its text gives is flagged. */
const UNFLAGGED_FACEBOOK_LISTING = 'https://www.facebook.com/marketplace/item/0000000899/';
/** The publisher's feed holds what the extension ships with (real sources and demo records). */
let demo: FlagRecord[] = [];
/** A grid card the shipped data does not flag; the new feed does. */
const NEWLY_FLAGGED = 'shopee:item:0000000009.0000000301';
/** Grid and product pages of every site, for the privacy check. */
const SITE_PAGES = ['shopee', 'lazada', 'tiki', 'sendo', 'facebook', 'tiktok']
  .flatMap(fixturesOf)
  .filter(({ expected }) => expected.pageKind === 'grid' || expected.pageKind === 'product')
  // Pages where something is flagged, so the extension's work there shows.
  .filter(({ expected }) => expected.flagged.length > 0)
  .filter(({ expected }) => expected.url !== GRID && expected.url !== PRODUCT);

describe('feed sync and scam sites in Chromium', () => {
  let harness: Harness;
  let server: FeedServer;
  let dir: string;
  let popup: Page;

  const publish = (records = demo) =>
    publishFeed({ dir, records, privateKey, publisher: 'Sở Công Thương thử nghiệm (e2e)' });

  async function openPopup(): Promise<void> {
    await popup.goto(`chrome-extension://${harness.extensionId}/popup.html`);
    await popup.waitForSelector('body[data-ready="true"]');
  }

  async function syncFromPopup(): Promise<string | null> {
    await openPopup();
    return syncNow(popup);
  }

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'soi-hang-feed-'));
    demo = await defaultRecords();
    await publish();
    server = await serveFeed(dir);
    harness = await launch(
      [
        { url: GRID, file: 'shopee/search-grid.html' },
        { url: PRODUCT, file: 'shopee/product-page.html' },
        { url: UNFLAGGED_FACEBOOK_LISTING, file: 'facebook/product-page.html' },
        { url: SCAM, file: 'shopee/login-wall.html' },
        { url: OTHER_SCAM, file: 'shopee/login-wall.html' },
        ...[CONFIRMED_SCAM, CLEARED_SITE, EXPIRED_SITE].map((url) => ({
          url,
          file: 'shopee/login-wall.html',
        })),
        ...SITE_PAGES.map(({ file, expected }) => ({ url: expected.url, file })),
      ],
      { passThrough: (url) => url.startsWith(server.url) },
    );
    popup = await harness.context.newPage();
  });

  afterAll(async () => {
    await harness?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('takes a feed address in the options page, syncs from it and shows what it holds', async () => {
    const options = await harness.context.newPage();
    await options.goto(`chrome-extension://${harness.extensionId}/options.html`);
    await options.waitForSelector('body[data-ready="true"]');
    // Before: the shipped data, and a build without a feed of its own says so.
    expect(await options.getByTestId('data-version').textContent()).toContain('dữ liệu đi kèm');
    await useFeed(options, `${server.url}manifest.json`, 'the options page to show the sync');
    expect(await options.getByTestId('data-version').textContent()).toContain(
      'Phiên bản 1 · nguồn cập nhật',
    );
    expect(await options.getByTestId('data-publisher').textContent()).toBe(
      'Sở Công Thương thử nghiệm (e2e)',
    );
    expect(await options.getByTestId('data-records').textContent()).toBe(
      `${viCount(demo.length)} bản ghi`,
    );
    expect(await options.getByTestId('data-counts').textContent()).toMatch(/trang web/);
    await options.close();
    await openPopup();
    expect(await popup.getByTestId('data-publisher').textContent()).toBe(
      'Sở Công Thương thử nghiệm (e2e)',
    );
  });

  it('badges a listing flagged in a newer feed after "Cập nhật ngay", without reloading the extension', async () => {
    const { page } = await openPage(harness, GRID);
    const before = await eventually(async () => {
      const items = await badgedItems(page);
      return items.length > 0 ? items : undefined;
    }, 'badges from the first feed');
    expect(before).not.toContain(NEWLY_FLAGGED.split(':')[2]);

    const flagged = FlagRecordSchema.parse({
      ...demo.find((record) => record.key.startsWith('shopee:item:')),
      key: NEWLY_FLAGGED,
      caseId: 'DEMO-2026-E2E',
      status: 'suspected',
    });
    await publish([...demo, flagged]);
    expect(await syncFromPopup()).toBe('updated');
    expect(server.requests).toContain('/delta-1-2.ndjson.gz'); // the small delta, not the snapshot again
    await page.reload();
    const after = await eventually(async () => {
      const items = await badgedItems(page);
      return items.includes(NEWLY_FLAGGED.split(':')[2] as string) ? items : undefined;
    }, 'the newly flagged card badged');
    expect(after).toContain('0000000007.0000000101');
  });

  it('warns on a listing whose own text gives a flagged phone number, naming the number', async () => {
    // The Facebook listing's seller wrote "Liên hệ 0900 000 081": looked up as phone:+84900000081.
    const phone = FlagRecordSchema.parse({
      ...demo.find((record) => record.key.startsWith('shopee:item:')),
      key: 'phone:+84900000081',
      caseId: 'DEMO-2026-E2E-PHONE',
      status: 'suspected',
    });
    await publish([...demo, phone]);
    expect(await syncFromPopup()).toBe('updated');
    const { page, errors } = await openPage(harness, UNFLAGGED_FACEBOOK_LISTING);
    const text = await eventually(async () => {
      const shown = banner(page);
      return (await shown.count()) > 0 ? ((await shown.textContent()) ?? '') : undefined;
    }, "the contact's banner");
    expect(text).toContain('«0900000081», số liên hệ ghi trong tin đăng này, đang bị nghi vấn');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('refuses a tampered manifest, says so, and keeps the data', async () => {
    const manifestPath = path.join(dir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    await publish([...demo]); // a new sequence, then someone edits it on the server
    writeFileSync(
      manifestPath,
      JSON.stringify({
        ...JSON.parse(readFileSync(manifestPath, 'utf8')),
        publisher: 'Kẻ giả mạo',
      }),
    );
    expectTamperRefused(
      {
        result: await syncFromPopup(),
        status: await popup.getByTestId('sync-status').textContent(),
        publisher: await popup.getByTestId('data-publisher').textContent(),
      },
      'Sở Công Thương thử nghiệm (e2e)',
    );
    expect(await popup.getByTestId('data-version').textContent()).toContain(
      `Phiên bản ${manifest.sequence}`,
    );
  });

  it('shows the warning page instead of a listed scam site; "continue anyway" opens it', async () => {
    const page = await harness.context.newPage();
    await page.goto(SCAM).catch(() => undefined); // the blocked load itself fails
    await page.waitForURL(/scam-warning\.html/);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.getByTestId('scam-warning').getAttribute('data-listed')).toBe('true');
    expectScamPage({
      domain: await page.getByTestId('scam-domain').textContent(),
      body: await page.textContent('body'),
    });
    // The safe action has the focus; the other is second.
    expect(await page.evaluate('document.activeElement?.className')).toBe('scam__back');
    await page.getByTestId('scam-continue').click();
    await page.waitForURL(SCAM);
    expect(page.url()).toBe(SCAM);
    await page.close();
  });

  it('"go back" on the warning page returns to the page the shopper came from', async () => {
    const page = await harness.context.newPage();
    await page.goto(GRID);
    await page.goto(OTHER_SCAM).catch(() => undefined);
    await page.waitForURL(/scam-warning\.html/);
    await page.waitForSelector('body[data-ready="true"]');
    await page.getByRole('button', { name: 'Quay lại an toàn' }).click();
    await page.waitForURL(GRID);
    expect(page.url()).toBe(GRID);
    await page.close();
  });

  it('blocks only what it can explain: a cleared or expired site loads, a confirmed one shows its warning page, a marketplace is never blocked', async () => {
    const base = demo.find((record) => record.key.startsWith('domain:')) as FlagRecord;
    const domainRecord = (url: string, overrides: Partial<FlagRecord>) =>
      FlagRecordSchema.parse({
        ...base,
        key: `domain:${new URL(url).hostname}`,
        authority: 'Cục Quản lý thị trường thử nghiệm',
        caseId: 'E2E-DOMAIN',
        updated: '2026-11-20',
        ...overrides,
      });
    await publish([
      ...demo,
      domainRecord(CONFIRMED_SCAM, { status: 'confirmed' }),
      domainRecord(CLEARED_SITE, { status: 'cleared' }),
      domainRecord(EXPIRED_SITE, { status: 'confirmed', expires: '2026-01-01' }),
      // Whoever holds the key, a feed can never block the marketplace itself.
      domainRecord('https://shopee.vn/', { status: 'confirmed' }),
    ]);
    expect(await syncFromPopup()).toBe('updated');

    for (const url of [CLEARED_SITE, EXPIRED_SITE, GRID]) {
      const page = await harness.context.newPage();
      const response = await page.goto(url);
      expect(response?.ok(), url).toBe(true);
      expect(page.url()).toBe(url);
      await page.close();
    }
    const page = await harness.context.newPage();
    await page.goto(CONFIRMED_SCAM).catch(() => undefined);
    await page.waitForURL(/scam-warning\.html/);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.getByTestId('scam-domain').textContent()).toBe('newly-listed-scam.com');
    const text = await page.textContent('body');
    expect(text).toContain('Cục Quản lý thị trường thử nghiệm');
    expect(text).toContain('20/11/2026');
    expect(await page.getByTestId('scam-continue').isVisible()).toBe(true);
    await page.close();
  });

  it('sends nothing about browsing anywhere: the only requests besides the opened pages are the feed', async () => {
    // Browse a grid and a product page of every site while the feed is configured and syncing.
    for (const { expected } of SITE_PAGES) {
      const { page } = await openPage(harness, expected.url);
      await eventually(
        async () =>
          (await page.locator('soi-hang-badge, soi-hang-banner').count()) > 0 ? true : undefined,
        `the extension at work on ${expected.url}`,
      );
      await page.close();
    }
    expect(await syncFromPopup()).toMatch(/updated|unchanged|failed/);
    const opened = new Set([
      GRID,
      PRODUCT,
      SCAM,
      OTHER_SCAM,
      CONFIRMED_SCAM,
      CLEARED_SITE,
      EXPIRED_SITE,
      UNFLAGGED_FACEBOOK_LISTING,
      ...SITE_PAGES.map(({ expected }) => expected.url),
    ]);
    const others = harness.requests.filter((url) => !opened.has(url));
    expect(others.length).toBeGreaterThan(0);
    for (const url of others) expect(url.startsWith(server.url), url).toBe(true);
    for (const request of server.requests) {
      expect(request).toMatch(
        /^\/(manifest\.json(\.sig)?|manifest\.[0-9a-f]{64}\.sig|snapshot-\d+\.ndjson\.gz|delta-\d+-\d+\.ndjson\.gz)$/,
      );
    }
  });
});
