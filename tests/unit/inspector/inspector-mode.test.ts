/**
 * Inspector mode in the background: the token kept in the extension's own database and checked
 * with whoami, a 401 anywhere signing out with its reason, what pages may ask (their own keys, only
 * while the mode is on), the minute's cache, and actions delivered through the outbox with their id
 * and only with the token that took them.
 */
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { carriesTokens } from '../../../utils/outbox/registry-client';
import {
  inspectorBed,
  listing,
  OTHER_TOKEN,
  panelPage,
  REGISTRY,
  shopeeTab,
  TOKEN,
} from '../../helpers/inspector-bed';

const data = (reply: unknown) => (reply as { ok: true; data: Record<string, unknown> }).data;
const signIn = (bed: ReturnType<typeof inspectorBed>, token = TOKEN) =>
  bed.call('inspectorSignIn', { registryUrl: REGISTRY, token });

describe('inspector sign-in', () => {
  it('keeps a token the registry knows in the extension database only, and refuses an unknown one with its code', async () => {
    const bed = inspectorBed();
    const wrong = await signIn(bed, 'shr_000000000000_nope');
    expect(wrong).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^invalid_token:/) },
    });
    expect(data(await bed.call('inspectorSession', {}))).toEqual({ signedIn: false });

    const signed = data(await signIn(bed));
    expect(signed).toMatchObject({ signedIn: true, name: 'Thanh tra viên A', role: 'inspector' });
    expect(signed).not.toHaveProperty('token');
    expect(bed.requests.at(-1)).toMatchObject({
      path: '/v1/review/whoami',
      authorization: `Bearer ${TOKEN}`,
    });
    expect(bed.modeChanged).toHaveBeenCalledWith(expect.objectContaining({ signedIn: true }));
    // Nothing of it in the storage areas content scripts share.
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain(TOKEN);
    const db = await bed.openDb();
    expect(JSON.stringify(await db.getAll('settings'))).toContain(TOKEN);
  });

  it('sends a token over https only, or over http to this machine alone', async () => {
    const bed = inspectorBed();
    for (const registryUrl of ['http://registry.test', 'http://192.168.1.20:8787']) {
      const refused = await bed.call('inspectorSignIn', { registryUrl, token: TOKEN });
      expect(refused).toMatchObject({
        ok: false,
        error: { message: expect.stringMatching(/^insecure_registry:/) },
      });
    }
    // Nothing was sent: the token never left.
    expect(bed.requests).toEqual([]);
    expect(carriesTokens('http://127.0.0.1:8787')).toBe(true);
    expect(carriesTokens('http://localhost:8787/')).toBe(true);
    expect(carriesTokens('http://[::1]:8787')).toBe(true);
    expect(carriesTokens('https://registry.example.org')).toBe(true);
    expect(carriesTokens('http://127.0.0.1.evil.example')).toBe(false);
  });

  it('signs out with the reason when the registry refuses the token at any later call', async () => {
    const bed = inspectorBed();
    await signIn(bed);
    bed.refuse(TOKEN, 'revoked_token');
    const view = data(await bed.call('inspectorLookup', { keys: [listing.itemKey] }, shopeeTab));
    expect(view).toEqual({ active: false, entries: [] });
    expect(data(await bed.call('inspectorSession', {}))).toMatchObject({
      signedIn: false,
      signedOut: { cause: 'revoked_token' },
    });
    expect(bed.modeChanged).toHaveBeenLastCalledWith(expect.objectContaining({ signedIn: false }));
  });
});

describe('what a page may ask', () => {
  it('answers nothing while the mode is off, without asking the registry', async () => {
    const bed = inspectorBed();
    expect(data(await bed.call('inspectorLookup', { keys: [listing.itemKey] }, shopeeTab))).toEqual(
      {
        active: false,
        entries: [],
      },
    );
    expect(data(await bed.call('inspectListing', { listing }, shopeeTab))).toEqual({
      opened: 'off',
    });
    expect(bed.fetch).not.toHaveBeenCalled();
  });

  it("answers about the page's own marketplace keys only, batched and cached for a minute", async () => {
    const bed = inspectorBed();
    await signIn(bed);
    const foreign = await bed.call('inspectorLookup', { keys: ['lazada:item:1'] }, shopeeTab);
    expect(foreign).toMatchObject({ ok: false });
    const keys = [listing.itemKey, listing.sellerKey];
    const first = data(await bed.call('inspectorLookup', { keys }, shopeeTab));
    expect(first).toMatchObject({ active: true, name: 'Thanh tra viên A' });
    expect((first.entries as Array<{ key: string }>).map((entry) => entry.key)).toEqual([
      listing.itemKey,
    ]);
    const lookups = () => bed.requests.filter((request) => request.path.startsWith('/v1/lookup'));
    expect(lookups()).toHaveLength(1);
    expect(lookups()[0]?.path).toContain(encodeURIComponent(listing.sellerKey));
    await bed.call('inspectorLookup', { keys }, shopeeTab);
    expect(lookups()).toHaveLength(1);
    bed.advance(61_000);
    await bed.call('inspectorLookup', { keys }, shopeeTab);
    expect(lookups()).toHaveLength(2);
    expect(JSON.stringify(first)).not.toContain(TOKEN);
    expect(first).not.toHaveProperty('words');
    // Pages carry no inspector words: the first view brings them, in both languages.
    const worded = data(await bed.call('inspectorLookup', { keys, words: true }, shopeeTab));
    expect(worded.words).toMatchObject({
      vi: { inspectorHandle: 'Xử lý' },
      en: { inspectorHandle: 'Handle' },
    });
  });

  it('opens the panel on a listing of the page, and refuses another marketplace’s', async () => {
    const bed = inspectorBed();
    await signIn(bed);
    expect(data(await bed.call('inspectListing', { listing }, shopeeTab))).toEqual({
      opened: 'panel',
    });
    expect(bed.openPanel).toHaveBeenCalledWith(7);
    expect(data(await bed.call('inspectorFocus', { tabId: 7 }))).toMatchObject({
      focus: { listing, tabId: 7 },
    });
    const lazada = {
      ...listing,
      platform: 'lazada',
      itemKey: 'lazada:item:1',
      sellerKey: undefined,
      url: 'https://www.lazada.vn/products/i1.html',
    };
    expect(await bed.call('inspectListing', { listing: lazada }, shopeeTab)).toMatchObject({
      ok: false,
    });
  });
});

