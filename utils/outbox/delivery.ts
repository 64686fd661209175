/**
 * The delivery state machine of one outbox entry (a report, an inspector's action) or of its
 * screenshot, pure: what an answer means, when the next attempt is due, when attempts stop.
 */
import { errorMessage } from '../protocol/error-message';
import type { Delivery, DeliveryError } from './deliverable';

/*
 * The courier runs it (courier.ts); unit tests drive every transition with a fixed clock and a
 * fixed random source.
 *
 *   pending ──2xx──▶ delivered
 *      │  ▲ network error, 5xx, 429: attempts+1, next at now + backoff (≥ Retry-After)
 *      │  └──────┘
 *      ├──other 4xx──▶ refused        (the reason is kept and shown; never retried by itself)
 *      └──EXPIRY_MS without success──▶ expired ──"Thử lại"──▶ pending (a new window)
 *   local (no registry set) ──a registry is set──▶ pending
 */

/** The first retry waits up to this long; each further one up to twice as long as the one before. */
export const RETRY_BASE_MS = 5_000;
/** No wait is longer than this (a registry back after a long outage is reached within hours). */
export const RETRY_CAP_MS = 6 * 60 * 60 * 1000;
/** After this long undelivered a report is shown as "chưa gửi được" and waits for "Thử lại". */
export const EXPIRY_MS = 30 * 24 * 60 * 60 * 1000;
/** A Retry-After asking for longer than this is read as this (a broken header cannot park us). */
const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;

export type AttemptOutcome =
  | { kind: 'acknowledged' }
  | { kind: 'retry'; error: DeliveryError; retryAfterMs?: number }
  | { kind: 'refused'; error: DeliveryError };

/**
 * Exponential backoff with full jitter (a uniformly random wait up to the ceiling), so that many
 * installs coming back online together spread out; never sooner than the registry asked.
 */
export function retryDelay(attempts: number, random: () => number, retryAfterMs?: number): number {
  const ceiling = Math.min(
    RETRY_CAP_MS,
    RETRY_BASE_MS * 2 ** Math.min(Math.max(attempts - 1, 0), 30),
  );
  const jittered = Math.floor(random() * ceiling);
  return retryAfterMs === undefined ? jittered : Math.max(jittered, retryAfterMs);
}

/** Retry-After as seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: Date): number | undefined {
  if (!header) return undefined;
  const value = header.trim();
  // An HTTP date names its day and month; anything else that is not whole seconds is junk.
  const ms = /^\d+$/.test(value)
    ? Number(value) * 1000
    : /^[A-Za-z]{3}, /.test(value)
      ? Date.parse(value) - now.getTime()
      : Number.NaN;
  if (!Number.isFinite(ms)) return undefined;
  return Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS);
}

/** What the registry's answer to one attempt means for it. */
export function classifyAnswer(
  status: number,
  retryAfter: string | null,
  error: { code: string; message: string } | null,
  now: Date,
): AttemptOutcome {
  if (status >= 200 && status < 300) return { kind: 'acknowledged' };
  const described: DeliveryError = {
    status,
    code: (error?.code ?? `http_${status}`).slice(0, 100),
    message: (error?.message ?? `HTTP ${status}`).slice(0, 500),
  };
  if (status === 429 || status >= 500 || status === 408) {
    const retryAfterMs = parseRetryAfter(retryAfter, now);
    return retryAfterMs === undefined
      ? { kind: 'retry', error: described }
      : { kind: 'retry', error: described, retryAfterMs };
  }
  return { kind: 'refused', error: described };
}

/** No answer at all: offline, DNS, refused connection, CORS. Always worth another try. */
export function unreachable(reason: unknown): AttemptOutcome {
  const message = errorMessage(reason);
  return {
    kind: 'retry',
    error: { status: 0, code: 'unreachable', message: message.slice(0, 500) },
  };
}

export function newDelivery(now: Date, registrySet: boolean): Delivery {
  return registrySet
    ? { state: 'pending', attempts: 0, nextAttemptAt: now.toISOString(), since: now.toISOString() }
    : { state: 'local', attempts: 0, since: now.toISOString() };
}

/** The delivery after one attempt's outcome. */
export function afterAttempt(
  delivery: Delivery,
  outcome: AttemptOutcome,
  now: Date,
  random: () => number,
): Delivery {
  const attempts = delivery.attempts + 1;
  if (outcome.kind === 'acknowledged') {
    return { state: 'delivered', attempts, since: delivery.since };
  }
  if (outcome.kind === 'refused') {
    return { state: 'refused', attempts, since: delivery.since, lastError: outcome.error };
  }
  const next = new Date(now.getTime() + retryDelay(attempts, random, outcome.retryAfterMs));
  if (next.getTime() - Date.parse(delivery.since) > EXPIRY_MS) {
    return { state: 'expired', attempts, since: delivery.since, lastError: outcome.error };
  }
  return {
    state: 'pending',
    attempts,
    since: delivery.since,
    nextAttemptAt: next.toISOString(),
    lastError: outcome.error,
  };
}

/** Pending and its time has come. */
export function isDue(delivery: Delivery, now: Date): boolean {
  return (
    delivery.state === 'pending' &&
    (delivery.nextAttemptAt === undefined || Date.parse(delivery.nextAttemptAt) <= now.getTime())
  );
}

/** A pending delivery whose window ran out while nothing ran (the browser was closed for weeks). */
export function expireIfOld(delivery: Delivery, now: Date): Delivery {
  if (delivery.state !== 'pending') return delivery;
  if (now.getTime() - Date.parse(delivery.since) <= EXPIRY_MS) return delivery;
  const { nextAttemptAt: _, ...rest } = delivery;
  return { ...rest, state: 'expired' };
}

/**
 * "Thử lại", a registry newly set, or an amendment: pending now, with a fresh window. A refusal is
 * retried only by hand, since sending the same thing again would be refused again.
 */
export function restart(delivery: Delivery, now: Date): Delivery {
  return {
    state: 'pending',
    attempts: 0,
    nextAttemptAt: now.toISOString(),
    since: now.toISOString(),
    ...(delivery.lastError ? { lastError: delivery.lastError } : {}),
  };
}
