/** One lookup message carries at most this many keys (a grid batch: item + seller per card). */
export const MAX_LOOKUP_KEYS = 500;
/** A listing title longer than this is cut before it is sent for product-name matching. */
export const MAX_TITLE_LENGTH = 500;
/** The popup lists at most this many of a page's flagged listings. */
export const MAX_LISTED = 100;
/** A replica phrase the background found in a listing's name (the longest listed is far shorter). */
export const MAX_PHRASE_LENGTH = 60;
/** A product page's description is read for signals up to this many characters. */
export const MAX_DESCRIPTION_LENGTH = 3000;
/** A product page's variant names read for signals: this many, each up to this long. */
export const MAX_VARIANTS = 50;
export const MAX_VARIANT_LENGTH = 120;
/** A product page's visible reviews read for signals: this many (a page shows fewer), each cut here. */
export const MAX_REVIEWS = 50;
export const MAX_REVIEW_LENGTH = 1000;
/**
 * How often the extension fetches the feed unless the server asks for longer (the registry's appeal
 * page tells sellers this too).
 */
export const DEFAULT_SYNC_MINUTES = 6 * 60;
