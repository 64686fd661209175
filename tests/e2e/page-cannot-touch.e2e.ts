/**
 * The page cannot read, fake or hide our warnings. On the release build a page's script gets null
 * for every one of our shadow roots, a warning the page removes comes back, and no event the page
 * sends stops our script (nor does our script tell the page it started); on the e2e build
 * (roots open, so a page script can reach our controls) a click the page dispatches on "hide
 * warnings for this seller" changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  E2E_EXTENSION_DIR,
  EXTENSION_DIR,
  eventually,
  fixturesOf,
  type Harness,
  launch,
  launchOnFixtures,
  openPage,
} from './harness';
import { reportFrame, UNFLAGGED_PRODUCT } from './report-probes';
import { badgeCount, banner, SHOPEE_GRID, SHOPEE_PRODUCT } from './warning-probes';

/** The keyboard, input and composition events a page script may listen for, in every phase. */
const KEY_EVENTS = [
  'keydown',
  'keyup',
  'keypress',
  'input',
  'beforeinput',
  'compositionstart',
  'compositionupdate',
  'compositionend',
];

describe('the release build: closed shadow roots', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await launch(
      [
        ...fixturesOf('shopee').map(({ file, expected }) => ({ url: expected.url, file })),
        { url: UNFLAGGED_PRODUCT, file: 'shopee/product-page.html' },
      ],
      { extensionDir: EXTENSION_DIR },
    );
  });
  afterAll(async () => harness?.close());

  it("a page's script gets null for every one of our shadow roots", async () => {
    for (const url of [SHOPEE_GRID, SHOPEE_PRODUCT]) {
      const { page } = await openPage(harness, url);
      await eventually(
        async () =>
          (await page.locator('soi-hang-badge, soi-hang-banner').count()) > 0 ? true : undefined,
        `our warnings on ${url}`,
      );
      const roots = await page.evaluate(() =>
        [...document.querySelectorAll('soi-hang-badge, soi-hang-banner')].map(
          (host) => host.shadowRoot,
        ),
      );
      expect(roots.length).toBeGreaterThan(0);
      expect(roots.every((root) => root === null)).toBe(true);
      await page.close();
    }
  });

  it('a page script can neither read the open report dialog nor hear what is typed in it', async () => {
    const { page } = await openPage(harness, UNFLAGGED_PRODUCT);
    const host = page.locator('soi-hang-report-button');
    await host.waitFor();
    // The release build's root is closed: the shopper's click lands on the button inside the host.
    await host.click({ position: { x: 12, y: 10 } });
    const dialog = await reportFrame(page);
    await page.evaluate((types) => {
      const heard: string[] = [];
      (globalThis as unknown as { heard: string[] }).heard = heard;
      for (const target of [window, document]) {
        for (const type of types) {
          target.addEventListener(
            type,
            (event) => heard.push(`${type}:${(event as KeyboardEvent).key ?? ''}`),
            true,
          );
          target.addEventListener(type, (event) =>
            heard.push(`${type}:${(event as KeyboardEvent).key ?? ''}`),
          );
        }
      }
    }, KEY_EVENTS);
    await dialog.getByTestId('report-note').click();
    await dialog.getByTestId('report-note').pressSequentially('mat khau 123', { delay: 5 });
    expect(await dialog.getByTestId('report-note').inputValue()).toBe('mat khau 123');
    const seen = await page.evaluate(() => {
      const host = document.querySelector('soi-hang-report');
      let frameText: string | null = null;
      try {
        frameText = window.frames[0]?.document.body.textContent ?? null;
      } catch {
        frameText = null;
      }
      return {
        heard: (globalThis as unknown as { heard: string[] }).heard,
        root: host ? host.shadowRoot : 'no host',
        frameText,
        iframes: document.querySelectorAll('iframe').length,
      };
    });
    expect(seen).toEqual({ heard: [], root: null, frameText: null, iframes: 0 });
    await page.close();
  });

  it('a warning the page removes comes back', async () => {
    const { page } = await openPage(harness, SHOPEE_GRID);
    await badgeCount(page, 3);
    await page.evaluate(() => {
      for (const host of document.querySelectorAll('soi-hang-badge')) host.remove();
    });
    await badgeCount(page, 3, 'the three badges back');
    await page.evaluate(() => document.querySelector('soi-hang-banner, soi-hang-badge')?.remove());
    await badgeCount(page, 3, 'the badge back again');
    await page.close();
  });

  it('a page hears nothing of our start, and cannot switch us off with the event that stopped a script', async () => {
    const page = await harness.context.newPage();
    // Everything posted to the page's window from its first script on.
    await page.addInitScript(() => {
      const heard: unknown[] = [];
      (globalThis as { __heard?: unknown[] }).__heard = heard;
      window.addEventListener('message', (event) => heard.push(event.data), true);
    });
    await page.goto(SHOPEE_PRODUCT);
    await banner(page).waitFor();
    expect(await page.evaluate(() => (globalThis as { __heard?: unknown[] }).__heard)).toEqual([]);
    // WXT's own context stopped when this reached the document: every warning went with it.
    await page.evaluate((id) => {
      for (const script of ['shopee', 'content']) {
        const type = `${id}:${script}:wxt:content-script-started`;
        const detail = { contentScriptName: script, messageId: 'page' };
        document.dispatchEvent(new CustomEvent(type, { detail }));
        window.postMessage({ type, ...detail }, '*');
      }
    }, harness.extensionId);
    await page.evaluate(() => document.querySelector('soi-hang-banner')?.remove());
    await eventually(
      async () => ((await banner(page).count()) === 1 ? true : undefined),
      'the banner back: the script still runs',
    );
    await page.close();
  });
});

/** A page script reaching into an open root on purpose: only the e2e build has one (build-choice.ts). */
describe('the e2e build: what a page script does to our warnings', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await launchOnFixtures(['shopee'], { extensionDir: E2E_EXTENSION_DIR });
  });
  afterAll(async () => harness?.close());

  it('a click the page dispatches on "hide warnings for this seller" hides nothing', async () => {
    const { page } = await openPage(harness, SHOPEE_PRODUCT);
    await banner(page).waitFor();
    await page.evaluate(() => {
      const root = document.querySelector('soi-hang-banner')?.shadowRoot;
      const mute = root?.querySelector<HTMLElement>('[data-testid="mute-seller"]');
      if (!mute) throw new Error('no mute button');
      mute.click();
      mute.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    });
    await page.waitForTimeout(500);
    expect(await page.locator('soi-hang-banner [data-collapsed="true"]').count()).toBe(0);
    await page.reload();
    await banner(page).waitFor();
    expect(await page.locator('soi-hang-banner [data-collapsed="true"]').count()).toBe(0);
    await page.close();
  });
});
