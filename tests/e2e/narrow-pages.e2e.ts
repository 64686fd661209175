/**
 * A phone-sized window (360×640 CSS pixels) in Chromium: the popup (for a marketplace tab), the options, the first-run page, the privacy page and the report dialog framed into a
 * product page scroll only up and down, never sideways.
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, launch, openPage, tabIdOf } from './harness';
import { REPORT_PAGES, reportButton, reportFrame, UNFLAGGED_PRODUCT } from './report-probes';

const NARROW = { width: 360, height: 640 };

/** How far the document reaches past its window's width, in CSS pixels (0 when it fits). */
const overflow = (target: Page | Frame) =>
  target.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );

describe('the extension pages at 360×640', () => {
  let harness: Harness;
  let tabId: number;

  beforeAll(async () => {
    // A flagged product page (the popup lists its warnings) and an unflagged one (its "Báo cáo").
    harness = await launch(REPORT_PAGES);
    const { page } = await openPage(harness, REPORT_PAGES[0]?.url ?? '');
    tabId = await tabIdOf(harness, page);
  });
  afterAll(async () => harness?.close());

  it.each([
    ['the popup', () => `popup.html?tab=${tabId}`],
    ['the options', () => 'options.html'],
    ['the first-run page', () => 'onboarding.html'],
    ['the privacy page', () => 'privacy.html'],
  ])('%s never scrolls sideways', async (_name, path) => {
    const page = await harness.context.newPage();
    await page.setViewportSize(NARROW);
    await page.goto(`chrome-extension://${harness.extensionId}/${path()}`);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.close();
  });

  it('the report dialog, framed in a product page or as a page of its own, fits and never scrolls sideways', async () => {
    const { page } = await openPage(harness, UNFLAGGED_PRODUCT);
    await page.setViewportSize(NARROW);
    await reportButton(page).click();
    const frame = await reportFrame(page);
    expect(await overflow(frame)).toBeLessThanOrEqual(0);
    const box = await (await frame.frameElement()).boundingBox();
    expect(box?.x).toBeGreaterThanOrEqual(0);
    expect((box?.x ?? 0) + (box?.width ?? Number.POSITIVE_INFINITY)).toBeLessThanOrEqual(
      NARROW.width,
    );
    // The same dialog as the window the popup's "Báo cáo trang này" opens: a page of its own.
    const window = await harness.context.newPage();
    await window.setViewportSize(NARROW);
    await window.goto(frame.url());
    await window.waitForSelector('body[data-ready="true"]');
    expect(await overflow(window)).toBeLessThanOrEqual(0);
    await Promise.all([window.close(), page.close()]);
  });
});
