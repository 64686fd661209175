import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandlers } from '@/entrypoints/background/handlers';
import { createTabStatusStore, type SessionArea } from '@/entrypoints/background/tab-status';
import { LookupIndex } from '@/utils/lookup/lookup-index';
import { createDispatcher } from '@/utils/protocol/dispatch';
import { dataInfo, record } from '../../helpers/records';

const self = { id: 'ext-id', baseUrl: 'chrome-extension://ext-id/' };
const tab = { id: 'ext-id', url: 'https://shopee.vn/search?keyword=a', tab: { id: 12 } };
const popup = { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html' };

function background() {
  const index = LookupIndex.fromRecords([record('shopee:item:1.2')], dataInfo({ sequence: 3 }));
  const showCount = vi.fn(async () => undefined);
  const tabs = createTabStatusStore(fakeBrowser.storage.session as unknown as SessionArea);
  const dispatch = createDispatcher(
    createHandlers({
      index: async () => index,
      tabs,
      showCount,
      now: () => new Date('2026-11-28T12:00:00Z'),
    }),
    self,
  );
  return { dispatch, showCount, tabs };
}

const status = {
  platform: 'shopee',
  pageKind: 'grid',
  checked: 9,
  flagged: 2,
  unreadable: 1,
  errors: 0,
};

describe('background handlers', () => {
  it('answers lookups with hits and the data description', async () => {
    const { dispatch } = background();
    const reply = await dispatch(
      { type: 'lookup', payload: { keys: ['shopee:item:1.2', 'shopee:item:3.4'] } },
      tab,
    );
    expect(reply).toMatchObject({
      ok: true,
      data: { hits: [{ key: 'shopee:item:1.2' }], data: { sequence: 3 } },
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
