/**
 * The loop, end to end: the registry process on 127.0.0.1 publishes the feed the release build
 * pinned to the test key syncs from; an inspector confirms a listing through the API, `server:publish` runs, and after
 * "Cập nhật ngay" the listing carries the confirmed badge naming the decision's source and date.
 * A seller's appeal, sent from the registry's plain form with scripts off, then marks it contested.
 */
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM } from '../../scripts/chromium';
import { client, type RegistryProcess, startRegistry } from '../helpers/registry';
import {
  badgedItems,
  eventually,
  type Harness,
  launch,
  openExtensionPage,
  openPage,
  syncFromPopup,
  useFeed,
} from './harness';
import { badgeButton, badges, popoverOf, SHOPEE_GRID } from './warning-probes';

/** A card of the Shopee grid fixture that nothing flags until the inspector decides. */
const LISTING = 'shopee:item:0000000009.0000000301';
const CARD = '0000000009.0000000301';
const AUTHORITY = 'Chi cục QLTT TP. Hồ Chí Minh (thử nghiệm)';

describe('registry to extension in Chromium', () => {
  let registry: RegistryProcess;
  let harness: Harness;
  let inspector: string;

  async function popoverText(): Promise<string> {
    const { page } = await openPage(harness, SHOPEE_GRID);
    const index = await eventually(async () => {
      const found = (await badgedItems(page)).indexOf(CARD);
      return found >= 0 ? found : undefined;
    }, 'the card badged');
    const host = badges(page).nth(index);
    await badgeButton(host).click();
    const popover = popoverOf(host);
    await popover.waitFor({ state: 'visible' });
    const text = (await popover.textContent()) ?? '';
    await page.close();
    return text;
  }

  beforeAll(async () => {
    registry = await startRegistry('sqlite', { PUBLISHER_NAME: 'Sổ đăng ký Soi Hàng (e2e)' });
    inspector = registry.token('Thanh tra viên e2e', 'inspector');
    expect(registry.cli('publish').status).toBe(0);
    harness = await launch([{ url: SHOPEE_GRID, file: 'shopee/search-grid.html' }], {
      passThrough: (url) => url.startsWith(registry.url),
    });
  });

  afterAll(async () => {
    await harness?.close();
    await registry?.cleanup();
  });

  it('syncs from the registry, then shows an inspector\'s confirmation after "Cập nhật ngay"', async () => {
    const options = await openExtensionPage(harness, 'options.html');
    await useFeed(
      options,
      `${registry.url}/v1/feed/manifest.json`,
      'the first sync from the registry',
    );
    await options.close();
    const { page } = await openPage(harness, SHOPEE_GRID);
    await page.waitForTimeout(1000);
    expect(await badgedItems(page)).not.toContain(CARD);
    await page.close();

    const decided = await client(registry, inspector).post('/v1/review/decisions', {
      key: LISTING,
      status: 'confirmed',
      reasons: ['counterfeit'],
      authority: AUTHORITY,
      caseId: 'QĐ 77/QĐ-XPVPHC',
      summary: { vi: 'Bán sữa bột giả.', en: 'Sells counterfeit milk powder.' },
    });
    expect(decided.status).toBe(201);
    const published = registry.cli('publish');
    expect(published.status, published.stderr).toBe(0);
    expect(await syncFromPopup(harness)).toBe('updated');

    const text = await popoverText();
    expect(text).toContain(`Nguồn: ${AUTHORITY}`);
    expect(text).toContain('QĐ 77/QĐ-XPVPHC');
    const today = new Date();
    const date = `${String(today.getDate()).padStart(2, '0')}/${String(today.getMonth() + 1).padStart(2, '0')}/${today.getFullYear()}`;
    expect(text).toContain(`Ngày: ${date}`);
    expect(text).not.toContain('đang khiếu nại');
    // How the seller contests it: no registry is set for reports here, so the authority is named.
    expect(text).toContain(`Người bán muốn khiếu nại: liên hệ ${AUTHORITY}`);
  });

  it("takes a seller's appeal from the plain form with scripts off, and the warning then says it is contested", async () => {
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
      ],
    });
    try {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`${registry.url}/appeal?key=${encodeURIComponent(LISTING)}`);
      expect(await page.getByLabel('Mã tin đăng hoặc người bán').inputValue()).toBe(LISTING);
      await page.getByLabel(/Giải trình/).fill('Chúng tôi là đại lý chính hãng <b>có hoá đơn</b>.');
      await page.getByLabel(/Liên hệ/).fill('shop@example.vn');
      await page.getByRole('button', { name: 'Gửi khiếu nại' }).click();
      await page.waitForSelector('h1:has-text("Đã nhận khiếu nại")');
      const id = (await page.locator('code').textContent())?.trim() ?? '';
      expect(id).toMatch(/^[0-9a-f-]{36}$/);

      const api = client(registry, inspector);
      const story = await api.get(`/v1/review/keys/${LISTING}`);
      expect(story.body.appeals[0]).toMatchObject({
        id,
        statement: 'Chúng tôi là đại lý chính hãng <b>có hoá đơn</b>.',
        state: 'received',
      });
      expect((await api.post(`/v1/review/appeals/${id}`, { state: 'accepted' })).status).toBe(200);
    } finally {
      await browser.close();
    }
    expect(registry.cli('publish').status).toBe(0);
    expect(await syncFromPopup(harness)).toBe('updated');
    const contested = await popoverText();
    expect(contested).toContain('Đang khiếu nại');
    expect(contested).toContain('Người bán đã khiếu nại và sổ đăng ký đã nhận xem xét lại');
  });
});
