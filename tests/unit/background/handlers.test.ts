import { describe, expect, it } from 'vitest';
import { createTabStatusStore } from '../../../entrypoints/background/tabs/tab-status';
import { background, popup, tab } from '../../helpers/background';

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
        signals: [
          { itemKey: 'shopee:item:3.4', evidence: [{ signal: 'replicaWords', text: 'rep 1 1' }] },
          { itemKey: 'shopee:item:5.6', evidence: [{ signal: 'replicaWords', text: 'hang rep' }] },
        ],
      },
    });
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

  it('sends a layout report of an unread tab, counts only, and only from the popup', async () => {
    const { dispatch, layoutReports } = background();
    const unread = {
      ...status,
      checked: 0,
      flagged: 0,
      unread: true,
      cardLike: 48,
      adapterVersion: '2026-12-07',
    };
    await dispatch({ type: 'pageStatus', payload: unread }, tab);
    expect(await dispatch({ type: 'sendLayoutReport', payload: { tabId: 12 } }, tab)).toMatchObject(
      {
        ok: false,
        error: { code: 'forbidden' },
      },
    );
    expect(await dispatch({ type: 'sendLayoutReport', payload: { tabId: 12 } }, popup)).toEqual({
      ok: true,
      data: { ok: true },
    });
    expect(layoutReports).toEqual([
      {
        platform: unread.platform,
        pageKind: unread.pageKind,
        adapterVersion: '2026-12-07',
        listings: 0,
        unreadable: unread.unreadable,
        cardLike: 48,
      },
    ]);
    // A page that was read has nothing to report.
    await dispatch({ type: 'pageStatus', payload: status }, tab);
    expect(
      await dispatch({ type: 'sendLayoutReport', payload: { tabId: 12 } }, popup),
    ).toMatchObject({
      ok: false,
    });
    expect(layoutReports).toHaveLength(1);
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

describe('reports from a page', () => {
  const listing = {
    platform: 'shopee' as const,
    itemKey: 'shopee:item:1001.2002',
    title: 'Sữa bột',
    url: 'https://shopee.vn/sua-bot-i.1001.2002',
    seenAt: '2026-11-28T12:00:00.000Z',
  };
  const submit = (payload: unknown, sender: typeof tab | typeof popup = tab) =>
    background().dispatch({ type: 'submitReport', payload }, sender);

  it("saves a report of the page's own marketplace", async () => {
    expect(await submit({ listing, reasons: ['counterfeit'] })).toMatchObject({
      ok: true,
      data: { outcome: 'saved' },
    });
  });

  it("refuses another marketplace's listing, a look-alike address and a screenshot, saving nothing", async () => {
    const refusals = [
      {
        listing: { ...listing, platform: 'lazada', itemKey: 'lazada:item:5' },
        reasons: ['counterfeit'],
      },
      {
        listing: { ...listing, url: 'https://shopee.vn.khuyenmai.com/x' },
        reasons: ['counterfeit'],
      },
      {
        listing,
        reasons: ['counterfeit'],
        screenshot: {
          dataUrl: 'data:image/png;base64,iVBORw0KGgo=',
          takenAt: '2026-11-28T12:00:00.000Z',
        },
      },
    ];
    const { dispatch, reports } = background();
    for (const payload of refusals) {
      expect(await dispatch({ type: 'submitReport', payload }, tab)).toMatchObject({ ok: false });
    }
    expect((await reports.service.list()).reports).toHaveLength(0);
  });

  it('refuses a note over 2,000 characters with a message', async () => {
    const reply = await submit({ listing, reasons: ['other'], note: 'x'.repeat(100_000) });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_message' } });
  });

  it('lists, retries and deletes reports for extension pages only', async () => {
    expect(await background().dispatch({ type: 'listReports', payload: {} }, tab)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});
