/** The last feed sync's outcome, kept in the database and shown in the popup and options. */
import * as z from 'zod/mini';
import { DataInfoSchema } from '../records';

export const SYNC_RESULTS = ['updated', 'unchanged', 'failed', 'not_configured'] as const;

export const SyncStatusSchema = z.object({
  result: z.enum(SYNC_RESULTS),
  at: z.iso.datetime({ offset: true }),
  /** Why it failed: one of the feed client's error codes (sync.ts), and its message. */
  errorCode: z.optional(z.string().check(z.maxLength(40))),
  message: z.optional(z.string().check(z.maxLength(1000))),
  /**
   * `too_few_records`: how many records the refused feed holds and how many the extension ships;
   * nothing was replaced (the shipped sites stay blocked).
   */
  tooFew: z.optional(
    z.object({ offered: z.int().check(z.gte(0)), shipped: z.int().check(z.gte(1)) }),
  ),
  via: z.optional(z.enum(['snapshot', 'delta'])),
  lastSuccessAt: z.optional(z.iso.datetime({ offset: true })),
  /** How long the last update took to download, and to verify, parse and store. */
  downloadMs: z.optional(z.number().check(z.gte(0))),
  applyMs: z.optional(z.number().check(z.gte(0))),
  parseMs: z.optional(z.number().check(z.gte(0))),
  storeMs: z.optional(z.number().check(z.gte(0))),
  /** Check workers that shared the last snapshot's records (absent: checked in the background). */
  checkers: z.optional(z.int().check(z.gte(1))),
  /** Listed domains the feed may not block (public suffixes, marketplaces, government…), skipped. */
  guarded: z.optional(z.int().check(z.gte(1))),
  /** Minutes between scheduled syncs: the default or what the server asked for. */
  intervalMinutes: z.optional(z.int().check(z.gte(1))),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

export const DataStatusSchema = z.object({
  data: z.nullable(DataInfoSchema),
  sync: z.nullable(SyncStatusSchema),
  /** The publisher's expiry has passed (or a sync found the manifest expired): warnings say so. */
  stale: z.boolean(),
  feedUrl: z.nullable(z.string()),
  /** Listed domains in the data the guard keeps from ever being blocked (domain-guard.ts). */
  guarded: z.optional(z.int().check(z.gte(0))),
  /** No usable IndexedDB: the shipped data is held in memory, and nothing is updated or kept. */
  inMemory: z.optional(z.literal(true)),
  /** How long this service worker took from its start until its index could answer. */
  workerReadyMs: z.optional(z.number().check(z.gte(0))),
});
export type DataStatus = z.infer<typeof DataStatusSchema>;
