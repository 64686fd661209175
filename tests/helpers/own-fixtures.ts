import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { ExtractedListing } from '../../utils/sites/engine/types';
import { OWN_FIXTURES, readText } from './fixtures';

export interface Expected {
  url: string;
  pageKind: string;
  unreadable: number;
  listings: Array<Record<string, unknown>>;
  flagged: string[];
}

export interface OwnFixture {
  site: string;
  name: string;
  file: string;
  html: string;
  expected: Expected;
}

/** Every fixture of ours that has an expectation, as `<site>/<name>`. */
export function ownFixtures(): OwnFixture[] {
  return readdirSync(OWN_FIXTURES).flatMap((site) =>
    readdirSync(path.join(OWN_FIXTURES, site))
      .filter((file) => file.endsWith('.expected.json'))
      .map((file) => {
        const name = file.replace('.expected.json', '');
        const base = path.join(OWN_FIXTURES, site, name);
        return {
          site,
          name,
          file: `${base}.html`,
          html: readText(`${base}.html`),
          expected: JSON.parse(readText(`${base}.expected.json`)) as Expected,
        };
      }),
  );
}

/** A listing's data as the expectations write it: optional facts only when the page gave them. */
export function comparable(listing: ExtractedListing): Record<string, unknown> {
  return {
    kind: listing.kind,
    itemKey: listing.itemKey,
    sellerKey: listing.sellerKey,
    title: listing.title,
    price: listing.price,
    ...(listing.promoPrice && { promoPrice: listing.promoPrice }),
    ...(listing.sellerName !== null && { sellerName: listing.sellerName }),
    ...(listing.official !== null && { official: listing.official }),
    ...(listing.variants && { variants: listing.variants }),
  };
}
