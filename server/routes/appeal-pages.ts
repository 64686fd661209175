/**
 * The registry's only HTML: the appeal form, its confirmation and an appeal's status page, in plain
 * Vietnamese with no script. Every text is escaped by hono/html; the app's policy header
 * (Content-Security-Policy, X-Frame-Options) forbids anything but their inline style and framing.
 */
import { html } from 'hono/html';
import { DEFAULT_SYNC_MINUTES } from '../../utils/protocol/limits';
import type { AppealState, AppealStatus } from '../../utils/protocol/registry/review';

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

export function appealForm(key: string, error?: string) {
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

/** The confirmation: the appeal's id and the address that answers where it stands, to keep. */
export function received(status: AppealStatus) {
  return page(
    'Đã nhận khiếu nại',
    html`<h1>Đã nhận khiếu nại</h1>
      <p>Mã khiếu nại của bạn: <code>${status.id}</code>. Hãy lưu lại mã này cùng địa chỉ dưới đây.</p>
      <h2>Theo dõi khiếu nại</h2>
      <p>
        Mở địa chỉ này bất cứ lúc nào (hãy đánh dấu trang hoặc chép lại) để xem khiếu nại đang ở bước
        nào: đã nhận, thanh tra viên đã nhận xem xét lại, không nhận xem xét lại, hoặc đã có quyết định
        mới:
        <a href="${status.statusUrl}" data-testid="appeal-status-url">${status.statusUrl}</a>
      </p>
      <p>
        Trạng thái chỉ hiện ở địa chỉ này. Liên hệ bạn để lại (nếu có) chỉ được dùng khi thanh tra viên
        cần hỏi thêm.
      </p>
      ${whatHappens}`,
  );
}

/** A form post the registry refused (from another site, or over the day's limit), as a page. */
export function refusedPage(title: string, message: string, code: string) {
  return page(
    title,
    html`<h1>${title}</h1>
      <p class="error" role="alert">${message}</p>
      <p>Mã lỗi: <code>${code}</code></p>`,
  );
}

export function statusPage(status: AppealStatus) {
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
