/**
 * Appeals (DESIGN.md §4: a warning never hides that it is contested). A seller opens `/appeal?key=…`,
 * a plain Vietnamese form that needs no script, and sends a statement; programs may POST JSON. A
 * form post is taken only from the form's own page, and appeals are limited per key and per network
 * each day. Appeals join the review queue beside reports. Whoever holds an appeal's id looks it up
 * at `GET /v1/appeals/<id>`: JSON, or a page when a browser asks for HTML.
 */
import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { KeySchema } from '../../utils/protocol/records';
import { UuidV4Schema } from '../../utils/protocol/registry/report';
import {
  type AppealInput,
  AppealInputSchema,
  type AppealStatus,
} from '../../utils/protocol/registry/review';
import { checked, jsonBody } from '../http/body';
import type { TrustedProxies } from '../http/client-address';
import { ApiFailure, refuse } from '../http/errors';
import { clientNetwork, clientRateKey, viaTrustedProxy } from '../http/request-client';
import { limitBody, limitRate } from '../http/request-limits';
import { appealState, saveAppeal } from '../store/review/appeal-intake';
import { appealForm, received, refusedPage, statusPage } from './appeal-pages';
import type { RegistryDeps } from './deps';

async function appealFromForm(form: Record<string, unknown>): Promise<AppealInput> {
  const text = (name: string) => {
    const value = form[name];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  const contact = text('contact');
  // The same schema as JSON: no control character (a NUL above all) gets past it to the database.
  return checked(AppealInputSchema, {
    key: text('key') ?? '',
    statement: text('statement') ?? '',
    ...(contact ? { contact } : {}),
  });
}

/**
 * An address of this registry as the appellant reaches it: the request's own, with the scheme our
 * own proxies say the client used (X-Forwarded-Proto is read from them only).
 */
function ownUrl(c: Context, route: string, trusted: TrustedProxies | null): URL {
  const url = new URL(route, c.req.url);
  const forwarded = viaTrustedProxy(c, trusted)
    ? c.req.header('X-Forwarded-Proto')?.split(',')[0]?.trim()
    : null;
  if (forwarded === 'https' || forwarded === 'http') url.protocol = `${forwarded}:`;
  return url;
}

/**
 * A form post from another site (a page that makes its visitors' browsers post appeals): the
 * browser says so in Sec-Fetch-Site, or in an Origin that is not ours. Programs send neither.
 */
function fromAnotherSite(c: Context, trusted: TrustedProxies | null): boolean {
  const site = c.req.header('Sec-Fetch-Site');
  if (site === 'cross-site' || site === 'same-site') return true;
  const origin = c.req.header('Origin');
  return origin !== undefined && origin !== ownUrl(c, '/', trusted).origin;
}

const isFormPost = (c: Context) =>
  /^(?:application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(
    c.req.header('Content-Type') ?? '',
  );

/** Seconds until the day's (UTC) allowance starts again. */
const untilTomorrow = (now: Date) =>
  String(Math.max(1, Math.ceil((86_400_000 - (now.getTime() % 86_400_000)) / 1000)));

export function appealRoutes(deps: RegistryDeps) {
  const app = new Hono();
  const trusted = deps.config.trustedProxies;
  const limits = {
    perKey: deps.config.appealsPerKeyPerDay,
    perNetwork: deps.config.appealsPerNetworkPerDay,
  };
  const LIMIT_MESSAGE =
    `at most ${limits.perKey} appeals a day about one key and ${limits.perNetwork} from one ` +
    'network; try again tomorrow (UTC)';

  app.get('/appeal', (c) => {
    const key = c.req.query('key') ?? '';
    return c.html(appealForm(KeySchema.safeParse(key).success ? key : ''));
  });

  app.post(
    '/v1/appeals',
    limitBody(16 * 1024),
    limitRate(
      deps.config.reportsPerMinute,
      'address',
      (c) => `appeal:${clientRateKey(c, trusted)}`,
      deps.rateStore(),
    ),
    async (c) => {
      const isForm = isFormPost(c);
      if (isForm && fromAnotherSite(c, trusted)) {
        return c.html(
          refusedPage(
            'Không nhận khiếu nại gửi từ trang khác',
            'Khiếu nại chỉ được gửi từ biểu mẫu của chính sổ đăng ký này.',
            'cross_site',
          ),
          403,
        );
      }
      const id = randomUUID();
      const now = deps.now();
      let input: AppealInput;
      if (isForm) {
        // A body that claims to be a form and is not one is the sender's mistake, not ours.
        const form = await c.req.parseBody().catch(() => null);
        if (!form) {
          return c.html(appealForm('', 'Chưa gửi được: biểu mẫu gửi lên không đọc được.'), 400);
        }
        try {
          input = await appealFromForm(form);
        } catch (error) {
          if (!(error instanceof ApiFailure)) throw error;
          const key = typeof form.key === 'string' ? form.key : '';
          return c.html(
            appealForm(
              KeySchema.safeParse(key).success ? key : '',
              `Chưa gửi được: ${error.message}`,
            ),
            400,
          );
        }
      } else {
        input = await jsonBody(c, AppealInputSchema);
      }
      const network = clientNetwork(c, trusted, deps.networkSecret);
      if ((await saveAppeal(deps.db, { id, input, network }, limits, now)) === 'limit') {
        c.header('Retry-After', untilTomorrow(now));
        return isForm
          ? c.html(
              refusedPage(
                'Đã quá số khiếu nại trong ngày',
                `Mỗi ngày sổ đăng ký nhận tối đa ${limits.perKey} khiếu nại về một mã và ` +
                  `${limits.perNetwork} khiếu nại từ một mạng. Hãy gửi lại vào ngày mai.`,
                'appeal_limit',
              ),
              429,
            )
          : refuse(c, 429, 'appeal_limit', LIMIT_MESSAGE);
      }
      const status: AppealStatus = {
        id,
        key: input.key,
        state: 'received',
        receivedAt: now.toISOString(),
        statusUrl: ownUrl(c, `/v1/appeals/${id}`, trusted).href,
      };
      return isForm ? c.html(received(status), 201) : c.json(status, 201);
    },
  );

  app.get('/v1/appeals/:id', async (c) => {
    const id = c.req.param('id');
    const found = UuidV4Schema.safeParse(id).success ? await appealState(deps.db, id) : null;
    if (!found) return refuse(c, 404, 'unknown_appeal', 'no appeal has this id');
    const status: AppealStatus = {
      id,
      ...found,
      statusUrl: ownUrl(c, `/v1/appeals/${id}`, trusted).href,
    };
    // A browser following the confirmation page's link gets a page; programs get JSON.
    const accept = c.req.header('Accept') ?? '';
    c.header('Vary', 'Accept');
    if (/\btext\/html\b/i.test(accept) && !/^\s*application\/json\b/i.test(accept)) {
      return c.html(statusPage(status));
    }
    return c.json(status);
  });

  return app;
}
