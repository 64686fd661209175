/**
 * Barcode plausibility, information only (it never warns by itself, weight 0): a product page's
 * GTIN whose check digit is wrong, or whose GS1 prefix was issued by another country's GS1
 * organisation than the origin the listing claims ("hàng Nhật", "made in Korea"). The prefix names
 * the GS1 Member Organisation that issued the company's prefix, not where the goods were made (an
 * importer may register its own), so the words shown say exactly that and nothing more.
 * Prefix ranges: GS1's published list via the biip library (Apache-2.0, LICENSES/README.md).
 */
import ranges from './gs1-prefix-ranges.json';

type Range = [length: number, min: number, max: number, usage: string];
const RANGES = ranges as Range[];
const LENGTHS = [...new Set(RANGES.map(([length]) => length))].sort((a, b) => b - a);

/** The mod-10 check digit of GS1 keys: weights 3 and 1 from the right, before the check digit. */
export function checkDigitOk(gtin: string): boolean {
  if (!/^\d{8}$|^\d{12,14}$/.test(gtin)) return false;
  let sum = 0;
  for (let i = gtin.length - 2, weight = 3; i >= 0; i--, weight = 4 - weight) {
    sum += Number(gtin[i]) * weight;
  }
  return (10 - (sum % 10)) % 10 === Number(gtin[gtin.length - 1]);
}

/** The GS1 organisation that issued a GTIN-12/13/14's prefix; null for GTIN-8 and special ranges. */
export function issuerOf(gtin: string): string | null {
  const thirteen =
    gtin.length === 12
      ? `0${gtin}`
      : gtin.length === 14
        ? gtin.slice(1)
        : gtin.length === 13
          ? gtin
          : null;
  if (!thirteen) return null;
  for (const length of LENGTHS) {
    const prefix = Number(thirteen.slice(0, length));
    const found = RANGES.find(([l, min, max]) => l === length && prefix >= min && prefix <= max);
    if (found) {
      const usage = found[3];
      // Only a member organisation of a country or territory names an issuer.
      return /^GS1 /.test(usage) && !/Global Office|coupon|reserved|Restricted/i.test(usage)
        ? usage
        : null;
    }
  }
  return null;
}

/**
 * Origins a listing may claim, in folded text, and the GS1 organisations whose prefixes agree with
 * them. Each phrase is bounded so that "hàng Mỹ phẩm" (cosmetics) or "máy hàn" (welding) never read
 * as a claim.
 */
const CLAIMS: ReadonlyArray<[RegExp, readonly string[]]> = [
  [/\b(?:hang|noi dia|xuat xu|nhap khau) nhat(?: ban)?\b|\bmade in japan\b/, ['GS1 Japan']],
  [
    /\b(?:hang|noi dia|xuat xu|nhap khau) han quoc\b|\bmade in (?:south )?korea\b/,
    ['GS1 South Korea'],
  ],
  [/\b(?:hang|noi dia|xuat xu|nhap khau) uc\b|\bmade in australia\b/, ['GS1 Australia']],
  [/\b(?:hang|noi dia|xuat xu|nhap khau) my\b(?! pham)|\bmade in usa\b/, ['GS1 US']],
  [/\b(?:hang|noi dia|xuat xu|nhap khau) duc\b|\bmade in germany\b/, ['GS1 Germany']],
  [/\b(?:hang|noi dia|xuat xu|nhap khau) phap\b|\bmade in france\b/, ['GS1 France']],
  [/\b(?:hang|noi dia|xuat xu|nhap khau) thai lan\b|\bmade in thailand\b/, ['GS1 Thailand']],
];

export interface BarcodeFinding {
  gtin: string;
  problem: 'check_digit' | 'origin';
  /** The claimed origin as seen (origin only). */
  claim?: string;
  issuer?: string;
}

/** What is implausible about a page's barcode given its folded name and description, if anything. */
export function barcodeFinding(gtin: string, folded: string): BarcodeFinding | null {
  if (!checkDigitOk(gtin)) return { gtin, problem: 'check_digit' };
  const issuer = issuerOf(gtin);
  if (!issuer) return null;
  for (const [claim, agreeing] of CLAIMS) {
    const seen = claim.exec(folded)?.[0];
    if (seen && !agreeing.includes(issuer)) return { gtin, problem: 'origin', claim: seen, issuer };
  }
  return null;
}
