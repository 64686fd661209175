/**
 * The price signal in Chromium: an official Tiki store's listing of a product becomes the reference
 * (and shows nothing itself); a listing of the same product by another seller, named a replica and
 * priced at 20% of it, shows the heuristic tier with both pieces of evidence; switching the price
 * signal off in the options removes its line after a reload.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, FIXTURES, type Harness, launch, openExtensionPage } from './harness';
import { banner } from './warning-probes';

const TEMPLATE = readFileSync(path.join(FIXTURES, 'tiki/product-page.html'), 'utf8');
const OFFICIAL = 'https://tiki.vn/sua-bot-aptamil-profutura-so-1-800g-p0000000701.html';
const REPLICA = 'https://tiki.vn/sua-bot-aptamil-profutura-so-1-800g-p0000000702.html';

/** Tiki's product page fixture as another product, seller and price. */
function productPage(id: string, name: string, price: number, official: boolean): string {
  return TEMPLATE.replaceAll('0000000601', id)
    .replaceAll('0000000061', `00000000${id.slice(-2)}`)
    .replaceAll('Bình sữa mẫu T', name)
    .replaceAll('210000', String(price))
    .replaceAll('210.000', price.toLocaleString('vi-VN'))
    .replace('"is_official": true', `"is_official": ${official}`);
}

/** The banner's text with its details open (where each piece of evidence is a line). */
function bannerDetails(page: Page, what: string): Promise<string> {
  return eventually(async () => {
    const shown = banner(page);
    if ((await shown.count()) === 0) return undefined;
    const more = shown.getByRole('button', { name: 'Chi tiết' });
    if ((await more.count()) > 0) await more.click();
    return (await shown.textContent()) ?? '';
  }, what);
}

async function serve(page: Page, url: string, html: string): Promise<void> {
  await page.route(url, (route) =>
    route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }),
  );
  await page.goto(url);
}

describe('a price far below the official store', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await launch([]);
  });
  afterAll(async () => harness?.close());

  it('warns on a replica at a fifth of the official price, with both pieces of evidence, and not on the official listing', async () => {
    const official = await harness.context.newPage();
    await serve(
      official,
      OFFICIAL,
      productPage('0000000701', 'Sữa bột Aptamil Profutura số 1 800g', 800_000, true),
    );
    // Read and looked up (its "Báo cáo" shows), with no warning.
    await official.locator('soi-hang-report-button').waitFor({ state: 'attached' });
    expect(await banner(official).count()).toBe(0);

    const replica = await harness.context.newPage();
    const html = productPage(
      '0000000702',
      'Sữa bột Aptamil Profutura số 1 800g rep 1:1',
      160_000,
      false,
    );
    await serve(replica, REPLICA, html);
    const text = await bannerDetails(replica, 'the heuristic banner');
    expect(text).toContain('dấu hiệu cần lưu ý');
    expect(text).toContain('«rep 1 1»');
    expect(text).toContain('Giá 160.000 ₫ chỉ bằng 20% giá tại gian hàng chính hãng');
    expect(text).toContain('800.000 ₫');

    const options = await openExtensionPage(harness, 'options.html');
    await options.locator('[data-testid="signal-lowPrice"]').uncheck();
    await replica.reload();
    const after = await bannerDetails(replica, 'the banner again');
    expect(after).toContain('«rep 1 1»');
    expect(after).not.toContain('Giá 160.000 ₫');
    await options.locator('[data-testid="signal-lowPrice"]').check();
    await options.close();
    await official.close();
    await replica.close();
  });
});
