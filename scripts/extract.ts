#!/usr/bin/env -S npx tsx
/**
 * `npm run extract -- --url <page URL> <saved page file>`: prints, as a JSON array, the listings the
 * extension would see on a saved page, using the same adapter code as the content scripts: each
 * listing once, as its best reading, however often the page repeats it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { adapterForHost } from '../utils/sites';
import type { ExtractedListing } from '../utils/sites/engine/types';
import { mergeRepeats, type PrintedListing } from './extract-listings';
import { pageFromSavedFile, parseOffline } from './offline-dom';

const USAGE = 'usage: npm run extract -- --url <page URL> <saved page file>';

function fail(message: string): never {
  console.error(`extract: ${message}`);
  process.exit(2);
}

/** A short CSS-like description of the element the UI would be anchored to. */
function describe(element: Element): string {
  const id = element.id ? `#${element.id}` : '';
  const attribute = ['data-sqe', 'data-qa-locator', 'data-id', 'data-item-id']
    .map((name) => (element.hasAttribute(name) ? `[${name}="${element.getAttribute(name)}"]` : ''))
    .find(Boolean);
  return `${element.tagName.toLowerCase()}${id}${attribute ?? ''}`;
}

function main(args: string[]): void {
  const at = args.indexOf('--url');
  const pageUrl = at >= 0 ? args[at + 1] : undefined;
  const file = args.find((arg, i) => !arg.startsWith('--') && i !== at + 1);
  if (!pageUrl || !file) fail(USAGE);

  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    fail(`"${pageUrl}" is not a URL`);
  }
  const adapter = adapterForHost(url.hostname);
  if (!adapter)
    fail(
      `no adapter for ${url.hostname}: supported sites are Shopee, Lazada, Tiki, Sendo, Facebook and TikTok`,
    );

  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    fail(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const html = pageFromSavedFile(text, path.basename(file));
  if (html === null) {
    fail(
      `${file} holds no page (an API response or other data?): extract reads saved pages, as .html or HTML wrapped in .js/.ts`,
    );
  }

  const extraction = adapter.extract(parseOffline(html, url.href), url);
  // Field by field: card facts are lazy getters, which object spread would skip.
  const read = extraction.listings.map(
    (listing: ExtractedListing): PrintedListing => ({
      platform: listing.platform,
      kind: listing.kind,
      itemKey: listing.itemKey,
      sellerKey: listing.sellerKey,
      title: listing.title,
      price: listing.price,
      sellerName: listing.sellerName,
      official: listing.official,
      url: listing.url,
      anchor: describe(listing.anchor),
    }),
  );
  const { listings, merged } = mergeRepeats(read);
  console.log(JSON.stringify(listings, null, 2));
  console.error(
    `extract: ${adapter.platform} ${extraction.pageKind} page, ${listings.length} listing(s) (${merged} repeat(s) merged), ${extraction.unreadable} unreadable card(s)`,
  );
}

main(process.argv.slice(2));
