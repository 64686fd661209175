/**
 * The product name a listing's address carries ("/Sữa-bột-COLOS-IQ-i.1.2" → "Sữa bột COLOS IQ"),
 * from the raw, still percent-encoded path segment. Content scripts send the raw segment and the
 * background reads it: decoding every card's name is work the page need not pay for.
 */

/** Escapes at the very end, the last of them possibly cut short: where a shortened name was cut. */
const TRAILING_ESCAPES = /(?:%[0-9a-f]{2})*%[0-9a-f]?$|(?:%[0-9a-f]{2})+$/i;

function decode(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/**
 * Words separated by spaces, or null when the name is malformed or shorter than three characters.
 * A name cut inside its last character (sent shortened) loses that character only.
 */
export function readAddressName(raw: string): string | null {
  const decoded = raw.includes('%')
    ? (decode(raw) ?? decode(raw.replace(TRAILING_ESCAPES, '')))
    : raw;
  const name = decoded?.replace(/[-_+]+/g, ' ').trim();
  return name && name.length >= 3 ? name : null;
}
