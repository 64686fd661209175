/**
 * A report dialog framed in a marketplace page cannot ask for Firefox's data consent: the draft
 * goes on in a window of its own, and that window starts from the reasons, note and contact the
 * shopper had chosen and written in the frame, never from nothing.
 */
import { describe, expect, it } from 'vitest';
import { background, popup } from '../../helpers/background';

const productTab = {
  id: 'ext-id',
  url: 'https://shopee.vn/Sua-bot-i.7.101',
  tab: { id: 12 },
};
const dialog = { id: 'ext-id', url: 'chrome-extension://ext-id/report.html?draft=x&framed=1' };

describe('the framed dialog going on in a window', () => {
  it('keeps the shopper’s choices with the draft', async () => {
    const { dispatch } = background();
    const opened = await dispatch(
      {
        type: 'openReportDraft',
        payload: {
          listing: {
            platform: 'shopee',
            itemKey: 'shopee:item:7.101',
            title: 'Sữa bột mẫu A 900g',
            url: 'https://shopee.vn/Sua-bot-i.7.101',
            seenAt: '2026-11-28T11:59:00.000Z',
          },
        },
      },
      productTab,
    );
    expect(opened).toMatchObject({ ok: true });
    const { token } = (opened as { data: { token: string } }).data;

    const choices = {
      reasons: ['counterfeit'],
      note: 'Tem chống hàng giả bị bong',
      contact: 'nguoimua@example.vn',
    };
    expect(
      await dispatch({ type: 'openDraftWindow', payload: { token, choices } }, dialog),
    ).toEqual({ ok: true, data: { ok: true } });

    const view = await dispatch({ type: 'getReportDraft', payload: { token } }, popup);
    expect(view).toMatchObject({ ok: true, data: { draft: { choices } } });
  });
});
