/** Reads a page's JSON-LD blocks without ever throwing on the page's malformed JSON. */
import { MAX_REVIEWS } from '../../protocol/limits';
import type { ShownReview } from './types';

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readJsonLd(root: ParentNode): JsonObject[] {
  const out: JsonObject[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (isObject(value)) {
      out.push(value);
      if (Array.isArray(value['@graph'])) visit(value['@graph']);
    }
  };
  for (const script of root.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // A page's broken JSON-LD is its own business; we read what parses.
    }
  }
  return out;
}

export function ofType(items: readonly JsonObject[], type: string): JsonObject[] {
  return items.filter((item) => {
    const t = item['@type'];
    return t === type || (Array.isArray(t) && t.includes(type));
  });
}

export function stringField(object: unknown, field: string): string | null {
  if (!isObject(object)) return null;
  const value = object[field];
  if (typeof value === 'string' && value.trim()) return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/** A product's GTIN as its JSON-LD gives it (gtin13, gtin, gtin12, gtin14, gtin8): digits only. */
export function gtinField(product: unknown): string | null {
  for (const name of ['gtin13', 'gtin', 'gtin12', 'gtin14', 'gtin8']) {
    const value = stringField(product, name)?.replace(/[\s-]/g, '');
    if (value && /^\d{8}$|^\d{12,14}$/.test(value)) return value;
  }
  return null;
}

/**
 * A product's reviews as its JSON-LD gives them (`review`: one or many), each with its rating (1–5;
 * a review without one counts as five stars, the reading that asks the most of a complaint).
 */
export function reviewsField(product: unknown): ShownReview[] {
  const raw = field(product, 'review');
  const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
  return list.slice(0, MAX_REVIEWS).flatMap((review) => {
    const text = stringField(review, 'reviewBody') ?? stringField(review, 'description');
    if (!text) return [];
    const rating = Number(stringField(field(review, 'reviewRating'), 'ratingValue'));
    const stars = Number.isFinite(rating) && rating >= 1 && rating <= 5 ? Math.round(rating) : 5;
    return [{ rating: stars, text }];
  });
}

export function field(object: unknown, name: string): unknown {
  return isObject(object) ? object[name] : undefined;
}

export function booleanField(object: unknown, name: string): boolean | null {
  const value = field(object, name);
  return typeof value === 'boolean' ? value : null;
}
