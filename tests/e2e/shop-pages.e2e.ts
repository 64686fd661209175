/**
 * Shop pages and changed layouts in Chromium, on our own fixtures at their real addresses: a
 * flagged seller's shop shows the banner above its header; an unflagged shop offers the report
 * action for the shop, whose report the registry takes; a grid whose markup no longer matches is
 * said plainly in the popup, which sends a layout report (counts only) the registry counts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, type RegistryProcess, startRegistry } from '../helpers/registry';
import { eventually, type Harness, launch, openPage, tabIdOf } from './harness';
import {
  fillAndSend,
  registryHolds,
  reportButton,
  reportFrame,
  storedReports,
  useRegistry,
} from './report-probes';
import { banner } from './warning-probes';

const SHOPEE_SHOP = 'https://shopee.vn/cuahangmau42';
const TIKI_SHOP = 'https://tiki.vn/cua-hang/nha-sach-mau-74';
const CHANGED_GRID = 'https://shopee.vn/search?keyword=doi';

describe('shop pages and changed layouts in Chromium', () => {
  let registry: RegistryProcess;
  let harness: Harness;

  beforeAll(async () => {
    registry = await startRegistry('sqlite');
    harness = await launch(
      [
        { url: SHOPEE_SHOP, file: 'shopee/shop-page.html' },
        { url: TIKI_SHOP, file: 'tiki/shop-page.html' },
        { url: CHANGED_GRID, file: 'shopee/changed-grid.html' },
      ],
      { passThrough: (url) => url.startsWith(registry.url) },
    );
    await useRegistry(harness, registry.url);
  });

  afterAll(async () => {
    await harness?.close();
    await registry?.cleanup();
  });

  it('a flagged seller’s shop page: the banner above the shop header, naming the seller', async () => {
    const { page, errors } = await openPage(harness, SHOPEE_SHOP);
    const shown = banner(page);
    await shown.waitFor({ timeout: 15_000 });
    expect(await shown.textContent()).toContain('Nguồn: Soi Hàng — dữ liệu minh hoạ');
    expect(await shown.textContent()).toContain('người bán của cửa hàng này');
    expect(await shown.textContent()).not.toContain('không riêng sản phẩm này');
    const after = await page.evaluate(
      () => document.querySelector('soi-hang-banner')?.nextElementSibling?.className,
    );
    expect(after).toBe('section-seller-overview-horizontal');
    expect(await page.locator('soi-hang-banner').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('an unflagged shop page: "Báo cáo cửa hàng này", and the registry takes the report of its seller', async () => {
    const { page, errors } = await openPage(harness, TIKI_SHOP);
    const button = reportButton(page);
    await button.waitFor({ timeout: 15_000 });
    expect(await button.textContent()).toContain('Báo cáo cửa hàng này');
    await button.click();
    const dialog = await reportFrame(page);
    // A shop's report in a shop's words, its seller's key named once.
    expect(await dialog.locator('h1#report-title').textContent()).toBe('Báo cáo cửa hàng');
    const ids = await dialog.getByTestId('report-ids').textContent();
    expect(ids?.match(/tiki:seller:0000000074/g)).toHaveLength(1);
    await fillAndSend(dialog, ['counterfeit']);
    await registryHolds(registry, 1, 'the shop report');
    const [stored] = storedReports(registry);
    expect(stored?.item_key).toBe('tiki:seller:0000000074');
    expect(JSON.parse(stored?.body ?? '{}').listing).toMatchObject({
      platform: 'tiki',
      title: 'Nhà sách mẫu 74',
      url: TIKI_SHOP,
    });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a grid whose markup no longer matches: the popup says so, and sends a layout report of counts only', async () => {
    const { page, errors } = await openPage(harness, CHANGED_GRID);
    const tabId = await tabIdOf(harness, page);
    const popup = await harness.context.newPage();
    await popup.goto(`chrome-extension://${harness.extensionId}/popup.html?tab=${tabId}`);
    await popup.waitForSelector('body[data-ready="true"]');
    const unread = popup.getByTestId('page-unread');
    await unread.waitFor();
    expect(await unread.textContent()).toContain('Soi Hàng chưa đọc được trang này');
    expect(await popup.getByTestId('count-flagged').count()).toBe(0);
    await popup.getByTestId('layout-report').click();
    await popup.getByTestId('layout-report-sent').waitFor();
    const inspector = client(registry, registry.token('Người bảo trì', 'inspector'));
    const counts = await eventually(async () => {
      const answer = await inspector.get('/v1/review/layout-reports');
      return answer.body.counts.length > 0 ? answer.body.counts : undefined;
    }, 'the layout report counted');
    expect(counts).toEqual([
      expect.objectContaining({ platform: 'shopee', pageKind: 'grid', reports: 1 }),
    ]);
    expect(errors).toEqual([]);
    await popup.close();
    await page.close();
  });
});
