/**
 * UI strings. They live in public/_locales (the browser reads the same files for the manifest), and
 * are bundled so that the language can be chosen in the extension instead of following the
 * browser: Vietnamese is the default, English the second. Each bundle brings the strings it shows
 * (utils/messages/): every string on the extension's pages, the warnings' words in content scripts.
 */
import type vi from '../public/_locales/vi/messages.json';

export type Language = 'vi' | 'en';
export type MessageKey = keyof typeof vi;
export type Catalogue = Partial<Record<MessageKey | (string & {}), string>>;
export type Catalogues = Record<Language, Catalogue>;

let catalogues: Catalogues = { vi: {}, en: {} };
let current: Language = 'vi';

/** The strings this bundle shows; called once by each entry point. */
export function useCatalogues(strings: Catalogues): void {
  catalogues = strings;
}

/** Strings that arrive later (inspector mode's, from the background), added to this bundle's. */
export function addWords(words: Catalogues): void {
  catalogues = {
    vi: { ...catalogues.vi, ...words.vi },
    en: { ...catalogues.en, ...words.en },
  };
}

export function setLanguage(language: Language): void {
  current = language;
}

export function getLanguage(): Language {
  return current;
}

/** The message for key in the current language, with $1…$9 replaced by the arguments. */
export function t(key: MessageKey, ...substitutions: Array<string | number>): string {
  // A key missing from this bundle's strings shows as itself rather than breaking the page.
  const template = catalogues[current][key] ?? catalogues.vi[key] ?? key;
  if (!template.includes('$')) return template;
  return template.replace(/\$(\d)/g, (match, digit: string) => {
    const value = substitutions[Number(digit) - 1];
    return value === undefined ? match : String(value);
  });
}

/** Built when a count is first shown in a language (each builds its locale's rules once). */
const pluralRules = new Map<Language, Intl.PluralRules>();

/** A count with the language's thousands separator (vi 16.921, en 16,921), by hand like dates. */
export function formatCount(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, current === 'vi' ? '.' : ',');
}

/**
 * The message for a count, by the language's plural rules: `<key>_<category>` when the catalogue
 * has a form for the count's category (English `badgeReported_one`: "1 report"), the key itself
 * otherwise (Vietnamese has one form for every count). The substitutions are the key's, count
 * included where its message puts it.
 */
export function tn(
  key: MessageKey,
  count: number,
  ...substitutions: Array<string | number>
): string {
  const catalogue = catalogues[current];
  // A message without a form for one (every Vietnamese message: one form for every count) needs
  // no rules, whose first use costs a page more than the rest of a badge (the locale's data is
  // loaded then). Our languages have at most the forms `one` and `other`.
  if (catalogue[`${key}_one`] === undefined) return t(key, ...substitutions);
  let rules = pluralRules.get(current);
  if (!rules) {
    rules = new Intl.PluralRules(current);
    pluralRules.set(current, rules);
  }
  const form = `${key}_${rules.select(count)}`;
  return t((catalogue[form] !== undefined ? form : key) as MessageKey, ...substitutions);
}

const EN_MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A date as warnings show it: 20/11/2026 (vi), 20 Nov 2026 (en), local time when asked. Written by
 * hand because building an Intl.DateTimeFormat loads locale data, tens of milliseconds on every page
 * a content script draws a badge on.
 */
export function formatDate(iso: string, withTime = false): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  // A bare calendar date (2026-11-20) is that day everywhere, not midnight UTC shifted by the zone.
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const day = dateOnly ? date.getUTCDate() : date.getDate();
  const month = dateOnly ? date.getUTCMonth() : date.getMonth();
  const year = dateOnly ? date.getUTCFullYear() : date.getFullYear();
  const text =
    current === 'vi'
      ? `${pad(day)}/${pad(month + 1)}/${year}`
      : `${day} ${EN_MONTHS[month]} ${year}`;
  return withTime && !dateOnly ? `${pad(date.getHours())}:${pad(date.getMinutes())} ${text}` : text;
}
