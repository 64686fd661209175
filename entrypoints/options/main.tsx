import { render } from 'preact';
import { Options } from '../../components/Options';
import { setLanguage, useCatalogues } from '../../utils/i18n';
import { ALL_MESSAGES } from '../../utils/messages/all';
import { sendMessage } from '../../utils/protocol/client';
import type { Preferences } from '../../utils/protocol/preferences';
import type { DataStatus } from '../../utils/protocol/sync-status';
import '../../components/page.css';
import './style.css';

useCatalogues(ALL_MESSAGES);

const root = document.getElementById('app');
let status: DataStatus | null = null;
let preferences: Preferences | null = null;
let syncing = false;
let error: string | null = null;

const errorText = (failure: unknown) =>
  failure instanceof Error ? failure.message : String(failure);

function applyLanguage(): void {
  if (!preferences) return;
  setLanguage(preferences.language);
  document.documentElement.lang = preferences.language;
}

function show(): void {
  if (!root) return;
  applyLanguage();
  render(
    <Options
      status={status}
      preferences={preferences}
      syncing={syncing}
      error={error}
      onSync={() => void run(() => sendMessage('syncNow', {}))}
      onFeedUrl={(url) =>
        void run(async () => {
          await sendMessage('setFeedUrl', { url });
          return sendMessage('syncNow', {});
        })
      }
      onPreferences={(next) => void savePreferences(next)}
    />,
    root,
  );
}

/** Saved at once: the background checks them and answers with what it stored. */
async function savePreferences(next: Preferences): Promise<void> {
  try {
    preferences = await sendMessage('setPreferences', next);
    error = null;
  } catch (failure) {
    error = errorText(failure);
  }
  show();
  document.body.dataset.saved = String(Date.now());
}

async function run(action: () => Promise<DataStatus>): Promise<void> {
  syncing = true;
  show();
  try {
    status = await action();
    error = null;
  } catch (failure) {
    error = errorText(failure);
  }
  syncing = false;
  show();
  document.body.dataset.synced = String(Date.now());
}

void (async () => {
  try {
    [status, preferences] = await Promise.all([
      sendMessage('getDataStatus', {}),
      sendMessage('getPreferences', {}),
    ]);
  } catch (failure) {
    error = errorText(failure);
  }
  show();
  document.body.dataset.ready = 'true';
})();
