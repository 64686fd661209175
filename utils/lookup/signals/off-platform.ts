/**
 * A listing that asks to deal outside the marketplace: a Vietnamese phone number in its name, Zalo,
 * "inbox giá rẻ hơn", "chuyển khoản". Marketplaces forbid it, and it takes the buyer out of the
 * platform's guarantees, where counterfeits and scams are sold; but a shop's hotline in a name is
 * not always bad faith, so it is half a signal (signal-evidence.ts).
 */
import { type Denials, hasUndenied } from '../denied-phrase';
import { phoneTextsInFolded } from './contacts';

const PHRASES: readonly string[] = [
  'zalo',
  'inbox gia re',
  'ib gia re',
  'inbox gia tot',
  'ib gia tot',
  'lien he gia re',
  'chuyen khoan truoc',
  'ck truoc',
  'giao dich ngoai',
];

const DENIALS: Denials = { words: new Set(['khong', 'ko', 'k', 'kg', 'cam']), window: 2 };

/** What in the folded name asks to deal off the platform; or null. */
export function offPlatformInFolded(folded: string): string | null {
  const [phone] = phoneTextsInFolded(folded);
  if (phone) return phone;
  const padded = ` ${folded} `;
  for (const phrase of PHRASES) if (hasUndenied(padded, phrase, DENIALS)) return phrase;
  return null;
}
