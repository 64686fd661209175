/**
 * Reporting in a page, as a shopper does it: the report action of a listing, the dialog frame it
 * opens (report.html, an extension page framed in our shadow root), and what reached the registry.
 */
import Database from 'better-sqlite3';
import type { Frame, Page } from 'playwright-core';
import type { RegistryProcess } from '../helpers/registry';
import { eventually, type Harness, openExtensionPage } from './harness';

/** A Shopee product page no record flags: the product page fixture at another listing's address. */
export const UNFLAGGED_PRODUCT = 'https://shopee.vn/Sua-bot-mau-B-900g-i.0000000009.0000000301';
export const UNFLAGGED_ITEM = 'shopee:item:0000000009.0000000301';

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
