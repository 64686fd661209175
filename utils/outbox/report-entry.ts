/**
 * One report in the extension's outbox (DESIGN.md §7), as stored in IndexedDB and checked with zod
 * whenever it is read: the report exactly as it is sent, where its delivery stands, its optional
 * screenshot, and what the registry last said of it.
 */
import * as z from 'zod/mini';
import { REPORT_STATES, ReportSchema } from '../protocol/report';

const Moment = z.iso.datetime({ offset: true });

/** Where delivery of a report (or its screenshot) stands. */
export const DELIVERY_STATES = [
  /** Waiting for its next attempt (at `nextAttemptAt`). */
  'pending',
  /** The registry acknowledged this revision. */
  'delivered',
  /** The registry refused it (a 4xx other than 429): not retried; `error` says why. */
  'refused',
  /** Undelivered for EXPIRY_MS: automatic attempts stop until the shopper presses "Thử lại". */
  'expired',
  /** No registry is set: kept here, and the official channels are offered instead. */
  'local',
] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export const DeliveryErrorSchema = z.object({
  /** The HTTP status, or 0 when the registry could not be reached. */
  status: z.int(),
  code: z.string().check(z.maxLength(100)),
  message: z.string().check(z.maxLength(500)),
});
export type DeliveryError = z.infer<typeof DeliveryErrorSchema>;

export const DeliverySchema = z.object({
  state: z.enum(DELIVERY_STATES),
  attempts: z.int().check(z.gte(0)),
  /** When the next attempt is due (pending only). */
  nextAttemptAt: z.optional(Moment),
  lastError: z.optional(DeliveryErrorSchema),
  /** The start of the current EXPIRY_MS window: creation, or the shopper's last "Thử lại". */
  since: Moment,
});
export type Delivery = z.infer<typeof DeliverySchema>;

export const ScreenshotSchema = z.object({
  /** A JPEG or PNG of the visible tab, at most MAX_SCREENSHOT_BYTES. */
  bytes: z.instanceof(Uint8Array),
  mediaType: z.enum(['image/jpeg', 'image/png']),
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  takenAt: Moment,
  delivery: DeliverySchema,
});
export type Screenshot = z.infer<typeof ScreenshotSchema>;

export const OutboxEntrySchema = z.object({
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
export type OutboxEntry = z.infer<typeof OutboxEntrySchema>;
