/**
 * Loading fixture pages into documents. Our own fixtures live in tests/fixtures/; the real captures
 * in ../shared/fixtures are read in place when that folder exists (they are never copied here).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseOffline } from '../../scripts/offline-dom';

export { savedFromUrl } from '../../scripts/offline-dom';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const OWN_FIXTURES = path.join(REPO_ROOT, 'tests/fixtures');
/**
 * SOI_HANG_HIDE_SHARED=1 runs the suites as on a fresh clone without ../shared: the captures are
 * looked for where none are, so a test that reads one outside `describe.runIf(hasSharedFixtures)`
 * fails here as it would there (CI runs the unit and site suites once this way).
 */
export const SHARED_FIXTURES = process.env.SOI_HANG_HIDE_SHARED
  ? path.join(REPO_ROOT, 'tests/no-shared-fixtures')
  : path.resolve(REPO_ROOT, '../shared/fixtures');
export const hasSharedFixtures = existsSync(SHARED_FIXTURES);
/** The shared datasets (research-only ones included: read in tests, never shipped), likewise. */
export const SHARED_DATASETS = path.join(path.dirname(SHARED_FIXTURES), 'datasets');
export const hasSharedDatasets = existsSync(SHARED_DATASETS);

export function readText(file: string): string {
  return readFileSync(file, 'utf8');
}

/** A saved page as a document that never loads anything. */
export function parseHtml(html: string, url = 'https://shopee.vn/'): Document {
  return parseOffline(html, url);
}

export function ownFixture<T = unknown>(name: string): { html: string; expected: T } {
  const html = readText(path.join(OWN_FIXTURES, `${name}.html`));
  const expected = JSON.parse(readText(path.join(OWN_FIXTURES, `${name}.expected.json`))) as T;
  return { html, expected };
}
