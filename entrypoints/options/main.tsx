/**
 * The options page: holds the data status, the preferences, the shopper's reports and the
 * inspector's session, and wires each card's actions to the background and the browser.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { runAction, useAction } from '../../components/hooks/action';
import { speak } from '../../components/hooks/page-language';
import { usePageReady } from '../../components/hooks/page-ready';
import { saveFile } from '../../components/hooks/save-file';
import { useInspectorSession } from '../../components/hooks/use-inspector-session';
import { Options } from '../../components/Options';
import { t, useCatalogues } from '../../utils/i18n';
import { ALL_MESSAGES } from '../../utils/messages/all';
import { sendMessage } from '../../utils/protocol/runtime/client';
import { INSPECTOR_DATA, retryCategories } from '../../utils/protocol/runtime/data-collection';
import type { Preferences } from '../../utils/protocol/runtime/preferences';
import type { ReportList } from '../../utils/protocol/runtime/report-messages';
import type { DataStatus } from '../../utils/protocol/runtime/sync-status';
import { askToSend } from '../../utils/report/data-consent';
import { reportsCsv, reportsJson } from '../../utils/report/export';
import { linkCheckDeps, reportLinkedListing } from '../../utils/report/extension-actions';
import { checkLink, resolveShortLink } from '../../utils/report/link-check';
import { loadDataAndPreferences } from '../../utils/settings/page-load';
import '../../components/page.css';
import '../../components/card-page.css';
import './style.css';

useCatalogues(ALL_MESSAGES);

/** Every report as a file the shopper saves (JSON, or CSV for a spreadsheet). */
function exportReports(reports: ReportList, kind: 'json' | 'csv'): void {
  const text = kind === 'json' ? reportsJson(reports.reports) : reportsCsv(reports.reports);
  const type = kind === 'json' ? 'application/json' : 'text/csv';
  const day = new Date().toISOString().slice(0, 10);
  saveFile(`soi-hang-bao-cao-${day}.${kind}`, text, `${type};charset=utf-8`);
}

function OptionsPage() {
  const page = usePageReady();
  const [status, setStatus] = useState<DataStatus | null>(null);
  const [preferences, setPreferences] = useState<Preferences | null>(null);
  const [reports, setReports] = useState<ReportList | null>(null);
  /** The page's error line: the load's, a sync's, saved preferences' and the reports' failures. */
  const [error, setError] = useState<string | null>(null);
  const [inspectorError, setInspectorError] = useState<string | null>(null);
  const inspector = useInspectorSession({
    read: () => sendMessage('inspectorSession', {}),
    messages: browser.runtime.onMessage,
  });
  const syncing = useAction({ setError, signal: 'synced' });
  const reportsBusy = useAction({ setError, signal: 'reports' });
  const signingIn = useAction({ setError: setInspectorError, clear: 'start', signal: 'inspector' });

  /** The preferences the background stored, in the language they name. */
  const adopt = (stored: Preferences) => {
    speak(stored.language);
    setPreferences(stored);
  };
  const sync = (work: () => Promise<DataStatus>) =>
    void syncing.run(async () => setStatus(await work()));
  /** A change to the reports (retry, delete, registry): the background answers with the new list. */
  const updateReports = (work: () => Promise<ReportList>) =>
    reportsBusy.run(async () => setReports(await work()));

  useEffect(() => {
    void (async () => {
      await loadDataAndPreferences((loaded, stored) => {
        setStatus(loaded);
        adopt(stored);
      }, setError);
      await inspector.read().catch(() => undefined);
      page.ready();
      // Báo cáo của tôi: what is waiting goes now, and each delivered report's status is asked for.
      await updateReports(() => sendMessage('listReports', { refresh: true }));
      // The page is drawn after its load, too late for the browser's own jump to an anchor.
      if (location.hash === '#my-reports')
        document.getElementById('my-reports-heading')?.scrollIntoView();
      else if (location.hash === '#sites-heading')
        document.getElementById('sites-heading')?.scrollIntoView();
    })();
  }, []);

  if (!page.drawn) return null;
  return (
    <Options
      status={status}
      preferences={preferences}
      syncing={syncing.busy}
      error={error}
      onSync={() => sync(() => sendMessage('syncNow', {}))}
      onFeedUrl={(url) =>
        sync(async () => {
          await sendMessage('setFeedUrl', { url });
          return sendMessage('syncNow', {});
        })
      }
      // Saved at once: the background checks them and answers with what it stored.
      onPreferences={(next) =>
        void runAction(async () => adopt(await sendMessage('setPreferences', next)), {
          setError,
          signal: 'saved',
        })
      }
      reports={{
        list: reports,
        busy: reportsBusy.busy,
        onRetry: (id) => {
          // Firefox: a report held back because its data consent was withdrawn goes again only
          // with it, asked under this press (nothing awaited before it).
          const asked = askToSend(retryCategories(reports?.reports ?? [], id));
          void updateReports(async () => {
            await asked;
            return sendMessage('retryReports', id ? { id } : {});
          });
        },
        onDelete: (ids) => void updateReports(() => sendMessage('deleteReports', { ids })),
        onExport: (kind) => reports && exportReports(reports, kind),
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
        session: inspector.session,
        suggestedRegistry: reports?.registryUrl ?? reports?.defaultRegistryUrl ?? null,
        busy: signingIn.busy,
        error: inspectorError,
        // The access a screenshot of evidence needs is asked for at the first screenshot.
        onSignIn: (registryUrl, token) =>
          void signingIn.run(async () => {
            // Inspector mode sends the registry the ids of the listings an inspector opens, and
            // what they decide on: Firefox asks once, under this press.
            if (!(await askToSend(INSPECTOR_DATA)))
              throw new Error(t('optionsInspectorConsentRefused'));
            await inspector.change(() => sendMessage('inspectorSignIn', { registryUrl, token }));
          }),
        onSignOut: () =>
          void signingIn.run(() => inspector.change(() => sendMessage('inspectorSignOut', {}))),
        dashboardUrl: browser.runtime.getURL('/dashboard.html' as '/options.html'),
      }}
      linkCheck={{
        onCheck: (text) => checkLink(text, linkCheckDeps),
        onResolve: (short) => resolveShortLink(short, linkCheckDeps),
        onReport: (reading) => void reportLinkedListing(reading, new Date()),
      }}
    />
  );
}

const root = document.getElementById('app');
if (root) render(<OptionsPage />, root);
