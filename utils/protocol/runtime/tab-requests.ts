/**
 * What an extension page may ask of a tab's content script: bring a flagged listing into view,
 * start over (after the shopper paused, resumed or changed mutes), tell which listing the page is
 * about (the popup's, the menu's and the shortcut's reports), say where it is (the inspector's
 * evidence), or close a report dialog it framed.
 * Checked by hand, not with zod, since content scripts bundle this file; anything else is ignored.
 */
export type TabRequest =
  | { type: 'reveal'; id: number }
  | { type: 'refresh' }
  /** The listing to report: the one at `url` (a link the menu was opened on), else the page's own. */
  | { type: 'listing'; url?: string }
  /** Where the page is and which listing it is the page of (the inspector's evidence checks it). */
  | { type: 'page' }
  | { type: 'closeReport'; token: string };

/** The answer to `page`: the page's address and its own item's key (null off a listing's page). */
export interface PageAnswer {
  url: string;
  itemKey: string | null;
}

/** A content script's answer to `page`, checked by hand (anything else reads as no answer). */
export function readPageAnswer(raw: unknown): PageAnswer | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { url, itemKey } = raw as { url?: unknown; itemKey?: unknown };
  if (typeof url !== 'string' || url.length > 8000) return null;
  if (itemKey !== null && (typeof itemKey !== 'string' || itemKey.length > 200)) return null;
  return { url, itemKey };
}

export const closeReportRequest = (token: string): TabRequest => ({ type: 'closeReport', token });

export function readTabRequest(raw: unknown): TabRequest | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { type, id, url, token } = raw as {
    type?: unknown;
    id?: unknown;
    url?: unknown;
    token?: unknown;
  };
  if (type === 'refresh' || type === 'page') return { type };
  if (type === 'reveal' && Number.isInteger(id) && (id as number) > 0) {
    return { type, id: id as number };
  }
  if (type === 'listing') {
    return typeof url === 'string' && url.length <= 4000 ? { type, url } : { type };
  }
  if (type === 'closeReport' && typeof token === 'string' && token.length <= 64)
    return { type, token };
  return null;
}
