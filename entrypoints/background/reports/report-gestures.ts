/**
 * Reports started by the browser's own gestures (the context menu on a listing link, the keyboard
 * shortcut): a screenshot, the tab's listing, and the dialog on a draft of both.
 */
import type { browser as BrowserApi } from 'wxt/browser';
import { MARKETPLACE_PAGES } from '../../../utils/protocol/runtime/marketplaces';
import { DraftListingSchema } from '../../../utils/protocol/runtime/report-drafts';
import type { TabRequest } from '../../../utils/protocol/runtime/tab-requests';
import { openWindowOrTab, REPORT_WINDOW } from '../../../utils/report/open-window';
import { fitScreenshot } from '../../../utils/report/screenshot';
import type { DraftStore } from './draft-store';

export const REPORT_MENU_ID = 'report-listing';
export const REPORT_COMMAND = 'report-listing';

export interface GestureApis {
  captureVisibleTab(
    windowId: number,
    options: { format: 'jpeg'; quality: number },
  ): Promise<string>;
  sendToTab(tabId: number, request: TabRequest): Promise<unknown>;
  openWindow(url: string): Promise<unknown>;
  reportPageUrl(): string;
  menus?: {
    removeAll(): Promise<void> | void;
    create(properties: {
      id: string;
      title: string;
      contexts: ['link'];
      documentUrlPatterns: string[];
      targetUrlPatterns: string[];
    }): unknown;
  };
  message(name: string): string;
}

/** The browser's side of the gestures: a capture, the tab's listing, the dialog's window, the menu. */
export function browserGestureApis(browser: typeof BrowserApi): GestureApis {
  return {
    captureVisibleTab: (windowId, options) => browser.tabs.captureVisibleTab(windowId, options),
    sendToTab: (tabId, request) => browser.tabs.sendMessage(tabId, request),
    openWindow: (url) => openWindowOrTab(url, REPORT_WINDOW),
    reportPageUrl: () => browser.runtime.getURL('/report.html'),
    menus: browser.contextMenus,
    message: (name) => browser.i18n.getMessage(name as 'menuReportListing'),
  };
}

export interface GestureTab {
  id?: number;
  windowId?: number;
}

/**
 * Both gestures grant activeTab, so the visible tab is captured first (compressed to at most 1 MB);
 * the tab's content script says which listing it is (the link's, or the page's own); the dialog
 * then opens as a small window of report.html on a draft holding both.
 */
export function createReportGestures(deps: { apis: GestureApis; drafts: DraftStore; now(): Date }) {
  const { apis } = deps;

  /** The dialog for the listing at `linkUrl` (or the page's own) on this tab, with a screenshot. */
  async function reportFrom(
    tab: GestureTab,
    origin: 'menu' | 'shortcut',
    linkUrl?: string,
  ): Promise<string | null> {
    if (tab.id === undefined) return null;
    const windowId = tab.windowId;
    const shot =
      windowId === undefined
        ? { error: 'no window to capture' }
        : await fitScreenshot(
            (quality) => apis.captureVisibleTab(windowId, { format: 'jpeg', quality }),
            deps.now,
          );
    const request: TabRequest = linkUrl ? { type: 'listing', url: linkUrl } : { type: 'listing' };
    const read = DraftListingSchema.safeParse(
      await apis.sendToTab(tab.id, request).catch(() => null),
    );
    // No listing there (not a listing page, or a link we do not read): nothing to report.
    if (!read.success) return null;
    const token = await deps.drafts.create({
      origin,
      ...read.data,
      tabId: tab.id,
      ...('screenshot' in shot ? { screenshot: shot.screenshot } : { screenshotError: shot.error }),
    });
    await apis.openWindow(`${apis.reportPageUrl()}?draft=${token}`);
    return token;
  }

  return {
    reportFrom,

    /** The menu item, on links of the marketplaces' pages (made again at each start: menus do not persist in Firefox). */
    async installMenu(): Promise<void> {
      if (!apis.menus) return;
      await apis.menus.removeAll();
      apis.menus.create({
        id: REPORT_MENU_ID,
        title: apis.message('menuReportListing') || 'Báo cáo tin đăng này',
        contexts: ['link'],
        documentUrlPatterns: [...MARKETPLACE_PAGES],
        targetUrlPatterns: [...MARKETPLACE_PAGES],
      });
    },

    onMenu(
      info: { menuItemId: string | number; linkUrl?: string },
      tab: GestureTab | undefined,
    ): void {
      if (info.menuItemId === REPORT_MENU_ID && tab) void reportFrom(tab, 'menu', info.linkUrl);
    },

    onCommand(command: string, tab: GestureTab | undefined): void {
      if (command === REPORT_COMMAND && tab) void reportFrom(tab, 'shortcut');
    },
  };
}

export type ReportGestures = ReturnType<typeof createReportGestures>;
