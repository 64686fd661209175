/**
 * Inspector mode as an official uses it: signing in on the options page, the sections our content
 * scripts draw on marketplace pages (in our roots, closed or open), the panel page, and a content script's own context (reached
 * through the debugging protocol) to show what a page-side sender is refused.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { client, type RegistryProcess, startRegistry } from '../helpers/registry';
import { report } from '../helpers/reports';
import { eventually, type Harness, launch, openExtensionPage } from './harness';
import { ours } from './ours';
import { REPORT_PAGES, UNFLAGGED_ITEM, UNFLAGGED_PRODUCT } from './report-probes';

export const INSPECTOR_NAME = 'Thanh tra viên e2e';

/**
 * An inspector suite's world: a fresh registry (SQLite) on 127.0.0.1 whose listing no record flags
 * two shoppers have reported, an inspector's token, and Chromium with the release build pinned to
 * the test key (or `extensionDir`) on the report pages.
 */
export async function startInspectorBed(options: { extensionDir?: string } = {}): Promise<{
  registry: RegistryProcess;
  harness: Harness;
  token: string;
}> {
  const registry = await startRegistry('sqlite', { RATE_LIMIT_PER_MINUTE: '1000' });
  const token = registry.token(INSPECTOR_NAME, 'inspector');
  for (let i = 0; i < 2; i++) {
    const sent = report(
      { reasons: ['counterfeit'] },
      { platform: 'shopee', itemKey: UNFLAGGED_ITEM, sellerKey: undefined, url: UNFLAGGED_PRODUCT },
    );
    expect((await client(registry).post('/v1/reports', sent)).status).toBe(201);
  }
  const harness = await launch(REPORT_PAGES, {
    ...(options.extensionDir ? { extensionDir: options.extensionDir } : {}),
    passThrough: (url) => url.startsWith(registry.url),
  });
  return { registry, harness, token };
}

/** The inspector's markers and sections in a page; `.locator()` goes on inside their roots. */
export const inspectorHosts = (page: Page) => ours(page, 'soi-hang-inspector');

/**
 * Signs in on the options page, as an inspector does (the press asks the browser for nothing); answers
 * what the section then says (who, or why not).
 */
export async function signIn(harness: Harness, registryUrl: string, token: string) {
  const options = await openExtensionPage(harness, 'options.html');
  const section = options.getByTestId('inspector-section');
  await section.getByLabel('Địa chỉ sổ đăng ký').fill(registryUrl);
  await section.getByLabel('Mã truy cập (token)').fill(token);
  await section.getByTestId('inspector-sign-in').click();
  const said = await eventually(
    async () => {
      for (const id of ['inspector-who', 'inspector-error']) {
        const found = section.getByTestId(id);
        if ((await found.count()) > 0) return { id, text: (await found.textContent()) ?? '' };
      }
      return undefined;
      // A round trip to a registry process just started, on a busy two-core machine.
    },
    'the sign-in answered',
    30_000,
  ).catch(async (failure: Error) => {
    // What the section showed instead (still busy, or back to the form) says where it stopped.
    const shown = await section.textContent().catch(() => '(the section is gone)');
    throw new Error(`${failure.message}; the section shows: ${shown}`);
  });
  return { options, signedIn: said.id === 'inspector-who', text: said.text };
}

/** The text of the inspector section drawn for a product page, once it shows `expected`. */
export function productSection(page: Page, expected: string): Promise<string> {
  return eventually(async () => {
    const host = inspectorHosts(page).filter({ has: 'section.inspector' });
    if ((await host.count()) === 0) return undefined;
    const text = (await host.first().locator('section.inspector').textContent()) ?? '';
    return text.includes(expected) ? text : undefined;
  }, `the inspector section saying "${expected}"`);
}

/** The panel page on a tab (a window of its own, as where no side panel exists). */
export async function openPanel(harness: Harness, tabId: number): Promise<Page> {
  return openExtensionPage(harness, `sidepanel.html?tab=${tabId}`);
}

/**
 * Sends a runtime message from our content script's isolated world in this page (found through the
 * debugging protocol): exactly what a content script, and so a page that subverted one, could send.
 */
export async function sendFromContentScript(
  page: Page,
  extensionId: string,
  message: unknown,
): Promise<unknown> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: Array<{ id: number; origin: string; auxData?: { type?: string } }> = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  const world = await eventually(
    async () =>
      contexts.find(
        (context) =>
          context.auxData?.type === 'isolated' &&
          context.origin === `chrome-extension://${extensionId}`,
      ),
    'the content script world',
  );
  const result = await cdp.send('Runtime.evaluate', {
    contextId: world.id,
    expression: `chrome.runtime.sendMessage(${JSON.stringify(message)})`,
    awaitPromise: true,
    returnByValue: true,
  });
  await cdp.detach();
  return result.result.value;
}
