/**
 * Reporting in a page, as a shopper does it: the report action of a listing (in our root, closed or
 * open), the dialog frame it opens (report.html, an extension page framed in our shadow root: the
 * debugging protocol reaches it either way), and what reached the registry.
 */
import Database from 'better-sqlite3';
import type { Frame, Page, Worker } from 'playwright-core';
import { type RegistryProcess, startRegistry } from '../helpers/registry';
import { eventually, type Harness, launch, openExtensionPage } from './harness';
import { ours } from './ours';
import { SHOPEE_GRID } from './warning-probes';

/** A Shopee product page no record flags: the product page fixture at another listing's address. */
export const UNFLAGGED_PRODUCT = 'https://shopee.vn/Sua-bot-mau-B-900g-i.0000000009.0000000301';
export const UNFLAGGED_ITEM = 'shopee:item:0000000009.0000000301';

/** A Tiki search grid: one card flagged, two not. */
export const TIKI_GRID = 'https://tiki.vn/search?q=binh+sua';

/** The pages the report suites browse: the demo grid and the unflagged product page. */
export const REPORT_PAGES = [
  { url: SHOPEE_GRID, file: 'shopee/search-grid.html' },
  { url: UNFLAGGED_PRODUCT, file: 'shopee/product-page.html' },
  // A grid whose card links take keyboard focus (Shopee's are `display: contents` and take none).
  { url: TIKI_GRID, file: 'tiki/search-grid.html' },
];

/** The extension's service worker as it is now (it may have been stopped and started since). */
export const workerOf = (harness: Harness): Worker =>
  harness.context.serviceWorkers()[0] ?? harness.worker;

/**
 * Hovers the grid card that links to `href` (a part of its address), presses the report action it
 * gets, and sends the dialog with these reasons.
 */
export async function reportHoveredCard(
  page: Page,
  href: string,
  reasons: string[],
): Promise<void> {
  const card = page.locator('li[data-sqe="item"]', { has: page.locator(`a[href*="${href}"]`) });
  await card.hover();
  await reportButton(page).click();
  await fillAndSend(await reportFrame(page), reasons);
}

/** The "Báo cáo" action of a listing (a product page's, or the card a shopper points at or tabs into). */
export const reportButton = (page: Page) =>
  ours(page, 'soi-hang-report-button').locator('[data-testid="soi-hang-report-button"]');

/**
 * A report suite's world: a fresh registry (SQLite) on 127.0.0.1, Chromium with the release build
 * pinned to the test key (or `extensionDir`) on the report pages, and the extension pointed at that
 * registry.
 */
export async function startReportBed(
  options: { env?: Record<string, string>; extensionDir?: string } = {},
): Promise<{ registry: RegistryProcess; harness: Harness }> {
  const registry = await startRegistry('sqlite', options.env ?? {});
  const harness = await launch(REPORT_PAGES, {
    ...(options.extensionDir ? { extensionDir: options.extensionDir } : {}),
    passThrough: (url) => url.startsWith(registry.url),
  });
  await useRegistry(harness, registry.url);
  return { registry, harness };
}

/** The report dialog framed into this page, once it has loaded. */
export async function reportFrame(page: Page): Promise<Frame> {
  return eventually(async () => {
    const frame = page
      .frames()
      .find((candidate) => candidate.url().includes('/report.html?draft='));
    if (!frame) return undefined;
    return (await frame.locator('body[data-ready="true"]').count()) > 0 ? frame : undefined;
  }, 'the report dialog');
}

/** Chooses reasons, writes a note, presses "Gửi", and waits for the dialog to say it is saved. */
export async function fillAndSend(
  dialog: Frame | Page,
  reasons: string[],
  note?: string,
): Promise<string> {
  for (const reason of reasons)
    await dialog.locator(`button.chip[data-reason="${reason}"]`).click();
  if (note !== undefined) await dialog.getByTestId('report-note').fill(note);
  await dialog.getByTestId('report-send').click();
  await dialog.getByTestId('report-done').waitFor();
  return (await dialog.getByTestId('report-done').textContent()) ?? '';
}

/** The registry's stored reports (SQLite), read directly from its file. */
export function storedReports(
  registry: RegistryProcess,
): Array<{ id: string; item_key: string; body: string; client_id: string }> {
  const db = new Database(registry.databaseUrl, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare('select id, item_key, body, client_id from reports order by received_at')
      .all() as Array<{
      id: string;
      item_key: string;
      body: string;
      client_id: string;
    }>;
  } finally {
    db.close();
  }
}

/** The registry's stored screenshots (SQLite). */
export function registryEvidence(
  registry: RegistryProcess,
): Array<{ report_id: string; media_type: string; bytes: number }> {
  const db = new Database(registry.databaseUrl, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('select report_id, media_type, bytes from evidence').all() as Array<{
      report_id: string;
      media_type: string;
      bytes: number;
    }>;
  } finally {
    db.close();
  }
}

/** Waits until the registry holds `count` reports in all. */
export function registryHolds(
  registry: RegistryProcess,
  count: number,
  what: string,
  timeoutMs = 30_000,
) {
  return eventually(
    async () => (storedReports(registry).length === count ? true : undefined),
    what,
    timeoutMs,
  );
}

/** Sets the registry reports go to, in the options page. */
export async function useRegistry(harness: Harness, url: string): Promise<void> {
  const options = await openExtensionPage(harness, 'options.html');
  await options.getByTestId('registry-url').waitFor();
  await options.getByTestId('registry-url').fill(url);
  await options.getByTestId('registry-save').click();
  await eventually(
    async () =>
      (await options.getByTestId('registry-current').textContent())?.includes(url)
        ? true
        : undefined,
    'the registry saved',
  );
  await options.close();
}

/** The progress "Báo cáo của tôi" shows for each report, newest first. */
export async function myReports(harness: Harness): Promise<string[]> {
  const options = await openExtensionPage(harness, 'options.html');
  await options.getByTestId('my-reports').waitFor();
  const progress = await options
    .getByTestId('my-report')
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-progress') ?? ''));
  await options.close();
  return progress;
}
