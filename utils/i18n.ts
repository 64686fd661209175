/**
 * UI strings. They live in public/_locales (the browser reads the same files for the manifest), and
 * are bundled here so that the language can be chosen in the extension instead of following the
 * browser: Vietnamese is the default, English the second.
 */
import en from '../public/_locales/en/messages.json';
import vi from '../public/_locales/vi/messages.json';

export type Language = 'vi' | 'en';
export type MessageKey = keyof typeof vi;

const CATALOGUES: Record<Language, Record<string, { message: string } | undefined>> = { vi, en };
const LOCALES: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };

let current: Language = 'vi';

export function setLanguage(language: Language): void {
  current = language;
}

export function getLanguage(): Language {
  return current;
}

/** The message for key in the current language, with $1…$9 replaced by the arguments. */
export function t(key: MessageKey, ...substitutions: Array<string | number>): string {
  const template = CATALOGUES[current][key]?.message ?? vi[key].message;
  return template.replace(/\$(\d)/g, (match, digit: string) => {
    const value = substitutions[Number(digit) - 1];
    return value === undefined ? match : String(value);
  });
}

export function formatDate(iso: string, withTime = false): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[current], {
    dateStyle: 'medium',
    ...(withTime && { timeStyle: 'short' }),
  }).format(date);
}
