/**
 * What an extension page may ask of a tab's content script: bring a flagged listing into view,
 * start over (after the shopper paused, resumed or changed mutes), tell which listing the page is
 * about (the popup's, the menu's and the shortcut's reports), or close a report dialog it framed.
 * Checked by hand, not with zod, since content scripts bundle this file; anything else is ignored.
 */
export type TabRequest =
  | { type: 'reveal'; id: number }
  | { type: 'refresh' }
  /** The listing to report: the one at `url` (a link the menu was opened on), else the page's own. */
  | { type: 'listing'; url?: string }
  | { type: 'closeReport'; token: string };

export const closeReportRequest = (token: string): TabRequest => ({ type: 'closeReport', token });

export function readTabRequest(raw: unknown): TabRequest | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { type, id, url, token } = raw as {
    type?: unknown;
    id?: unknown;
    url?: unknown;
    token?: unknown;
  };
  if (type === 'refresh') return { type };
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
