/**
 * Canonical keys (DESIGN.md §3): the one place where keys are built and parsed. Adapters, the feed,
 * the lookup index and reports all speak these strings, so a key built here always parses here.
 *
 *   <platform>:seller:<id>       shopee:seller:179124960
 *   <platform>:item:<id>         lazada:item:132621522   (Shopee: <shopid>.<itemid>)
 *   domain:<registrable domain>  domain:lazada-001.com
 *   phone:<E.164>                phone:+84912345678
 *   bank:<bank code>:<account>   bank:VCB:0011001234567
 *   product:<normalised name>    product:colos iq for mum
 *
 * Ids stay strings: TikTok ids pass 2^53, and reserved demo ids keep their leading zeros.
 */

export const PLATFORMS = ['shopee', 'lazada', 'tiki', 'sendo', 'facebook', 'tiktok'] as const;
export type Platform = (typeof PLATFORMS)[number];

export type ParsedKey =
  | { kind: 'seller'; platform: Platform; id: string }
  | { kind: 'item'; platform: Platform; id: string }
  | { kind: 'domain'; domain: string }
  | { kind: 'phone'; e164: string }
  | { kind: 'bank'; bank: string; account: string }
  | { kind: 'product'; name: string };

export type KeyKind = ParsedKey['kind'];
export const KEY_KINDS = [
  'seller',
  'item',
  'domain',
  'phone',
  'bank',
  'product',
] as const satisfies readonly KeyKind[];

export class KeyError extends Error {
  override readonly name = 'KeyError';
}

const DIGITS = /^\d{1,25}$/;
/** Shopee items are addressed by shop and item together: `-i.<shopid>.<itemid>`. */
const SHOPEE_ITEM = /^\d{1,20}\.\d{1,20}$/;
/** Facebook sellers are numeric profile/page ids or vanity names (letters, digits, dots). */
const FACEBOOK_SELLER = /^(?:\d{1,25}|[A-Za-z0-9.]{5,50})$/;
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/;
const E164 = /^\+[1-9]\d{6,14}$/;
const BANK_CODE = /^[A-Z0-9]{2,15}$/;
const BANK_ACCOUNT = /^\d{6,20}$/;
const PRODUCT_NAME_MAX = 200;

/** The rule a platform's seller or item ids follow (the same one formatKey and parseKey apply). */
export function idPattern(platform: Platform, kind: 'seller' | 'item'): RegExp {
  if (platform === 'shopee' && kind === 'item') return SHOPEE_ITEM;
  if (platform === 'facebook' && kind === 'seller') return FACEBOOK_SELLER;
  return DIGITS;
}

export function isPlatform(value: string): value is Platform {
  return (PLATFORMS as readonly string[]).includes(value);
}

/**
 * Folds a product name or listing title for matching: lower case, Vietnamese diacritics and đ removed,
 * punctuation turned into spaces, spaces collapsed. "Sữa COLOS-IQ  for Mum!" → "sua colos iq for mum".
 */
export function normaliseProductName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Turns a Vietnamese or international phone number as people write it into E.164, or null. */
export function normalisePhone(raw: string): string | null {
  const compact = raw.replace(/[\s.()-]/g, '');
  let e164: string;
  if (compact.startsWith('+')) e164 = compact;
  else if (compact.startsWith('00')) e164 = `+${compact.slice(2)}`;
  else if (compact.startsWith('84')) e164 = `+${compact}`;
  else if (compact.startsWith('0')) e164 = `+84${compact.slice(1)}`;
  else return null;
  return E164.test(e164) ? e164 : null;
}

