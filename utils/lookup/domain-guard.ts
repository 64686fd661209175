/**
 * What the feed may never block, whoever signed it. A scam-site record blocks its domain and every
 * subdomain browser-wide, so one bad entry could take down a whole country's sites ("com.vn"), the
 * marketplaces the shopper came to, or the government portals where a shopper reports. The guard is
 * applied when a sync is counted and again when the block list is built: a guarded entry never
 * blocks and is never shown as a scam site; the rest of the data is used as usual.
 *
 * Public suffixes come from the Public Suffix List (tldts, its ICANN and private sections: "com.vn",
 * "github.io"); the protected domains are data (protected-domains.json): the marketplaces, what a
 * shopper needs to report, public-sector suffixes, and banks, payment services, retailers and news
 * sites, each group with its source and the date it was listed.
 */
import { parse } from 'tldts';
import PROTECTED from './protected-domains.json';

export type GuardReason =
  | 'invalid'
  | 'ip'
  | 'public_suffix'
  | 'government'
  | 'education'
  | 'platform'
  | 'protected'
  | 'bank'
  | 'payment'
  | 'retailer'
  | 'news';

const PLATFORMS = new Set(PROTECTED.platforms);
const ESSENTIAL = new Set(PROTECTED.essential);
const GOVERNMENT = PROTECTED.governmentSuffixes;
const EDUCATION = PROTECTED.educationSuffixes.suffixes;
/** The sourced groups, checked after the platforms in this order. */
const GROUPS: ReadonlyArray<[GuardReason, ReadonlySet<string>]> = [
  ['bank', new Set(PROTECTED.banks.domains)],
  ['payment', new Set(PROTECTED.payments.domains)],
  ['retailer', new Set(PROTECTED.retailers.domains)],
  ['news', new Set(PROTECTED.news.domains)],
];

/** Whether `domain` is `parent` or one of its subdomains. */
const within = (domain: string, parent: string) =>
  domain === parent || domain.endsWith(`.${parent}`);

/** Whether `domain` or one of its parent domains is in `set`. */
function coveredBy(domain: string, set: ReadonlySet<string>): boolean {
  let rest = domain;
  for (;;) {
    if (set.has(rest)) return true;
    const dot = rest.indexOf('.');
    if (dot === -1) return false;
    rest = rest.slice(dot + 1);
  }
}

/** Why the feed may not block this domain, or null when it may. */
export function guardReason(domain: string): GuardReason | null {
  const parsed = parse(domain, { allowPrivateDomains: true });
  if (parsed.isIp) return 'ip';
  if (!parsed.hostname || parsed.hostname !== domain) return 'invalid';
  if (GOVERNMENT.some((suffix) => within(domain, suffix))) return 'government';
  if (EDUCATION.some((suffix) => within(domain, suffix))) return 'education';
  if (!parsed.domain || parsed.publicSuffix === domain) return 'public_suffix';
  if (coveredBy(domain, PLATFORMS)) return 'platform';
  if (coveredBy(domain, ESSENTIAL)) return 'protected';
  for (const [reason, group] of GROUPS) if (coveredBy(domain, group)) return reason;
  return null;
}

/** The domains of `domains` the feed may block, and how many it may not. */
export function unguarded(domains: Iterable<string>): { allowed: string[]; guarded: number } {
  const allowed: string[] = [];
  let guarded = 0;
  for (const domain of domains) {
    if (guardReason(domain) === null) allowed.push(domain);
    else guarded++;
  }
  return { allowed, guarded };
}
