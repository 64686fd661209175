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

/**
 * The real pages the adapters read (site, file, and the address it was captured at where the file
 * does not say it).
 */
export const PAGE_CAPTURES: ReadonlyArray<[string, string, string | undefined]> = [
  ['shopee', 'shopee-sg-search-grid-rendered-dom-2025-09.html', undefined],
  ['shopee', 'shopee-sg-product-detail-rendered-dom-2025-09.html', undefined],
  ['lazada', 'lazada-ph-search-grid-rendered-dom-2024-01.html', undefined],
  [
    'lazada',
    'lazada-vn-product-detail-server-html-2018-09.html',
    'https://www.lazada.vn/products/x-i132621522-s133154361.html',
  ],
  [
    'tiki',
    'tiki-vn-product-detail-body-fragment-2018-09.html',
    'https://tiki.vn/minh-la-ca-viec-cua-minh-la-boi-p763843.html',
  ],
  [
    'tiktok',
    'tiktok-shop-us-pdp-ssr-html-2025-07.html',
    'https://www.tiktok.com/shop/pdp/x/1729447605324124806',
  ],
];

/** Listing names as pages carry them in their JSON (JSON-LD, page state, API answers). */
export const namesIn = (text: string) =>
  [...text.matchAll(/"(?:name|title|itemTitle|product_name)"\s*:\s*"([^"]{8,200})"/g)].map(
    (m) => m[1] as string,
  );

export const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
