/**
 * Report dialogs open now: the listing our code read and, when the gesture allowed one, the
 * screenshot. Kept in IndexedDB (a worker may stop while a dialog stays open) for DRAFT_TTL_MS; the
 * dialog page holds only the token. Old drafts go whenever a new one is made.
 */
import type { Database } from '../../../utils/db/database';
import {
  DRAFT_TTL_MS,
  type DraftChoices,
  type ReportDraft,
  ReportDraftSchema,
} from '../../../utils/protocol/runtime/report-drafts';

/** More open dialogs than this at once is not a shopper: the oldest go. */
const MAX_DRAFTS = 20;

export type NewDraft = Omit<ReportDraft, 'token' | 'createdAt'>;

export function createDraftStore(deps: {
  openDb(): Promise<Database>;
  now(): Date;
  uuid(): string;
}) {
  return {
    async create(draft: NewDraft): Promise<string> {
      const now = deps.now();
      const token = deps.uuid();
      const db = await deps.openDb();
      const tx = db.transaction('drafts', 'readwrite');
      const kept = (await tx.store.getAll())
        .filter((row) => now.getTime() - Date.parse(row.createdAt) < DRAFT_TTL_MS)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      const stale = (await tx.store.getAllKeys()).filter(
        (key) => !kept.some((row) => row.token === key),
      );
      for (const row of kept.slice(0, Math.max(0, kept.length - (MAX_DRAFTS - 1))))
        stale.push(row.token);
      await Promise.all(stale.map((key) => tx.store.delete(key)));
      await tx.store.put(
        ReportDraftSchema.parse({ ...draft, token, createdAt: now.toISOString() }),
      );
      await tx.done;
      return token;
    },

    /** Keeps the shopper's choices with a draft, for the window that goes on with it. */
    async remember(token: string, choices: DraftChoices): Promise<void> {
      const db = await deps.openDb();
      const row = ReportDraftSchema.safeParse(await db.get('drafts', token));
      if (!row.success)
        throw new Error('this report dialog has expired: open it again from the listing');
      await db.put('drafts', ReportDraftSchema.parse({ ...row.data, choices }));
    },

    async get(token: string): Promise<ReportDraft> {
      const row = ReportDraftSchema.safeParse(await (await deps.openDb()).get('drafts', token));
      if (!row.success || deps.now().getTime() - Date.parse(row.data.createdAt) >= DRAFT_TTL_MS) {
        throw new Error('this report dialog has expired: open it again from the listing');
      }
      return row.data;
    },
  };
}

export type DraftStore = ReturnType<typeof createDraftStore>;
