/**
 * The answer to a page's lookup: the shown records for its keys, and the products, phones, bank
 * accounts and on-page signals its listings' names and text give.
 */
import type { ProductMatcher } from '../../../utils/lookup/product-matcher';
import { isShownToShoppers } from '../../../utils/lookup/shown';
import { contactKeysIn } from '../../../utils/lookup/signals/contacts';
import { nameEvidence } from '../../../utils/lookup/signals/name-signals';
import type { PriceReferences } from '../../../utils/lookup/signals/price-references';
import { readAddressName } from '../../../utils/protocol/address-name';
import { headOfKey, normaliseProductName } from '../../../utils/protocol/keys';
import type { DataInfo, FlagRecord } from '../../../utils/protocol/records';
import type { RequestOf, ResponseOf } from '../../../utils/protocol/runtime/messages';
import type { Signal } from '../../../utils/protocol/runtime/preferences';

export interface LookupSources {
  info: DataInfo | null;
  /** Official stores' prices seen this session (the price signal); none: the signal is off. */
  prices?: PriceReferences;
  reader: { get(keys: Iterable<string>): Promise<Map<string, FlagRecord>> };
  products: ProductMatcher;
}

/**
 * Flagged products are those its listings' names match; flagged phones and bank accounts, those
 * their own text gives; on-page signals (those the shopper left on) count when together they reach
 * a warning. Each name is decoded (from an address) and folded once, for every check.
 */
export async function answerLookup(
  { info, reader, products, prices }: LookupSources,
  request: RequestOf<'lookup'>,
  signalsOff: readonly Signal[],
  now: Date,
): Promise<ResponseOf<'lookup'>> {
  const matches: Array<{ itemKey: string; productKey: string }> = [];
  const contacts: Array<{ itemKey: string; contactKey: string }> = [];
  const signals: NonNullable<ResponseOf<'lookup'>['signals']> = [];
  const named = (request.titles ?? []).flatMap((entry) => {
    const name = entry.fromAddress ? readAddressName(entry.title) : entry.title;
    return name ? [{ ...entry, folded: normaliseProductName(name) }] : [];
  });
  // Official stores' listings first: a batch may hold both the reference and what falls below it.
  for (const { itemKey, folded, official, price } of named) {
    if (official && price !== undefined) prices?.remember(headOfKey(itemKey), folded, price);
  }
  for (const entry of named) {
    const { itemKey, folded, barcode, official, price, reviews } = entry;
    const productKey = products.matchFolded(folded);
    if (productKey) matches.push({ itemKey, productKey });
    const description = entry.description ? normaliseProductName(entry.description) : undefined;
    // The phones and bank accounts the listing's own text gives are looked up as keys too.
    for (const contactKey of contactKeysIn(folded, description)) {
      contacts.push({ itemKey, contactKey });
    }
    const evidence = nameEvidence(folded, signalsOff, description, {
      barcode,
      official,
      reviews,
      variants: entry.variants?.map(normaliseProductName),
      lowPrice:
        official !== true && price !== undefined
          ? prices?.farBelow(headOfKey(itemKey), folded, price)
          : null,
    });
    if (evidence.length > 0) signals.push({ itemKey, evidence });
  }
  const found = await reader.get([
    ...request.keys,
    ...matches.map((m) => m.productKey),
    ...contacts.map((c) => c.contactKey),
  ]);
  const hits: FlagRecord[] = [];
  for (const record of found.values()) if (isShownToShoppers(record, now)) hits.push(record);
  const shown = new Set(hits.map((r) => r.key));
  const kept = matches.filter((m) => shown.has(m.productKey));
  const keptContacts = contacts.filter((c) => shown.has(c.contactKey));
  return {
    hits,
    data: info,
    ...(kept.length > 0 ? { products: kept } : {}),
    ...(keptContacts.length > 0 ? { contacts: keptContacts } : {}),
    ...(signals.length > 0 ? { signals } : {}),
  };
}
