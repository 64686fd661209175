/**
 * `GET /v1/lookup?keys=a,b,…`: an inspector's view of the keys a page shows (at most 500), for the
 * in-page inspector mode. Answers only about keys the registry knows.
 */
import { Hono } from 'hono';
import { MAX_LOOKUP_KEYS } from '../../utils/protocol/limits';
import { KeySchema } from '../../utils/protocol/records';
import { type AuthEnv, requireRole } from '../http/auth';
import { checked } from '../http/body';
import { refuse } from '../http/errors';
import { lookup } from '../store/cases/case-story';
import type { RegistryDeps } from './deps';

export function lookupRoutes(deps: RegistryDeps) {
  const app = new Hono<AuthEnv>();
  app.get('/v1/lookup', requireRole(deps.db, ['inspector', 'admin'], deps.now), async (c) => {
    const keys = [
      ...new Set(
        (c.req.queries('keys') ?? []).flatMap((value) => value.split(',')).filter(Boolean),
      ),
    ];
    if (keys.length === 0) return refuse(c, 400, 'invalid_query', 'give keys=<key>,<key>,…');
    if (keys.length > MAX_LOOKUP_KEYS) {
      return refuse(c, 400, 'too_many_keys', `at most ${MAX_LOOKUP_KEYS} keys at a time`);
    }
    for (const key of keys) checked(KeySchema, key);
    await deps.cases.catchUp();
    return c.json({ entries: await lookup(deps.db, keys) });
  });
  return app;
}
