/**
 * The registry's HTTP app: one route group per concern, the extension-origin CORS on the API, JSON
 * errors everywhere, a policy that lets no page run script or be framed, and one log line per
 * request (method, path, status, time; never addresses).
 */
import { type Context, Hono, type Next } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { fileFault, StorageFaultError } from './db/storage-faults';
import { extensionCors } from './http/cors';
import { ApiFailure, errorBody, unavailable } from './http/errors';
import { appealRoutes } from './routes/appeals';
import type { RegistryDeps } from './routes/deps';
import { feedRoutes } from './routes/feed';
import { healthRoutes } from './routes/health';
import { layoutReportRoutes } from './routes/layout-reports';
import { lookupRoutes } from './routes/lookup';
import { reportRoutes } from './routes/reports';
import { reviewRoutes } from './routes/review';

/**
 * The pages' policy. The registry's only pages (the appeal form, its confirmation, an appeal's
 * status, and their refusals) need their inline style and to post to themselves, nothing more; no
 * page of it may be framed (a framed form could be clicked through by a hidden overlay). Set on
 * every answer of the routes that serve them, an error page included.
 */
const POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; " +
  "frame-ancestors 'none'; base-uri 'none'";

export function createApp(deps: RegistryDeps): Hono {
  const app = new Hono();

  // One line per request at debug level; at the usual level the middleware is not even installed.
  if (deps.log.isLevelEnabled('debug')) {
    app.use('*', async (c, next) => {
      const started = performance.now();
      await next();
      deps.log.debug(
        {
          method: c.req.method,
          path: c.req.path,
          status: c.res.status,
          ms: Math.round(performance.now() - started),
        },
        'request',
      );
    });
  }
  // Set before the handler runs: a header added to a finished response makes Hono rebuild it as a
  // stream, which Node then writes in pieces (and Nagle's algorithm delays).
  app.use('*', async (c, next) => {
    c.header('X-Content-Type-Options', 'nosniff');
    await next();
  });
  // The registry's pages are the appeal form, its confirmation and an appeal's status: their
  // routes carry the policy. Every other answer is JSON or a feed file, which no browser renders
  // as a page, and two more headers on each would cost the busiest route, intake.
  const pagePolicy = async (c: Context, next: Next) => {
    c.header('Content-Security-Policy', POLICY);
    c.header('X-Frame-Options', 'DENY');
    await next();
  };
  app.use('/appeal', pagePolicy);
  app.use('/appeal/*', pagePolicy);
  app.use('/v1/appeals', pagePolicy);
  app.use('/v1/appeals/*', pagePolicy);
  app.use('/v1/reports/*', extensionCors(deps.config.corsOrigins));
  app.use('/v1/reports', extensionCors(deps.config.corsOrigins));
  app.use('/v1/review/*', extensionCors(deps.config.corsOrigins));
  app.use('/v1/lookup', extensionCors(deps.config.corsOrigins));

  app.route('/', healthRoutes(deps));
  app.route('/', reportRoutes(deps));
  app.route('/', reviewRoutes(deps));
  app.route('/', lookupRoutes(deps));
  app.route('/', feedRoutes(deps));
  app.route('/', appealRoutes(deps));
  app.route('/', layoutReportRoutes(deps));

  app.notFound((c) =>
    c.json(errorBody('not_found', `no route for ${c.req.method} ${c.req.path}`), 404),
  );
  app.onError((error, c) => {
    if (error instanceof ApiFailure)
      return c.json(errorBody(error.code, error.message), error.status);
    if (error instanceof HTTPException && error.status < 500) {
      return c.json(errorBody('bad_request', error.message), error.status);
    }
    // The database's faults were logged once, when they began (registry.ts); a file's each time.
    if (error instanceof StorageFaultError) return unavailable(c, error.fault);
    const fault = fileFault(error);
    if (fault) {
      deps.log.error({ err: error, path: c.req.path }, 'a file could not be written');
      return unavailable(c, fault);
    }
    deps.log.error({ err: error, path: c.req.path }, 'request failed');
    return c.json(errorBody('internal', 'the registry could not complete this request'), 500);
  });
  return app;
}
