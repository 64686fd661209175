/**
 * What a marketplace page can never reach in inspector mode, in Chromium against the registry on
 * 127.0.0.1: the token (in no storage a content script reads, nor in the page), any action or the
 * session (refused to our content script's own world), the details (only in our shadow roots); and
 * a token revoked while signed in, noticed at the next call.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, type RegistryProcess } from '../helpers/registry';
import { eventually, type Harness, openExtensionPage, openPage } from './harness';
import {
  inspectorHosts,
  productSection,
  sendFromContentScript,
  signIn,
  startInspectorBed,
} from './inspector-probes';
import { UNFLAGGED_ITEM, UNFLAGGED_PRODUCT, workerOf } from './report-probes';
import { SHOPEE_GRID } from './warning-probes';

const CASE_ID = 'QĐ 89/QĐ-XPVPHC';

describe('inspector mode: what a page cannot reach', () => {
  let registry: RegistryProcess;
  let harness: Harness;
  let token: string;

  beforeAll(async () => {
    ({ registry, harness, token } = await startInspectorBed());
    const decided = await client(registry, token).post('/v1/review/decisions', {
      key: UNFLAGGED_ITEM,
      status: 'confirmed',
      reasons: ['counterfeit'],
      authority: 'Chi cục QLTT (thử nghiệm)',
      caseId: CASE_ID,
      summary: { vi: 'Bán sữa bột giả.', en: 'Sells counterfeit milk powder.' },
    });
    expect(decided.status).toBe(201);
    const signed = await signIn(harness, registry.url, token);
    expect(signed.signedIn).toBe(true);
    await signed.options.close();
  });
  afterAll(async () => {
    await harness?.close();
    await registry?.cleanup();
  });

  it('keeps the token out of every storage a content script reads, refuses page-side actions, and draws inside our roots only', async () => {
    const storage = await workerOf(harness).evaluate(async () => {
      const chrome = (
        globalThis as unknown as {
          chrome: {
            storage: Record<'local' | 'sync' | 'session', { get(k: null): Promise<object> }>;
          };
        }
      ).chrome;
      return JSON.stringify([
        await chrome.storage.local.get(null),
        await chrome.storage.sync.get(null),
        await chrome.storage.session.get(null),
      ]);
    });
    expect(storage).not.toContain(token);
    expect(storage).not.toContain(token.slice(-20));

    const { page } = await openPage(harness, UNFLAGGED_PRODUCT);
    await productSection(page, CASE_ID);
    const html = await page.evaluate(
      () => document.documentElement.outerHTML + document.body.textContent,
    );
    expect(html).not.toContain(token.slice(-20));
    // Inspector details live only in our shadow roots: the page's own tree holds none of them.
    expect(await page.evaluate(() => document.body.textContent ?? '')).not.toContain(CASE_ID);
    expect(
      await page.evaluate(() =>
        [...document.querySelectorAll('soi-hang-inspector')].every(
          (host) => host.childNodes.length === 0,
        ),
      ),
    ).toBe(true);

    const decision = {
      kind: 'decision',
      key: UNFLAGGED_ITEM,
      status: 'cleared',
      reasons: ['other'],
      summary: { vi: 'Gỡ.', en: 'Cleared.' },
    };
    for (const type of [
      'inspectorAct',
      'inspectorSession',
      'inspectorSignIn',
      'inspectorSignOut',
      'inspectorStory',
      'inspectorQueue',
      'inspectorFile',
    ]) {
      const answer = await sendFromContentScript(page, harness.extensionId, {
        type,
        payload: type === 'inspectorAct' ? decision : {},
      });
      expect(answer, type).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(
      await sendFromContentScript(page, harness.extensionId, { type: 'getToken', payload: {} }),
    ).toMatchObject({ ok: false, error: { code: 'unknown_type' } });
    // A page may ask only about its own marketplace's keys.
    expect(
      await sendFromContentScript(page, harness.extensionId, {
        type: 'inspectorLookup',
        payload: { keys: ['lazada:item:1'] },
      }),
    ).toMatchObject({ ok: false });
    const allowed = (await sendFromContentScript(page, harness.extensionId, {
      type: 'inspectorLookup',
      payload: { keys: [UNFLAGGED_ITEM] },
    })) as { ok: boolean; data: object };
    expect(allowed.ok).toBe(true);
    expect(JSON.stringify(allowed.data)).not.toContain(token.slice(-20));
    await page.close();

    // Nothing of the cleared decision reached the registry.
    const after = await client(registry, token).get(`/v1/review/keys/${UNFLAGGED_ITEM}`);
    expect(after.body.decisions).toHaveLength(1);
  });

  it('a token revoked while signed in is noticed at the next call and signs the inspector out with a message', async () => {
    const id = /^shr_([0-9a-f]{12})_/.exec(token)?.[1] ?? '';
    expect(registry.cli('token', ['--revoke', id]).status).toBe(0);
    const { page } = await openPage(harness, SHOPEE_GRID);
    // The grid's keys were asked within the minute (cached); the dashboard's queue is the next call.
    const dashboard = await openExtensionPage(harness, 'dashboard.html');
    await dashboard.getByTestId('dashboard-signed-out').waitFor();
    await dashboard.close();
    await eventually(async () => {
      const options = await openExtensionPage(harness, 'options.html');
      const out = options.getByTestId('inspector-signed-out');
      const text = (await out.count()) > 0 ? await out.textContent() : null;
      await options.close();
      return text ?? undefined;
    }, 'signed out').then((text) => expect(text).toContain('Mã này đã bị thu hồi'));
    // The page starts over without its inspector sections.
    await eventually(
      async () => ((await inspectorHosts(page).count()) === 0 ? true : undefined),
      'the sections gone',
    );
    await page.close();
  });
});
