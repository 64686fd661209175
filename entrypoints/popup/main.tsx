import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup, type PopupProps } from '@/components/Popup';
import { sendMessage } from '@/utils/protocol/client';
import '@/components/page.css';
import './style.css';

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

async function load(): Promise<PopupProps> {
  try {
    const tabId = await targetTabId();
    const [tab, status] = await Promise.all([
      tabId === null ? null : sendMessage('getTabStatus', { tabId }).then((reply) => reply.status),
      sendMessage('getDataStatus', {}),
    ]);
    return { tab, status, error: null };
  } catch (error) {
    return {
      tab: null,
      status: null,
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

const root = document.getElementById('app');

function show(props: PopupProps): void {
  if (!root) return;
  render(<Popup {...props} onSync={() => void syncNow(props)} />, root);
}

/** "Cập nhật ngay": the button shows progress, then the outcome; the old data stays on failure. */
async function syncNow(props: PopupProps): Promise<void> {
  show({ ...props, syncing: true });
  try {
    const status = await sendMessage('syncNow', {});
    show({ ...props, status, syncing: false });
  } catch (error) {
    show({
      ...props,
      syncing: false,
      error: error instanceof Error ? error.message : String(error),
    });
  }
  document.body.dataset.synced = String(Date.now());
}

if (root) {
  void load().then((props) => {
    show(props);
    document.body.dataset.ready = 'true';
  });
}
