/**
 * The inspectors' side, behind bearer tokens: who am I, the queue, one key's story, decisions,
 * notes, answering appeals and reading evidence; admins may also publish the feed now.
 */
import { type Context, Hono } from 'hono';
import { KeySchema } from '../../utils/protocol/records';
import { UuidV4Schema } from '../../utils/protocol/registry/report';
import {
  AppealDecisionSchema,
  DecisionInputSchema,
  EvidenceInputSchema,
  NoteInputSchema,
  PublishInputSchema,
  QueueQuerySchema,
  StatsQuerySchema,
} from '../../utils/protocol/registry/review';
import { type AuthEnv, requireRole } from '../http/auth';
import { checked, jsonBody } from '../http/body';
import { ApiFailure, refuse } from '../http/errors';
import { limitBody } from '../http/request-limits';
import { MAX_EVIDENCE_BYTES, withScreenshot } from '../http/screenshot-body';
import { PublishRefusedError } from '../publish/publish-from-database';
import { story } from '../store/cases/case-story';
import { stats } from '../store/cases/daily-stats';
import { CursorError, queue } from '../store/cases/review-queue';
import {
  attachEvidence,
  attachScreenshot,
  mediaTypeOf,
  snapshotOf,
} from '../store/evidence/key-evidence';
import type { Once } from '../store/review/action-ids';
import { addNote, answerAppeal, decide } from '../store/review/review-actions';
import type { RegistryDeps } from './deps';

const MAX_REVIEW_BODY = 64 * 1024;
const STATS_DAYS = 30;

/** 201 for a new action, 200 with the first answer for a repeat, 409 for another body. */
function answerOnce<T>(c: Context, outcome: Once<T>) {
  if (outcome.kind === 'conflict') {
    return refuse(c, 409, 'id_conflict', 'another action was already sent with this id');
  }
  return c.json(outcome.result as object, outcome.kind === 'done' ? 201 : 200);
}

export function reviewRoutes(deps: RegistryDeps) {
  const app = new Hono<AuthEnv>();
  const anyInspector = requireRole(deps.db, ['inspector', 'admin'], deps.now);
  const admin = requireRole(deps.db, ['admin'], deps.now);
  const smallBody = limitBody(MAX_REVIEW_BODY);
  const screenshotBody = limitBody(MAX_EVIDENCE_BYTES);
  // Screenshots are the one large body; everything else is small JSON.
  app.use('/v1/review/*', (c, next) =>
    c.req.method === 'PUT' ? screenshotBody(c, next) : smallBody(c, next),
  );
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
    const outcome = await decide(deps.db, input, inspector, deps.now());
    if (outcome.kind === 'done') {
      deps.log.info({ key: input.key, status: input.status, by: inspector.tokenId }, 'decision');
    }
    return answerOnce(c, outcome);
  });

  app.post('/v1/review/notes', async (c) => {
    const input = await jsonBody(c, NoteInputSchema);
    return answerOnce(c, await addNote(deps.db, input, c.get('inspector'), deps.now()));
  });

  app.get('/v1/review/stats', async (c) => {
    const query = checked(StatsQuerySchema, c.req.query());
    return c.json(await stats(deps.db, query.days ?? STATS_DAYS, deps.now()));
  });

  app.post('/v1/review/evidence', async (c) => {
    const input = await jsonBody(c, EvidenceInputSchema);
    const outcome = await attachEvidence(deps.db, input, c.get('inspector'), deps.now());
    if (outcome === 'bad_hash') {
      return refuse(c, 400, 'hash_mismatch', 'snapshotSha256 is not the SHA-256 of the snapshot');
    }
    if (outcome === 'conflict') {
      return refuse(c, 409, 'id_conflict', 'other evidence was already sent with this id');
    }
    return c.json(
      { id: input.id, snapshotSha256: input.snapshotSha256 },
      outcome === 'created' ? 201 : 200,
    );
  });

  app.put('/v1/review/evidence/:id/screenshot', async (c) => {
    const id = checked(UuidV4Schema, c.req.param('id'));
    const { screenshot, outcome } = await withScreenshot(
      c,
      deps.evidence,
      (shot, staged) => attachScreenshot(deps.db, id, shot, staged, c.get('inspector'), deps.now()),
      ['created', 'repeat'],
    );
    if (outcome === 'unknown') return refuse(c, 404, 'unknown_evidence', 'no evidence has this id');
    if (outcome === 'conflict') {
      return refuse(c, 409, 'evidence_conflict', 'this evidence already has another screenshot');
    }
    return c.json(screenshot, outcome === 'created' ? 201 : 200);
  });

  app.get('/v1/review/evidence/:id/snapshot', async (c) => {
    const id = checked(UuidV4Schema, c.req.param('id'));
    const row = await snapshotOf(deps.db, id);
    if (!row) return refuse(c, 404, 'unknown_evidence', 'no evidence has this id');
    return c.body(row.snapshot, 200, {
      'Content-Type': 'application/json; charset=utf-8',
      'X-Content-SHA256': row.snapshot_sha256,
    });
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
    const mediaType = /^[0-9a-f]{64}$/.test(sha256) ? await mediaTypeOf(deps.db, sha256) : null;
    const bytes = mediaType ? await deps.evidence.read(sha256) : null;
    if (!mediaType || !bytes)
      return refuse(c, 404, 'unknown_evidence', 'no evidence has this hash');
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': mediaType,
      'Cache-Control': 'private, max-age=86400, immutable',
      'X-Content-Type-Options': 'nosniff',
    });
  });

  app.post('/v1/review/publish', async (c) => {
    const empty = (c.req.header('Content-Length') ?? '') === '0' || !c.req.header('Content-Type');
    const { force } = empty ? {} : await jsonBody(c, PublishInputSchema);
    const result = await deps.publish(force ? { force } : {}).catch((error: unknown) => {
      // 409: the database's state stands in the way; the message names the counts.
      if (error instanceof PublishRefusedError)
        throw new ApiFailure(409, error.code, error.message);
      throw error;
    });
    deps.log.info(
      {
        sequence: result.sequence,
        records: result.records,
        by: c.get('inspector').tokenId,
        ...(force ? { force } : {}),
      },
      'published',
    );
    return c.json({ sequence: result.sequence, records: result.records, changes: result.changes });
  });

  return app;
}
