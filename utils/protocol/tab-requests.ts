/**
 * What the popup may ask of a tab's content script: bring a flagged listing into view, or start
 * over (after the shopper paused, resumed or changed mutes). Checked by hand, not with zod, since
 * content scripts bundle this file; anything else is ignored.
 */
export type TabRequest = { type: 'reveal'; id: number } | { type: 'refresh' };

export function readTabRequest(raw: unknown): TabRequest | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { type, id } = raw as { type?: unknown; id?: unknown };
  if (type === 'refresh') return { type };
  if (type === 'reveal' && Number.isInteger(id) && (id as number) > 0) {
    return { type, id: id as number };
  }
  return null;
}
