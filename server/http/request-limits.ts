/**
 * Body size and rate limits from maintained middleware (hono/body-limit, hono-rate-limiter), with
 * refusals in the registry's error shape. Rate limits count in this process's memory on SQLite (one
 * server), and in the shared database on PostgreSQL (shared-rate-store.ts), so instances behind one
 * load balancer share one count.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { type RateLimitInfo, rateLimiter, type Store } from 'hono-rate-limiter';
import { errorBody } from './errors';

type Env = { Variables: { rateLimit: RateLimitInfo } };

/**
 * A refused body up to this size is read to its end and dropped (Node does so once the answer is
 * sent), so the client, still sending, gets the 413 and the connection stays usable. A larger one
 * is not worth reading: the answer closes the connection, and a client still sending may see the
 * connection reset instead of the answer.
 */
const DRAIN_AT_MOST = 16 * 1024 * 1024;

/**
 * Refuses bodies over `maxSize` bytes. A declared Content-Length is checked as it stands (Node's
 * parser never reads past it); a chunked body goes through hono/body-limit, which counts the bytes
 * as they stream. Checking the header first spares the common case the stream wrapping.
 */
export function limitBody(maxSize: number): MiddlewareHandler {
  const tooLarge = (c: Context, close: boolean) =>
    c.json(
      errorBody('body_too_large', `the body may be at most ${maxSize} bytes`),
      413,
      close ? { Connection: 'close' } : {},
    );
  // A chunked body's length is unknown: the connection closes rather than read without end.
  const streamed = bodyLimit({ maxSize, onError: (c) => tooLarge(c, true) });
  return async (c, next) => {
    const declared = c.req.header('Content-Length');
    if (declared === undefined || !/^\d{1,15}$/.test(declared)) return streamed(c, next);
    if (Number(declared) > maxSize) return tooLarge(c, Number(declared) > DRAIN_AT_MOST);
    await next();
  };
}

export function limitRate(
  perMinute: number,
  what: string,
  keyOf: (c: Context) => string,
  /** The shared count (PostgreSQL); none: this process's memory. */
  store?: Store | undefined,
): MiddlewareHandler<Env> {
  return rateLimiter<Env>({
    ...(store ? { store: store as Store<Env> } : {}),
    windowMs: 60_000,
    limit: perMinute,
    // No RateLimit-* headers on every answer (each costs a Headers update); a refusal says when
    // to come back.
    standardHeaders: false,
    keyGenerator: keyOf,
    handler: (c) => {
      const reset = c.get('rateLimit')?.resetTime;
      const seconds = reset ? Math.max(1, Math.ceil((reset.getTime() - Date.now()) / 1000)) : 60;
      return c.json(
        errorBody('rate_limited', `more than ${perMinute} a minute from this ${what}`),
        429,
        { 'Retry-After': String(seconds) },
      );
    },
  });
}
