/**
 * `GET /v1/feed/<file>`: the published feed, from the feed store, as a static host would serve it:
 * ETags computed at publish (an unchanged manifest costs a 304), open CORS (the feed is public), no
 * listing.
 */
import { Hono } from 'hono';
import { refuse } from '../http/errors';
import type { RegistryDeps } from './deps';

export function feedRoutes(deps: RegistryDeps) {
  return new Hono().get('/v1/feed/:file', async (c) => {
    c.header('Access-Control-Allow-Origin', '*');
    const name = c.req.param('file');
    const file = await deps.feed.serve(name);
    if (!file) return refuse(c, 404, 'not_found', 'no such feed file');
    c.header('ETag', file.etag);
    // The manifest changes at every publish; the other files never change once written.
    c.header(
      'Cache-Control',
      name === 'manifest.json' || name === 'manifest.json.sig'
        ? 'no-cache'
        : 'public, max-age=31536000, immutable',
    );
    if (c.req.header('If-None-Match') === file.etag) return c.body(null, 304);
    const bytes = await file.bytes();
    if (!bytes) return refuse(c, 404, 'not_found', 'no such feed file');
    return c.body(new Uint8Array(bytes), 200, { 'Content-Type': file.contentType });
  });
}
