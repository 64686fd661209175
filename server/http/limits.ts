/**
 * Body size and rate limits from maintained middleware (hono/body-limit, hono-rate-limiter), with
 * refusals in the registry's error shape. Rate limits count in this process's memory: behind a load
 * balancer each instance counts its own share (docs/operations.md says where they then live).
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { rateLimiter } from 'hono-rate-limiter';
import { errorBody } from './errors';

export const limitBody = (maxSize: number): MiddlewareHandler =>
  bodyLimit({
    maxSize,
    // The unread rest of the body makes the connection unusable: the client must not reuse it.
    onError: (c) =>
      c.json(errorBody('body_too_large', `the body may be at most ${maxSize} bytes`), 413, {
        Connection: 'close',
      }),
  });

/** The client's address: the socket's, or the first X-Forwarded-For hop behind a trusted proxy. */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('X-Forwarded-For')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export function limitRate(
  perMinute: number,
  what: string,
  keyOf: (c: Context) => string,
): MiddlewareHandler {
  return rateLimiter({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-6',
    keyGenerator: keyOf,
    handler: (c) =>
      c.json(errorBody('rate_limited', `more than ${perMinute} a minute from this ${what}`), 429),
  });
}
