/**
 * An inspector's walk on the release build (closed roots, read through the debugging protocol and
 * pressed with real input): a flagged card's marker beside the shopper's badge, whole, opening the
 * inspector's own padded popover; the panel's decision choices unbroken at a side panel's width;
 * evidence refused when the listing's tab has moved to another page. The capture itself runs on the
 * e2e build, the only one that may capture a tab without the browser's own gesture (<all_urls>):
 * the evidence is of the listing's own tab, brought to the front, with the address it showed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, type RegistryProcess } from '../helpers/registry';
import { boxIn, clickIn, isShown, textIn, waitShown, withRoot } from './closed-roots';
import {
  E2E_EXTENSION_DIR,
  eventually,
  type Harness,
  openExtensionPage,
  openPage,
  tabIdOf,
} from './harness';
import { openPanel, signIn } from './inspector-probes';
import { hostsOfCard, overlaps, startWalkBed } from './inspector-walk-probes';
import { UNFLAGGED_ITEM, UNFLAGGED_PRODUCT } from './report-probes';
import { SELLER_CARD, SHOPEE_GRID } from './warning-probes';

const INSPECTOR = 'soi-hang-inspector';

/** "Xử lý" in the product page's inspector section (a real press inside the closed root). */
async function handleProduct(harness: Harness) {
  const { page } = await openPage(harness, UNFLAGGED_PRODUCT);
  await waitShown(page, { host: INSPECTOR, inner: '.inspector-handle' });
  await clickIn(page, { host: INSPECTOR, inner: '.inspector-handle' });
  const tabId = await tabIdOf(harness, page);
  return { page, tabId };
}

describe('an inspector’s walk (release build)', () => {
  let registry: RegistryProcess;
  let harness: Harness;
  let token: string;

  beforeAll(async () => {
    ({ registry, harness, token } = await startWalkBed());
    const signed = await signIn(harness, registry.url, token);
    expect(signed.signedIn).toBe(true);
    await signed.options.close();
  });
  afterAll(async () => {
    await harness?.close();
    await registry?.cleanup();
  });

  it('puts a flagged card’s marker beside its badge, whole, and a press on it opens the inspector’s padded popover', async () => {
    const { page } = await openPage(harness, SHOPEE_GRID);
    await page.setViewportSize({ width: 1280, height: 900 });
    const { badge, marker } = await hostsOfCard(page, `i.${SELLER_CARD}`);
    const markerAt = { host: INSPECTOR, nth: marker, inner: '.inspector-marker' };
    const badgeAt = { host: 'soi-hang-badge', nth: badge, inner: '.badge' };
    await waitShown(page, markerAt);
    const markerBox = await boxIn(page, markerAt);
    const badgeBox = await boxIn(page, badgeAt);
    expect(markerBox).not.toBeNull();
    expect(badgeBox).not.toBeNull();
    if (!markerBox || !badgeBox) return;
    expect(overlaps(markerBox, badgeBox), JSON.stringify({ markerBox, badgeBox })).toBe(false);
    // Its words whole: nothing of them cut off.
    expect(await textIn(page, markerAt)).toBe('Thanh tra: 1 phản ánh');
    const cut = await withRoot(page, { host: INSPECTOR, nth: marker }, (root) => {
      const button = root.querySelector<HTMLElement>('.inspector-marker');
      return button
        ? button.scrollWidth > button.clientWidth || button.scrollHeight > button.clientHeight
        : null;
    });
    expect(cut).toBe(false);
    // The marker's point is the marker's: a press there opens the inspector's popover, not the badge's.
    const point = { x: markerBox.x + markerBox.width / 2, y: markerBox.y + markerBox.height / 2 };
    const topmost = await page.evaluate(
      ({ x, y }) => document.elementFromPoint(x, y)?.localName ?? null,
      point,
    );
    expect(topmost).toBe(INSPECTOR);
    await clickIn(page, markerAt);
    const popoverAt = { host: INSPECTOR, nth: marker, inner: '[data-testid="soi-hang-popover"]' };
    await waitShown(page, popoverAt);
    expect(await isShown(page, { host: 'soi-hang-badge', nth: badge, inner: '.popover' })).toBe(
      false,
    );
    expect(await textIn(page, popoverAt)).toContain('1 phản ánh, từ');
    const padding = await withRoot(page, { host: INSPECTOR, nth: marker }, (root) => {
      const section = root.querySelector('.popover .inspector');
      if (!section) return null;
      const style = getComputedStyle(section);
      return [style.paddingTop, style.paddingRight, style.paddingBottom, style.paddingLeft].map(
        (value) => Number.parseFloat(value),
      );
    });
    expect(padding).not.toBeNull();
    for (const side of padding ?? []) expect(side).toBeGreaterThanOrEqual(8);
    await page.close();
  });

  it('shows the panel’s decision choices unbroken at a side panel’s width', async () => {
    const { page, tabId } = await handleProduct(harness);
    const panel = await openPanel(harness, tabId);
    await panel.setViewportSize({ width: 360, height: 900 });
    const form = panel.getByTestId('panel-decision');
    await form.waitFor();
    for (const decision of ['Xác nhận vi phạm', 'Đánh dấu nghi vấn', 'Gỡ cảnh báo']) {
      await form.getByLabel(decision).check();
      const broken = await form.evaluate((node) =>
        [...node.querySelectorAll('fieldset label')]
          .filter((label) => label.getClientRects().length > 1)
          .map((label) => label.textContent),
      );
      expect(broken, decision).toEqual([]);
    }
    await panel.close();
    await page.close();
  });

  it('refuses evidence when the listing’s tab has moved to another page, saying which, and files nothing', async () => {
    const { page, tabId } = await handleProduct(harness);
    const panel = await openPanel(harness, tabId);
    await panel.getByTestId('report-facts').waitFor();
    expect(await panel.getByTestId('report-facts').textContent()).toContain(UNFLAGGED_ITEM);
    // The listing's tab goes on to the search grid; the panel still works on the listing.
    await page.goto(SHOPEE_GRID);
    await panel.bringToFront();
    await panel.getByTestId('panel-attach').click();
    const said = await eventually(async () => {
      const text =
        (await panel
          .getByTestId('panel-message')
          .textContent()
          .catch(() => '')) ?? '';
      return text.startsWith('Không chụp') ? text : undefined;
    }, 'the refusal');
    expect(said).toContain('không phải trang của tin đăng này');
    expect(said).toContain(SHOPEE_GRID);
    // The tab closed: refused as such.
    await page.close();
    await panel.getByTestId('panel-attach').click();
    await eventually(async () => {
      const text = (await panel.getByTestId('panel-message').textContent()) ?? '';
      return text.includes('đã đóng') ? true : undefined;
    }, 'the closed tab’s refusal');
    const story = await client(registry, token).get(`/v1/review/keys/${UNFLAGGED_ITEM}`);
    expect(story.body.evidence).toEqual([]);
    await panel.close();
  });
});

