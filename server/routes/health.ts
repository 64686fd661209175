/** `GET /health`: for load balancers and monitors; 503 when the database does not answer. */
import { Hono } from 'hono';
import { isReachable } from '../db/dialect';
import { lastPublished } from '../store/records/publish-history';
import type { RegistryDeps } from './deps';

export function healthRoutes(deps: RegistryDeps) {
  return new Hono().get('/health', async (c) => {
    const database = await isReachable(deps.db);
    const feedSequence = database
      ? await lastPublished(deps.db).then(
          (last) => last?.sequence ?? null,
          () => null,
        )
      : null;
    return c.json(
      { ok: database, database: database ? 'up' : 'down', feedSequence },
      database ? 200 : 503,
    );
  });
}
