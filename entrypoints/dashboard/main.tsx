/**
 * The dashboard page: asks the background (which holds the token) for the queue, the figures, one
 * key's story and its files, and builds CSV files and evidence packages here, in the inspector's
 * browser, so nothing leaves it but the downloads.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Dashboard } from '../../components/Dashboard';
import { newestAnswer } from '../../components/hooks/newest-answer';
import { sha256Hex } from '../../utils/feed-format/hash';
import { setLanguage, t, useCatalogues } from '../../utils/i18n';
import { ALL_MESSAGES } from '../../utils/messages/all';
import { sendMessage } from '../../utils/protocol/client';
import { type InspectorSession, PANEL_CHANGED } from '../../utils/protocol/inspector';
import type { ResponseOf } from '../../utils/protocol/messages';
import type { QueueItem, QueueQuery, Stats } from '../../utils/protocol/review';
import {
  casesCsv,
  extensionOf,
  listingUrlOf,
  type PackageFile,
  packageName,
  storyBytes,
  zipPackage,
} from '../../utils/report/case-work';
import '../../components/page.css';
import './style.css';

useCatalogues(ALL_MESSAGES);

const STATS_DAYS = 30;
const PAGE = 100;
/** CSV export reads at most this many pages of the queue. */
const EXPORT_PAGES = 50;

const root = document.getElementById('app');
let session: InspectorSession | null = null;
/** The load's read and a change message's read overlap: the newest answer wins. */
const sessionAnswers = newestAnswer<InspectorSession>((current) => {
  session = current;
});
let query: QueueQuery = {};
let cases: QueueItem[] = [];
let next: string | null = null;
let loading = false;
let error: string | null = null;
let stats: Stats | null = null;
let packaging: string[] = [];

const errorText = (failure: unknown) =>
  failure instanceof Error ? failure.message : String(failure);

function show(): void {
  if (!root) return;
  render(
    <Dashboard
      session={session}
      query={query}
      cases={cases}
      more={next !== null}
      loading={loading}
      error={error}
      stats={stats}
      statsDays={STATS_DAYS}
      packaging={packaging}
      onQuery={(chosen) => {
        query = chosen;
        void loadCases(false);
      }}
      onMore={() => void loadCases(true)}
      onExport={() => void exportCsv()}
      onOpen={(key) => void openInPlace(key)}
      onPackage={(key) => void downloadPackage(key)}
      optionsUrl={browser.runtime.getURL('/options.html')}
    />,
    root,
  );
}

async function loadCases(more: boolean): Promise<void> {
  loading = true;
  show();
  try {
    const page = await sendMessage('inspectorQueue', {
      ...query,
      limit: PAGE,
      ...(more && next ? { cursor: next } : {}),
    });
    cases = more ? [...cases, ...page.items] : page.items;
    next = page.next;
    error = null;
  } catch (failure) {
    error = errorText(failure);
  }
  loading = false;
  show();
  document.body.dataset.loaded = String(Date.now());
}

function download(name: string, bytes: Uint8Array | string, type: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/** Every case the filters match (up to EXPORT_PAGES pages), as CSV. */
async function exportCsv(): Promise<void> {
  const all: QueueItem[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < EXPORT_PAGES; page++) {
    const answer: ResponseOf<'inspectorQueue'> = await sendMessage('inspectorQueue', {
      ...query,
      limit: 200,
      ...(cursor ? { cursor } : {}),
    });
    all.push(...answer.items);
    cursor = answer.next;
    if (!cursor) break;
  }
  download(
    `soi-hang-ho-so-${new Date().toISOString().slice(0, 10)}.csv`,
    casesCsv(all),
    'text/csv;charset=utf-8',
  );
}

/** The case's listing in a new tab: the content script there shows the inspector section. */
async function openInPlace(key: string): Promise<void> {
  try {
    const { story } = await sendMessage('inspectorStory', { key });
    const url = listingUrlOf(key, story);
    if (!url) {
      error = t('dashboardNoUrl');
      show();
      return;
    }
    // A tab of its own, which cannot reach back to this page.
    window.open(url, '_blank', 'noopener');
  } catch (failure) {
    error = errorText(failure);
    show();
  }
}

const bytesOf = (dataUrl: string) =>
  Uint8Array.from(atob(dataUrl.slice(dataUrl.indexOf(',') + 1)), (char) => char.charCodeAt(0));

/** One zip: the story, every snapshot as it was hashed, every screenshot, and their hashes. */
async function downloadPackage(key: string): Promise<void> {
  packaging = [...packaging, key];
  show();
  try {
    const { story } = await sendMessage('inspectorStory', { key });
    if (!story) throw new Error(t('panelNothingKnown'));
    const files: PackageFile[] = [];
    for (const evidence of story.evidence) {
      const snapshot = await sendMessage('inspectorFile', {
        path: `/v1/review/evidence/${evidence.id}/snapshot`,
      });
      const bytes = new TextEncoder().encode(snapshot.text ?? '');
      files.push({
        path: `snapshots/${evidence.id}.json`,
        bytes,
        sha256: await sha256Hex(bytes),
        capturedAt: evidence.capturedAt,
        declaredSha256: evidence.snapshotSha256,
      });
      if (evidence.screenshot) {
        files.push(
          await screenshotFile(
            evidence.screenshot.url,
            evidence.capturedAt,
            evidence.screenshot.sha256,
          ),
        );
      }
    }
    for (const report of story.reports) {
      for (const url of report.evidence) files.push(await screenshotFile(url, report.receivedAt));
    }
    const builtAt = new Date().toISOString();
    const zip = zipPackage(
      {
        key,
        registry: session?.registryUrl ?? '',
        builtAt,
        builtBy: session?.name ?? '',
        story,
        files,
      },
      await sha256Hex(storyBytes(story)),
    );
    download(packageName(key, builtAt.slice(0, 10)), zip, 'application/zip');
    error = null;
  } catch (failure) {
    error = errorText(failure);
  }
  packaging = packaging.filter((one) => one !== key);
  show();
  document.body.dataset.packaged = String(Date.now());
}

async function screenshotFile(
  path: string,
  capturedAt: string,
  declaredSha256?: string,
): Promise<PackageFile> {
  const file = await sendMessage('inspectorFile', { path });
  const bytes = bytesOf(file.dataUrl ?? '');
  const sha256 = await sha256Hex(bytes);
  return {
    path: `screenshots/${sha256}.${extensionOf(file.mediaType)}`,
    bytes,
    sha256,
    capturedAt,
    ...(declaredSha256 ? { declaredSha256 } : {}),
  };
}

async function load(): Promise<void> {
  try {
    const preferences = await sendMessage('getPreferences', {});
    setLanguage(preferences.language);
    document.documentElement.lang = preferences.language;
    await sessionAnswers.ask(() => sendMessage('inspectorSession', {}));
    if (session?.signedIn) {
      stats = await sendMessage('inspectorStats', { days: STATS_DAYS });
      show();
      await loadCases(false);
    }
  } catch (failure) {
    error = errorText(failure);
  }
  show();
  document.body.dataset.ready = 'true';
}

browser.runtime.onMessage.addListener((raw: unknown) => {
  if ((raw as { type?: unknown } | null)?.type !== PANEL_CHANGED) return undefined;
  void sessionAnswers
    .ask(() => sendMessage('inspectorSession', {}))
    .then(show)
    .catch(() => undefined);
  return undefined;
});

void load();
