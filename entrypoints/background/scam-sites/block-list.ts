/**
 * The scam sites to block: exactly those a shopper is shown a warning page for, until the next of
 * their records expires.
 */
import { unguarded } from '../../../utils/lookup/domain-guard';
import { DomainList } from '../../../utils/lookup/domain-list';
import { isShownToShoppers } from '../../../utils/lookup/shown';
import type { FlagRecord } from '../../../utils/protocol/records';

export interface BlockList {
  domains: string[];
  /** When the next of their records expires (ms since the epoch), or null. */
  until: number | null;
}

/** The block list, with the matcher and records the warning page answers from. */
export interface ShownDomains extends BlockList {
  list: DomainList;
  records: Map<string, FlagRecord>;
}

/**
 * The block rule and the warning page use this one list, so every block lands on a page that names
 * its source: the listed domains the guard allows (domain-guard.ts) whose records are neither
 * cleared nor expired.
 */
export async function buildShownDomains(
  listed: readonly string[],
  reader: { get(keys: Iterable<string>): Promise<Map<string, FlagRecord>> },
  now: Date,
): Promise<ShownDomains> {
  const { allowed } = unguarded(listed);
  const found = await reader.get(allowed.map((domain) => `domain:${domain}`));
  const records = new Map<string, FlagRecord>();
  let until: number | null = null;
  for (const domain of allowed) {
    const record = found.get(`domain:${domain}`);
    // Only a source trusted to block (an authority's decision, a curated list that ships with the
    // package) blocks; a community or suspected record about a domain never does.
    if (record?.blocking !== true || !isShownToShoppers(record, now)) continue;
    records.set(domain, record);
    const expires = record.expires === undefined ? null : Date.parse(record.expires);
    if (expires !== null && (until === null || expires < until)) until = expires;
  }
  const domains = [...records.keys()];
  return { domains, until, list: new DomainList(domains), records };
}

/** Whether a block list built earlier still holds at `now`. */
export const stillHolds = (shown: BlockList, now: Date) =>
  shown.until === null || now.getTime() < shown.until;
