/**
 * The extensions the page benchmarks compare: ours, with every card of the benchmark page flagged
 * (so it draws as many badges as the floor does), and a minimal one that only reads the card links
 * and appends one shadow-root badge per card, then again for cards the page adds: the floor any
 * badge-drawing extension pays.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  buildBlockedSnapshot,
  buildManifest,
  sortRecords,
} from '../../server/publish/feed-builder';
import type { FlagRecord } from '../../utils/protocol/records';
import { DEFAULT_SNAPSHOT_FILE, defaultRecords } from '../default-feed';

export const BUILT_EXTENSION = path.resolve(import.meta.dirname, '../../.output/chrome-mv3');
/** The profiling build: the release build's code, not minified, so a profile names its functions. */
export const PROFILE_EXTENSION = path.resolve(
  import.meta.dirname,
  '../../.output/chrome-mv3-profile',
);
/** The e2e build: it also trusts the test publisher key, so benchmarks can sign feeds. */
export const E2E_EXTENSION = path.resolve(import.meta.dirname, '../../.output/chrome-mv3-e2e');

/** A copy of the built extension (or of another build of it) whose shipped data also flags these keys. */
export async function ourExtensionFlagging(
  keys: string[],
  built: string = BUILT_EXTENSION,
): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'soi-hang-bench-ext-'));
  cpSync(built, dir, { recursive: true });
  const extra: FlagRecord[] = keys.map((key) => ({
    key,
    status: 'confirmed',
    reasons: ['counterfeit_trademark'],
    authority: 'Benchmark',
    caseId: 'BENCH',
    summary: { vi: '[Đo hiệu năng] Bản ghi đo hiệu năng.', en: '[Benchmark] Benchmark record.' },
    firstSeen: '2026-11-01',
    updated: '2026-11-01',
  }));
  const records = sortRecords([...(await defaultRecords()), ...extra]);
  const snapshot = await buildBlockedSnapshot(DEFAULT_SNAPSHOT_FILE, records);
  const { bytes } = buildManifest({
    sequence: 1,
    publisher: 'Benchmark',
    publishedAt: '2026-11-01T00:00:00.000Z',
    expiresAt: '2126-11-01T00:00:00.000Z',
    snapshot: snapshot.ref,
    deltas: [],
  });
  writeFileSync(path.join(dir, 'feed', DEFAULT_SNAPSHOT_FILE), snapshot.bytes);
  writeFileSync(path.join(dir, 'feed', 'manifest.json'), bytes);
  return dir;
}

/** One shadow-root badge at the start of a card: what both floor scripts draw. */
const DRAW_BADGE = `const draw = (card) => {
    const host = document.createElement('bench-badge');
    const root = host.attachShadow({ mode: 'open' });
    const badge = document.createElement('span');
    badge.textContent = 'Cảnh báo';
    badge.style.cssText = 'position:absolute;top:6px;left:6px;padding:2px 8px;border-radius:999px;background:#b3261e;color:#fff;font:600 12px system-ui';
    root.append(badge);
    card.prepend(host);
  };`;

const MINIMAL_SCRIPT = `(() => {
  const seen = new WeakSet();
  ${DRAW_BADGE}
  const badgeAll = () => {
    for (const link of document.querySelectorAll('a[href*="-i."]')) {
      if (!/-i\\.\\d+\\.\\d+/.test(link.getAttribute('href') || '')) continue;
      const card = link.closest('li') || link.parentElement;
      if (!card || seen.has(card)) continue;
      seen.add(card);
      draw(card);
    }
  };
  badgeAll();
  // Cards drawn later (an infinite grid) get theirs at once, in the observer's callback.
  new MutationObserver((records) => {
    const ours = (node) => node.nodeType === 1 && node.tagName === 'BENCH-BADGE';
    if (records.some((r) => [...r.addedNodes].some((node) => !ours(node)))) badgeAll();
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
`;

/**
 * The minimal badge script with its answer from a background worker: it reads the card links as
 * the minimal one does, sends their ids over a port to a service worker that answers at once (every
 * card flagged, nothing looked up), and draws the badges when the answer comes. The floor of any
 * extension whose data lives in its background, as ours does (privacy and memory: one index per
 * browser, not one per page): the round trip between the page's process and the worker's.
 */
const ROUND_TRIP_SCRIPT = `(() => {
  const seen = new WeakSet();
  let port = null;
  const waiting = new Map();
  let next = 1;
  const connect = () => {
    port = chrome.runtime.connect({ name: 'lookup' });
    port.onMessage.addListener(({ id, flagged }) => {
      const cards = waiting.get(id) || [];
      waiting.delete(id);
      cards.forEach((card, i) => { if (flagged[i] && card.isConnected) draw(card); });
    });
    port.onDisconnect.addListener(() => { port = null; });
  };
  ${DRAW_BADGE}
  const lookUpAll = () => {
    const cards = [];
    const keys = [];
    for (const link of document.querySelectorAll('a[href*="-i."]')) {
      const ids = /-i\\.(\\d+)\\.(\\d+)/.exec(link.getAttribute('href') || '');
      if (!ids) continue;
      const card = link.closest('li') || link.parentElement;
      if (!card || seen.has(card)) continue;
      seen.add(card);
      cards.push(card);
      keys.push(ids[1] + '.' + ids[2]);
    }
    if (cards.length === 0) return;
    if (!port) connect();
    const id = next++;
    waiting.set(id, cards);
    port.postMessage({ id, keys });
  };
  lookUpAll();
  new MutationObserver((records) => {
    const ours = (node) => node.nodeType === 1 && node.tagName === 'BENCH-BADGE';
    if (records.some((r) => [...r.addedNodes].some((node) => !ours(node)))) lookUpAll();
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
`;

const ROUND_TRIP_WORKER = `chrome.runtime.onConnect.addListener((port) => {
  port.onMessage.addListener(({ id, keys }) => port.postMessage({ id, flagged: keys.map(() => true) }));
});
`;

/**
 * Keeps our content scripts off these pages: the benchmarks load both extensions in one browser and
 * give each variant pages of its own.
 */
export function excludeOurScripts(dir: string, patterns: string[]): void {
  const file = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as {
    content_scripts?: Array<{ exclude_matches?: string[] }>;
  };
  for (const script of manifest.content_scripts ?? []) {
    script.exclude_matches = [...(script.exclude_matches ?? []), ...patterns];
  }
  writeFileSync(file, JSON.stringify(manifest));
}

/**
 * The minimal badge extension on these pages; `roundTrip`: the one that asks a background worker
 * first (ROUND_TRIP_SCRIPT).
 */
export function minimalExtension(
  matches = ['https://shopee.vn/*'],
  kind: 'minimal' | 'roundTrip' = 'minimal',
): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'soi-hang-bench-minimal-'));
  const roundTrip = kind === 'roundTrip';
  writeFileSync(
    path.join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: roundTrip
        ? 'Minimal badge with a worker (benchmark floor)'
        : 'Minimal badge (benchmark floor)',
      version: '1.0',
      content_scripts: [{ matches, js: ['minimal.js'], run_at: 'document_idle' }],
      ...(roundTrip && { background: { service_worker: 'worker.js' } }),
    }),
  );
  writeFileSync(path.join(dir, 'minimal.js'), roundTrip ? ROUND_TRIP_SCRIPT : MINIMAL_SCRIPT);
  if (roundTrip) writeFileSync(path.join(dir, 'worker.js'), ROUND_TRIP_WORKER);
  return dir;
}
