/** What the shopper chose, as the handlers apply it: mutes, pauses and signals switched off. */
import { describe, expect, it, vi } from 'vitest';
import { background, NOW, popup, tab } from '../../helpers/background';

describe("background handlers: the shopper's choices", () => {
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
    expect(await lookup()).toMatchObject({
      data: { signals: [{ evidence: [{ signal: 'replicaWords', text: 'rep 1 1' }] }] },
    });
    const off = { language: 'vi', mutes: [], signalsOff: ['replicaWords'] };
    expect(await dispatch({ type: 'setPreferences', payload: off }, popup)).toMatchObject({
      ok: true,
    });
    expect((await lookup()) as { data: { signals?: unknown } }).not.toHaveProperty('data.signals');
    await dispatch({ type: 'setPreferences', payload: { ...off, signalsOff: [] } }, popup);
    expect(await lookup()).toMatchObject({
      data: { signals: [{ evidence: [{ signal: 'replicaWords', text: 'rep 1 1' }] }] },
    });
    // Only signals that exist can be switched off.
    expect(
      await dispatch(
        { type: 'setPreferences', payload: { ...off, signalsOff: ['priceWatch'] } },
        popup,
      ),
    ).toMatchObject({ ok: false, error: { code: 'invalid_message' } });
  });
});
