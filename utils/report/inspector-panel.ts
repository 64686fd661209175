/**
 * Opens the inspector panel beside a tab: Chromium's side panel, else Firefox's sidebar, else (no
 * panel API, or no user gesture came with the call) a small window on that tab. Used by the
 * background for a page's "Xử lý" and by the popup's own button.
 */
import { browser } from 'wxt/browser';

type SidePanelApi = { open(options: { tabId: number }): Promise<void> };
type SidebarApi = { open(): Promise<void> };

export async function openInspectorPanel(tabId: number | null): Promise<'panel' | 'window'> {
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
  await browser.windows.create({
    url: `${browser.runtime.getURL('/sidepanel.html' as '/popup.html')}?tab=${tabId ?? ''}`,
    type: 'popup',
    width: 440,
    height: 820,
  });
  return 'window';
}
