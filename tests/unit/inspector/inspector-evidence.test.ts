/**
 * An inspector's evidence in the background: captured only of the listing's own tab, brought to the
 * front and asked which page it shows before and after the capture; the snapshot hashed as sent with
 * the address seen, then its screenshot; refusals that say what the tab showed.
 */
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../utils/feed-format/hash';
import { inspectorBed, listing, REGISTRY, TOKEN } from '../../helpers/inspector-bed';

const data = (reply: unknown) => (reply as { ok: true; data: Record<string, unknown> }).data;
const signIn = (bed: ReturnType<typeof inspectorBed>, token = TOKEN) =>
  bed.call('inspectorSignIn', { registryUrl: REGISTRY, token });

describe('evidence of the listing’s own tab', () => {
  const evidence = (tabId = 7) => ({
    tabId,
    key: listing.itemKey,
    listing,
    sellerName: 'Shop <i>mẫu</i>',
  });
  const productPage = { url: `${listing.url}?sp_atk=1`, itemKey: listing.itemKey };

  it('sends evidence of the listing’s own tab: the snapshot (hashed as sent, with the address seen) and then its screenshot', async () => {
    const bed = inspectorBed();
    await signIn(bed);
    // The listing's tab is behind the options page in its window: it is brought to the front first.
    bed.tabs.set(7, { windowId: 1, active: false, page: productPage });
    bed.tabs.set(9, { windowId: 1, active: true, url: 'chrome-extension://ext-id/options.html' });
    const reply = data(await bed.call('inspectorEvidence', evidence()));
    expect(reply).toMatchObject({ action: { kind: 'evidence', state: 'pending' } });
    expect(bed.captures).toEqual([{ windowId: 1, tabId: 7 }]);
    await bed.mode.deliverDue();
    const [post, put] = bed.requests.filter((request) => request.method !== 'GET');
    const body = post?.body as { id: string; snapshot: string; snapshotSha256: string };
    expect(post?.path).toBe('/v1/review/evidence');
    expect(body.snapshotSha256).toBe(await sha256Hex(new TextEncoder().encode(body.snapshot)));
    expect(JSON.parse(body.snapshot)).toEqual({
      listing,
      sellerName: 'Shop <i>mẫu</i>',
      capturedAt: '2026-12-03T08:00:00.000Z',
      pageUrl: productPage.url,
    });
    expect(put).toMatchObject({
      method: 'PUT',
      path: `/v1/review/evidence/${body.id}/screenshot`,
      body: [0xff, 0xd8, 0xff, 0xe0, 1, 2, 3],
    });
  });

  it('captures nothing when the listing’s tab is closed or shows another page, and says what it showed', async () => {
    const bed = inspectorBed();
    await signIn(bed);
    expect(data(await bed.call('inspectorEvidence', evidence(7)))).toEqual({ refused: 'closed' });
    // Another listing of the same shop, then the search grid the card came from.
    bed.tabs.set(7, {
      windowId: 1,
      active: true,
      page: { url: 'https://shopee.vn/y-i.88.124', itemKey: 'shopee:item:88.124' },
    });
    expect(data(await bed.call('inspectorEvidence', evidence(7)))).toEqual({
      refused: 'elsewhere',
      seen: 'https://shopee.vn/y-i.88.124',
    });
    bed.tabs.set(7, {
      windowId: 1,
      active: true,
      page: { url: 'https://shopee.vn/search?keyword=sua', itemKey: null },
    });
    expect(data(await bed.call('inspectorEvidence', evidence(7)))).toMatchObject({
      refused: 'elsewhere',
    });
    // A page of ours is not there (the options page, a browser page): refused too.
    bed.tabs.set(7, { windowId: 1, active: true, url: 'chrome-extension://ext-id/options.html' });
    expect(data(await bed.call('inspectorEvidence', evidence(7)))).toEqual({
      refused: 'elsewhere',
      seen: 'chrome-extension://ext-id/options.html',
    });
    // The browser's address and the page's answer disagree: not trusted as the listing's page.
    bed.tabs.set(7, {
      windowId: 1,
      active: true,
      url: 'https://shopee.vn/search?keyword=sua',
      page: productPage,
    });
    expect(data(await bed.call('inspectorEvidence', evidence(7)))).toMatchObject({
      refused: 'elsewhere',
    });
    expect(bed.captures).toEqual([]);
    expect(await bed.mode.service.list()).toEqual([]);
  });

  it('files nothing when the page moved on while it was captured', async () => {
    const bed = inspectorBed();
    await signIn(bed);
    bed.tabs.set(7, { windowId: 1, active: true, page: { ...productPage } });
    bed.duringCapture(() => {
      bed.tabs.set(7, {
        windowId: 1,
        active: true,
        page: { url: 'https://shopee.vn/y-i.88.124', itemKey: 'shopee:item:88.124' },
      });
    });
    expect(data(await bed.call('inspectorEvidence', evidence(7)))).toEqual({
      refused: 'moved',
      seen: 'https://shopee.vn/y-i.88.124',
    });
    expect(await bed.mode.service.list()).toEqual([]);
  });

  it('files the evidence without a screenshot when the browser refuses the capture, saying why', async () => {
    const bed = inspectorBed();
    await signIn(bed);
    bed.tabs.set(7, { windowId: 1, active: true, page: productPage });
    bed.duringCapture(() => {
      throw new Error('Either the <all_urls> or activeTab permission is required.');
    });
    const reply = data(await bed.call('inspectorEvidence', evidence(7)));
    expect(reply).toMatchObject({
      action: { kind: 'evidence' },
      screenshotError: expect.stringContaining('activeTab'),
    });
  });
});
