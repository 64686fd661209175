import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandlers } from '../../../entrypoints/background/handlers';
import { createPreferencesService } from '../../../entrypoints/background/preferences-service';
import { createTabStatusStore, type SessionArea } from '../../../entrypoints/background/tab-status';
import { openDatabase } from '../../../utils/db/database';
import { createDispatcher } from '../../../utils/protocol/dispatch';
import { shippedService } from '../../helpers/shipped-data';

const NOW = new Date('2026-11-28T12:00:00Z');
const self = { id: 'ext-id', baseUrl: 'chrome-extension://ext-id/' };
const tab = { id: 'ext-id', url: 'https://shopee.vn/search?keyword=a', tab: { id: 12 } };
const popup = { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html' };

function background(openDb: () => ReturnType<typeof openDatabase> = () => openDatabase()) {
  const showCount = vi.fn(async () => undefined);
  const allowDomain = vi.fn(async () => undefined);
  const tabs = createTabStatusStore(fakeBrowser.storage.session as unknown as SessionArea);
  const dispatch = createDispatcher(
    createHandlers({
      data: shippedService({ openDb }),
      preferences: createPreferencesService({ openDb, now: () => NOW }),
      tabs,
      showCount,
      allowDomain,
      now: () => NOW,
    }),
    self,
  );
  return { dispatch, showCount, allowDomain, tabs };
}

const status = {
  platform: 'shopee',
  pageKind: 'grid',
  checked: 9,
  flagged: 2,
  unreadable: 1,
  errors: 0,
  muted: 0,
  paused: false,
  listings: [],
};

describe('background handlers', () => {
  it('answers lookups with hits and the data description', async () => {
    const { dispatch } = background();
    const reply = await dispatch(
      {
        type: 'lookup',
        payload: {
          keys: [
            'shopee:item:0000000007.0000000101',
            'shopee:item:3.4',
            'shopee:item:0000000007.0000000103',
          ],
        },
      },
      tab,
    );
    // The cleared demo record (…103) is never shown to shoppers.
    expect(reply).toMatchObject({
      ok: true,
      data: { hits: [{ key: 'shopee:item:0000000007.0000000101' }], data: { source: 'default' } },
    });
    expect((reply as { data: { hits: unknown[] } }).data.hits).toHaveLength(1);
  });

  it('mutes a seller from a page: lookups then say so, until the mute is undone in the options', async () => {
    const { dispatch } = background();
    const seller = 'shopee:seller:0000000007';
    const lookup = () =>
      dispatch(
        { type: 'lookup', payload: { keys: ['shopee:item:0000000007.0000000101', seller] } },
        tab,
      );
    expect(await lookup()).toMatchObject({
      data: { view: { language: 'vi', paused: false, mutedSellers: [] } },
    });
    expect(
      await dispatch(
        { type: 'muteSeller', payload: { sellerKey: seller, label: 'Shop A', today: true } },
        tab,
      ),
    ).toEqual({ ok: true, data: { ok: true } });
    expect(await lookup()).toMatchObject({ data: { view: { mutedSellers: [seller] } } });
    const preferences = await dispatch({ type: 'getPreferences', payload: {} }, popup);
    expect(preferences).toMatchObject({
      ok: true,
      data: {
        mutes: [{ scope: 'seller', target: seller, label: 'Shop A', until: expect.any(String) }],
      },
    });
    // Only the extension's own pages read or change the preferences as a whole.
    expect(await dispatch({ type: 'getPreferences', payload: {} }, tab)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    await dispatch({ type: 'setPreferences', payload: { language: 'en', mutes: [] } }, popup);
    expect(await lookup()).toMatchObject({ data: { view: { language: 'en', mutedSellers: [] } } });
  });

  it('without IndexedDB, a page is still answered and a mute still holds until the worker stops', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { dispatch } = background(async () => {
      throw new DOMException('IndexedDB is disabled', 'InvalidStateError');
    });
    const item = 'shopee:item:0000000007.0000000101';
    const seller = 'shopee:seller:0000000042';
    const lookup = () => dispatch({ type: 'lookup', payload: { keys: [item, seller] } }, tab);
    expect(await lookup()).toMatchObject({
      ok: true,
      data: { hits: [{ key: item }, { key: seller }] },
    });
    expect(
      await dispatch({ type: 'muteSeller', payload: { sellerKey: seller, today: false } }, tab),
    ).toMatchObject({ ok: true });
    expect(await lookup()).toMatchObject({ data: { view: { mutedSellers: [seller] } } });
    expect(await dispatch({ type: 'getDataStatus', payload: {} }, popup)).toMatchObject({
      ok: true,
      data: { inMemory: true },
    });
    warn.mockRestore();
  });

  it("mutes from a page only a seller of that page's own marketplace", async () => {
    const { dispatch } = background();
    const mute = (sellerKey: string, sender: typeof tab) =>
      dispatch({ type: 'muteSeller', payload: { sellerKey, today: false } }, sender);
    const refused = { ok: false, error: { code: 'internal' } };
    expect(await mute('lazada:seller:0000000052', tab)).toMatchObject(refused);
    expect(await mute('shopee:item:0000000007.0000000101', tab)).toMatchObject(refused);
    expect(await mute('domain:0000a.net', tab)).toMatchObject(refused);
    const lookalike = { ...tab, url: 'https://shopee.vn.khuyen-mai.com/x' };
    expect(await mute('shopee:seller:0000000042', lookalike)).toMatchObject(refused);
    const preferences = await dispatch({ type: 'getPreferences', payload: {} }, popup);
    expect(preferences).toMatchObject({ ok: true, data: { mutes: [] } });
    const lazadaTab = { ...tab, url: 'https://www.lazada.vn/products/x-i501.html' };
    expect(await mute('lazada:seller:0000000052', lazadaTab)).toMatchObject({ ok: true });
    expect(await mute('shopee:seller:0000000042', tab)).toMatchObject({ ok: true });
  });

  it('answers nothing on a paused marketplace, and refuses malformed preferences', async () => {
    const { dispatch } = background();
    const pause = { scope: 'site', target: 'shopee', createdAt: NOW.toISOString() };
    expect(
      await dispatch(
        { type: 'setPreferences', payload: { language: 'vi', mutes: [pause] } },
        popup,
      ),
    ).toMatchObject({ ok: true });
    const reply = await dispatch(
      { type: 'lookup', payload: { keys: ['shopee:item:0000000007.0000000101'] } },
      tab,
    );
    expect(reply).toMatchObject({ ok: true, data: { hits: [], view: { paused: true } } });
    // Other marketplaces go on.
    const tiki = await dispatch({ type: 'lookup', payload: { keys: ['tiki:item:1'] } }, tab);
    expect(tiki).toMatchObject({ ok: true, data: { view: { paused: false } } });
    for (const bad of [
      { language: 'fr', mutes: [] },
      { language: 'vi', mutes: [{ ...pause, target: 'amazon' }] },
      {
        language: 'vi',
        mutes: [{ scope: 'seller', target: 'shopee:item:1.2', createdAt: NOW.toISOString() }],
      },
    ]) {
      expect(await dispatch({ type: 'setPreferences', payload: bad }, popup)).toMatchObject({
        ok: false,
        error: { code: 'invalid_message' },
      });
    }
    expect(await dispatch({ type: 'getPreferences', payload: {} }, popup)).toMatchObject({
      data: { mutes: [pause] },
    });
  });

  it('matches listing titles against flagged product names', async () => {
    const { dispatch } = background();
    const reply = await dispatch(
      {
        type: 'lookup',
        payload: {
          keys: ['shopee:item:1.2', 'shopee:item:3.4'],
          titles: [
            { itemKey: 'shopee:item:1.2', title: 'Sữa bột COLOS IQ FOR MUM 800g' },
            { itemKey: 'shopee:item:3.4', title: 'Sữa Colos IQ for Baby' },
          ],
        },
      },
      tab,
    );
    expect(reply).toMatchObject({
      ok: true,
      data: {
        hits: [{ key: 'product:colos iq for mum', status: 'confirmed' }],
        products: [{ itemKey: 'shopee:item:1.2', productKey: 'product:colos iq for mum' }],
      },
    });
  });

  it('reads names from card addresses, and finds replica phrases in names', async () => {
    const { dispatch } = background();
    const reply = await dispatch(
      {
        type: 'lookup',
        payload: {
          keys: ['shopee:item:1.2', 'shopee:item:3.4', 'shopee:item:5.6', 'shopee:item:7.8'],
          titles: [
            {
              itemKey: 'shopee:item:1.2',
              title: 'S%E1%BB%AFa-b%E1%BB%99t-COLOS-IQ-FOR-MUM-800g',
              fromAddress: true,
            },
            { itemKey: 'shopee:item:3.4', title: 'Gi%C3%A0y-sneaker-REP-1%3A1', fromAddress: true },
            { itemKey: 'shopee:item:5.6', title: 'Túi xách hàng Rep cao cấp' },
            // A malformed address reads as no name at all, and changes nothing else.
            { itemKey: 'shopee:item:7.8', title: 'bad-%E0%A4%A-replica', fromAddress: true },
          ],
        },
      },
      tab,
    );
    expect(reply).toMatchObject({
      ok: true,
      data: {
        products: [{ itemKey: 'shopee:item:1.2', productKey: 'product:colos iq for mum' }],
        replicas: [
          { itemKey: 'shopee:item:3.4', phrase: 'rep 1 1' },
          { itemKey: 'shopee:item:5.6', phrase: 'hang rep' },
        ],
      },
    });
  });

  it('reads no replica phrase once the shopper switched that signal off, and again once on', async () => {
    const { dispatch } = background();
    const lookup = () =>
      dispatch(
        {
          type: 'lookup',
          payload: {
            keys: ['shopee:item:3.4'],
            titles: [{ itemKey: 'shopee:item:3.4', title: 'Giày sneaker Rep 1:1' }],
          },
        },
        tab,
      );
    expect(await lookup()).toMatchObject({ data: { replicas: [{ phrase: 'rep 1 1' }] } });
    const off = { language: 'vi', mutes: [], signalsOff: ['replicaWords'] };
    expect(await dispatch({ type: 'setPreferences', payload: off }, popup)).toMatchObject({
      ok: true,
    });
    expect((await lookup()) as { data: { replicas?: unknown } }).not.toHaveProperty(
      'data.replicas',
    );
    await dispatch({ type: 'setPreferences', payload: { ...off, signalsOff: [] } }, popup);
    expect(await lookup()).toMatchObject({ data: { replicas: [{ phrase: 'rep 1 1' }] } });
    // Only signals that exist can be switched off.
    expect(
      await dispatch(
        { type: 'setPreferences', payload: { ...off, signalsOff: ['priceWatch'] } },
        popup,
      ),
    ).toMatchObject({ ok: false, error: { code: 'invalid_message' } });
  });

  it('refuses a lookup whose address mark is not `true`', async () => {
    const { dispatch } = background();
    const reply = await dispatch(
      {
        type: 'lookup',
        payload: {
          keys: ['shopee:item:1.2'],
          titles: [{ itemKey: 'shopee:item:1.2', title: 'x', fromAddress: 'yes' }],
        },
      },
      tab,
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_message' } });
  });

  it('lets the warning page allow only a listed domain, and only from an extension page', async () => {
    const { dispatch, allowDomain } = background();
    const info = await dispatch(
      { type: 'scamInfo', payload: { url: 'https://www.0000a.net/login' } },
      popup,
    );
    expect(info).toMatchObject({
      ok: true,
      data: { domain: '0000a.net', record: { status: 'reported' } },
    });
    expect(
      await dispatch({ type: 'allowDomain', payload: { domain: '0000a.net' } }, popup),
    ).toEqual({
      ok: true,
      data: { ok: true },
    });
    expect(allowDomain).toHaveBeenCalledWith('0000a.net');
    expect(
      await dispatch({ type: 'allowDomain', payload: { domain: 'shopee.vn' } }, popup),
    ).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
    expect(
      await dispatch({ type: 'allowDomain', payload: { domain: '0000a.net' } }, tab),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(allowDomain).toHaveBeenCalledTimes(1);
  });

  it('reports the data status, and a sync without a configured feed says so', async () => {
    const { dispatch } = background();
    const synced = await dispatch({ type: 'syncNow', payload: {} }, popup);
    expect(synced).toMatchObject({
      ok: true,
      data: {
        data: { source: 'default' },
        sync: { result: 'not_configured' },
        stale: false,
        feedUrl: null,
      },
    });
    expect(await dispatch({ type: 'syncNow', payload: {} }, tab)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('keeps each tab’s page status for the popup and shows the flagged count on the icon', async () => {
    const { dispatch, showCount } = background();
    expect(await dispatch({ type: 'pageStatus', payload: status }, tab)).toEqual({
      ok: true,
      data: { ok: true },
    });
    expect(showCount).toHaveBeenCalledWith(12, 2);
    const reply = await dispatch({ type: 'getTabStatus', payload: { tabId: 12 } }, popup);
    expect(reply).toMatchObject({
      ok: true,
      data: { status: { ...status, url: tab.url, updatedAt: '2026-11-28T12:00:00.000Z' } },
    });
    expect(await dispatch({ type: 'getTabStatus', payload: { tabId: 13 } }, popup)).toEqual({
      ok: true,
      data: { status: null },
    });
  });

  it('stores nothing for a malformed status', async () => {
    const { dispatch, showCount, tabs } = background();
    const reply = await dispatch({ type: 'pageStatus', payload: { ...status, checked: -5 } }, tab);
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_message' } });
    expect(showCount).not.toHaveBeenCalled();
    expect(await tabs.get(12)).toBeNull();
  });

  it('keeps working without storage.session (older Firefox), in memory', async () => {
    const tabs = createTabStatusStore(undefined);
    await tabs.set(1, {
      ...status,
      platform: 'shopee',
      pageKind: 'grid',
      url: 'https://shopee.vn/',
      updatedAt: '2026-11-28T00:00:00Z',
    });
    expect(await tabs.get(1)).toMatchObject({ checked: 9 });
    await tabs.remove(1);
    expect(await tabs.get(1)).toBeNull();
  });
});
