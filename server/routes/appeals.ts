/**
 * Appeals (DESIGN.md §4: a warning never hides that it is contested). A seller opens `/appeal?key=…`,
 * a plain Vietnamese form that needs no script, and sends a statement; programs may POST JSON.
 * Appeals join the review queue beside reports.
 */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { html } from 'hono/html';
import { KeySchema } from '../../utils/protocol/records';
import { type AppealInput, AppealInputSchema } from '../../utils/protocol/review';
import { checked, jsonBody } from '../http/body';
import { ApiFailure } from '../http/errors';
import { clientAddress, limitBody, limitRate } from '../http/limits';
import { saveAppeal } from '../store/review-actions';
import type { RegistryDeps } from './deps';

const page = (title: string, body: unknown) => html`<!doctype html>
<html lang="vi">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
    <style>
      body { font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; color: #1f2328; }
      label { display: block; margin-top: 1rem; font-weight: 600; }
      input, textarea { width: 100%; box-sizing: border-box; font: inherit; padding: .5rem; }
      button { margin-top: 1rem; font: inherit; padding: .5rem 1.25rem; }
      .error { color: #a40e26; }
      code { word-break: break-all; }
    </style>
  </head>
  <body>
    ${body}
  </body>
</html>`;

function appealForm(key: string, error?: string) {
  return page(
    'Khiếu nại cảnh báo của Soi Hàng',
    html`<h1>Khiếu nại cảnh báo</h1>
      <p>
        Nếu bạn là người bán và cho rằng cảnh báo về tin đăng hoặc cửa hàng này là sai, hãy gửi giải
        trình. Thanh tra viên sẽ xem xét; trong thời gian đó, cảnh báo sẽ ghi rõ là đang bị khiếu nại.
      </p>
      ${error ? html`<p class="error" role="alert">${error}</p>` : ''}
      <form method="post" action="/v1/appeals">
        <label for="key">Mã tin đăng hoặc người bán</label>
        <input id="key" name="key" required maxlength="300" value="${key}" />
        <label for="statement">Giải trình (tối đa 4.000 ký tự)</label>
        <textarea id="statement" name="statement" required maxlength="4000" rows="8"></textarea>
        <label for="contact">Liên hệ (không bắt buộc: email hoặc số điện thoại)</label>
        <input id="contact" name="contact" maxlength="200" autocomplete="email" />
        <button type="submit">Gửi khiếu nại</button>
      </form>`,
  );
}

function received(id: string) {
  return page(
    'Đã nhận khiếu nại',
    html`<h1>Đã nhận khiếu nại</h1>
      <p>Mã khiếu nại của bạn: <code>${id}</code>. Hãy lưu lại mã này để hỏi về kết quả.</p>`,
  );
}

async function appealFromForm(form: Record<string, unknown>): Promise<AppealInput> {
  const text = (name: string) => {
    const value = form[name];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  const contact = text('contact');
  return checked(AppealInputSchema, {
    key: text('key') ?? '',
    statement: text('statement') ?? '',
    ...(contact ? { contact } : {}),
  });
}

export function appealRoutes(deps: RegistryDeps) {
  const app = new Hono();

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
      (c) => `appeal:${clientAddress(c, deps.config.trustProxy)}`,
    ),
    async (c) => {
      const isForm = /^application\/x-www-form-urlencoded\b/i.test(
        c.req.header('Content-Type') ?? '',
      );
      const id = randomUUID();
      if (isForm) {
        const form = await c.req.parseBody();
        let input: AppealInput;
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
        await saveAppeal(deps.db, id, input, deps.now());
        return c.html(received(id), 201);
      }
      const input = await jsonBody(c, AppealInputSchema);
      await saveAppeal(deps.db, id, input, deps.now());
      return c.json({ id, state: 'received' }, 201);
    },
  );

  return app;
}
