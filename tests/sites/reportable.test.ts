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
