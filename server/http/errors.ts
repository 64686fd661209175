/**
 * Every refusal is JSON `{ error: { code, message } }` with a stable code that programs can act on;
 * handlers throw ApiFailure and the app's error handler writes it.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiError } from '../../utils/protocol/registry/report';
import type { StorageFault } from '../db/storage-faults';

export class ApiFailure extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const errorBody = (code: string, message: string): ApiError => ({
  error: { code, message },
});

export const refuse = (c: Context, status: ContentfulStatusCode, code: string, message: string) =>
  c.json(errorBody(code, message), status);

/**
 * A storage fault (db/storage-faults.ts: database busy, disk full, I/O error, database away) is
 * the registry's condition, not the request's: 503 with Retry-After, so senders (the extension's
 * outbox) try again later, and its reason as the code.
 */
export function unavailable(c: Context, fault: StorageFault) {
  c.header('Retry-After', String(fault.retryAfterSeconds));
  return c.json(errorBody(fault.reason, fault.message), 503);
}
