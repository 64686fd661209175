/**
 * Report intake (DESIGN.md §7): `POST /v1/reports` (idempotent by the report's id), its one
 * screenshot, and its status. A report names its own listing only (listing-rules.ts) and is kept
 * with its network's keyed hash, never its address. The unguessable id is the only capability:
 * nothing here tells one reporter about another's reports.
 */
import { Hono } from 'hono';
import { listingProblem } from '../../utils/protocol/registry/listing-rules';
import { type Report, ReportSchema, UuidV4Schema } from '../../utils/protocol/registry/report';
import { jsonBody } from '../http/body';
import { ApiFailure, refuse } from '../http/errors';
import { clientNetwork, clientRateKey } from '../http/request-client';
import { limitBody, limitRate } from '../http/request-limits';
import { MAX_EVIDENCE_BYTES, withScreenshot } from '../http/screenshot-body';
import { attachReportScreenshot } from '../store/evidence/report-screenshots';
import { reportExists, reportStatus } from '../store/reports/report-status';
import type { RegistryDeps } from './deps';

export const MAX_REPORT_BYTES = 64 * 1024;

type ReportEnv = { Variables: { report: Report } };

export function reportRoutes(deps: RegistryDeps) {
  const perMinute = deps.config.reportsPerMinute;
  const trusted = deps.config.trustedProxies;
  const app = new Hono<ReportEnv>();

  app.post(
    '/v1/reports',
    limitBody(MAX_REPORT_BYTES),
    limitRate(
      perMinute,
      'address',
      (c) => `address:${clientRateKey(c, trusted)}`,
      deps.rateStore(),
    ),
    async (c, next) => {
      const report = await jsonBody(c, ReportSchema);
      // A report about one listing may not carry another key or address into that listing's case.
      const problem = listingProblem(report.listing);
      if (problem) throw new ApiFailure(400, problem.rule, problem.message);
      c.set('report', report);
      await next();
    },
    limitRate(perMinute, 'install', (c) => `client:${c.get('report').clientId}`, deps.rateStore()),
    async (c) => {
      const network = clientNetwork(c, trusted, deps.networkSecret);
      const outcome = await deps.intake.save(c.get('report'), network);
      if (outcome.kind === 'conflict') {
        return refuse(
          c,
          409,
          'id_conflict',
          'a different report was already sent with this id, and it can no longer be amended',
        );
      }
      return c.json(outcome.receipt, outcome.kind === 'created' ? 201 : 200);
    },
  );

  app.put(
    '/v1/reports/:id/evidence',
    limitBody(MAX_EVIDENCE_BYTES),
    limitRate(
      perMinute,
      'address',
      (c) => `evidence:${clientRateKey(c, trusted)}`,
      deps.rateStore(),
    ),
    async (c) => {
      const id = c.req.param('id');
      if (!UuidV4Schema.safeParse(id).success || !(await reportExists(deps.db, id))) {
        return refuse(c, 404, 'unknown_report', 'no report has this id');
      }
      const { screenshot, outcome } = await withScreenshot(
        c,
        deps.evidence,
        (shot, staged) => attachReportScreenshot(deps.db, id, shot, staged, deps.now()),
        ['created', 'repeat'],
      );
      if (outcome === 'conflict') {
        return refuse(c, 409, 'evidence_conflict', 'this report already has another screenshot');
      }
      return c.json(screenshot, outcome === 'created' ? 201 : 200);
    },
  );

  app.get('/v1/reports/:id/status', async (c) => {
    const id = c.req.param('id');
    const status = UuidV4Schema.safeParse(id).success ? await reportStatus(deps.db, id) : null;
    if (!status) return refuse(c, 404, 'unknown_report', 'no report has this id');
    return c.json(status);
  });

  return app;
}
