/**
 * The dashboard page: asks the background (which holds the token) for the queue, the figures, one
 * key's story and its files, and builds CSV files and evidence packages here, in the inspector's
 * browser, so nothing leaves it but the downloads.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Dashboard } from '../../components/Dashboard';
import { runAction, useAction } from '../../components/hooks/action';
import { speak } from '../../components/hooks/page-language';
import { usePageReady } from '../../components/hooks/page-ready';
import { saveFile } from '../../components/hooks/save-file';
import { useInspectorSession } from '../../components/hooks/use-inspector-session';
import { t, useCatalogues } from '../../utils/i18n';
import { ALL_MESSAGES } from '../../utils/messages/all';
import type { QueueItem, QueueQuery, Stats } from '../../utils/protocol/registry/review';
import { sendMessage } from '../../utils/protocol/runtime/client';
import { readAllCases } from '../../utils/report/case-export';
import { casesCsv, listingUrlOf } from '../../utils/report/case-work';
import { evidencePackage } from './evidence-package';
import '../../components/page.css';
import './style.css';

useCatalogues(ALL_MESSAGES);

const STATS_DAYS = 30;
const PAGE = 100;

/** Every case the filters match, page after page, as CSV; `progress` hears the count read so far. */
async function exportCsv(query: QueueQuery, progress: (read: number) => void): Promise<number> {
  const all = await readAllCases(query, (page) => sendMessage('inspectorQueue', page), progress);
  saveFile(
    `soi-hang-ho-so-${new Date().toISOString().slice(0, 10)}.csv`,
    casesCsv(all),
    'text/csv;charset=utf-8',
  );
  return all.length;
}

/** The case's listing in a new tab: the content script there shows the inspector section. */
async function openInPlace(key: string): Promise<void> {
  const { story } = await sendMessage('inspectorStory', { key });
  const url = listingUrlOf(key, story);
  if (!url) throw new Error(t('dashboardNoUrl'));
  // A tab of its own, which cannot reach back to this page.
  window.open(url, '_blank', 'noopener');
}

function DashboardPage() {
  const page = usePageReady();
  const [query, setQuery] = useState<QueueQuery>({});
  const [cases, setCases] = useState<QueueItem[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [stats, setStats] = useState<Stats | null>(null);
  /** Keys whose package is being built. */
  const [packaging, setPackaging] = useState<string[]>([]);
  const inspector = useInspectorSession({
    read: () => sendMessage('inspectorSession', {}),
    messages: browser.runtime.onMessage,
  });
  const loading = useAction({ setError, signal: 'loaded' });
  const [exportProgress, setExportProgress] = useState<{ read: number; done: boolean } | null>(
    null,
  );

  /** The first page of `chosen`'s cases, or the next page of the ones shown. */
  const loadCases = (more: boolean, chosen: QueueQuery = query) =>
    loading.run(async () => {
      const answer = await sendMessage('inspectorQueue', {
        ...chosen,
        limit: PAGE,
        ...(more && next ? { cursor: next } : {}),
      });
      setCases((shown) => (more ? [...shown, ...answer.items] : answer.items));
      setNext(answer.next);
    });

  useEffect(() => {
    void (async () => {
      await runAction(
        async () => {
          const preferences = await sendMessage('getPreferences', {});
          speak(preferences.language);
          await inspector.read();
          if (inspector.current()?.signedIn) {
            setStats(await sendMessage('inspectorStats', { days: STATS_DAYS }));
            page.draw();
            await loadCases(false);
          }
        },
        { setError, clear: 'never' },
      );
      page.ready();
    })();
  }, []);

  if (!page.drawn) return null;
  return (
    <Dashboard
      session={inspector.session}
      query={query}
      cases={cases}
      more={next !== null}
      loading={loading.busy}
      error={error}
      stats={stats}
      statsDays={STATS_DAYS}
      packaging={packaging}
      onQuery={(chosen) => {
        setQuery(chosen);
        void loadCases(false, chosen);
      }}
      onMore={() => void loadCases(true)}
      exportProgress={exportProgress}
      onExport={() =>
        void runAction(
          async () => {
            setExportProgress({ read: 0, done: false });
            try {
              const read = await exportCsv(query, (count) =>
                setExportProgress({ read: count, done: false }),
              );
              setExportProgress({ read, done: true });
            } catch (failure) {
              // Nothing was saved: the page's error line says why, and no count claims an export.
              setExportProgress(null);
              throw failure;
            }
          },
          { setError },
        )
      }
      onOpen={(key) => void runAction(() => openInPlace(key), { setError, clear: 'never' })}
      onPackage={(key) =>
        void runAction(
          async () => {
            const built = await evidencePackage(key, inspector.current);
            saveFile(built.name, built.zip as BlobPart, 'application/zip');
          },
          {
            setError,
            busy: (on) =>
              setPackaging((keys) => (on ? [...keys, key] : keys.filter((one) => one !== key))),
            signal: 'packaged',
          },
        )
      }
      optionsUrl={browser.runtime.getURL('/options.html')}
    />
  );
}

const root = document.getElementById('app');
if (root) render(<DashboardPage />, root);
