/**
 * Where a shopper meets "Báo cáo tin đăng này" on a product page with no warning, on the release-test
 * build: right under the title, on Tiki as on Shopee (the README says so too), read through the
 * closed root with the debugging-protocol probes.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boxIn, textIn, waitShown } from './closed-roots';
import { FIXTURES, type Harness, launch, openPage } from './harness';
import { UNFLAGGED_PRODUCT } from './report-probes';

/**
 * Tiki's product fixture as the page of a product no record flags: its address and its hidden
 * product id (which must agree with the address) name another product.
 */
const UNFLAGGED_TIKI = 'https://tiki.vn/binh-sua-mau-t-p0000000699.html?spid=0000006999';

const REPORT = {
  host: 'soi-hang-report-button',
  inner: '[data-testid="soi-hang-report-button"]',
};

describe('"Báo cáo tin đăng này" on a product page (release-test build)', () => {
  let harness: Harness;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'soi-hang-tiki-'));
    const page = readFileSync(path.join(FIXTURES, 'tiki/product-page.html'), 'utf8');
    const unflagged = path.join(dir, 'product-page.html');
    writeFileSync(unflagged, page.replaceAll('0000000601', '0000000699'));
    harness = await launch([
      { url: UNFLAGGED_TIKI, file: path.relative(FIXTURES, unflagged) },
      { url: UNFLAGGED_PRODUCT, file: 'shopee/product-page.html' },
    ]);
  });

  afterAll(async () => {
    await harness?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['Tiki', UNFLAGGED_TIKI],
    ['Shopee', UNFLAGGED_PRODUCT],
  ])('sits right under the title on %s', async (_site, url) => {
    const { page } = await openPage(harness, url);
    await waitShown(page, REPORT);
    expect(await textIn(page, REPORT)).toBe('Báo cáo tin đăng này');
    // In the page: the element that follows the title is our host.
    const next = await page.evaluate(
      () => document.querySelector('h1')?.nextElementSibling?.tagName.toLowerCase() ?? null,
    );
    expect(next).toBe('soi-hang-report-button');
    // On screen: the button starts where the title ends, not above it.
    const title = await page.locator('h1').boundingBox();
    const button = await boxIn(page, REPORT);
    expect(title).not.toBeNull();
    expect(button).not.toBeNull();
    if (!title || !button) return;
    expect(button.y).toBeGreaterThanOrEqual(title.y + title.height - 1);
    await page.close();
  });
});
