/**
 * The extensions the page benchmarks compare: ours, with every card of the benchmark page flagged
 * (so it draws as many badges as the floor does), and a minimal one that only reads the card links
 * and appends one shadow-root badge per card: the floor any badge-drawing extension pays.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const BUILT_EXTENSION = path.resolve(import.meta.dirname, '../../.output/chrome-mv3');

/** A copy of the built extension whose shipped data also flags these keys. */
export function ourExtensionFlagging(keys: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'soi-hang-bench-ext-'));
  cpSync(BUILT_EXTENSION, dir, { recursive: true });
  const feed = path.join(dir, 'feed');
  const manifest = JSON.parse(readFileSync(path.join(feed, 'default-manifest.json'), 'utf8'));
  const shipped = readFileSync(path.join(feed, 'default-snapshot.ndjson'), 'utf8');
  const extra = keys.map((key) =>
    JSON.stringify({
      key,
      status: 'confirmed',
      reasons: ['counterfeit_trademark'],
      authority: 'Benchmark',
      caseId: 'BENCH',
      summary: { vi: '[Đo hiệu năng] Bản ghi đo hiệu năng.', en: '[Benchmark] Benchmark record.' },
      firstSeen: '2026-11-01',
      updated: '2026-11-01',
    }),
  );
  const snapshot = Buffer.from(`${shipped}${extra.join('\n')}\n`);
  writeFileSync(path.join(feed, 'default-snapshot.ndjson'), snapshot);
  manifest.snapshot = {
    ...manifest.snapshot,
    bytes: snapshot.length,
    sha256: createHash('sha256').update(snapshot).digest('hex'),
    count: manifest.snapshot.count + keys.length,
  };
  writeFileSync(path.join(feed, 'default-manifest.json'), JSON.stringify(manifest));
  return dir;
}

const MINIMAL_SCRIPT = `(() => {
  const seen = new WeakSet();
  for (const link of document.querySelectorAll('a[href*="-i."]')) {
    if (!/-i\\.\\d+\\.\\d+/.test(link.getAttribute('href') || '')) continue;
    const card = link.closest('li') || link.parentElement;
    if (!card || seen.has(card)) continue;
    seen.add(card);
    const host = document.createElement('bench-badge');
    const root = host.attachShadow({ mode: 'open' });
    const badge = document.createElement('span');
    badge.textContent = 'Cảnh báo';
    badge.style.cssText = 'position:absolute;top:6px;left:6px;padding:2px 8px;border-radius:999px;background:#b3261e;color:#fff;font:600 12px system-ui';
    root.append(badge);
    card.prepend(host);
  }
})();
`;

export function minimalExtension(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'soi-hang-bench-minimal-'));
  writeFileSync(
    path.join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'Minimal badge (benchmark floor)',
      version: '1.0',
      content_scripts: [
        { matches: ['https://shopee.vn/*'], js: ['minimal.js'], run_at: 'document_idle' },
      ],
    }),
  );
  writeFileSync(path.join(dir, 'minimal.js'), MINIMAL_SCRIPT);
  return dir;
}
