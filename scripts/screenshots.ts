#!/usr/bin/env -S npx tsx
/**
 * `npm run screenshots`: pictures of the built extension in Chromium for the README — a badge on a
 * grid, its popover, the product banner, the popup and the options page, and inspector mode (the
 * section on a product page, the panel, the dashboard) against a throwaway registry on 127.0.0.1 —
 * written to docs/screenshots/. Pages are our own fixtures served at their real addresses, as in
 * the tests. Then the store listing's pictures (scripts/store-pictures.ts) into docs/store/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import type { ChromeGlobal } from '../tests/e2e/chrome-global';
import { client, startRegistry } from '../tests/helpers/registry';
import { report } from '../tests/helpers/reports';
import { launchChromium } from './chromium';
import { storePictures } from './store-pictures';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'docs/screenshots');
// The e2e build: it looks the same, and its warnings' shadow roots are open, so the script can reach
// the badge to open its popover (a release build's are closed).
const EXTENSION = path.join(ROOT, '.output/chrome-mv3-e2e');
const GRID = 'https://shopee.vn/search?keyword=sua+bot';
const PRODUCT = 'https://shopee.vn/Sua-bot-mau-A-900g-i.0000000007.0000000101';
/** A product no record flags, which shoppers have reported: inspector mode's example. */
const REPORTED = 'https://shopee.vn/Sua-bot-mau-B-900g-i.0000000009.0000000301';
const REPORTED_ITEM = 'shopee:item:0000000009.0000000301';
const FILES: Record<string, string> = {
  [GRID]: 'tests/fixtures/shopee/search-grid.html',
  [PRODUCT]: 'tests/fixtures/shopee/product-page.html',
  [REPORTED]: 'tests/fixtures/shopee/product-page.html',
};

async function waitForStatus(page: Page, selector: string): Promise<void> {
  await page.locator(selector).first().waitFor({ state: 'attached', timeout: 15_000 });
  await page.waitForTimeout(300); // fonts and layout settle
}

