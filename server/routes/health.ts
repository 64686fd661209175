/**
 * `GET /health`: for load balancers and monitors. 200 `{ ok, database: "up", feedSequence }` when
 * the database takes a write; 503 with `reason` (database_busy, disk_full, storage_error,
 * database_unavailable) and a message when it does not (db/database-health.ts).
 */
import { Hono } from 'hono';
import { lastPublished } from '../store/records/publish-history';
import type { RegistryDeps } from './deps';

export function healthRoutes(deps: RegistryDeps) {
  return new Hono().get('/health', async (c) => {
    const state = await deps.health.check();
    if (!state.ok) {
      return c.json(
        {
          ok: false,
          database: 'down',
          reason: state.reason,
          message: state.message,
          feedSequence: null,
        },
        503,
      );
    }
    const feedSequence = await lastPublished(deps.db).then(
      (last) => last?.sequence ?? null,
      () => null,
    );
    return c.json({ ok: true, database: 'up', feedSequence });
  });
}
