import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup, type PopupProps } from '@/components/Popup';
import { sendMessage } from '@/utils/protocol/client';
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
    const [tab, data] = await Promise.all([
      tabId === null ? null : sendMessage('getTabStatus', { tabId }).then((reply) => reply.status),
      sendMessage('getDataStatus', {}).then((reply) => reply.data),
    ]);
    return { tab, data, error: null };
  } catch (error) {
    return { tab: null, data: null, error: error instanceof Error ? error.message : String(error) };
  }
}

const root = document.getElementById('app');
if (root) {
  void load().then((props) => {
    render(<Popup {...props} />, root);
    document.body.dataset.ready = 'true';
  });
}
