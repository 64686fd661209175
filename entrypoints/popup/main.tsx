import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup, type PopupProps } from '../../components/Popup';
import { setLanguage, t, useCatalogues } from '../../utils/i18n';
import { ALL_MESSAGES } from '../../utils/messages/all';
import { sendMessage } from '../../utils/protocol/client';
import type { TabRequest } from '../../utils/protocol/tab-requests';
import {
  linkCheckDeps,
  openReportWindow,
  reportLinkedListing,
} from '../../utils/report/extension-actions';
import { openInspectorPanel } from '../../utils/report/inspector-panel';
import { checkLink, resolveShortLink } from '../../utils/report/link-check';
import { fitScreenshot } from '../../utils/report/screenshot';
import { withSitePaused } from '../../utils/settings/mutes';
import '../../components/page.css';
import './style.css';

useCatalogues(ALL_MESSAGES);

/**
 * The tab the popup describes: the active tab of its window, or `?tab=<id>` when the popup page is
 * opened in a tab of its own (keyboard users, debugging, end-to-end tests).
 */
async function targetTabId(): Promise<number | null> {
  const fromQuery = new URLSearchParams(location.search).get('tab');
  if (fromQuery !== null && /^\d+$/.test(fromQuery)) return Number(fromQuery);
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id ?? null;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

let tabId: number | null = null;
let props: PopupProps = { tab: null, status: null, error: null };

async function load(): Promise<PopupProps> {
  try {
    tabId = await targetTabId();
    const [tab, status, preferences, reports, inspector] = await Promise.all([
      tabId === null ? null : sendMessage('getTabStatus', { tabId }).then((reply) => reply.status),
      sendMessage('getDataStatus', {}),
      sendMessage('getPreferences', {}),
      sendMessage('listReports', {}),
      sendMessage('inspectorSession', {}).catch(() => null),
    ]);
    setLanguage(preferences.language);
    document.documentElement.lang = preferences.language;
    return {
      tab,
      status,
      error: null,
      reports: reports.reports.length,
      undelivered: reports.undelivered,
      ...(inspector?.signedIn ? { inspectorName: inspector.name ?? '' } : {}),
    };
  } catch (error) {
    return { tab: null, status: null, error: errorText(error) };
  }
}

const root = document.getElementById('app');

function show(next: PopupProps): void {
  props = next;
  if (!root) return;
  render(
    <Popup
      {...props}
      onSync={() => void syncNow()}
      onReveal={(id) => void askTab({ type: 'reveal', id })}
      onPause={(pause, today) => void setPaused(pause, today)}
      onReportPage={() => void reportPage()}
      onOpenReports={() => void openReports()}
      onInspectorPanel={() => void openPanel()}
      onDashboard={() =>
        void browser.tabs
          .create({ url: browser.runtime.getURL('/dashboard.html' as '/popup.html') })
          .then(() => window.close())
      }
      linkCheck={{
        onCheck: (text) => checkLink(text, linkCheckDeps),
        onResolve: (short) => resolveShortLink(short, linkCheckDeps),
        onReport: (reading) =>
          void reportLinkedListing(reading, new Date()).then(() => window.close()),
      }}
    />,
    root,
  );
}

/** The panel beside this tab (the press allows opening the side panel), else a small window. */
async function openPanel(): Promise<void> {
  await openInspectorPanel(tabId);
  window.close();
}

function askTab(request: TabRequest): Promise<unknown> {
  if (tabId === null) return Promise.resolve(null);
  return browser.tabs.sendMessage(tabId, request).catch(() => null);
}

/**
 * "Báo cáo trang này": the click that opened the popup granted activeTab, so the visible tab is
 * captured first; the page's content script says which listing it is; the dialog opens as a window.
 */
async function reportPage(): Promise<void> {
  if (tabId === null) return;
  try {
    const tab = await browser.tabs.get(tabId);
    const windowId = tab.windowId;
    const shot = await fitScreenshot(
      (quality) => browser.tabs.captureVisibleTab(windowId, { format: 'jpeg', quality }),
      () => new Date(),
    );
    const listing = (await askTab({ type: 'listing' })) as Omit<
      Parameters<typeof openReportWindow>[0],
      'origin'
    > | null;
    if (!listing) throw new Error(t('popupNoListings'));
    await openReportWindow({
      ...listing,
      origin: 'popup',
      tabId,
      ...('screenshot' in shot ? { screenshot: shot.screenshot } : { screenshotError: shot.error }),
    });
    window.close();
  } catch (error) {
    show({ ...props, error: t('popupReportFailed', errorText(error)) });
  }
}

async function openReports(): Promise<void> {
  await browser.tabs.create({ url: `${browser.runtime.getURL('/options.html')}#my-reports` });
  window.close();
}

/** "Cập nhật ngay": the button shows progress, then the outcome; the old data stays on failure. */
async function syncNow(): Promise<void> {
  show({ ...props, syncing: true });
  try {
    show({ ...props, status: await sendMessage('syncNow', {}), syncing: false });
  } catch (error) {
    show({ ...props, syncing: false, error: errorText(error) });
  }
  document.body.dataset.synced = String(Date.now());
}

/** The pause switch: saved as a site mute, then the page starts over under it. */
async function setPaused(pause: boolean, today: boolean): Promise<void> {
  const platform = props.tab?.platform;
  if (!platform) return;
  try {
    const preferences = await sendMessage('getPreferences', {});
    await sendMessage(
      'setPreferences',
      withSitePaused(preferences, platform, pause, new Date(), today),
    );
    await askTab({ type: 'refresh' });
    // The page reports its new status once it has looked again.
    await new Promise((resolve) => setTimeout(resolve, 300));
    show(await load());
  } catch (error) {
    show({ ...props, error: errorText(error) });
  }
  document.body.dataset.paused = String(pause);
}

if (root) {
  void load().then((loaded) => {
    show(loaded);
    document.body.dataset.ready = 'true';
  });
}
