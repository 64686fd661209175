/**
 * Finding a phrase as whole words where no denial stands just before it: "hàng fake" in "đây là
 * hàng fake", not in "nói không với hàng fake". The signals that read words (replica phrases in
 * names, complaints in reviews) each bring their own denials: they read differently folded text.
 */
export interface Denials {
  /** Single words that deny what follows ("không", "chống"). */
  words: ReadonlySet<string>;
  /** Two-word denials, for words too common to deny alone ("phân biệt"). */
  pairs?: ReadonlySet<string>;
  /** How many words before a phrase are read for a denial. */
  window: number;
  /**
   * Phrases a denial carries over: "nói không với hàng nhái, hàng fake" denies both, so a phrase
   * standing just after one of these is read as if that one were not there.
   */
  chain?: readonly string[];
}

/** `before` without the chained phrases that end it ("… không với hàng nhái" → "… không với"). */
function withoutChain(before: string, chain: readonly string[] | undefined): string {
  if (!chain) return before;
  let rest = ` ${before.trim()}`;
  for (let stripped = true; stripped; ) {
    stripped = false;
    for (const phrase of chain) {
      if (rest.endsWith(` ${phrase}`)) {
        rest = rest.slice(0, -phrase.length - 1);
        stripped = true;
      }
    }
  }
  return rest;
}

function deniedBefore(before: string, denials: Denials): boolean {
  const words = before.trim().split(' ').slice(-denials.window);
  for (let i = 0; i < words.length; i++) {
    if (denials.words.has(words[i] as string)) return true;
    if (i > 0 && denials.pairs?.has(`${words[i - 1]} ${words[i]}`)) return true;
  }
  return false;
}

/**
 * Whether `phrase` stands in `padded` (words separated by single spaces, a space at each end) at
 * least once with no denial among the words just before it.
 */
export function hasUndenied(padded: string, phrase: string, denials: Denials): boolean {
  const needle = ` ${phrase} `;
  for (let at = padded.indexOf(needle); at !== -1; at = padded.indexOf(needle, at + 1)) {
    if (!deniedBefore(withoutChain(padded.slice(0, at), denials.chain), denials)) return true;
  }
  return false;
}
