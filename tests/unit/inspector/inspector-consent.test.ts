/**
 * Inspector mode under Firefox's data consent: withdrawn after the sign-in (Firefox's add-on
 * settings), the pages an inspector opens are not sent to the registry, and no decision or evidence
 * goes out.
 */
import { describe, expect, it, vi } from 'vitest';
import { CONSENT_NEEDED } from '../../../utils/protocol/runtime/data-collection';
import { inspectorBed, listing, REGISTRY, shopeeTab, TOKEN } from '../../helpers/inspector-bed';

const consent = vi.hoisted(() => ({ granted: true }));
vi.mock('../../../utils/report/data-consent', async (original) => ({
  ...(await original<object>()),
  maySend: async () => consent.granted,
}));

describe('inspector mode with the consent withdrawn', () => {
  it('sends nothing about the pages opened, and takes no action', async () => {
    const bed = inspectorBed();
    consent.granted = true;
    expect(
      await bed.call('inspectorSignIn', { registryUrl: REGISTRY, token: TOKEN }),
    ).toMatchObject({ ok: true });
    consent.granted = false;
    bed.fetch.mockClear();
    expect(await bed.call('inspectorLookup', { keys: [listing.itemKey] }, shopeeTab)).toEqual({
      ok: true,
      data: { active: false, entries: [] },
    });
    expect(
      await bed.call('inspectorAct', {
        kind: 'decision',
        key: listing.itemKey,
        status: 'confirmed',
        reasons: ['counterfeit'],
        authority: 'Chi cục QLTT',
        caseId: 'QĐ 1',
        summary: { vi: 'Hàng giả.', en: 'Counterfeit.' },
      }),
    ).toMatchObject({ ok: false, error: { message: CONSENT_NEEDED } });
    expect(bed.fetch).not.toHaveBeenCalled();
  });
});
