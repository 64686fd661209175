/**
 * The inspector's screenshot evidence, of the listing's own tab only: captured only while that tab
 * shows the listing under focus, before and after the capture; anything else is refused.
 */
import type { browser as BrowserApi } from 'wxt/browser';
import type { ScreenshotInput } from '../../../utils/protocol/runtime/report-messages';
import { readPageAnswer, type TabRequest } from '../../../utils/protocol/runtime/tab-requests';
import { fitScreenshot } from '../../../utils/report/screenshot';

export interface CaptureTab {
  id?: number | undefined;
  windowId?: number | undefined;
  active?: boolean | undefined;
  /** Only when the browser lets us read it (activeTab, a host permission). */
  url?: string | undefined;
}

export interface CaptureApis {
  getTab(tabId: number): Promise<CaptureTab>;
  /** Makes the tab the one its window shows. */
  activate(tabId: number): Promise<unknown>;
  captureVisibleTab(
    windowId: number,
    options: { format: 'jpeg'; quality: number },
  ): Promise<string>;
  sendToTab(tabId: number, request: TabRequest): Promise<unknown>;
  /** Waits for a tab just brought to the front to be drawn. */
  settle(): Promise<void>;
}

/** The browser's tabs as the capture uses them. */
export function browserCaptureApis(browser: typeof BrowserApi): CaptureApis {
  return {
    getTab: (tabId) => browser.tabs.get(tabId),
    activate: (tabId) => browser.tabs.update(tabId, { active: true }),
    captureVisibleTab: (windowId, options) => browser.tabs.captureVisibleTab(windowId, options),
    sendToTab: (tabId, request) => browser.tabs.sendMessage(tabId, request),
    // A tab just brought to the front is drawn within a frame or two.
    settle: () => new Promise((resolve) => setTimeout(resolve, 250)),
  };
}

/** Why a capture was refused: the tab is gone, or it shows another page than the listing's. */
export const CAPTURE_REFUSALS = ['closed', 'elsewhere', 'moved'] as const;
export type CaptureRefusal = (typeof CAPTURE_REFUSALS)[number];

export type EvidenceShot =
  | {
      /** The address the tab showed when it was captured. */
      pageUrl: string;
      screenshot?: ScreenshotInput;
      /** The capture itself failed (no permission for the tab): the evidence goes without it. */
      screenshotError?: string;
    }
  | { refused: CaptureRefusal; seen?: string };

/** The longest address kept with evidence (a listing's own is at most 2,000 characters). */
export const MAX_PAGE_URL = 2000;

const withoutHash = (url: string) => url.replace(/#.*$/, '');

/** Keys are canonical (utils/protocol/keys.ts): the same listing has the very same key. */
const sameListing = (a: string | null, b: string) => a !== null && a === b;

/**
 * The tab is brought to the front of its window, its page says where it is and which listing it is
 * the page of (the adapter's own rules, through the content script; the browser's address too when
 * it lets us read it), and only when that is the listing under focus is the window captured; the
 * page is asked again after the capture, so a page that moved meanwhile is never filed under the
 * listing. A refusal names why and what the tab showed.
 */
export function createEvidenceCapture(deps: { apis: CaptureApis; now(): Date }) {
  const { apis } = deps;

  /** Where the tab is now, and whether that is the page of `itemKey`. */
  async function whereIs(tabId: number, itemKey: string) {
    const tab = await apis.getTab(tabId).catch(() => null);
    if (!tab || tab.windowId === undefined) return { tab: null, page: null, matches: false };
    const page = readPageAnswer(await apis.sendToTab(tabId, { type: 'page' }).catch(() => null));
    const seen = tab.url ?? page?.url;
    // The browser's own address, when readable, must be the page the content script answered for.
    const agrees = !tab.url || !page || withoutHash(tab.url) === withoutHash(page.url);
    return { tab, page, seen, matches: !!page && agrees && sameListing(page.itemKey, itemKey) };
  }

  return {
    async capture(tabId: number, itemKey: string): Promise<EvidenceShot> {
      const before = await whereIs(tabId, itemKey);
      if (!before.tab) return { refused: 'closed' };
      if (!before.matches) {
        return { refused: 'elsewhere', ...(before.seen ? { seen: before.seen } : {}) };
      }
      const pageUrl = (before.tab.url ?? before.page?.url ?? '').slice(0, MAX_PAGE_URL);
      if (!before.tab.active) {
        const activated = await apis.activate(tabId).then(
          () => true,
          () => false,
        );
        if (!activated) return { refused: 'closed' };
        await apis.settle();
      }
      const windowId = before.tab.windowId as number;
      const shot = await fitScreenshot(
        (quality) => apis.captureVisibleTab(windowId, { format: 'jpeg', quality }),
        deps.now,
      );
      // Asked again: the tab may have closed, moved on, or lost the front while it was captured.
      const after = await whereIs(tabId, itemKey);
      if (!after.tab) return { refused: 'closed' };
      if (!after.matches || after.tab.active === false) {
        return { refused: 'moved', ...(after.seen ? { seen: after.seen } : {}) };
      }
      return 'screenshot' in shot
        ? { pageUrl, screenshot: shot.screenshot }
        : { pageUrl, screenshotError: shot.error };
    },
  };
}

export type EvidenceCapture = ReturnType<typeof createEvidenceCapture>;
