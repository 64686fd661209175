/**
 * The store listing's pictures (docs/store/): screenshots at exactly 1280×800 of the extension at
 * work on our fixtures (a grid's badges, a product's banner, the report dialog, the first-run page,
 * the options) and the 440×280 promo tile rendered from scripts/store/promo-tile.html. Called by
 * scripts/screenshots.ts with its browser, once the README's pictures are written.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Frame, Page } from 'playwright-core';

export const STORE_SIZE = { width: 1280, height: 800 };
export const TILE_SIZE = { width: 440, height: 280 };

export interface StorePages {
  context: BrowserContext;
  extensionId: string;
  root: string;
  grid: string;
  product: string;
  /** Waits until a page shows one of our elements (badge, banner) and has settled. */
  settled(page: Page, selector: string): Promise<void>;
  /** The report dialog framed into a product page, ready. */
  reportDialog(page: Page): Promise<Frame>;
}

/** A new tab at the store's size. */
async function storeTab(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize(STORE_SIZE);
  return page;
}

export async function storePictures(pages: StorePages): Promise<void> {
  const out = path.join(pages.root, 'docs/store/screenshots');
  mkdirSync(out, { recursive: true });
  const write = async (page: Page, name: string) => {
    const file = path.join(out, `${name}.png`);
    await page.screenshot({ path: file });
    console.log(`wrote ${file}`);
  };
  const extensionPage = async (file: string) => {
    const page = await storeTab(pages.context);
    await page.goto(`chrome-extension://${pages.extensionId}/${file}`);
    await page.waitForSelector('body[data-ready="true"]');
    return page;
  };

  // Our fixtures dressed as a plain shop (scripts/store/marketplace-look.css); ours left as is.
  const dress = (page: Page) =>
    page.addStyleTag({ path: path.join(pages.root, 'scripts/store/marketplace-look.css') });

  const grid = await storeTab(pages.context);
  await grid.goto(pages.grid);
  await pages.settled(grid, 'soi-hang-badge');
  await dress(grid);
  await write(grid, '1-badges-on-a-grid');

  const product = await storeTab(pages.context);
  await product.goto(pages.product);
  await pages.settled(product, 'soi-hang-banner');
  await dress(product);
  await write(product, '2-banner-on-a-product');

  await product.locator('soi-hang-banner [data-testid="banner-report"]').click();
  const dialog = await pages.reportDialog(product);
  await dialog.locator('button.chip[data-reason="counterfeit"]').click();
  await write(product, '3-report-dialog');

  await write(await extensionPage('onboarding.html'), '4-first-run');
  await write(await extensionPage('options.html'), '5-options');

  const tile = await pages.context.newPage();
  await tile.setViewportSize(TILE_SIZE);
  const icon = readFileSync(path.join(pages.root, 'public/icon/128.png')).toString('base64');
  await tile.setContent(
    readFileSync(path.join(pages.root, 'scripts/store/promo-tile.html'), 'utf8'),
  );
  await tile.locator('#icon').evaluate((image, src) => {
    (image as HTMLImageElement).src = src;
  }, `data:image/png;base64,${icon}`);
  await tile.waitForFunction(() => (document.getElementById('icon') as HTMLImageElement).complete);
  const file = path.join(pages.root, 'docs/store/promo-tile.png');
  await tile.screenshot({ path: file });
  console.log(`wrote ${file}`);
}
