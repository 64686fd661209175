/**
 * Reading the JSON a page embeds in its scripts (`app.run({...})`, `window.pageData = {...}`,
 * `<script type="application/json">`), without eval and without ever throwing on the page's data.
 */
import { isObject, type JsonObject } from './json-ld';

/**
 * The JSON object that starts at the first `{` after `marker` in `text`, or null. Scans braces
 * outside strings, so object literals that are valid JSON are read whatever follows them.
 */
export function jsonObjectAfter(text: string, marker: string): JsonObject | null {
  const at = text.indexOf(marker);
  if (at < 0) return null;
  const start = text.indexOf('{', at + marker.length);
  if (start < 0) return null;
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) {
      try {
        const value: unknown = JSON.parse(text.slice(start, i + 1));
        return isObject(value) ? value : null;
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** The first inline script containing `marker`, read as the JSON object after it. */
export function scriptJsonAfter(doc: Document, marker: string): JsonObject | null {
  for (const script of doc.querySelectorAll('script:not([src])')) {
    const text = script.textContent ?? '';
    if (text.includes(marker)) return jsonObjectAfter(text, marker);
  }
  return null;
}

/** A `<script type="application/json">` element's content, parsed. */
export function jsonScript(doc: Document, selector: string): unknown {
  const text = doc.querySelector(selector)?.textContent;
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Every object in a JSON tree for which `test` holds (depth-first, bounded). */
export function findObjects(
  root: unknown,
  test: (object: JsonObject) => boolean,
  limit = 5000,
): JsonObject[] {
  const found: JsonObject[] = [];
  const stack: unknown[] = [root];
  let visited = 0;
  while (stack.length > 0 && visited < 200_000 && found.length < limit) {
    const value = stack.pop();
    visited++;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push(value[i]);
    } else if (isObject(value)) {
      if (test(value)) found.push(value);
      for (const child of Object.values(value)) if (typeof child === 'object') stack.push(child);
    }
  }
  return found;
}

/** An id field as a string: ids may arrive as JSON numbers (safe ones only) or strings. */
export function idField(object: unknown, field: string): string | null {
  if (!isObject(object)) return null;
  const value = object[field];
  if (typeof value === 'string' && /^\d{1,25}$/.test(value)) return value;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  return null;
}

/**
 * Memoises a per-document reading for the current URL, so page JSON is parsed once per page view.
 * Empty readings are not kept: an SPA may add its data after the first scan.
 */
export function perPage<T>(
  read: (doc: Document, url: URL) => T,
  isEmpty: (value: T) => boolean,
): (doc: Document, url: URL) => T {
  const cache = new WeakMap<Document, { href: string; value: T }>();
  return (doc, url) => {
    const hit = cache.get(doc);
    if (hit && hit.href === url.href) return hit.value;
    const value = read(doc, url);
    if (!isEmpty(value)) cache.set(doc, { href: url.href, value });
    return value;
  };
}
