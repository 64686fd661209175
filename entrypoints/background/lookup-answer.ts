/**
 * The answer to a page's lookup: the shown records for its keys, the flagged products its listings'
 * names match, and the on-page signals those names show (those the shopper left on), when together
 * they reach a warning. Each name is decoded (from an address) and folded once, for every check.
 */
import type { ProductMatcher } from '../../utils/lookup/product-matcher';
import { isShownToShoppers } from '../../utils/lookup/shown';
import { nameEvidence } from '../../utils/lookup/signals/name-signals';
import { readAddressName } from '../../utils/protocol/address-name';
import { normaliseProductName } from '../../utils/protocol/keys';
import type { RequestOf, ResponseOf } from '../../utils/protocol/messages';
import type { Signal } from '../../utils/protocol/preferences';
import type { DataInfo, FlagRecord } from '../../utils/protocol/records';

export interface LookupSources {
  info: DataInfo | null;
  reader: { get(keys: Iterable<string>): Promise<Map<string, FlagRecord>> };
  products: ProductMatcher;
}

export async function answerLookup(
  { info, reader, products }: LookupSources,
  request: RequestOf<'lookup'>,
  signalsOff: readonly Signal[],
  now: Date,
): Promise<ResponseOf<'lookup'>> {
  const matches: Array<{ itemKey: string; productKey: string }> = [];
  const signals: NonNullable<ResponseOf<'lookup'>['signals']> = [];
  for (const { itemKey, title, fromAddress, description, barcode, official } of request.titles ??
    []) {
    const name = fromAddress ? readAddressName(title) : title;
    if (!name) continue;
    const folded = normaliseProductName(name);
    const productKey = products.matchFolded(folded);
    if (productKey) matches.push({ itemKey, productKey });
    const evidence = nameEvidence(
      folded,
      signalsOff,
      description ? normaliseProductName(description) : undefined,
      { barcode, official },
    );
    if (evidence.length > 0) signals.push({ itemKey, evidence });
  }
  const found = await reader.get([...request.keys, ...matches.map((m) => m.productKey)]);
  const hits: FlagRecord[] = [];
  for (const record of found.values()) if (isShownToShoppers(record, now)) hits.push(record);
  const shown = new Set(hits.map((r) => r.key));
  const kept = matches.filter((m) => shown.has(m.productKey));
  return {
    hits,
    data: info,
    ...(kept.length > 0 ? { products: kept } : {}),
    ...(signals.length > 0 ? { signals } : {}),
  };
}
