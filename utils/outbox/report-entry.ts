/**
 * One report in the extension's outbox (DESIGN.md §7), as stored in IndexedDB and checked with zod
 * whenever it is read: the report exactly as it is sent, where its delivery stands, its optional
 * screenshot, and what the registry last said of it.
 */
import * as z from 'zod/mini';
import { REPORT_STATES, ReportSchema } from '../protocol/registry/report';
import { DeliverySchema, MomentSchema as Moment, ScreenshotSchema } from './deliverable';
import type { OutboxKind } from './outbox-store';

export const ReportEntrySchema = z.object({
  id: z.string(),
  report: ReportSchema,
  createdAt: Moment,
  updatedAt: Moment,
  /** Grows with each amendment; `deliveredRevision` is the last one the registry acknowledged. */
  revision: z.int().check(z.gte(1)),
  deliveredRevision: z.optional(z.int()),
  /** The registry this report went (or goes) to; its status is asked there. */
  registryUrl: z.nullable(z.string()),
  delivery: DeliverySchema,
  receivedAt: z.optional(Moment),
  screenshot: z.optional(ScreenshotSchema),
  /** What `GET /v1/reports/<id>/status` last answered, and when. */
  status: z.optional(
    z.object({
      state: z.enum(REPORT_STATES),
      checkedAt: Moment,
      decision: z.optional(
        z.object({ status: z.string(), decidedAt: z.string(), summary: z.optional(z.string()) }),
      ),
    }),
  ),
});
export type ReportEntry = z.infer<typeof ReportEntrySchema>;

/** Reports are kept in the `outbox` store, as since the first version. */
export const REPORT_OUTBOX: OutboxKind<ReportEntry, 'outbox'> = {
  store: 'outbox',
  schema: ReportEntrySchema,
};
