/**
 * The store reviewer's demo switch on the release build: off, an unflagged product page shows no
 * warning; switched on in the options, the same page's listing gets a banner that says it is a demo
 * record the reviewer added (never a finding about the real listing), as the popup's list does, and
 * nothing is sent; switched off, it is gone.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventually,
  type Harness,
  launch,
  openExtensionPage,
  openPage,
  readPopup,
  tabIdOf,
} from './harness';
import { UNFLAGGED_PRODUCT } from './report-probes';
import { banner } from './warning-probes';

/** Sets the switch and waits until the options page has the saved preferences back. */
async function setDemo(options: Page, on: boolean): Promise<void> {
  const before = await options.evaluate('document.body.dataset.saved ?? ""');
  await options.getByTestId('demo-record').setChecked(on);
  await eventually(
    async () =>
      (await options.evaluate('document.body.dataset.saved ?? ""')) !== before ? true : undefined,
    'the preferences saved',
  );
}

/** Reloads the page and waits until its content script has looked its listings up again. */
async function reloaded(harness: Harness, page: Page): Promise<void> {
  await page.reload();
  await tabIdOf(harness, page);
}

describe('the demo record switch', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await launch([{ url: UNFLAGGED_PRODUCT, file: 'shopee/product-page.html' }]);
  });
  afterAll(async () => harness?.close());

  it('adds a banner labelled as a demo to the product page opened, and removes it when off', async () => {
    const { page } = await openPage(harness, UNFLAGGED_PRODUCT);
    await tabIdOf(harness, page);
    expect(await banner(page).count()).toBe(0);

    const options = await openExtensionPage(harness, 'options.html');
    expect(await options.getByTestId('demo-record').isChecked()).toBe(false);
    await setDemo(options, true);
    await reloaded(harness, page);
    await banner(page).waitFor();
    const said = (await banner(page).textContent()) ?? '';
    expect(said).toContain(
      'Bản ghi minh hoạ do bạn bật trong cài đặt: đây không phải cảnh báo thật về tin đăng này',
    );
    expect(said).toContain('bản ghi minh hoạ bạn bật trong cài đặt của Soi Hàng');
    // It speaks of no report and no finding about the real listing.
    expect(said).not.toMatch(/phản ánh chưa xác minh|nghi vấn|kết luận/);
    // The popup's list of the tab's warnings calls it a demo too.
    const popup = await harness.context.newPage();
    await readPopup(harness, popup, await tabIdOf(harness, page));
    const entries = await popup
      .getByTestId('flagged-listing')
      .filter({ hasText: 'Sữa bột mẫu A 900g' })
      .allTextContents();
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) expect(entry).toMatch(/Minh hoạ$/);
    await popup.close();
    // Nothing left the browser for it: the only web requests are the marketplace page's.
    expect(harness.requests.every((url) => new URL(url).hostname === 'shopee.vn')).toBe(true);

    await setDemo(options, false);
    await reloaded(harness, page);
    await eventually(
      async () => ((await banner(page).count()) === 0 ? true : undefined),
      'the demo banner gone',
    );
    await Promise.all([options.close(), page.close()]);
  });
});
