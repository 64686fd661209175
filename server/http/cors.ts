/**
 * Which web origins may call the API from a browser: extension pages (any chrome-extension:// or
 * moz-extension:// origin by default, or the operator's list). Marketplace pages are never allowed.
 */
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

const EXTENSION_ORIGIN = /^(?:chrome|moz)-extension:\/\/[a-z0-9-]{1,64}$/;

export function extensionCors(allowed: readonly string[] | null): MiddlewareHandler {
  return cors({
    origin: (origin) =>
      (allowed ? allowed.includes(origin) : EXTENSION_ORIGIN.test(origin)) ? origin : null,
    allowMethods: ['GET', 'POST', 'PUT', 'OPTIONS'],
    allowHeaders: ['Content-Type', 'Authorization'],
    exposeHeaders: ['Retry-After'],
    maxAge: 600,
  });
}
