/**
 * The dashboard's CSV export: every case the filters match, read page after page of the registry's
 * review queue (`GET /v1/review/queue`, 200 cases a page, the registry's most), with the count read
 * so far handed on after each page so that the page can show it. It stops only at the queue's end.
 */
import type { QueueItem, QueueQuery } from '../protocol/registry/review';

/** The registry's page size at most (QueueQuerySchema's `limit`). */
export const EXPORT_PAGE_SIZE = 200;

export interface QueuePage {
  items: QueueItem[];
  next: string | null;
}

/** A registry that hands back a cursor it already gave would page forever: refused with this. */
export class CursorLoopError extends Error {
  constructor(readonly read: number) {
    super(`cursor_loop: the registry repeated a page cursor after ${read} cases`);
  }
}

export async function readAllCases(
  query: QueueQuery,
  readPage: (query: QueueQuery) => Promise<QueuePage>,
  onProgress: (read: number) => void = () => undefined,
): Promise<QueueItem[]> {
  const all: QueueItem[] = [];
  const seen = new Set<string>();
  let cursor: string | null = null;
  do {
    const { cursor: _ignored, ...filters } = query;
    const page = await readPage({
      ...filters,
      limit: EXPORT_PAGE_SIZE,
      ...(cursor ? { cursor } : {}),
    });
    all.push(...page.items);
    onProgress(all.length);
    cursor = page.next;
    if (cursor !== null) {
      if (seen.has(cursor)) throw new CursorLoopError(all.length);
      seen.add(cursor);
    }
  } while (cursor !== null);
  return all;
}
