/**
 * Goods that are counterfeited most often and regulated in Vietnam (the authorities' decisions the
 * extension ships are mostly about them): milk powder and infant formula, health supplements,
 * medicines, cosmetics, helmets and brake parts. Named by a seller the page does not mark as an
 * official store (Shopee Mall, LazMall, Tiki's official sellers), it is half a signal
 * (signal-evidence.ts): never a warning alone, since most such sellers are honest resellers.
 * Phrases are read in folded names, bounded so that a ruler ("thước", folded "thuoc") or a
 * cigarette is not a medicine.
 */
const CATEGORIES: readonly RegExp[] = [
  /\bsua (?:bot|cong thuc)\b/,
  /\bthuc pham (?:chuc nang|bao ve suc khoe)\b|\btpcn\b|\bvien uong\b/,
  /\bthuoc (?:bo|tri|chua|giam can|dieu tri|khang sinh|ho|cam cum)\b/,
  /\bmy pham\b|\bkem tri (?:nam|mun)\b/,
  /\b(?:mu|non) bao hiem\b/,
  /\bma phanh\b|\bbo thang\b/,
];

/** The regulated category a folded name names, when its seller is not marked official; or null. */
export function regulatedGoodsInFolded(
  folded: string,
  official: boolean | undefined,
): string | null {
  if (official !== false) return null;
  for (const category of CATEGORIES) {
    const seen = category.exec(folded)?.[0];
    if (seen) return seen;
  }
  return null;
}
