/**
 * Phone numbers and bank accounts a listing's own text gives, as keys (DESIGN.md §3): social shops
 * sell through a phone number or a transfer to an account, and the registry flags those as it flags
 * sellers. Read from folded text (lower case, no diacritics, punctuation as spaces), in the
 * background: the page only sends the text it already sends for the signals.
 */
import { formatKey, normalisePhone } from '../../protocol/keys';

/**
 * A Vietnamese mobile number as folded text writes it: ten digits starting 03, 05, 07, 08 or 09, or
 * the same after 84, in groups ("0912 345 678", "84 912 345 678").
 */
const PHONE = /(?:^| )((?:0|84 ?)[35789](?: ?\d){8})(?= |$)/g;

/**
 * Banks by the names sellers write, folded, to the short codes keys use (the codes Vietnamese
 * banks print on their own transfer slips).
 */
const BANKS: ReadonlyArray<readonly [string, string]> = [
  ['vietcombank', 'VCB'],
  ['vcb', 'VCB'],
  ['techcombank', 'TCB'],
  ['tcb', 'TCB'],
  ['mb bank', 'MB'],
  ['mbbank', 'MB'],
  ['quan doi', 'MB'],
  ['mb', 'MB'],
  ['acb', 'ACB'],
  ['bidv', 'BIDV'],
  ['vietinbank', 'VTB'],
  ['vietin', 'VTB'],
  ['agribank', 'AGR'],
  ['vpbank', 'VPB'],
  ['vp bank', 'VPB'],
  ['tpbank', 'TPB'],
  ['tp bank', 'TPB'],
  ['sacombank', 'STB'],
  ['shb', 'SHB'],
  ['hdbank', 'HDB'],
  ['vib', 'VIB'],
  ['ocb', 'OCB'],
  ['msb', 'MSB'],
  ['eximbank', 'EIB'],
];

/** An account number: 6–20 digits, alone (grouped digits would be read as a phone first). */
const ACCOUNT = /^\d{6,20}$/;
/** How many words apart a bank's name and its account number may stand ("VCB - STK: 0011…"). */
const NEAR = 4;
const ACCOUNT_WORDS = new Set(['stk', 'so', 'tai', 'khoan', 'tk', 'ck', 'chu', 'ngan', 'hang']);
/** At most this many contact keys a listing: a text listing dozens is not one seller's contact. */
const MAX_CONTACTS = 4;

/** The phone numbers in folded text, as written there ("0912 345 678"). */
export function phoneTextsInFolded(folded: string): string[] {
  return [...folded.matchAll(PHONE)].map((match) => match[1] as string);
}

/** The phone numbers in folded text, as E.164. */
export function phonesInFolded(folded: string): string[] {
  const found: string[] = [];
  for (const text of phoneTextsInFolded(folded)) {
    const e164 = normalisePhone(text.replaceAll(' ', ''));
    if (e164 && !found.includes(e164)) found.push(e164);
  }
  return found;
}

/** The banks' names by their first word, longest first, so a word is checked against few. */
const BANKS_BY_FIRST_WORD = new Map<string, Array<{ parts: string[]; code: string }>>();
for (const [name, code] of BANKS) {
  const parts = name.split(' ');
  const first = parts[0] as string;
  const entries = BANKS_BY_FIRST_WORD.get(first) ?? [];
  entries.push({ parts, code });
  entries.sort((a, b) => b.parts.length - a.parts.length);
  BANKS_BY_FIRST_WORD.set(first, entries);
}

function bankAt(words: readonly string[], at: number): { code: string; length: number } | null {
  for (const { parts, code } of BANKS_BY_FIRST_WORD.get(words[at] as string) ?? []) {
    if (parts.every((part, i) => words[at + i] === part)) return { code, length: parts.length };
  }
  return null;
}

/** Bank accounts in folded text: an account number within a few words after or before a bank. */
export function bankAccountsInFolded(folded: string): string[] {
  const words = folded.split(' ');
  const found: string[] = [];
  for (let at = 0; at < words.length; at++) {
    const bank = bankAt(words, at);
    if (!bank) continue;
    const account =
      nearAccount(words, at + bank.length, 1) ?? nearAccount(words, at - 1, -1) ?? null;
    if (!account) continue;
    const key = formatKey({ kind: 'bank', bank: bank.code, account });
    if (!found.includes(key)) found.push(key);
  }
  return found;
}

/** The first account number walking from `from` in `step`, over account words only. */
function nearAccount(words: readonly string[], from: number, step: 1 | -1): string | null {
  for (let i = from, seen = 0; i >= 0 && i < words.length && seen < NEAR; i += step, seen++) {
    const word = words[i] as string;
    if (ACCOUNT.test(word)) return word;
    if (!ACCOUNT_WORDS.has(word)) return null;
  }
  return null;
}

/** The phone and bank keys folded texts give, the first MAX_CONTACTS of them. */
export function contactKeysIn(...foldedTexts: ReadonlyArray<string | undefined>): string[] {
  const keys: string[] = [];
  for (const folded of foldedTexts) {
    if (!folded) continue;
    for (const e164 of phonesInFolded(folded)) keys.push(formatKey({ kind: 'phone', e164 }));
    keys.push(...bankAccountsInFolded(folded));
  }
  return [...new Set(keys)].slice(0, MAX_CONTACTS);
}
