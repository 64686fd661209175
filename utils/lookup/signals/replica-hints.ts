/**
 * Weak replica words: sellers of copies use them, and so do honest sellers in other senses ("siêu
 * cấp" is also plain praise, "loại 1" a grade of fruit, "F1" a hybrid seed, "mirror" a mirror).
 * Each counts only in the form that points at a copy, and only as half a signal
 * (signal-evidence.ts): it shows a warning only with another sign beside it.
 */
import { type Denials, hasUndenied } from '../denied-phrase';

export const REPLICA_HINTS: readonly string[] = [
  'sieu cap', // "hàng siêu cấp", "giày siêu cấp"
  'hang f1',
  'hang sf',
  'hang loai 1',
  'fake loai 2',
  'mirror quality',
  'ban sao',
  'copy 1 1',
  'hang tuong tu auth',
];

const DENIALS: Denials = {
  words: new Set(['khong', 'ko', 'k', 'kg', 'chong', 'tranh', 'no', 'anti', 'neu']),
  window: 3,
};

/** The first hint the folded name holds as whole words, undenied; or null. */
export function replicaHintInFolded(folded: string): string | null {
  const padded = ` ${folded} `;
  for (const hint of REPLICA_HINTS) if (hasUndenied(padded, hint, DENIALS)) return hint;
  return null;
}
