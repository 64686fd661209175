/**
 * Opens one of our pages as a small window where the browser has windows, else as a tab: Firefox
 * for Android has no `windows` API (nor menus, commands or a sidebar), so the report dialog and the
 * inspector panel open in a tab there.
 */
import { browser } from 'wxt/browser';

/** The report dialog's window, where the browser has windows. */
export const REPORT_WINDOW = { width: 560, height: 780 };

export interface WindowApis {
  windows?: {
    create(options: {
      url: string;
      type: 'popup';
      width: number;
      height: number;
    }): Promise<unknown>;
  };
  tabs: { create(options: { url: string }): Promise<unknown> };
}

export async function openWindowOrTab(
  url: string,
  size: { width: number; height: number },
  apis: WindowApis = browser as unknown as WindowApis,
): Promise<'window' | 'tab'> {
  if (typeof apis.windows?.create === 'function') {
    await apis.windows.create({ url, type: 'popup', ...size });
    return 'window';
  }
  await apis.tabs.create({ url });
  return 'tab';
}
