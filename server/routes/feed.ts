/**
 * `GET /v1/feed/<file>`: the published feed directory, as a static host would serve it: ETags (an
 * unchanged manifest costs a 304), open CORS (the feed is public), no directory listing.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Hono } from 'hono';
import { sha256Hex } from '../db/sha256';
import { refuse } from '../http/errors';
import type { RegistryDeps } from './deps';

const FILE_NAME = /^[a-z0-9][a-z0-9.-]{0,127}$/;

function typeOf(name: string): string {
  if (name.endsWith('.json')) return 'application/json';
  if (name.endsWith('.sig')) return 'text/plain; charset=utf-8';
  return 'application/gzip';
}

export function feedRoutes(deps: RegistryDeps) {
  return new Hono().get('/v1/feed/:file', async (c) => {
    c.header('Access-Control-Allow-Origin', '*');
    const name = c.req.param('file');
    const file = path.join(deps.config.feedDir, name);
    const info =
      FILE_NAME.test(name) && !name.includes('..') ? await stat(file).catch(() => null) : null;
    if (!info?.isFile()) return refuse(c, 404, 'not_found', 'no such feed file');
    const body = await readFile(file);
    const etag = `"${sha256Hex(body).slice(0, 32)}"`;
    c.header('ETag', etag);
    // The manifest changes at every publish; the other files never change once written.
    c.header(
      'Cache-Control',
      name === 'manifest.json' || name === 'manifest.json.sig'
        ? 'no-cache'
        : 'public, max-age=31536000, immutable',
    );
    if (c.req.header('If-None-Match') === etag) return c.body(null, 304);
    return c.body(new Uint8Array(body), 200, { 'Content-Type': typeOf(name) });
  });
}
