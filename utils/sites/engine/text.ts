/** Text read off a page for the adapters: visible text, prices and their currency, variants. */
import { MAX_VARIANTS } from '../../protocol/limits';
import type { Price } from './types';

/** Visible text of an element, whitespace collapsed; null when empty. */
export function cleanText(element: Element | null | undefined, max = 500): string | null {
  const text = element?.textContent?.replace(/\s+/g, ' ').trim();
  return text ? text.slice(0, max) : null;
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/**
 * A name with HTML entities left in it as text, as a page shows them decoded: some marketplaces
 * escape a product name twice, and their markup then carries "Lock&amp;Lock" as its text (Tiki,
 * 2025-11). Decoded once, without ever parsing markup; an unknown entity is left as written.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (whole, name: string) => {
    if (name[0] !== '#') return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
    const code =
      name[1] === 'x' || name[1] === 'X'
        ? Number.parseInt(name.slice(2), 16)
        : Number(name.slice(1));
    return code > 31 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
      ? String.fromCodePoint(code)
      : whole;
  });
}

/** Currencies written without decimals on the marketplaces (thousands separated by . or ,). */
const WHOLE_CURRENCIES = new Set(['VND', 'IDR', 'TWD']);

/** Dollar currencies: a bare "$" is one of them, which one only the site can say. */
const DOLLARS = new Set(['USD', 'SGD', 'TWD', 'AUD', 'CAD', 'HKD', 'NZD']);

/**
 * Currency marks a price text may carry beside its amount, most specific first. A mark names the
 * currency the page shows, whatever the site's usual one is; `$` alone names a dollar only.
 */
const MARKS: ReadonlyArray<[RegExp, string]> = [
  [/₫|VNĐ|VND|đ(?![a-zà-ỹ])/i, 'VND'],
  [/US\$|USD/, 'USD'],
  [/S\$|SGD/, 'SGD'],
  [/NT\$|TWD/, 'TWD'],
  [/R\$|BRL/, 'BRL'],
  [/RM|MYR/, 'MYR'],
  [/₱|PHP/, 'PHP'],
  [/฿|THB/, 'THB'],
  [/Rp|IDR/, 'IDR'],
  [/€|EUR/, 'EUR'],
  [/£|GBP/, 'GBP'],
  [/₩|KRW/, 'KRW'],
  // Yen and yuan share the sign: which one, nothing beside the amount says.
  [/¥|￥|JPY|CNY|RMB|元/, '?'],
  [/\$/, '$'],
];

/** Vietnamese shorthands for a number of đồng: "2,5 triệu", "1.5tr", "150k", "150 nghìn". */
const MULTIPLIERS: ReadonlyArray<[RegExp, number]> = [
  [/^\s*(triệu|tr)(?![a-zà-ỹ])/i, 1_000_000],
  [/^\s*(nghìn|ngàn|k)(?![a-zà-ỹ])/i, 1_000],
];

/**
 * A number as written with thousands separators and, in currencies with cents, a decimal mark: the
 * last of "." and "," is the decimal mark when both appear, and a lone one is when one or two
 * digits follow it ("12,5 €", "108.99"); otherwise they separate thousands ("1,000", "149.000").
 */
function readNumber(token: string, whole: boolean): number {
  if (whole) return Number(token.replace(/[.,]/g, ''));
  const last = Math.max(token.lastIndexOf('.'), token.lastIndexOf(','));
  const decimals = last >= 0 ? token.length - last - 1 : 0;
  const both = token.includes('.') && token.includes(',');
  if (last < 0 || (!both && decimals === 3)) return Number(token.replace(/[.,]/g, ''));
  return Number(`${token.slice(0, last).replace(/[.,]/g, '')}.${token.slice(last + 1)}`);
}

/** The currency a mark beside an amount names; null without one, `$` for a bare dollar sign. */
export function currencyMark(text: string): string | null {
  for (const [mark, currency] of MARKS) if (mark.test(text)) return currency;
  return null;
}

/** An ISO 4217 code as a page's data gives it ("sgd", " VND "), or null when it is not one. */
export function currencyCode(value: string | null | undefined): string | null {
  const code = value?.trim().toUpperCase();
  return code && /^[A-Z]{3}$/.test(code) ? code : null;
}

/**
 * The first amount in a price text such as "₫149.000", "149.000 - 199.000" or "$1,234.50", in the
 * currency its own mark names, else in `currency` (the site's, or the one the page's data gives).
 * A mark that disagrees with `currency` wins: "$108.99" is never read as 10.899 đồng. A bare "$"
 * where the site's currency is no dollar says nothing of which dollar: no price then.
 * Null when there is no positive amount.
 */
export function parsePrice(text: string | null, currency: string): Price | null {
  if (!text) return null;
  // A discount beside the price ("-30%", "Giảm 50%") is no amount of money.
  const found = [...text.matchAll(/\d[\d.,]*/g)].find(
    (match) => !/^[.,]?\s*%/.test(text.slice((match.index ?? 0) + match[0].length)),
  );
  const token = found?.[0].replace(/[.,]+$/, '');
  if (!found || !token || found.index === undefined) return null;
  // The mark sits right before or after the amount ("$108.99", "149.000 ₫", "RM 12.90").
  const end = found.index + found[0].length;
  const after = text.slice(end, end + 8);
  const mark = currencyMark(
    `${text.slice(Math.max(0, found.index - 4), found.index)} ${after.slice(0, 4)}`,
  );
  if (mark === '?') return null;
  const shown =
    mark === null ? currency : mark === '$' ? (DOLLARS.has(currency) ? currency : null) : mark;
  if (shown === null) return null;
  const multiplier =
    shown === 'VND' ? MULTIPLIERS.find(([word]) => word.test(after))?.[1] : undefined;
  const amount = multiplier
    ? Math.round(Number(token.replace(',', '.')) * multiplier)
    : readNumber(token, WHOLE_CURRENCIES.has(shown));
  return Number.isFinite(amount) && amount > 0 ? { amount, currency: shown } : null;
}

/** The names of the options a product page offers (its variants), each once, as labelled or shown. */
export function optionNames(elements: Iterable<Element>): string[] {
  const names = new Set<string>();
  for (const element of elements) {
    const name = element.getAttribute('aria-label')?.trim() || cleanText(element);
    if (name) names.add(name);
    if (names.size >= MAX_VARIANTS) break;
  }
  return [...names];
}
