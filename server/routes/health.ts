/** `GET /health`: for load balancers and monitors; 503 when the database does not answer. */
import { Hono } from 'hono';
import { isReachable } from '../db/dialect';
import { lastPublish } from '../store/records/publishable-records';
import type { RegistryDeps } from './deps';

export function healthRoutes(deps: RegistryDeps) {
  return new Hono().get('/health', async (c) => {
    const database = await isReachable(deps.db);
    const feedSequence = database ? await lastPublish(deps.db).catch(() => null) : null;
    return c.json(
      { ok: database, database: database ? 'up' : 'down', feedSequence },
      database ? 200 : 503,
    );
  });
}
