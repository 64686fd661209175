/**
 * Firefox for Android has no windows, menus, commands or sidebar: the dialog and the panel open in
 * a tab, the menu is simply not made, and Firefox's data consent is asked for only where the
 * manifest declares it.
 */
import { describe, expect, it, vi } from 'vitest';
import type { browser } from 'wxt/browser';
import { createInspectorUi } from '../../../entrypoints/background/inspector/inspector-ui';
import type { DraftStore } from '../../../entrypoints/background/reports/draft-store';
import { createReportGestures } from '../../../entrypoints/background/reports/report-gestures';
import { REPORT_DATA, reportCategories } from '../../../utils/protocol/runtime/data-collection';
import type { InspectorSession } from '../../../utils/protocol/runtime/inspector';
import { askToSend, type ConsentApis, maySend } from '../../../utils/report/data-consent';
import { openWindowOrTab, REPORT_WINDOW } from '../../../utils/report/open-window';

describe('a page opened as a window or a tab', () => {
  it('is a small window where the browser has windows', async () => {
    const windows = { create: vi.fn(async () => ({})) };
    const tabs = { create: vi.fn(async () => ({})) };
    expect(
      await openWindowOrTab('moz-extension://x/report.html', REPORT_WINDOW, { windows, tabs }),
    ).toBe('window');
    expect(windows.create).toHaveBeenCalledWith({
      url: 'moz-extension://x/report.html',
      type: 'popup',
      width: 560,
      height: 780,
    });
    expect(tabs.create).not.toHaveBeenCalled();
  });

  it('is a tab where there are no windows (Firefox for Android)', async () => {
    const tabs = { create: vi.fn(async () => ({})) };
    expect(
      await openWindowOrTab('moz-extension://x/sidepanel.html?tab=3', REPORT_WINDOW, { tabs }),
    ).toBe('tab');
    expect(tabs.create).toHaveBeenCalledWith({ url: 'moz-extension://x/sidepanel.html?tab=3' });
  });
});

describe('inspector mode where the toolbar button has no setIcon (Firefox for Android)', () => {
  it('names the inspector in the title, and throws nothing', () => {
    const setTitle = vi.fn(async () => undefined);
    const ui = createInspectorUi({
      browserAction: { setTitle },
      i18n: { getMessage: (name: string) => name },
    } as unknown as typeof browser);
    expect(() =>
      ui.showMode({ signedIn: true, name: 'Thanh tra viên' } as InspectorSession),
    ).not.toThrow();
    expect(setTitle).toHaveBeenCalledWith({ title: 'extInspectorTitle: Thanh tra viên' });
  });
});

describe('the gestures where the browser has no menus', () => {
  it('makes no menu, and throws nothing', async () => {
    const gestures = createReportGestures({
      apis: {
        captureVisibleTab: vi.fn(),
        sendToTab: vi.fn(),
        openWindow: vi.fn(),
        reportPageUrl: () => 'moz-extension://x/report.html',
        message: () => '',
      },
      drafts: {} as DraftStore,
      now: () => new Date(),
    });
    await expect(gestures.installMenu()).resolves.toBeUndefined();
  });
});

function consent(declared: string[] | undefined, granted: boolean, canAsk = true) {
  return {
    declared: () => declared,
    canAsk: () => canAsk,
    contains: vi.fn(async () => granted),
    request: vi.fn(async () => granted),
  } satisfies ConsentApis;
}

describe("Firefox's data consent", () => {
  const FIREFOX = [...REPORT_DATA, 'personallyIdentifyingInfo'];

  it('is not asked for where the manifest declares none (Chrome)', async () => {
    const apis = consent(undefined, false);
    expect(await askToSend(reportCategories('a@b.vn'), apis)).toBe(true);
    expect(await maySend(reportCategories(''), apis)).toBe(true);
    expect(apis.request).not.toHaveBeenCalled();
  });

  it('asks for what a report sends, and the contact’s category only with a contact', async () => {
    const apis = consent(FIREFOX, true);
    expect(await askToSend(reportCategories(' '), apis)).toBe(true);
    expect(apis.request).toHaveBeenLastCalledWith({ data_collection: [...REPORT_DATA] });
    await askToSend(reportCategories('0912345678'), apis);
    expect(apis.request).toHaveBeenLastCalledWith({ data_collection: FIREFOX });
  });

  it('a refusal, or a browser that throws, sends nothing', async () => {
    expect(await askToSend(reportCategories(''), consent(FIREFOX, false))).toBe(false);
    const throwing = consent(FIREFOX, true);
    throwing.request.mockRejectedValueOnce(new Error('not under a user gesture'));
    expect(await askToSend(reportCategories(''), throwing)).toBe(false);
    expect(await maySend(reportCategories(''), consent(FIREFOX, false))).toBe(false);
  });

  it('a page that cannot ask (a framed dialog in Firefox) leaves the check to the background', async () => {
    const framed = consent(FIREFOX, false, false);
    expect(await askToSend(reportCategories(''), framed)).toBe(true);
    expect(framed.request).not.toHaveBeenCalled();
    expect(await maySend(reportCategories(''), framed)).toBe(false);
  });
});
