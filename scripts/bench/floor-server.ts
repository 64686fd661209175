/**
 * The intake floor for `npm run bench:server`: the least a report endpoint can do on this stack, a
 * Hono app that parses the JSON and inserts it into a better-sqlite3 table in WAL mode, one commit
 * a report and none of them synced (synchronous=NORMAL), where the registry syncs every commit
 * before its receipt. Our registry is measured against it in the same run. Prints its port once
 * listening.
 */
import { serve } from '@hono/node-server';
import Database from 'better-sqlite3';
import { Hono } from 'hono';

const file = process.argv[2];
if (!file) throw new Error('usage: floor-server.ts <sqlite file>');
const db = new Database(file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec('create table if not exists reports (id text primary key, body text not null)');
const insert = db.prepare('insert into reports (id, body) values (?, ?)');

const app = new Hono();
app.post('/v1/reports', async (c) => {
  const body = (await c.req.json()) as { id: string };
  insert.run(body.id, JSON.stringify(body));
  return c.json({ id: body.id }, 201);
});
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  console.log(JSON.stringify({ port: info.port }));
});
