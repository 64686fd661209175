/**
 * Reports started outside the page: the keyboard shortcut and the context menu (with a screenshot of
 * the tab), the popup's "Báo cáo trang này", and "Kiểm tra liên kết" for a link shared from an app.
 *
 * A test cannot make the browser's own gestures (a shortcut, a menu item, the toolbar button), and
 * only they grant activeTab. The shortcut and the menu are therefore tested on the e2e build, which
 * holds `<all_urls>` (release builds do not: built-packages.e2e.ts), calling the very functions
 * they call (`soiHangE2E.reportFrom` in the worker), so the capture, the draft and the dialog
 * window are real; the rest runs on the release build, where a listing's own "Báo cáo" reports the
 * same listings without a screenshot.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegistryProcess } from '../helpers/registry';
import {
  E2E_EXTENSION_DIR,
  eventually,
  type Harness,
  openExtensionPage,
  openPage,
  tabIdOf,
} from './harness';
import {
  fillAndSend,
  registryEvidence,
  registryHolds,
  reportButton,
  reportFrame,
  startReportBed,
  storedReports,
  UNFLAGGED_ITEM,
  UNFLAGGED_PRODUCT,
  workerOf,
} from './report-probes';
import { SHOPEE_GRID } from './warning-probes';

/** What the shortcut (no link) or the menu (a link) does on this tab; resolves to the dialog window. */
async function gesture(harness: Harness, page: Page, linkUrl?: string): Promise<Page> {
  const tabId = await tabIdOf(harness, page);
  const windowOpened = harness.context.waitForEvent('page', (opened) =>
    opened.url().includes('/report.html?draft='),
  );
  const token = await workerOf(harness).evaluate(
    async ([id, link]) => {
      const tab = await (
        globalThis as unknown as {
          chrome: { tabs: { get(id: number): Promise<{ id: number; windowId: number }> } };
        }
      ).chrome.tabs.get(id as number);
      return (
        globalThis as unknown as {
          soiHangE2E: {
            reportFrom(tab: unknown, origin: string, link?: string): Promise<string | null>;
          };
        }
      ).soiHangE2E.reportFrom(
        tab,
        link ? 'menu' : 'shortcut',
        (link as string | undefined) ?? undefined,
      );
    },
    [tabId, linkUrl] as const,
  );
  expect(token).toMatch(/^[0-9a-f-]{36}$/);
  const dialog = await windowOpened;
  await dialog.waitForSelector('body[data-ready="true"]');
  return dialog;
}

describe('reports from a listing\'s own "Báo cáo", the popup and a pasted link', () => {
  let registry: RegistryProcess;
  let harness: Harness;

  beforeAll(async () => {
    ({ registry, harness } = await startReportBed());
  });

  afterAll(async () => {
    await harness?.close();
    await registry?.cleanup();
  });

  it('a product page\'s own "Báo cáo": the report goes up with no screenshot (only the browser\'s own gestures may take one)', async () => {
    const { page } = await openPage(harness, UNFLAGGED_PRODUCT);
    await reportButton(page).click();
    const dialog = await reportFrame(page);
    expect(await dialog.getByTestId('report-screenshot').count()).toBe(0);
    await fillAndSend(dialog, ['counterfeit']);
    await registryHolds(registry, 1, 'the report');
    const [stored] = storedReports(registry);
    expect(stored?.item_key).toBe(UNFLAGGED_ITEM);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(registryEvidence(registry)).toHaveLength(0);
    await page.close();
  });

  it('a card\'s own "Báo cáo" reports that card, and no screenshot is sent', async () => {
    const before = storedReports(registry).length;
    const { page } = await openPage(harness, SHOPEE_GRID);
    await page.locator('soi-hang-badge').first().waitFor({ state: 'attached' });
    await page
      .locator('li[data-sqe="item"]', { has: page.locator('a[href*="0000000009/0000000302"]') })
      .hover();
    await reportButton(page).click();
    const dialog = await reportFrame(page);
    expect(await dialog.getByTestId('report-facts').textContent()).toContain(
      'Bình giữ nhiệt mẫu G',
    );
    expect(await dialog.getByTestId('report-screenshot').count()).toBe(0);
    await fillAndSend(dialog, ['fake_brand']);
    await registryHolds(registry, before + 1, 'the card report');
    const stored = storedReports(registry).at(-1);
    expect(stored?.item_key).toBe('shopee:item:0000000009.0000000302');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(registryEvidence(registry).filter((row) => row.report_id === stored?.id)).toHaveLength(
      0,
    );
    await page.close();
  });

  it('the popup on a product page: "Báo cáo trang này" opens the dialog for that listing', async () => {
    const { page } = await openPage(harness, UNFLAGGED_PRODUCT);
    await page.locator('soi-hang-report-button').waitFor();
    const tabId = await tabIdOf(harness, page);
    const popup = await openExtensionPage(harness, `popup.html?tab=${tabId}`);
    const windowOpened = harness.context.waitForEvent('page', (opened) =>
      opened.url().includes('/report.html?draft='),
    );
    await popup.getByTestId('report-page').click();
    const dialog = await windowOpened;
    await dialog.waitForSelector('body[data-ready="true"]');
    expect(await dialog.getByTestId('report-facts').textContent()).toContain(UNFLAGGED_ITEM);
    // Reported earlier in this run (its own "Báo cáo"): this one amends it.
    await dialog.getByTestId('report-earlier').waitFor();
    await dialog.close();
    await page.close();
  });

  it('"Kiểm tra liên kết" reads a shared link, finds its warning locally, and reports it', async () => {
    const options = await openExtensionPage(harness, 'options.html');
    const requestsBefore = harness.requests.length;
    await options
      .getByTestId('link-text')
      .fill('Xem nè https://shopee.vn/Sua-bot-i.0000000007.0000000101?sp_atk=abc');
    await options.getByTestId('link-submit').click();
    await options.getByTestId('link-verdict').waitFor();
    expect(await options.getByTestId('link-verdict').getAttribute('data-status')).toBe('confirmed');
    // Checked locally: nothing went to the network for it.
    expect(
      harness.requests.slice(requestsBefore).filter((url) => !url.startsWith(registry.url)),
    ).toEqual([]);
    const windowOpened = harness.context.waitForEvent('page', (opened) =>
      opened.url().includes('/report.html?draft='),
    );
    await options.getByTestId('link-report').click();
    const dialog = await windowOpened;
    await dialog.waitForSelector('body[data-ready="true"]');
    expect(await dialog.getByTestId('report-facts').textContent()).toContain(
      'shopee:item:0000000007.0000000101',
    );
    await dialog.close();
    await options.getByTestId('link-text').fill('https://shopee.vn.khuyenmai.com/a-i.1.2');
    await options.getByTestId('link-submit').click();
    await eventually(
      async () =>
        (await options.getByTestId('link-result').textContent())?.includes(
          'không phải liên kết tin đăng',
        )
          ? true
          : undefined,
      'the look-alike refused',
    );
    await options.getByTestId('link-text').fill('https://shp.ee/abc123');
    await options.getByTestId('link-submit').click();
    await options.getByTestId('link-resolve').waitFor();
    expect(await options.getByTestId('link-result').textContent()).toContain(
      'liên kết rút gọn của Shopee',
    );
    await options.close();
  });

  it('"Báo cáo của tôi" lists each report with its state, refreshed from the registry', async () => {
    const options = await openExtensionPage(harness, 'options.html');
    await eventually(async () => {
      const states = await options
        .getByTestId('my-report')
        .evaluateAll((items) => items.map((item) => item.getAttribute('data-progress')));
      return states.length >= 2 && states.every((state) => state === 'received')
        ? states
        : undefined;
    }, 'every report received by the registry');
    await options.close();
  });
});

