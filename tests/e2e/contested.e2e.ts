/**
 * A record under an accepted appeal, end to end on the release-test build: a feed published with the
 * test key marks the demo listing's confirmed record `appeal: "pending"`; after the shopper's sync,
 * the card's badge and the product's banner themselves say it is contested (read through the closed
 * roots with the debugging-protocol probes), with the decision still named and the advice softened.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRecords } from '../../scripts/default-feed';
import { publishFeed } from '../../server/publish/feed-writer';
import { type FlagRecord, FlagRecordSchema } from '../../utils/protocol/records';
import { type FeedServer, serveFeed } from '../helpers/static-server';
import { privateKey } from '../helpers/test-keys';
import { attributeIn, textIn } from './closed-roots';
import {
  badgedItems,
  eventually,
  type Harness,
  launch,
  openExtensionPage,
  openPage,
  readPopup,
  tabIdOf,
  useFeed,
} from './harness';
import { SHOPEE_GRID, SHOPEE_PRODUCT } from './warning-probes';

/** The demo listing with a confirmed record: its card on the grid, and its product page. */
const CONTESTED_ITEM = '0000000007.0000000101';
/** The seller's suspected record on the same grid, not appealed: it keeps its own tier. */
const SELLER_CARD = '0000000042.0000000201';

describe('a contested record in Chromium (release-test build)', () => {
  let harness: Harness;
  let server: FeedServer;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'soi-hang-contested-'));
    const demo: FlagRecord[] = await defaultRecords();
    const records = demo.map((record) =>
      record.key === `shopee:item:${CONTESTED_ITEM}`
        ? FlagRecordSchema.parse({ ...record, appeal: 'pending' })
        : record,
    );
    expect(records.some((record) => record.appeal === 'pending')).toBe(true);
    await publishFeed({ dir, records, privateKey, publisher: 'Sổ đăng ký thử nghiệm (e2e)' });
    server = await serveFeed(dir);
    harness = await launch(
      [
        { url: SHOPEE_GRID, file: 'shopee/search-grid.html' },
        { url: SHOPEE_PRODUCT, file: 'shopee/product-page.html' },
      ],
      { passThrough: (url) => url.startsWith(server.url) },
    );
    const options = await openExtensionPage(harness, 'options.html');
    await useFeed(options, `${server.url}manifest.json`, 'the sync of the contested feed');
    await options.close();
  });

  afterAll(async () => {
    await harness?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("the card's badge itself says it is under appeal, in its own tier and name", async () => {
    const { page } = await openPage(harness, SHOPEE_GRID);
    const items = await eventually(async () => {
      const found = await badgedItems(page);
      return found.includes(CONTESTED_ITEM) && found.includes(SELLER_CARD) ? found : undefined;
    }, 'the badges of the contested feed');
    const badge = (item: string) => ({
      host: 'soi-hang-badge',
      nth: items.indexOf(item),
      inner: '[data-testid="soi-hang-badge"]',
    });
    expect(await textIn(page, badge(CONTESTED_ITEM))).toBe('Đang khiếu nại');
    expect(await attributeIn(page, badge(CONTESTED_ITEM), 'data-tier')).toBe('contested');
    expect(await attributeIn(page, badge(CONTESTED_ITEM), 'class')).toContain('badge--contested');
    const name = (await attributeIn(page, badge(CONTESTED_ITEM), 'aria-label')) ?? '';
    expect(name).toMatch(/^Đang khiếu nại\. /);
    expect(name).toContain('đã kết luận sản phẩm này vi phạm ngày');
    expect(name).toContain('người bán đang khiếu nại, chờ xem xét lại');
    // The seller's record, not appealed, keeps its own words.
    expect(await textIn(page, badge(SELLER_CARD))).toBe('Nghi vấn');
    expect(await attributeIn(page, badge(SELLER_CARD), 'data-tier')).toBe('suspected');
    // The popup's list of the page's flagged listings says so too.
    const popup = await harness.context.newPage();
    const tabId = await tabIdOf(harness, page);
    await eventually(
      async () =>
        (await readPopup(harness, popup, tabId)).text.includes('Đang khiếu nại') ? true : undefined,
      'the popup listing the contested listing as such',
    );
    await popup.close();
    await page.close();
  });

  it("the product's banner itself names the decision, says it is contested and softens the advice", async () => {
    const { page } = await openPage(harness, SHOPEE_PRODUCT);
    const target = { host: 'soi-hang-banner', inner: '[data-testid="soi-hang-banner"]' };
    const text = await eventually(async () => {
      const shown = await textIn(page, target).catch(() => null);
      return shown?.includes('Đang khiếu nại') ? shown : undefined;
    }, 'the contested banner');
    expect(await attributeIn(page, target, 'data-tier')).toBe('contested');
    expect(text).toContain(
      'Đang khiếu nại: Soi Hàng — dữ liệu minh hoạ (không phải cơ quan thật) đã kết luận sản phẩm này vi phạm ngày',
    );
    expect(text).toContain('Cân nhắc trước khi mua');
    expect(text).not.toContain('Không nên mua');
    expect(text).toContain('Người bán đã khiếu nại');
    await page.close();
  });
});
