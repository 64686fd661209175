/**
 * Appeals (DESIGN.md §4: a warning never hides that it is contested). A seller opens `/appeal?key=…`,
 * a plain Vietnamese form that needs no script, and sends a statement; programs may POST JSON.
 * Appeals join the review queue beside reports. Whoever holds an appeal's id looks it up at
 * `GET /v1/appeals/<id>`: JSON, or a page when a browser asks for HTML.
 */
import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { html } from 'hono/html';
import { DEFAULT_SYNC_MINUTES } from '../../utils/protocol/limits';
import { KeySchema } from '../../utils/protocol/records';
import { UuidV4Schema } from '../../utils/protocol/registry/report';
import {
  type AppealInput,
  AppealInputSchema,
  type AppealState,
  type AppealStatus,
} from '../../utils/protocol/registry/review';
import { checked, jsonBody } from '../http/body';
import { ApiFailure, refuse } from '../http/errors';
import { clientAddress, limitBody, limitRate } from '../http/request-limits';
import { appealState, saveAppeal } from '../store/review/review-actions';
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
      code, a { word-break: break-all; }
    </style>
  </head>
  <body>
    ${body}
  </body>
</html>`;

const SYNC_HOURS = DEFAULT_SYNC_MINUTES / 60;

/** What happens to an appeal and when, as the form says it before anything is sent. */
const whatHappens = html`<h2>Điều gì xảy ra sau khi gửi</h2>
  <ol data-testid="appeal-steps">
    <li>
      Bạn nhận được mã khiếu nại và địa chỉ để xem trạng thái của nó bất cứ lúc nào.
    </li>
    <li>
      Thanh tra viên của sổ đăng ký đọc giải trình và quyết định có nhận xem xét lại hay không.
      <strong>Trước khi thanh tra viên nhận xem xét lại, cảnh báo không thay đổi gì.</strong>
    </li>
    <li>
      Chỉ khi thanh tra viên đã nhận xem xét lại, từ lần công bố dữ liệu tiếp theo của sổ đăng ký,
      cảnh báo về mã này mới hiện là «Đang khiếu nại»: vẫn nêu kết luận cũ, ai kết luận và ngày nào,
      kèm dòng người bán đang khiếu nại, chờ xem xét lại. Tiện ích của người mua cập nhật dữ liệu
      khoảng ${SYNC_HOURS} giờ một lần, nên có thể chậm thêm chừng đó.
    </li>
    <li>
      Cảnh báo chỉ được gỡ hoặc sửa khi có quyết định mới sau khi xem xét lại. Nếu thanh tra viên không
      nhận xem xét lại, cảnh báo giữ nguyên.
    </li>
  </ol>
  <p>Sổ đăng ký không đặt thời hạn cố định cho việc xem xét.</p>`;

function appealForm(key: string, error?: string) {
  return page(
    'Khiếu nại cảnh báo của Soi Hàng',
    html`<h1>Khiếu nại cảnh báo</h1>
      <p>
        Nếu bạn là người bán và cho rằng cảnh báo về tin đăng hoặc cửa hàng này là sai, hãy gửi giải
        trình.
      </p>
      ${whatHappens}
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

/** Each state in words: where the appeal stands, and what warnings show meanwhile. */
const STATE_WORDS: Record<AppealState, { title: string; meaning: string }> = {
  received: {
    title: 'Đã nhận, chờ thanh tra viên xem xét',
    meaning:
      'Thanh tra viên chưa quyết định có nhận xem xét lại hay không. Cảnh báo chưa thay đổi gì.',
  },
  accepted: {
    title: 'Thanh tra viên đã nhận xem xét lại',
    meaning:
      'Từ lần công bố dữ liệu tiếp theo của sổ đăng ký, cảnh báo về mã này hiện là «Đang khiếu nại» cho tới khi có quyết định mới.',
  },
  rejected: {
    title: 'Thanh tra viên không nhận xem xét lại',
    meaning: 'Cảnh báo giữ nguyên như trước khi khiếu nại.',
  },
  resolved: {
    title: 'Đã có quyết định mới',
    meaning:
      'Sau khi xem xét lại, thanh tra viên đã ra quyết định mới về mã này; cảnh báo (nếu còn) theo quyết định đó từ lần công bố dữ liệu tiếp theo.',
  },
};

function received(status: AppealStatus) {
  return page(
    'Đã nhận khiếu nại',
    html`<h1>Đã nhận khiếu nại</h1>
      <p>Mã khiếu nại của bạn: <code>${status.id}</code>. Hãy lưu lại mã này.</p>
      <p>
        Xem trạng thái khiếu nại tại:
        <a href="${status.statusUrl}" data-testid="appeal-status-url">${status.statusUrl}</a>
      </p>
      ${whatHappens}`,
  );
}

function statusPage(status: AppealStatus) {
  const words = STATE_WORDS[status.state];
  return page(
    'Trạng thái khiếu nại',
    html`<h1>Trạng thái khiếu nại</h1>
      <p>Mã khiếu nại: <code>${status.id}</code></p>
      <p>Mã bị khiếu nại: <code>${status.key}</code></p>
      <p>Gửi lúc: ${status.receivedAt}</p>
      <p><strong data-state="${status.state}">${words.title}</strong></p>
      <p>${words.meaning}</p>`,
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

/** The address an appeal is looked up at, as the appellant reaches this registry. */
function statusUrl(c: Context, id: string, trustProxy: boolean): string {
  const url = new URL(`/v1/appeals/${id}`, c.req.url);
  const forwarded = trustProxy ? c.req.header('X-Forwarded-Proto')?.split(',')[0]?.trim() : null;
  if (forwarded === 'https' || forwarded === 'http') url.protocol = `${forwarded}:`;
  return url.href;
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
      const now = deps.now();
      const status = (key: string): AppealStatus => ({
        id,
        key,
        state: 'received',
        receivedAt: now.toISOString(),
        statusUrl: statusUrl(c, id, deps.config.trustProxy),
      });
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
        await saveAppeal(deps.db, id, input, now);
        return c.html(received(status(input.key)), 201);
      }
      const input = await jsonBody(c, AppealInputSchema);
      await saveAppeal(deps.db, id, input, now);
      return c.json(status(input.key), 201);
    },
  );

  app.get('/v1/appeals/:id', async (c) => {
    const id = c.req.param('id');
    const found = UuidV4Schema.safeParse(id).success ? await appealState(deps.db, id) : null;
    if (!found) return refuse(c, 404, 'unknown_appeal', 'no appeal has this id');
    const status: AppealStatus = {
      id,
      ...found,
      statusUrl: statusUrl(c, id, deps.config.trustProxy),
    };
    // A browser following the confirmation page's link gets a page; programs get JSON.
    const accept = c.req.header('Accept') ?? '';
    if (/\btext\/html\b/i.test(accept) && !/^\s*application\/json\b/i.test(accept)) {
      c.header('Vary', 'Accept');
      return c.html(statusPage(status));
    }
    c.header('Vary', 'Accept');
    return c.json(status);
  });

  return app;
}
