/**
 * Every refusal is JSON `{ error: { code, message } }` with a stable code that programs can act on;
 * handlers throw ApiFailure and the app's error handler writes it.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiError } from '../../utils/protocol/registry/report';

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