describe('evidence of the listing’s own tab (e2e build: a capture without the browser’s gesture)', () => {
  let registry: RegistryProcess;
  let harness: Harness;
  let token: string;

  beforeAll(async () => {
    ({ registry, harness, token } = await startWalkBed(E2E_EXTENSION_DIR));
    const signed = await signIn(harness, registry.url, token);
    expect(signed.signedIn).toBe(true);
    await signed.options.close();
  });
  afterAll(async () => {
    await harness?.close();
    await registry?.cleanup();
  });

  it('brings the listing’s tab to the front, captures it and files the address it showed', async () => {
    const { page } = await openPage(harness, UNFLAGGED_PRODUCT);
    const handle = page.locator('soi-hang-inspector').getByRole('button', { name: 'Xử lý' });
    await handle.click();
    const tabId = await tabIdOf(harness, page);
    // The panel as a tab in the same window, in front: the listing's tab is behind it.
    const panel = await openPanel(harness, tabId);
    await panel.getByTestId('report-facts').waitFor();
    // Another extension page in front too (the options), as when the wrong page was captured.
    const options = await openExtensionPage(harness, 'options.html');
    await panel.bringToFront();
    await panel.getByTestId('panel-attach').click();
    const story = await eventually(async () => {
      const answer = await client(registry, token).get(`/v1/review/keys/${UNFLAGGED_ITEM}`);
      return answer.body?.evidence?.[0]?.screenshot ? answer.body : undefined;
    }, 'the evidence and its screenshot at the registry');
    expect(story.evidence[0].pageUrl).toBe(UNFLAGGED_PRODUCT);
    const snapshot = await fetch(
      `${registry.url}/v1/review/evidence/${story.evidence[0].id}/snapshot`,
      { headers: { Authorization: `Bearer ${token}` } },
    );
    const body = JSON.parse(await snapshot.text());
    expect(body.pageUrl).toBe(UNFLAGGED_PRODUCT);
    expect(body.listing.itemKey).toBe(UNFLAGGED_ITEM);
    // The listing's tab is the one in front now: it was brought there to be captured.
    expect(await page.evaluate(() => document.visibilityState)).toBe('visible');
    await options.close();
    await panel.close();
    await page.close();
  });
});
