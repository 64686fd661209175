import { MAX_VARIANTS } from '../../protocol/limits';
import type { Price } from './types';

/** Visible text of an element, whitespace collapsed; null when empty. */
export function cleanText(element: Element | null | undefined, max = 500): string | null {
  const text = element?.textContent?.replace(/\s+/g, ' ').trim();
  return text ? text.slice(0, max) : null;
}

/** Currencies written without decimals on the marketplaces (thousands separated by . or ,). */
const WHOLE_CURRENCIES = new Set(['VND', 'IDR', 'TWD']);

/**
 * The first amount in a price text such as "₫149.000", "149.000 - 199.000" or "$1,234.50".
 * Null when there is no positive amount.
 */
export function parsePrice(text: string | null, currency: string): Price | null {
  const token = text?.match(/\d[\d.,]*/)?.[0];
  if (!token) return null;
  const amount = WHOLE_CURRENCIES.has(currency)
    ? Number(token.replace(/[.,]/g, ''))
    : Number(token.replace(/,/g, ''));
  return Number.isFinite(amount) && amount > 0 ? { amount, currency } : null;
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
