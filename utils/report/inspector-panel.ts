/**
 * Opens the inspector panel beside a tab: Chromium's side panel, else Firefox's sidebar, else (no
 * panel API, or no user gesture came with the call) a small window on that tab, or a tab where
 * there are no windows (Firefox for Android). Used by the
 * background for a page's "Xử lý" and by the popup's own button.
 */
import { browser } from 'wxt/browser';
import { openWindowOrTab } from './open-window';

type SidePanelApi = { open(options: { tabId: number }): Promise<void> };
type SidebarApi = { open(): Promise<void> };

export async function openInspectorPanel(
  tabId: number | null,
): Promise<'panel' | 'window' | 'tab'> {
  const sidePanel = (browser as unknown as { sidePanel?: SidePanelApi }).sidePanel;
  const sidebar = (browser as unknown as { sidebarAction?: SidebarApi }).sidebarAction;
  try {
    // Called first thing, so a gesture that allows opening a panel is still there.
    if (sidePanel && tabId !== null) {
      await sidePanel.open({ tabId });
      return 'panel';
    }
    if (sidebar) {
      await sidebar.open();
      return 'panel';
    }
  } catch {
    // No user gesture came with the call, or the browser has no panel here: a window.
  }
  // No windows either (Firefox for Android): a tab.
  return openWindowOrTab(
    `${browser.runtime.getURL('/sidepanel.html' as '/popup.html')}?tab=${tabId ?? ''}`,
    { width: 440, height: 820 },
  );
}
