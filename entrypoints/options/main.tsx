import { render } from 'preact';
import { browser } from 'wxt/browser';
import { newestAnswer } from '../../components/hooks/newest-answer';
import { Options } from '../../components/Options';
import { setLanguage, useCatalogues } from '../../utils/i18n';
import { ALL_MESSAGES } from '../../utils/messages/all';
import { sendMessage } from '../../utils/protocol/client';
import type { InspectorSession } from '../../utils/protocol/inspector';
import { PANEL_CHANGED } from '../../utils/protocol/inspector';
import type { Preferences } from '../../utils/protocol/preferences';
import type { ReportList } from '../../utils/protocol/report-messages';
import type { DataStatus } from '../../utils/protocol/sync-status';
import { reportsCsv, reportsJson } from '../../utils/report/export';
import { linkCheckDeps, reportLinkedListing } from '../../utils/report/extension-actions';
import { checkLink, resolveShortLink } from '../../utils/report/link-check';
import '../../components/page.css';
import './style.css';

useCatalogues(ALL_MESSAGES);

const root = document.getElementById('app');
let status: DataStatus | null = null;
let preferences: Preferences | null = null;
let syncing = false;
let reports: ReportList | null = null;
let reportsBusy = false;
let error: string | null = null;
let inspector: InspectorSession | null = null;
let inspectorBusy = false;
let inspectorError: string | null = null;
/** Session reads overlap with a sign-in: the newest answer wins (a stale "signed out" cannot). */
const inspectorAnswers = newestAnswer<InspectorSession>((session) => {
  inspector = session;
});
const readSession = () => inspectorAnswers.ask(() => sendMessage('inspectorSession', {}));

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
      reports={{
        list: reports,
        busy: reportsBusy,
        onRetry: (id) => void updateReports(() => sendMessage('retryReports', id ? { id } : {})),
        onDelete: (ids) => void updateReports(() => sendMessage('deleteReports', { ids })),
        onExport: exportReports,
      }}
      {...(reports
        ? {
            registry: {
              registryUrl: reports.registryUrl,
              defaultRegistryUrl: reports.defaultRegistryUrl,
              onSave: (url: string | null) =>
                void updateReports(() => sendMessage('setRegistryUrl', { url })),
              privacyUrl: browser.runtime.getURL('/privacy.html'),
            },
          }
        : {})}
      inspector={{
        session: inspector,
        suggestedRegistry: reports?.registryUrl ?? reports?.defaultRegistryUrl ?? null,
        busy: inspectorBusy,
        error: inspectorError,
        onSignIn: (registryUrl, token) => void signIn(registryUrl, token),
        onSignOut: () => void updateInspector(() => sendMessage('inspectorSignOut', {})),
        dashboardUrl: browser.runtime.getURL('/dashboard.html' as '/options.html'),
      }}
      linkCheck={{
        onCheck: (text) => checkLink(text, linkCheckDeps),
        onResolve: (short) => resolveShortLink(short, linkCheckDeps),
        onReport: (reading) => void reportLinkedListing(reading, new Date()),
      }}
    />,
    root,
  );
}

/** Signing in (the access a screenshot of evidence needs is asked for at the first screenshot). */
async function signIn(registryUrl: string, token: string): Promise<void> {
  await updateInspector(() => sendMessage('inspectorSignIn', { registryUrl, token }));
}

async function updateInspector(action: () => Promise<InspectorSession>): Promise<void> {
  inspectorBusy = true;
  inspectorError = null;
  show();
  try {
    // A session read started while this ran may hold the state from before it: read again.
    if (!(await inspectorAnswers.ask(action))) await readSession();
  } catch (failure) {
    inspectorError = errorText(failure);
  }
  inspectorBusy = false;
  show();
  document.body.dataset.inspector = String(Date.now());
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

/** A change to the reports (retry, delete, registry): the background answers with the new list. */
async function updateReports(action: () => Promise<ReportList>): Promise<void> {
  reportsBusy = true;
  show();
  try {
    reports = await action();
    error = null;
  } catch (failure) {
    error = errorText(failure);
  }
  reportsBusy = false;
  show();
  document.body.dataset.reports = String(Date.now());
}

/** Every report as a file the shopper saves (JSON, or CSV for a spreadsheet). */
function exportReports(kind: 'json' | 'csv'): void {
  if (!reports) return;
  const text = kind === 'json' ? reportsJson(reports.reports) : reportsCsv(reports.reports);
  const type = kind === 'json' ? 'application/json' : 'text/csv';
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  link.download = `soi-hang-bao-cao-${new Date().toISOString().slice(0, 10)}.${kind}`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
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
  await readSession().catch(() => undefined);
  show();
  document.body.dataset.ready = 'true';
  // Báo cáo của tôi: what is waiting goes now, and each delivered report's status is asked for.
  await updateReports(() => sendMessage('listReports', { refresh: true }));
  if (location.hash === '#my-reports')
    document.getElementById('my-reports-heading')?.scrollIntoView();
})();

// Signed out elsewhere (a token the registry refused): the section says so at once.
browser.runtime.onMessage.addListener((message: unknown) => {
  if ((message as { type?: unknown } | null)?.type !== PANEL_CHANGED) return undefined;
  void readSession()
    .then(show)
    .catch(() => undefined);
  return undefined;
});
