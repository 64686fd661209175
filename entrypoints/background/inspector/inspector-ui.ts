/**
 * Inspector mode's marks in the browser: the toolbar icon and title, the panel beside a tab, and
 * tabs and open pages told to look again.
 */
import type { browser as BrowserApi } from 'wxt/browser';
import type { InspectorSession } from '../../../utils/protocol/runtime/inspector';
import { PANEL_CHANGED } from '../../../utils/protocol/runtime/inspector';
import { openInspectorPanel } from '../../../utils/report/inspector-panel';

const ICON_SIZES = [16, 32, 48, 96, 128] as const;
const iconSet = (prefix: string) =>
  Object.fromEntries(ICON_SIZES.map((size) => [size, `/icon/${prefix}${size}.png`]));

/**
 * The toolbar icon turns blue and its title names the inspector while the mode is on; the inspector
 * panel opens beside a tab (Chromium's side panel, Firefox's sidebar, else a small window); tabs
 * and open extension pages are told to look again when the registry's view or the panel's listing
 * changed.
 */
export function createInspectorUi(browser: typeof BrowserApi) {
  const action = browser.action ?? browser.browserAction;

  /** Every tab starts over (its inspector sections come or go); pages with none ignore it. */
  async function refreshTabs(): Promise<void> {
    const all = await browser.tabs.query({}).catch(() => []);
    await Promise.all(
      all.map((tab) =>
        tab.id === undefined
          ? undefined
          : browser.tabs.sendMessage(tab.id, { type: 'refresh' }).catch(() => undefined),
      ),
    );
  }

  /** Open panels, the popup and the options read the mode and their listing again. */
  const tellPages = (detail: { tabId?: number }) =>
    browser.runtime.sendMessage({ type: PANEL_CHANGED, ...detail }).catch(() => undefined);

  function showMode(session: InspectorSession): void {
    const on = session.signedIn;
    // Firefox for Android has no setIcon: there the title alone tells the mode.
    void action.setIcon?.({ path: iconSet(on ? 'inspector-' : '') })?.catch(() => undefined);
    void action
      .setTitle?.({
        title: on
          ? `${browser.i18n.getMessage('extInspectorTitle')}: ${session.name ?? ''}`
          : browser.i18n.getMessage('extName'),
      })
      ?.catch(() => undefined);
  }

  return {
    showMode,
    modeChanged(session: InspectorSession) {
      showMode(session);
      void refreshTabs();
      void tellPages({});
    },
    viewsChanged() {
      void refreshTabs();
      void tellPages({});
    },
    focusChanged(tabId: number) {
      void tellPages({ tabId });
    },
    openPanel: openInspectorPanel,
  };
}
