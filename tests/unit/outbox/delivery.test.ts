/** The delivery state machine: every transition, the retry schedule, Retry-After, the 30-day horizon. */
import { describe, expect, it } from 'vitest';
import {
  afterAttempt,
  classifyAnswer,
  EXPIRY_MS,
  expireIfOld,
  isDue,
  newDelivery,
  parseRetryAfter,
  RETRY_BASE_MS,
  RETRY_CAP_MS,
  restart,
  retryDelay,
  unreachable,
} from '../../../utils/outbox/delivery';

const NOW = new Date('2026-12-03T10:00:00Z');
const later = (ms: number) => new Date(NOW.getTime() + ms);
const max = () => 1 - Number.EPSILON;

describe('retry schedule', () => {
  it('doubles its ceiling from RETRY_BASE_MS up to RETRY_CAP_MS, with the whole wait jittered', () => {
    expect(retryDelay(1, max)).toBe(RETRY_BASE_MS - 1);
    expect(retryDelay(2, max)).toBe(2 * RETRY_BASE_MS - 1);
    expect(retryDelay(5, max)).toBe(16 * RETRY_BASE_MS - 1);
    expect(retryDelay(40, max)).toBe(RETRY_CAP_MS - 1);
    expect(retryDelay(3, () => 0)).toBe(0);
    const waits = Array.from({ length: 200 }, (_, i) => retryDelay(4, () => i / 200));
    expect(Math.min(...waits)).toBe(0);
    expect(Math.max(...waits)).toBeLessThan(8 * RETRY_BASE_MS);
  });

  it('never retries sooner than Retry-After asked', () => {
    expect(retryDelay(1, () => 0, 120_000)).toBe(120_000);
    expect(retryDelay(12, max, 1_000)).toBeGreaterThan(1_000);
  });

  it('reads Retry-After as seconds or as an HTTP date, and ignores junk', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120_000);
    expect(parseRetryAfter(new Date(NOW.getTime() + 90_000).toUTCString(), NOW)).toBe(90_000);
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
    expect(parseRetryAfter(null, NOW)).toBeUndefined();
    expect(parseRetryAfter('-5', NOW)).toBeUndefined();
    expect(parseRetryAfter('99999999', NOW)).toBe(24 * 60 * 60 * 1000);
  });
});

describe('what an answer means', () => {
  it('2xx acknowledges; 5xx, 429 and 408 retry; other 4xx refuse with the reason', () => {
    expect(classifyAnswer(201, null, null, NOW)).toEqual({ kind: 'acknowledged' });
    expect(classifyAnswer(200, null, null, NOW)).toEqual({ kind: 'acknowledged' });
    expect(classifyAnswer(503, null, null, NOW).kind).toBe('retry');
    expect(classifyAnswer(500, null, { code: 'internal', message: 'boom' }, NOW)).toEqual({
      kind: 'retry',
      error: { status: 500, code: 'internal', message: 'boom' },
    });
    expect(classifyAnswer(429, '30', { code: 'rate_limited', message: 'slow down' }, NOW)).toEqual({
      kind: 'retry',
      error: { status: 429, code: 'rate_limited', message: 'slow down' },
      retryAfterMs: 30_000,
    });
    expect(
      classifyAnswer(400, null, { code: 'invalid_body', message: 'note: too long' }, NOW),
    ).toEqual({
      kind: 'refused',
      error: { status: 400, code: 'invalid_body', message: 'note: too long' },
    });
    expect(classifyAnswer(409, null, null, NOW)).toMatchObject({
      kind: 'refused',
      error: { code: 'http_409' },
    });
    expect(unreachable(new TypeError('Failed to fetch'))).toEqual({
      kind: 'retry',
      error: { status: 0, code: 'unreachable', message: 'Failed to fetch' },
    });
  });
});

describe('transitions', () => {
  const pending = newDelivery(NOW, true);

  it('a new report is due at once, or kept locally when no registry is set', () => {
    expect(isDue(pending, NOW)).toBe(true);
    expect(newDelivery(NOW, false)).toEqual({
      state: 'local',
      attempts: 0,
      since: NOW.toISOString(),
    });
    expect(isDue(newDelivery(NOW, false), NOW)).toBe(false);
  });

  it('pending → delivered on acknowledgement', () => {
    expect(afterAttempt(pending, { kind: 'acknowledged' }, NOW, max)).toEqual({
      state: 'delivered',
      attempts: 1,
      since: NOW.toISOString(),
    });
  });

  it('pending → pending, later, on a retryable failure; due again only then', () => {
    const failed = afterAttempt(pending, unreachable('offline'), NOW, () => 0.5);
    expect(failed.state).toBe('pending');
    expect(failed.attempts).toBe(1);
    expect(failed.nextAttemptAt).toBe(later(RETRY_BASE_MS / 2).toISOString());
    expect(isDue(failed, later(RETRY_BASE_MS / 2 - 1))).toBe(false);
    expect(isDue(failed, later(RETRY_BASE_MS / 2))).toBe(true);
    const limited = afterAttempt(
      failed,
      {
        kind: 'retry',
        error: { status: 429, code: 'rate_limited', message: '' },
        retryAfterMs: 600_000,
      },
      NOW,
      () => 0,
    );
    expect(limited.nextAttemptAt).toBe(later(600_000).toISOString());
  });

  it('pending → refused on a 4xx, keeping the reason, and never due again by itself', () => {
    const refused = afterAttempt(
      pending,
      classifyAnswer(400, null, { code: 'invalid_body', message: 'bad' }, NOW),
      NOW,
      max,
    );
    expect(refused).toMatchObject({ state: 'refused', lastError: { code: 'invalid_body' } });
    expect(isDue(refused, later(EXPIRY_MS * 2))).toBe(false);
  });

  it('stops at the 30-day horizon: expired, and "Thử lại" opens a new window', () => {
    const old = {
      ...pending,
      attempts: 30,
      since: new Date(NOW.getTime() - EXPIRY_MS + 1000).toISOString(),
    };
    const expired = afterAttempt(old, unreachable('offline'), NOW, max);
    expect(expired.state).toBe('expired');
    expect(expired.nextAttemptAt).toBeUndefined();
    expect(isDue(expired, later(EXPIRY_MS))).toBe(false);
    const again = restart(expired, later(1000));
    expect(again).toMatchObject({
      state: 'pending',
      attempts: 0,
      since: later(1000).toISOString(),
    });
    expect(isDue(again, later(1000))).toBe(true);
  });

  it('a pending report whose window ran out while the browser was closed expires when next seen', () => {
    expect(expireIfOld(pending, later(EXPIRY_MS - 1))).toBe(pending);
    expect(expireIfOld(pending, later(EXPIRY_MS + 1))).toEqual({
      state: 'expired',
      attempts: 0,
      since: NOW.toISOString(),
    });
    const delivered = afterAttempt(pending, { kind: 'acknowledged' }, NOW, max);
    expect(expireIfOld(delivered, later(EXPIRY_MS * 3))).toBe(delivered);
  });
});