/** The report dialog framed into a product page, once it has loaded. */
async function reportDialog(page: Page): Promise<Frame> {
  for (let i = 0; i < 100; i++) {
    const frame = page.frames().find((f) => f.url().includes('/report.html?draft='));
    if (frame && (await frame.locator('body[data-ready="true"]').count()) > 0) return frame;
    await page.waitForTimeout(100);
  }
  throw new Error('no report dialog');
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const registry = await startRegistry('sqlite', { RATE_LIMIT_PER_MINUTE: '1000' });
  const token = registry.token('Thanh tra viên Nguyễn Văn A', 'inspector');
  for (const reasons of [['counterfeit'], ['counterfeit', 'unsafe'], ['fake_brand']]) {
    await client(registry).post(
      '/v1/reports',
      report(
        { reasons: reasons as ['counterfeit'], note: 'Hộp in mờ, mã vạch không quét được.' },
        { platform: 'shopee', itemKey: REPORTED_ITEM, sellerKey: undefined, url: REPORTED },
      ),
    );
  }
  await client(registry, token).post('/v1/review/notes', {
    key: REPORTED_ITEM,
    text: 'Đã đề nghị sàn cung cấp hoá đơn nhập hàng của người bán.',
  });
  const browser = await launchChromium({
    extensionDir: EXTENSION,
    viewport: { width: 1100, height: 760 },
    passThrough: (url) => url.startsWith(registry.url),
    respond: (url) => {
      const file = FILES[url];
      return file ? { body: readFileSync(path.join(ROOT, file)) } : null;
    },
  });
  const shot = (name: string) => path.join(OUT, `${name}.png`);
  try {
    const grid = await browser.context.newPage();
    await grid.goto(GRID);
    await waitForStatus(grid, 'soi-hang-badge');
    await grid.locator('#grid').screenshot({ path: shot('badge-grid') });
    console.log(`wrote ${shot('badge-grid')}`);

    const sellerBadge = grid
      .locator('soi-hang-badge')
      .filter({ has: grid.locator('[data-subject="seller"]') })
      .locator('[data-testid="soi-hang-badge"]');
    await sellerBadge.focus();
    await grid.keyboard.press('Enter');
    await grid.locator('[data-testid="soi-hang-popover"]:popover-open').waitFor();
    await grid.waitForTimeout(200);
    await grid.screenshot({ path: shot('popover') });
    console.log(`wrote ${shot('popover')}`);

    const product = await browser.context.newPage();
    await product.goto(PRODUCT);
    await waitForStatus(product, 'soi-hang-banner');
    const banner = product.locator('soi-hang-banner');
    const box = await banner.boundingBox();
    if (box) {
      await product.screenshot({
        path: shot('banner'),
        clip: { x: 0, y: Math.max(0, box.y - 16), width: 1100, height: box.height + 90 },
      });
      console.log(`wrote ${shot('banner')}`);
    }

    // The banner's "Báo cáo": the report dialog framed over the page, two reasons chosen.
    await banner.locator('[data-testid="banner-report"]').click();
    const dialog = await reportDialog(product);
    await dialog.locator('button.chip[data-reason="counterfeit"]').click();
    await dialog.locator('button.chip[data-reason="fake_brand"]').click();
    await dialog.getByTestId('report-note').fill('Hộp in mờ, mã vạch không quét được.');
    await product.screenshot({ path: shot('report-dialog') });
    console.log(`wrote ${shot('report-dialog')}`);

    // The popup for the grid's tab, at the popup's own size.
    const tabId = await browser.worker?.evaluate(async (url) => {
      const all = (await (globalThis as ChromeGlobal).chrome?.storage.session.get(null)) ?? {};
      const entry = Object.entries(all).find(([, status]) => status.url === url);
      return entry ? Number(entry[0].slice('tab:'.length)) : null;
    }, GRID);
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 360, height: 640 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    await popup.waitForSelector('body[data-ready="true"]');
    await popup.screenshot({ path: shot('popup'), fullPage: true });
    console.log(`wrote ${shot('popup')}`);

    const options = await browser.context.newPage();
    await options.setViewportSize({ width: 900, height: 900 });
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.waitForSelector('body[data-ready="true"]');
    await options.screenshot({ path: shot('options'), fullPage: true });
    console.log(`wrote ${shot('options')}`);

    // Inspector mode: signed in on the options page, then the page, the panel, the dashboard.
    const section = options.getByTestId('inspector-section');
    await section.getByLabel('Địa chỉ sổ đăng ký').fill(registry.url);
    await section.getByLabel('Mã truy cập (token)').fill(token);
    await section.getByTestId('inspector-sign-in').click();
    await section.getByTestId('inspector-who').waitFor();

    const reported = await browser.context.newPage();
    await reported.goto(REPORTED);
    await waitForStatus(reported, 'soi-hang-inspector');
    await reported.screenshot({ path: shot('inspector-page') });
    console.log(`wrote ${shot('inspector-page')}`);
    await reported.locator('soi-hang-inspector').getByRole('button', { name: 'Xử lý' }).click();
    const reportedTab = await browser.worker?.evaluate(async (url) => {
      const all = (await (globalThis as ChromeGlobal).chrome?.storage.session.get(null)) ?? {};
      const entry = Object.entries(all).find(([, status]) => status.url === url);
      return entry ? Number(entry[0].slice('tab:'.length)) : null;
    }, REPORTED);
    const panel = await browser.context.newPage();
    await panel.setViewportSize({ width: 420, height: 900 });
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tab=${reportedTab}`);
    await panel.waitForSelector('body[data-ready="true"]');
    await panel.screenshot({ path: shot('inspector-panel'), fullPage: true });
    console.log(`wrote ${shot('inspector-panel')}`);

    const dashboard = await browser.context.newPage();
    await dashboard.setViewportSize({ width: 1100, height: 900 });
    await dashboard.goto(`chrome-extension://${browser.extensionId}/dashboard.html`);
    await dashboard.waitForSelector('[data-testid="dashboard-cases"]');
    await dashboard.screenshot({ path: shot('dashboard'), fullPage: true });
    console.log(`wrote ${shot('dashboard')}`);

    // The store listing's pictures, signed out again so no inspector section shows.
    await section.getByTestId('inspector-sign-out').click();
    await section.getByTestId('inspector-sign-in').waitFor();
    await storePictures({
      context: browser.context,
      extensionId: browser.extensionId ?? '',
      root: ROOT,
      grid: GRID,
      product: PRODUCT,
      settled: waitForStatus,
      reportDialog,
    });
  } finally {
    await browser.close();
    await registry.cleanup();
  }
}

await main();