/** Builds the canonical key; throws KeyError naming what is wrong. */
export function formatKey(key: ParsedKey): string {
  switch (key.kind) {
    case 'seller':
    case 'item': {
      if (!isPlatform(key.platform)) throw new KeyError(`unknown platform "${key.platform}"`);
      if (!idPattern(key.platform, key.kind).test(key.id)) {
        throw new KeyError(`"${key.id}" is not a valid ${key.platform} ${key.kind} id`);
      }
      return `${key.platform}:${key.kind}:${key.id}`;
    }
    case 'domain': {
      if (!DOMAIN.test(key.domain))
        throw new KeyError(`"${key.domain}" is not a lower-case domain`);
      return `domain:${key.domain}`;
    }
    case 'phone': {
      if (!E164.test(key.e164)) throw new KeyError(`"${key.e164}" is not an E.164 phone number`);
      return `phone:${key.e164}`;
    }
    case 'bank': {
      if (!BANK_CODE.test(key.bank)) throw new KeyError(`"${key.bank}" is not a bank code`);
      if (!BANK_ACCOUNT.test(key.account)) {
        throw new KeyError(`"${key.account}" is not a bank account number`);
      }
      return `bank:${key.bank}:${key.account}`;
    }
    case 'product': {
      const name = key.name;
      if (
        name.length === 0 ||
        name.length > PRODUCT_NAME_MAX ||
        normaliseProductName(name) !== name
      ) {
        throw new KeyError(`"${name}" is not a normalised product name`);
      }
      return `product:${name}`;
    }
    default: {
      const unknownKind: never = key;
      throw new KeyError(`unknown key kind in ${JSON.stringify(unknownKind)}`);
    }
  }
}

/** Parses a canonical key; throws KeyError for anything that is not exactly canonical. */
export function parseKey(key: string): ParsedKey {
  if (typeof key !== 'string') throw new KeyError('a key must be a string');
  const first = key.indexOf(':');
  if (first <= 0) throw new KeyError(`"${key}" has no kind prefix`);
  const head = key.slice(0, first);
  const rest = key.slice(first + 1);
  let parsed: ParsedKey;
  if (head === 'domain') parsed = { kind: 'domain', domain: rest };
  else if (head === 'phone') parsed = { kind: 'phone', e164: rest };
  else if (head === 'product') parsed = { kind: 'product', name: rest };
  else if (head === 'bank') {
    const [bank = '', account = '', ...extra] = rest.split(':');
    if (extra.length > 0) throw new KeyError(`"${key}" has too many parts`);
    parsed = { kind: 'bank', bank, account };
  } else if (isPlatform(head)) {
    const second = rest.indexOf(':');
    const kind = rest.slice(0, second);
    if (second < 0 || (kind !== 'seller' && kind !== 'item')) {
      throw new KeyError(`"${key}" must be ${head}:seller:<id> or ${head}:item:<id>`);
    }
    parsed = { kind, platform: head, id: rest.slice(second + 1) };
  } else {
    throw new KeyError(`"${key}" starts with an unknown kind "${head}"`);
  }
  formatKey(parsed); // validates every part with the same rules as building
  return parsed;
}

/** parseKey for callers that expect null on bad input. */
export function tryParseKey(key: unknown): ParsedKey | null {
  if (typeof key !== 'string') return null;
  try {
    return parseKey(key);
  } catch {
    return null;
  }
}

/** formatKey for callers that expect null on bad input (adapters reading untrusted pages). */
export function tryFormatKey(key: ParsedKey): string | null {
  try {
    return formatKey(key);
  } catch {
    return null;
  }
}

export function isCanonicalKey(key: unknown): key is string {
  return tryParseKey(key) !== null;
}

export const itemKey = (platform: Platform, id: string): string | null =>
  tryFormatKey({ kind: 'item', platform, id });

export const sellerKey = (platform: Platform, id: string): string | null =>
  tryFormatKey({ kind: 'seller', platform, id });

/**
 * A key builder for one platform and kind, for hot paths (a grid's every card): the same rule as
 * formatKey, looked up once instead of on every call.
 */
export function keyBuilder(
  platform: Platform,
  kind: 'seller' | 'item',
): (id: string) => string | null {
  const pattern = idPattern(platform, kind);
  const prefix = `${platform}:${kind}:`;
  return (id) => (pattern.test(id) ? prefix + id : null);
}

/**
 * What a canonical key starts with: its platform (seller and item keys) or its kind (the others),
 * without parsing it in full.
 */
export function headOfKey(key: string): string {
  return key.slice(0, key.indexOf(':'));
}

/** The kind of a key that is already known to be canonical, without parsing it in full. */
export function kindOfKey(key: string): KeyKind {
  const head = headOfKey(key);
  if (head === 'domain' || head === 'phone' || head === 'bank' || head === 'product') return head;
  return key.startsWith('seller:', head.length + 1) ? 'seller' : 'item';
}
