/**
 * Every listing the adapters read makes a report the registry takes: its keys are its marketplace's
 * and its address names it (utils/protocol/registry/listing-rules.ts), on our own fixtures and on
 * every real capture. A shopper's report is never refused for how a page links its listings.
 */
import { describe, expect, it } from 'vitest';
import { draftListingOf } from '../../utils/content/report-listing';
import { listingProblem } from '../../utils/protocol/registry/listing-rules';
import type { SiteAdapter } from '../../utils/sites/engine/types';
import { ADAPTERS } from '../../utils/sites/index';
import { captureDocument, PAGE_CAPTURES } from '../helpers/captures';
import { hasSharedFixtures, parseHtml } from '../helpers/fixtures';
import { ownFixtures } from '../helpers/own-fixtures';

const NOW = new Date('2026-12-07T08:00:00Z');

function adapterOf(site: string): SiteAdapter {
  const adapter = ADAPTERS.find((one) => one.platform === site);
  if (!adapter) throw new Error(`no adapter for ${site}`);
  return adapter;
}

/** The listings of a page whose draft report the registry would refuse, with the rule broken. */
function refused(adapter: SiteAdapter, doc: Document, url: URL): string[] {
  const { listings } = adapter.extract(doc, url);
  return listings.flatMap((listing) => {
    const draft = draftListingOf(listing, url.href, NOW, adapter.idsFromUrl);
    const problem = listingProblem(draft.listing);
    return problem ? [`${listing.itemKey} (${draft.listing.url}): ${problem.rule}`] : [];
  });
}

describe('every listing read makes a report the registry takes', () => {
  it.each(
    ownFixtures()
      .filter((fixture) => fixture.expected.listings.length > 0)
      .map((fixture) => [`${fixture.site}/${fixture.name}`, fixture] as const),
  )('our fixture %s', (_name, fixture) => {
    const url = new URL(fixture.expected.url);
    expect(refused(adapterOf(fixture.site), parseHtml(fixture.html, url.href), url)).toEqual([]);
  });

  describe.runIf(hasSharedFixtures)('real captures', () => {
    it.each(PAGE_CAPTURES)('%s %s', (site, file, at) => {
      const { doc, url } = captureDocument(site, file, at);
      expect(refused(adapterOf(site), doc, url)).toEqual([]);
    });
  });
});

describe('a shop report sends the shop’s address, not the shopper’s visit', () => {
  it.each([
    ['shopee/shop-page', '?utm_source=zalo&sp_atk=SECRET-TOKEN-123#frag'],
    ['tiki/shop-page', '?src=banner&token=SECRET#x'],
    ['lazada/shop-page', '?spm=a2o4n.SECRET&trackingId=42#top'],
  ])('%s visited with %s', (name, visit) => {
    const fixture = ownFixtures().find((f) => `${f.site}/${f.name}` === name);
    if (!fixture) throw new Error(`no fixture ${name}`);
    const plain = new URL(fixture.expected.url);
    // The page as the shopper opened it (Tiki's state names its own route only: read at its own).
    const url = new URL(`${plain.origin}${plain.pathname}${visit}`);
    const at = fixture.site === 'tiki' ? plain : url;
    const adapter = adapterOf(fixture.site);
    const shop = adapter.extract(parseHtml(fixture.html, at.href), at).listings[0];
    expect(shop?.kind).toBe('shop');
    if (!shop) return;
    // Both the shop's own reading and a listing that only knows the page's address.
    for (const listing of [shop, { ...shop, url: url.href }]) {
      const draft = draftListingOf(listing, url.href, NOW, adapter.idsFromUrl);
      expect(draft.listing.url).toBe(`${plain.origin}${plain.pathname}`);
      expect(listingProblem(draft.listing)).toBeNull();
    }
  });
});
