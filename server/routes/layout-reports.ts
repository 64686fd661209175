/**
 * Layout reports (a marketplace changed its markup and Soi Hàng could not read a page):
 * `POST /v1/layout-reports` takes a shopper's one-click report, counts only, under limits of its
 * own (a few a minute per address, a daily allowance per network); `GET /v1/review/layout-reports`
 * shows inspectors and maintainers the count per site and adapter version over the kept days. A layout report is a claim like any other: checked, limited, counted, and never
 * anywhere near the feed.
 */
import { Hono } from 'hono';
import { LayoutReportSchema } from '../../utils/protocol/registry/layout-report';
import { type AuthEnv, requireRole } from '../http/auth';
import { jsonBody } from '../http/body';
import { extensionCors } from '../http/cors';
import { errorBody } from '../http/errors';
import { clientNetwork, clientRateKey } from '../http/request-client';
import { limitBody, limitRate } from '../http/request-limits';
import { layoutCounts, saveLayoutReport } from '../store/layout/layout-reports';
import type { RegistryDeps } from './deps';

/** A layout report is a few short fields. */
export const MAX_LAYOUT_REPORT_BYTES = 1024;
/** Per address: a shopper sends one for a page now and then; more is someone filling the counts. */
export const LAYOUT_REPORTS_PER_MINUTE = 6;

export function layoutReportRoutes(deps: RegistryDeps) {
  const app = new Hono<AuthEnv>();
  const trusted = deps.config.trustedProxies;
  app.use('/v1/layout-reports', extensionCors(deps.config.corsOrigins));
  app.post(
    '/v1/layout-reports',
    limitBody(MAX_LAYOUT_REPORT_BYTES),
    limitRate(
      LAYOUT_REPORTS_PER_MINUTE,
      'address',
      (c) => `layout:${clientRateKey(c, trusted)}`,
      deps.rateStore(),
    ),
    async (c) => {
      const report = await jsonBody(c, LayoutReportSchema);
      const now = deps.now();
      const sender = {
        network: clientNetwork(c, trusted, deps.networkSecret),
        perNetworkDaily: deps.config.layoutReportsPerNetworkPerDay,
      };
      if ((await saveLayoutReport(deps.db, report, sender, now)) === 'limit') {
        const retry = Math.ceil((86_400_000 - (now.getTime() % 86_400_000)) / 1000);
        return c.json(
          errorBody(
            'rate_limited',
            `more than ${sender.perNetworkDaily} layout reports a day from this network`,
          ),
          429,
          { 'Retry-After': String(Math.max(1, retry)) },
        );
      }
      return c.json({ ok: true }, 201);
    },
  );
  app.get(
    '/v1/review/layout-reports',
    requireRole(deps.db, ['inspector', 'admin'], deps.now),
    async (c) => c.json(await layoutCounts(deps.db, deps.now())),
  );
  return app;
}
