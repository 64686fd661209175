/**
 * The inspectors' side, behind bearer tokens: who am I, the queue, one key's story, decisions,
 * notes, answering appeals and reading evidence; admins may also publish the feed now.
 */
import { Hono } from 'hono';
import { KeySchema } from '../../utils/protocol/records';
import { UuidV4Schema } from '../../utils/protocol/report';
import {
  AppealDecisionSchema,
  DecisionInputSchema,
  NoteInputSchema,
  QueueQuerySchema,
} from '../../utils/protocol/review';
import { type AuthEnv, requireRole } from '../http/auth';
import { checked, jsonBody } from '../http/body';
import { refuse } from '../http/errors';
import { limitBody } from '../http/limits';
import { story } from '../store/case-story';
import { CursorError, queue } from '../store/cases';
import { addNote, answerAppeal, decide } from '../store/review-actions';
import type { RegistryDeps } from './deps';

const MAX_REVIEW_BODY = 64 * 1024;

export function reviewRoutes(deps: RegistryDeps) {
  const app = new Hono<AuthEnv>();
  const anyInspector = requireRole(deps.db, ['inspector', 'admin'], deps.now);
  const admin = requireRole(deps.db, ['admin'], deps.now);
  app.use('/v1/review/*', limitBody(MAX_REVIEW_BODY));
  app.post('/v1/review/publish', admin);
  app.use('/v1/review/*', anyInspector);
  // Every report acknowledged so far is counted before an inspector reads or acts on the counts.
  app.use('/v1/review/*', async (_c, next) => {
    await deps.cases.catchUp();
    await next();
  });

  app.get('/v1/review/whoami', (c) => c.json(c.get('inspector')));

  app.get('/v1/review/queue', async (c) => {
    const query = checked(QueueQuerySchema, c.req.query());
    try {
      return c.json(await queue(deps.db, query));
    } catch (error) {
      if (error instanceof CursorError) return refuse(c, 400, 'invalid_cursor', error.message);
      throw error;
    }
  });

  app.get('/v1/review/keys/:key', async (c) => {
    const key = checked(KeySchema, c.req.param('key'));
    const found = await story(deps.db, key);
    if (!found) return refuse(c, 404, 'unknown_key', 'the registry knows nothing about this key');
    return c.json(found);
  });

  app.post('/v1/review/decisions', async (c) => {
    const input = await jsonBody(c, DecisionInputSchema);
    const inspector = c.get('inspector');
    const result = await decide(deps.db, input, inspector, deps.now());
    deps.log.info({ key: input.key, status: input.status, by: inspector.tokenId }, 'decision');
    return c.json(result, 201);
  });

  app.post('/v1/review/notes', async (c) => {
    const input = await jsonBody(c, NoteInputSchema);
    return c.json(
      await addNote(deps.db, input.key, input.text, c.get('inspector'), deps.now()),
      201,
    );
  });

  app.post('/v1/review/appeals/:id', async (c) => {
    const id = checked(UuidV4Schema, c.req.param('id'));
    const { state } = await jsonBody(c, AppealDecisionSchema);
    const outcome = await answerAppeal(deps.db, id, state, c.get('inspector'), deps.now());
    if (outcome === 'unknown') return refuse(c, 404, 'unknown_appeal', 'no appeal has this id');
    if (outcome === 'answered')
      return refuse(c, 409, 'appeal_answered', 'this appeal was already answered');
    return c.json({ id, state });
  });

  app.get('/v1/review/evidence/:sha256', async (c) => {
    const sha256 = c.req.param('sha256');
    const row = /^[0-9a-f]{64}$/.test(sha256)
      ? await deps.db
          .selectFrom('evidence')
          .select('media_type')
          .where('sha256', '=', sha256)
          .executeTakeFirst()
      : undefined;
    const bytes = row ? await deps.evidence.read(sha256) : null;
    if (!row || !bytes) return refuse(c, 404, 'unknown_evidence', 'no evidence has this hash');
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': row.media_type,
      'Cache-Control': 'private, max-age=86400, immutable',
      'X-Content-Type-Options': 'nosniff',
    });
  });

  app.post('/v1/review/publish', async (c) => {
    const result = await deps.publish();
    deps.log.info(
      { sequence: result.sequence, records: result.records, by: c.get('inspector').tokenId },
      'published',
    );
    return c.json({ sequence: result.sequence, records: result.records, changes: result.changes });
  });

  return app;
}
