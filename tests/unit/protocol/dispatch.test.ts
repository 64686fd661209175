import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ProtocolError, sendMessage } from '../../../utils/protocol/runtime/client';
import { createDispatcher, type Handlers } from '../../../utils/protocol/runtime/dispatch';
import { portableListener } from '../../../utils/protocol/runtime/listener';
import { classifySender } from '../../../utils/protocol/runtime/sender';
import { unusedInspectorHandlers } from '../../helpers/inspector-handler-stubs';

const self = { id: 'ext-id', baseUrl: 'chrome-extension://ext-id/' };
const contentScript = { id: 'ext-id', url: 'https://shopee.vn/search?keyword=a', tab: { id: 7 } };
const popup = { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html' };
const stranger = { id: 'other-extension', url: 'chrome-extension://other/popup.html' };

const status = { data: null, sync: null, stale: false, feedUrl: null };
const reportList = { reports: [], undelivered: 0, registryUrl: null, defaultRegistryUrl: null };

function handlers(): Handlers {
  return {
    lookup: vi.fn(async () => ({ hits: [], data: null })),
    pageStatus: vi.fn(async () => ({ ok: true as const })),
    getTabStatus: vi.fn(async () => ({ status: null })),
    sendLayoutReport: vi.fn(async () => ({ ok: true as const })),
    getDataStatus: vi.fn(async () => status),
    syncNow: vi.fn(async () => status),
    setFeedUrl: vi.fn(async () => status),
    scamInfo: vi.fn(async () => ({ domain: null, record: null })),
    allowDomain: vi.fn(async () => ({ ok: true as const })),
    muteSeller: vi.fn(async () => ({ ok: true as const })),
    getPreferences: vi.fn(async () => ({ language: 'vi' as const, mutes: [] })),
    setPreferences: vi.fn(async () => ({ language: 'vi' as const, mutes: [] })),
    submitReport: vi.fn(async () => ({
      outcome: 'limited' as const,
      until: '2026-12-03T00:00:00Z',
    })),
    openReportDraft: vi.fn(async () => ({ token: '00000000-0000-4000-8000-000000000000' })),
    createReportDraft: vi.fn(async () => ({ token: '00000000-0000-4000-8000-000000000000' })),
    getReportDraft: vi.fn(async () => {
      throw new Error('not used here');
    }),
    openDraftWindow: vi.fn(async () => ({ ok: true as const })),
    submitDraft: vi.fn(async () => ({
      outcome: 'limited' as const,
      until: '2026-12-03T00:00:00Z',
    })),
    listReports: vi.fn(async () => reportList),
    retryReports: vi.fn(async () => reportList),
    deleteReports: vi.fn(async () => reportList),
    setRegistryUrl: vi.fn(async () => reportList),
    ...unusedInspectorHandlers(),
  };
}

describe('sender classification', () => {
  it('tells extension pages, content scripts and strangers apart', () => {
    expect(classifySender(popup, self)).toBe('extension-page');
    expect(classifySender(contentScript, self)).toBe('content-script');
    expect(classifySender(stranger, self)).toBe('foreign');
    expect(classifySender({ id: 'ext-id' }, self)).toBe('foreign');
    // A page cannot pass for an extension page by putting our URL in its query string.
    expect(
      classifySender(
        { ...contentScript, url: 'https://evil.example/?chrome-extension://ext-id/' },
        self,
      ),
    ).toBe('content-script');
  });
});

describe('dispatcher', () => {
  it('answers a valid lookup from a content script', async () => {
    const h = handlers();
    const dispatch = createDispatcher(h, self);
    const reply = await dispatch(
      { type: 'lookup', payload: { keys: ['shopee:item:1.2'] } },
      contentScript,
    );
    expect(reply).toEqual({ ok: true, data: { hits: [], data: null } });
    expect(h.lookup).toHaveBeenCalledOnce();
  });

  it.each([
    [null, 'invalid_message'],
    ['lookup', 'invalid_message'],
    [{ type: 42 }, 'invalid_message'],
    [{ type: 'deleteEverything', payload: {} }, 'unknown_type'],
    [{ type: 'toString', payload: {} }, 'unknown_type'],
    [{ type: 'lookup', payload: { keys: ['<script>'] } }, 'invalid_message'],
    [{ type: 'pageStatus', payload: { checked: 'many' } }, 'invalid_message'],
  ])('refuses %j with a structured error and calls no handler', async (raw, code) => {
    const h = handlers();
    const reply = await createDispatcher(h, self)(raw, contentScript);
    expect(reply).toMatchObject({ ok: false, error: { code } });
    for (const handler of Object.values(h)) expect(handler).not.toHaveBeenCalled();
  });

  it('refuses privileged messages from content scripts and everything from strangers', async () => {
    const h = handlers();
    const dispatch = createDispatcher(h, self);
    expect(
      await dispatch({ type: 'getTabStatus', payload: { tabId: 1 } }, contentScript),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await dispatch({ type: 'getDataStatus', payload: {} }, contentScript)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(
      await dispatch({ type: 'lookup', payload: { keys: ['shopee:seller:1'] } }, stranger),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(h.getTabStatus).not.toHaveBeenCalled();
    expect(await dispatch({ type: 'getTabStatus', payload: { tabId: 1 } }, popup)).toEqual({
      ok: true,
      data: { status: null },
    });
  });

  it('turns a failing handler into an internal error reply', async () => {
    const h = handlers();
    h.lookup = async () => {
      throw new Error('database closed');
    };
    const reply = await createDispatcher(h, self)(
      { type: 'lookup', payload: { keys: ['shopee:seller:1'] } },
      popup,
    );
    expect(reply).toEqual({ ok: false, error: { code: 'internal', message: 'database closed' } });
  });

  it('refuses a handler reply that breaks the reply schema', async () => {
    const h = handlers();
    h.lookup = async () => ({ hits: [{ key: 'bad' }], data: null }) as never;
    const reply = await createDispatcher(h, self)(
      { type: 'lookup', payload: { keys: ['shopee:seller:1'] } },
      popup,
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

describe('portable listener and client over the fake browser', () => {
  it('delivers replies through runtime messaging and raises error replies as ProtocolError', async () => {
    const dispatch = createDispatcher(handlers(), self);
    // The fake browser gives an empty sender; present it as our popup.
    fakeBrowser.runtime.onMessage.addListener(
      portableListener((raw, sender) => dispatch(raw, { ...sender, ...popup })),
    );
    await expect(sendMessage('getDataStatus', {})).resolves.toEqual(status);
    await expect(sendMessage('getTabStatus', { tabId: -1 })).rejects.toBeInstanceOf(ProtocolError);
    await expect(sendMessage('getTabStatus', { tabId: -1 })).rejects.toMatchObject({
      code: 'invalid_message',
    });
  });

  it('refuses a reply that is not an envelope', async () => {
    await expect(sendMessage('getDataStatus', {}, async () => 'hello')).rejects.toMatchObject({
      code: 'invalid_reply',
    });
  });
});