describe('actions through the outbox', () => {
  const decision = {
    kind: 'decision',
    key: listing.itemKey,
    status: 'confirmed',
    reasons: ['counterfeit'],
    authority: 'Chi cục QLTT',
    caseId: 'QĐ 1',
    summary: { vi: 'Hàng giả.', en: 'Counterfeit.' },
  };

  it('saves before sending, retries under the same id, and shows the action on the page until acknowledged', async () => {
    const bed = inspectorBed();
    await signIn(bed);
    bed.answer('offline');
    const saved = data(await bed.call('inspectorAct', decision));
    const id = (saved.action as { id: string }).id;
    await bed.mode.deliverDue();
    expect(data(await bed.call('inspectorActions', {})).actions).toEqual([
      expect.objectContaining({
        id,
        state: 'pending',
        error: expect.stringContaining('unreachable'),
      }),
    ]);
    const page = data(await bed.call('inspectorLookup', { keys: [listing.itemKey] }, shopeeTab));
    expect((page.entries as Array<{ pending: unknown[] }>)[0]?.pending).toEqual([
      expect.objectContaining({ id, kind: 'decision', status: 'confirmed', state: 'pending' }),
    ]);
    bed.advance(60_000);
    await bed.mode.deliverDue();
    const posts = bed.requests.filter((request) => request.path === '/v1/review/decisions');
    expect(posts).toHaveLength(2);
    expect(posts.map((post) => (post.body as { id: string }).id)).toEqual([id, id]);
    expect(posts[1]?.authorization).toBe(`Bearer ${TOKEN}`);
    expect(data(await bed.call('inspectorActions', {})).actions).toEqual([
      expect.objectContaining({ id, state: 'delivered' }),
    ]);
    expect(bed.viewsChanged).toHaveBeenCalled();
    await bed.mode.deliverDue();
    expect(bed.requests.filter((request) => request.path === '/v1/review/decisions')).toHaveLength(
      2,
    );
  });

  it('keeps a refusal with its reason, retried only by hand', async () => {
    const bed = inspectorBed();
    await signIn(bed);
    bed.answer({ status: 400, code: 'invalid_body' });
    const { id } = data(
      await bed.call('inspectorAct', { kind: 'note', key: listing.itemKey, text: 'Gọi shop.' }),
    ).action as { id: string };
    await bed.mode.deliverDue();
    expect(data(await bed.call('inspectorActions', {})).actions).toEqual([
      expect.objectContaining({
        id,
        state: 'refused',
        error: expect.stringContaining('invalid_body'),
      }),
    ]);
    expect(data(await bed.call('inspectorActions', { retry: id })).actions).toEqual([
      expect.objectContaining({ id, state: 'delivered' }),
    ]);
  });

  it('never sends an action with another token than the one it was taken with', async () => {
    const bed = inspectorBed();
    await signIn(bed);
    bed.answer('offline');
    await bed.call('inspectorAct', decision);
    await bed.mode.deliverDue();
    await bed.call('inspectorSignOut', {});
    await signIn(bed, OTHER_TOKEN);
    bed.advance(60_000);
    await bed.mode.deliverDue();
    const posts = bed.requests.filter((request) => request.path === '/v1/review/decisions');
    expect(posts.map((post) => post.authorization)).toEqual([`Bearer ${TOKEN}`]);
    const all = await bed.mode.service.list();
    expect(all[0]).toMatchObject({
      state: 'refused',
      error: expect.stringContaining('other_token'),
    });
  });

  it('refuses every action and the session from a content script', async () => {
    const bed = inspectorBed();
    await signIn(bed);
    for (const type of [
      'inspectorAct',
      'inspectorEvidence',
      'inspectorSession',
      'inspectorSignOut',
      'inspectorStory',
      'inspectorQueue',
      'inspectorFile',
      'inspectorFocus',
      'inspectorActions',
      'inspectorStats',
    ]) {
      expect(await bed.call(type, decision, shopeeTab), type).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    expect(panelPage.url.startsWith('chrome-extension://')).toBe(true);
  });
});
