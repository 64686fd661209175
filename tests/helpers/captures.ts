import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pageFromSavedFile } from '../../scripts/offline-dom';
import { parseHtml, readText, SHARED_FIXTURES, savedFromUrl } from './fixtures';

export const capture = (site: string, name: string) => path.join(SHARED_FIXTURES, site, name);

/** A real capture as a document at its own URL (the "saved from" comment) or the one given. */
export function captureDocument(
  site: string,
  name: string,
  url?: string,
): { doc: Document; url: URL } {
  const text = readText(capture(site, name));
  const html = pageFromSavedFile(text, name);
  if (html === null) throw new Error(`${name} holds no page`);
  const pageUrl = url ?? savedFromUrl(html);
  if (!pageUrl) throw new Error(`${name}: give its URL`);
  return { doc: parseHtml(html, pageUrl), url: new URL(pageUrl) };
}

/** Listing names as pages carry them in their JSON (JSON-LD, page state, API answers). */
export const namesIn = (text: string) =>
  [...text.matchAll(/"(?:name|title|itemTitle|product_name)"\s*:\s*"([^"]{8,200})"/g)].map(
    (m) => m[1] as string,
  );

export const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
