/**
 * The dashboard's case work, pure: the queue as CSV, where a case's listing is opened, and the
 * evidence package of one key.
 */
import { strToU8, zipSync } from 'fflate';
import { headOfKey } from '../protocol/keys';
import { addressOfKey, opensForKey } from '../protocol/listing-address';
import type { CaseStory, QueueItem } from '../protocol/registry/review';
import { type CsvColumns, toCsv } from './export';

const CASE_COLUMNS: CsvColumns<QueueItem> = [
  ['key', (row) => row.key],
  ['platform', (row) => headOfKey(row.key)],
  // The listing's title from its latest report, as the dashboard shows it beside the key.
  ['title', (row) => row.title ?? undefined],
  ['status', (row) => row.status],
  ['reports', (row) => row.reports],
  // Distinct installs (what clients claim) and networks (harder to fake) behind the reports.
  ['installs', (row) => row.installs],
  ['networks', (row) => row.networks],
  [
    'reasons',
    (row) =>
      Object.entries(row.reasons)
        .map(([reason, count]) => `${reason}:${count}`)
        .join(' '),
  ],
  ['appeals', (row) => row.appeals],
  ['first_seen', (row) => row.firstSeen ?? undefined],
  ['last_seen', (row) => row.lastSeen ?? undefined],
];

export function casesCsv(rows: readonly QueueItem[]): string {
  return toCsv(CASE_COLUMNS, rows);
}

/**
 * The address "Mở tại trang" opens for a case: the newest report's that is the key's own listing
 * (on its marketplace, naming its ids; a reporter's other address is never opened in an inspector's
 * signed-in browser), else one built from the key.
 */
export function listingUrlOf(key: string, story: CaseStory | null): string | null {
  const reported = story?.reports.find((report) => opensForKey(report.url, key))?.url;
  return reported ?? addressOfKey(key);
}

export interface PackageFile {
  /** Path inside the zip. */
  path: string;
  bytes: Uint8Array;
  /** SHA-256 of the bytes, hex. */
  sha256: string;
  /** When the content was captured (screenshots, snapshots). */
  capturedAt?: string;
  /** What the registry says the hash is, where it says one (checked against `sha256`). */
  declaredSha256?: string;
}

/**
 * An evidence package is one zip with the registry's story as JSON, every listing snapshot exactly
 * as it was hashed, every screenshot, and a manifest of SHA-256 hashes and times that anyone can
 * check again.
 */
export interface EvidencePackage {
  key: string;
  registry: string;
  builtAt: string;
  builtBy: string;
  story: CaseStory;
  files: PackageFile[];
}

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
};
export const extensionOf = (mediaType: string) => EXTENSIONS[mediaType] ?? 'bin';

/** A file name for the package: the key with what file systems refuse replaced. */
export const packageName = (key: string, day: string) =>
  `soi-hang-ho-so-${key.replace(/[^0-9A-Za-z._-]/g, '_')}-${day}.zip`;

export const storyBytes = (story: CaseStory) => strToU8(`${JSON.stringify(story, null, 2)}\n`);

/** The zip's bytes: story.json, the files, and manifest.json listing every file's hash. */
export function zipPackage(evidence: EvidencePackage, sha256OfStory: string): Uint8Array {
  const manifest = {
    format: 'soi-hang-evidence-package',
    version: 1,
    key: evidence.key,
    registry: evidence.registry,
    builtAt: evidence.builtAt,
    builtBy: evidence.builtBy,
    files: [
      { path: 'story.json', sha256: sha256OfStory },
      ...evidence.files.map(({ bytes: _bytes, ...file }) => file),
    ],
  };
  const entries: Record<string, Uint8Array> = {
    'manifest.json': strToU8(`${JSON.stringify(manifest, null, 2)}\n`),
    'story.json': storyBytes(evidence.story),
  };
  for (const file of evidence.files) entries[file.path] = file.bytes;
  // Images are compressed already; text compresses well.
  return zipSync(entries, { level: 6, mtime: new Date(evidence.builtAt) });
}
