/**
 * What every outbox entry is made of for delivery, whatever its kind: where its delivery stands
 * (the state machine's states, delivery.ts) and an optional screenshot with a delivery of its own.
 * Stored as is in IndexedDB: these shapes are what existing installs hold.
 */
import * as z from 'zod/mini';

/** A moment as stored: an ISO 8601 time with its offset. */
export const MomentSchema = z.iso.datetime({ offset: true });

/** Where delivery of an entry (or its screenshot) stands. */
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
  nextAttemptAt: z.optional(MomentSchema),
  lastError: z.optional(DeliveryErrorSchema),
  /** The start of the current EXPIRY_MS window: creation, or the shopper's last "Thử lại". */
  since: MomentSchema,
});
export type Delivery = z.infer<typeof DeliverySchema>;

export const ScreenshotSchema = z.object({
  /** A JPEG or PNG of the visible tab, at most MAX_SCREENSHOT_BYTES. */
  bytes: z.instanceof(Uint8Array),
  mediaType: z.enum(['image/jpeg', 'image/png']),
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  takenAt: MomentSchema,
  delivery: DeliverySchema,
});
export type Screenshot = z.infer<typeof ScreenshotSchema>;

/** What the courier and the wake read of any entry: its delivery, and its screenshot's if any. */
export interface Deliverable {
  id: string;
  delivery: Delivery;
  screenshot?: { delivery: Delivery } | undefined;
}
