import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup, type PopupProps } from '../../components/Popup';
import { setLanguage, useCatalogues } from '../../utils/i18n';
import { ALL_MESSAGES } from '../../utils/messages/all';
import { sendMessage } from '../../utils/protocol/client';
import type { TabRequest } from '../../utils/protocol/tab-requests';
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
    const [tab, status, preferences] = await Promise.all([
      tabId === null ? null : sendMessage('getTabStatus', { tabId }).then((reply) => reply.status),
      sendMessage('getDataStatus', {}),
      sendMessage('getPreferences', {}),
    ]);
    setLanguage(preferences.language);
    document.documentElement.lang = preferences.language;
    return { tab, status, error: null };
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
    />,
    root,
  );
}

function askTab(request: TabRequest): Promise<unknown> {
  if (tabId === null) return Promise.resolve(null);
  return browser.tabs.sendMessage(tabId, request).catch(() => null);
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
