/**
 * Serves a published feed directory over HTTP, as any static host or CDN would: GET only, ETags
 * (so unchanged manifests cost a 304), CORS open (the extension fetches from its own origin), and
 * a log of what was asked. Used by the end-to-end tests and for trying a feed locally.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import path from 'node:path';

export interface FeedServer {
  /** Base URL ending in "/", e.g. http://127.0.0.1:41234/ */
  url: string;
  requests: string[];
  close(): Promise<void>;
}

export async function serveFeed(dir: string, port = 0): Promise<FeedServer> {
  const requests: string[] = [];
  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    requests.push(url.pathname);
    response.setHeader('Access-Control-Allow-Origin', '*');
    response.setHeader('Cache-Control', 'no-cache');
    const name = path.basename(url.pathname);
    if (request.method !== 'GET' || !/^[a-z0-9.-]+$/.test(name)) {
      response.writeHead(request.method === 'GET' ? 404 : 405).end();
      return;
    }
    try {
      const body = await readFile(path.join(dir, name));
      const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 32)}"`;
      response.setHeader('ETag', etag);
      if (request.headers['if-none-match'] === etag) {
        response.writeHead(304).end();
        return;
      }
      response.writeHead(200, {
        'Content-Type': name.endsWith('.json') ? 'application/json' : 'application/octet-stream',
        'Content-Length': body.byteLength,
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