/**
 * The shortcut and the menu, which only the browser's own gestures start (and which grant activeTab
 * for the screenshot): on the e2e build, which holds `<all_urls>` and the seam that calls what they
 * call. Their release twins above report the same listings through the page's own "Báo cáo".
 */
describe('reports from the shortcut and the menu, on the e2e build', () => {
  let registry: RegistryProcess;
  let harness: Harness;

  beforeAll(async () => {
    ({ registry, harness } = await startReportBed({ extensionDir: E2E_EXTENSION_DIR }));
  });

  afterAll(async () => {
    await harness?.close();
    await registry?.cleanup();
  });

  it('the shortcut on a product page: the dialog shows the screenshot, which goes up after the report', async () => {
    const { page } = await openPage(harness, UNFLAGGED_PRODUCT);
    await page.locator('soi-hang-report-button').waitFor();
    const dialog = await gesture(harness, page);
    const shot = dialog.getByTestId('report-screenshot');
    await shot.waitFor();
    const size = await shot
      .locator('img')
      .evaluate((img) => (img as HTMLImageElement).naturalWidth);
    expect(size).toBeGreaterThan(100);
    expect(await dialog.getByTestId('report-consent').textContent()).toContain('ảnh chụp màn hình');
    await fillAndSend(dialog, ['counterfeit']);
    await registryHolds(registry, 1, 'the report');
    const [stored] = storedReports(registry);
    expect(stored?.item_key).toBe(UNFLAGGED_ITEM);
    const evidence = await eventually(async () => {
      const rows = registryEvidence(registry);
      return rows.length === 1 ? rows : undefined;
    }, 'the screenshot at the registry');
    expect(evidence[0]).toMatchObject({ report_id: stored?.id, media_type: 'image/jpeg' });
    expect(evidence[0]?.bytes).toBeLessThanOrEqual(1024 * 1024);
    await dialog.close().catch(() => undefined);
    await page.close();
  });

  it('the menu on a card link reports that card; a removed screenshot is not sent', async () => {
    const before = storedReports(registry).length;
    const { page } = await openPage(harness, SHOPEE_GRID);
    await page.locator('soi-hang-badge').first().waitFor({ state: 'attached' });
    const dialog = await gesture(harness, page, 'https://shopee.vn/product/0000000009/0000000302');
    expect(await dialog.getByTestId('report-facts').textContent()).toContain(
      'Bình giữ nhiệt mẫu G',
    );
    await dialog.getByTestId('report-screenshot-remove').click();
    expect(await dialog.getByTestId('report-screenshot').count()).toBe(0);
    await fillAndSend(dialog, ['fake_brand']);
    await registryHolds(registry, before + 1, 'the card report');
    const stored = storedReports(registry).at(-1);
    expect(stored?.item_key).toBe('shopee:item:0000000009.0000000302');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(registryEvidence(registry).filter((row) => row.report_id === stored?.id)).toHaveLength(
      0,
    );
    await dialog.close().catch(() => undefined);
    await page.close();
  });
});
