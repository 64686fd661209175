/** One lookup message carries at most this many keys (a grid batch: item + seller per card). */
export const MAX_LOOKUP_KEYS = 500;
