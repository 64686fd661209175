import { render } from 'preact';
import { Options } from '@/components/Options';
import { sendMessage } from '@/utils/protocol/client';
import type { DataStatus } from '@/utils/protocol/sync-status';
import '@/components/page.css';
import './style.css';

const root = document.getElementById('app');
let status: DataStatus | null = null;
let syncing = false;
let error: string | null = null;

function show(): void {
  if (!root) return;
  render(
    <Options
      status={status}
      syncing={syncing}
      error={error}
      onSync={() => void run(() => sendMessage('syncNow', {}))}
      onFeedUrl={(url) =>
        void run(async () => {
          await sendMessage('setFeedUrl', { url });
          return sendMessage('syncNow', {});
        })
      }
    />,
    root,
  );
}

async function run(action: () => Promise<DataStatus>): Promise<void> {
  syncing = true;
  show();
  try {
    status = await action();
    error = null;
  } catch (failure) {
    error = failure instanceof Error ? failure.message : String(failure);
  }
  syncing = false;
  show();
  document.body.dataset.synced = String(Date.now());
}

void (async () => {
  try {
    status = await sendMessage('getDataStatus', {});
  } catch (failure) {
    error = failure instanceof Error ? failure.message : String(failure);
  }
  show();
  document.body.dataset.ready = 'true';
})();
