/**
 * A layout report is data sent to the registry like a report: under Firefox's data consent
 * (technicalAndInteraction), refused, the background sends nothing.
 */
import { describe, expect, it, vi } from 'vitest';
import { CONSENT_NEEDED } from '../../../utils/protocol/runtime/data-collection';
import { background, popup, tab } from '../../helpers/background';

const consent = vi.hoisted(() => ({ granted: false, asked: [] as unknown[] }));
vi.mock('../../../utils/report/data-consent', async (original) => ({
  ...(await original<object>()),
  maySend: async (categories: readonly string[]) => {
    consent.asked.push([...categories]);
    return consent.granted;
  },
}));

const unread = {
  platform: 'shopee',
  pageKind: 'grid',
  checked: 0,
  flagged: 0,
  unreadable: 1,
  errors: 0,
  muted: 0,
  paused: false,
  listings: [],
  unread: true,
  cardLike: 48,
  adapterVersion: '2026-12-07',
};

describe('a layout report under Firefox’s data consent', () => {
  it('is not sent without the consent, and is once it is given', async () => {
    const { dispatch, layoutReports } = background();
    await dispatch({ type: 'pageStatus', payload: unread }, tab);
    consent.granted = false;
    expect(await dispatch({ type: 'sendLayoutReport', payload: { tabId: 12 } }, popup)).toEqual({
      ok: false,
      error: { code: 'internal', message: CONSENT_NEEDED },
    });
    expect(consent.asked).toEqual([['technicalAndInteraction']]);
    expect(layoutReports).toEqual([]);

    consent.granted = true;
    expect(await dispatch({ type: 'sendLayoutReport', payload: { tabId: 12 } }, popup)).toEqual({
      ok: true,
      data: { ok: true },
    });
    expect(layoutReports).toHaveLength(1);
  });
});
