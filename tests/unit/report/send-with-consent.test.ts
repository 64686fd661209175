/**
 * The report dialog's "Gửi" under Firefox's data consent: refused, nothing is queued and the dialog
 * says so; framed (it could not ask), the same draft goes on in a window; granted, it is sent.
 */
import { describe, expect, it, vi } from 'vitest';
import { t } from '../../../utils/i18n';
import { ProtocolError } from '../../../utils/protocol/runtime/client';
import { CONSENT_NEEDED, REPORT_DATA } from '../../../utils/protocol/runtime/data-collection';
import { sendWithConsent } from '../../../utils/report/send-with-consent';

function send(options: { granted: boolean; framed?: boolean; refusedByBackground?: boolean }) {
  return {
    ask: vi.fn(async () => options.granted),
    submit: vi.fn(async () => {
      if (options.refusedByBackground) throw new ProtocolError('internal', CONSENT_NEEDED);
      return { outcome: 'saved' };
    }),
    framed: options.framed ?? false,
    continueInWindow: vi.fn(async () => undefined),
    words: { refused: t('dialogConsentRefused'), inWindow: t('dialogConsentInWindow') },
  };
}

describe('sending a report under Firefox’s data consent', () => {
  it('refused: nothing is sent, and the dialog says so plainly', async () => {
    const refused = send({ granted: false });
    await expect(sendWithConsent(REPORT_DATA, refused)).rejects.toThrow(
      'bạn chưa cho phép gửi dữ liệu của báo cáo (tin đăng, địa chỉ của nó, mã cài đặt), nên không có gì được gửi đi',
    );
    expect(refused.ask).toHaveBeenCalledWith(REPORT_DATA);
    expect(refused.submit).not.toHaveBeenCalled();
  });

  it('granted: sent', async () => {
    const granted = send({ granted: true });
    await expect(sendWithConsent(REPORT_DATA, granted)).resolves.toEqual({ outcome: 'saved' });
    expect(granted.continueInWindow).not.toHaveBeenCalled();
  });

  it('framed, where it could not ask: the draft goes on in a window, and the dialog says where', async () => {
    const framed = send({ granted: true, framed: true, refusedByBackground: true });
    await expect(sendWithConsent(REPORT_DATA, framed)).rejects.toThrow('cửa sổ riêng');
    expect(framed.continueInWindow).toHaveBeenCalledOnce();
  });

  it('in its own window, a refusal by the background is shown as it is', async () => {
    const window = send({ granted: true, refusedByBackground: true });
    await expect(sendWithConsent(REPORT_DATA, window)).rejects.toThrow(CONSENT_NEEDED);
    expect(window.continueInWindow).not.toHaveBeenCalled();
  });
});
