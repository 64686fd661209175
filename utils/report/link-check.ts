/**
 * "Kiểm tra liên kết": a pasted listing link, its ids read with the adapters' URL rules, looked up
 * in the local data like any listing on a page (nothing leaves the browser).
 */

import { errorMessage } from '../protocol/error-message';
import type { DataInfo } from '../protocol/records';
import type { ResponseOf } from '../protocol/runtime/messages';
import { type Verdict, verdictFor } from '../protocol/runtime/verdict';
import { type LinkReading, readListingLink, SHARE_TARGET_ORIGINS } from './listing-link';

export type ListingReading = Extract<LinkReading, { kind: 'listing' }>;
export type ShortReading = Extract<LinkReading, { kind: 'short' }>;

export type LinkCheckResult =
  | { kind: 'unknown' }
  | ShortReading
  | { kind: 'denied'; short: ShortReading }
  | { kind: 'failed'; short: ShortReading; message: string }
  | { kind: 'listing'; reading: ListingReading; verdict: Verdict | null; data: DataInfo | null };

export interface LinkCheckDeps {
  lookup(keys: string[]): Promise<ResponseOf<'lookup'>>;
  /** Asks the browser for access to these origins (a prompt the shopper answers). */
  requestOrigins(origins: string[]): Promise<boolean>;
  /** Follows a short link's redirects; resolves to the address it ends at. */
  follow(url: string): Promise<string>;
}

async function verdictOf(reading: ListingReading, deps: LinkCheckDeps): Promise<LinkCheckResult> {
  const keys = reading.sellerKey ? [reading.itemKey, reading.sellerKey] : [reading.itemKey];
  const answer = await deps.lookup(keys);
  const hits = new Map(answer.hits.map((record) => [record.key, record]));
  return { kind: 'listing', reading, verdict: verdictFor(reading, hits, null), data: answer.data };
}

export async function checkLink(text: string, deps: LinkCheckDeps): Promise<LinkCheckResult> {
  const reading = readListingLink(text);
  if (reading.kind === 'unknown' || reading.kind === 'short') return reading;
  return verdictOf(reading, deps);
}

/**
 * A short share link is opened only when the shopper asks, after the browser granted access to its
 * host at that moment; the address it leads to is then read the same way.
 *
 * The shopper agreed to open a short link: ask for its host (and where it leads), then follow it.
 */
export async function resolveShortLink(
  short: ShortReading,
  deps: LinkCheckDeps,
): Promise<LinkCheckResult> {
  const granted = await deps
    .requestOrigins([`https://${short.host}/*`, ...SHARE_TARGET_ORIGINS])
    .catch(() => false);
  if (!granted) return { kind: 'denied', short };
  let target: string;
  try {
    target = await deps.follow(short.url);
  } catch (error) {
    return {
      kind: 'failed',
      short,
      message: errorMessage(error),
    };
  }
  const reading = readListingLink(target);
  if (reading.kind !== 'listing') return { kind: 'failed', short, message: target.slice(0, 200) };
  return verdictOf(reading, deps);
}
