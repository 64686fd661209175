/**
 * The toolbar popup: reads what the background knows of the tab, the local data, the shopper's
 * reports and inspector mode, and wires the popup's buttons to the background and the tab's page.
 */
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { runAction, useAction } from '../../components/hooks/action';
import { speak } from '../../components/hooks/page-language';
import { usePageReady } from '../../components/hooks/page-ready';
import { signalPage } from '../../components/hooks/page-signals';
import { Popup, type PopupProps } from '../../components/Popup';
import { t, useCatalogues } from '../../utils/i18n';
import { ALL_MESSAGES } from '../../utils/messages/all';
import { errorMessage } from '../../utils/protocol/error-message';
import { sendMessage } from '../../utils/protocol/runtime/client';
import { CONSENT_NEEDED, LAYOUT_REPORT_DATA } from '../../utils/protocol/runtime/data-collection';
import type { TabRequest } from '../../utils/protocol/runtime/tab-requests';
import { askToSend } from '../../utils/report/data-consent';
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

/** What the popup shows: everything it reads in one go (its actions are wired below). */
type PopupView = Pick<
  PopupProps,
  'tab' | 'status' | 'error' | 'reports' | 'undelivered' | 'inspectorName'
>;

/**
 * The tab the popup describes and everything it shows of it: a failure is the popup's error line
 * (the tab stays the one read before, if finding it failed).
 */
async function load(
  previousTab: number | null,
): Promise<{ tabId: number | null; view: PopupView }> {
  let tabId = previousTab;
  try {
    tabId = await targetTabId();
    const [tab, status, preferences, reports, inspector] = await Promise.all([
      tabId === null ? null : sendMessage('getTabStatus', { tabId }).then((reply) => reply.status),
      sendMessage('getDataStatus', {}),
      sendMessage('getPreferences', {}),
      sendMessage('listReports', {}),
      sendMessage('inspectorSession', {}).catch(() => null),
    ]);
    speak(preferences.language);
    const view: PopupView = {
      tab,
      status,
      error: null,
      reports: reports.reports.length,
      undelivered: reports.undelivered,
      ...(inspector?.signedIn ? { inspectorName: inspector.name ?? '' } : {}),
    };
    return { tabId, view };
  } catch (error) {
    return { tabId, view: { tab: null, status: null, error: errorMessage(error) } };
  }
}

function askTab(tabId: number | null, request: TabRequest): Promise<unknown> {
  if (tabId === null) return Promise.resolve(null);
  return browser.tabs.sendMessage(tabId, request).catch(() => null);
}

/**
 * "Báo cáo trang này": the click that opened the popup granted activeTab, so the visible tab is
 * captured first; the page's content script says which listing it is; the dialog opens as a window.
 */
async function reportPage(tabId: number): Promise<void> {
  const tab = await browser.tabs.get(tabId);
  const windowId = tab.windowId;
  const shot = await fitScreenshot(
    (quality) => browser.tabs.captureVisibleTab(windowId, { format: 'jpeg', quality }),
    () => new Date(),
  );
  const listing = (await askTab(tabId, { type: 'listing' })) as Omit<
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
}

/** Opens an extension page in a tab, and the popup's work is done. */
async function openPage(url: string): Promise<void> {
  await browser.tabs.create({ url });
  window.close();
}

function PopupPage() {
  const page = usePageReady();
  const tabId = useRef<number | null>(null);
  const [view, setView] = useState<PopupView>({ tab: null, status: null, error: null });
  // "Gửi báo cáo bố cục" was pressed and the registry took it.
  const [layoutSent, setLayoutSent] = useState(false);
  // An error replaces the popup's content until everything is read again: no action clears it.
  const setError = (error: string | null) => setView((current) => ({ ...current, error }));
  // "Cập nhật ngay": the button shows progress, then the outcome; the old data stays on failure.
  const syncing = useAction({ setError, clear: 'never', signal: 'synced' });

  const reload = async () => {
    const loaded = await load(tabId.current);
    tabId.current = loaded.tabId;
    setView(loaded.view);
  };

  useEffect(() => {
    void (async () => {
      await reload();
      page.ready();
    })();
  }, []);

  /** The pause switch: saved as a site mute, then the page starts over under it. */
  const setPaused = async (pause: boolean, today: boolean) => {
    const platform = view.tab?.platform;
    if (!platform) return;
    await runAction(
      async () => {
        const preferences = await sendMessage('getPreferences', {});
        await sendMessage(
          'setPreferences',
          withSitePaused(preferences, platform, pause, new Date(), today),
        );
        await askTab(tabId.current, { type: 'refresh' });
        // The page reports its new status once it has looked again.
        await new Promise((resolve) => setTimeout(resolve, 300));
        await reload();
      },
      { setError, clear: 'never' },
    );
    signalPage('paused', String(pause));
  };

  if (!page.drawn) return null;
  return (
    <Popup
      {...view}
      syncing={syncing.busy}
      onSync={() =>
        void syncing.run(async () => {
          const status = await sendMessage('syncNow', {});
          setView((current) => ({ ...current, status }));
        })
      }
      onReveal={(id) => void askTab(tabId.current, { type: 'reveal', id })}
      onPause={(pause, today) => void setPaused(pause, today)}
      onReportPage={() => {
        const tab = tabId.current;
        if (tab === null) return;
        void runAction(() => reportPage(tab), {
          setError,
          clear: 'never',
          words: (message) => t('popupReportFailed', message),
        });
      }}
      layoutReportSent={layoutSent}
      onLayoutReport={() => {
        const tab = tabId.current;
        if (tab === null) return;
        // Firefox asks its data consent under this press: nothing is awaited before it.
        const allowed = askToSend(LAYOUT_REPORT_DATA);
        void runAction(
          async () => {
            if (!(await allowed)) throw new Error(CONSENT_NEEDED);
            await sendMessage('sendLayoutReport', { tabId: tab });
            setLayoutSent(true);
          },
          {
            setError,
            clear: 'never',
            words: (message) =>
              message.includes(CONSENT_NEEDED)
                ? t('popupLayoutConsentRefused')
                : t('popupLayoutReportFailed', message),
          },
        );
      }}
      onOpenReports={() => void openPage(`${browser.runtime.getURL('/options.html')}#my-reports`)}
      // The panel beside this tab (the press allows opening the side panel), else a small window.
      onInspectorPanel={() => void openInspectorPanel(tabId.current).then(() => window.close())}
      onDashboard={() => void openPage(browser.runtime.getURL('/dashboard.html' as '/popup.html'))}
      linkCheck={{
        onCheck: (text) => checkLink(text, linkCheckDeps),
        onResolve: (short) => resolveShortLink(short, linkCheckDeps),
        onReport: (reading) =>
          void reportLinkedListing(reading, new Date()).then(() => window.close()),
      }}
    />
  );
}

const root = document.getElementById('app');
if (root) render(<PopupPage />, root);
