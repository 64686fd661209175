/**
 * What the outbox keeps and refuses (fake-indexeddb, a scripted registry): amendments of a listing
 * within a day, the hourly limit, wrong or oversized screenshots, statuses, deletion, and rows it
 * cannot read.
 */
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../utils/db/database';
import { background } from '../../helpers/background';
import { draft, START, setup } from '../../helpers/outbox-bed';

describe('the report outbox', () => {
  it('amends a report of the same listing within 24 hours (one report, reasons joined), then starts a new one', async () => {
    const { service, server, advance } = setup();
    const first = await service.submit(draft());
    await service.deliverDue();
    advance(60 * 60 * 1000);
    const second = await service.submit(
      draft(undefined, { reasons: ['unsafe'], note: 'Tem bị bóc.' }),
    );
    expect(second).toMatchObject({ outcome: 'amended', id: (first as { id: string }).id });
    await service.deliverDue();
    let { reports } = await service.list();
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({
      reasons: ['counterfeit', 'unsafe'],
      note: 'Tem bị bóc.',
      progress: 'sent',
    });
    expect(server.posts().map((call) => (call.body as { id: string }).id)).toEqual([
      reports[0]?.id,
      reports[0]?.id,
    ]);
    advance(24 * 60 * 60 * 1000);
    expect(await service.submit(draft())).toMatchObject({ outcome: 'saved' });
    ({ reports } = await service.list());
    expect(reports).toHaveLength(2);
  });

  it('takes at most 20 new reports an hour, and says when the next may be made', async () => {
    const { service, advance } = setup();
    for (let i = 0; i < 20; i++) {
      expect(await service.submit(draft(`shopee:item:1001.${3000 + i}`))).toMatchObject({
        outcome: 'saved',
      });
      advance(60_000);
    }
    const limited = await service.submit(draft('shopee:item:1001.9999'));
    expect(limited).toEqual({
      outcome: 'limited',
      until: new Date(START.getTime() + 60 * 60 * 1000).toISOString(),
    });
    expect((await service.list()).reports).toHaveLength(20);
    // Amending one of them is not a new report.
    expect(await service.submit(draft('shopee:item:1001.3005'))).toMatchObject({
      outcome: 'amended',
    });
    advance(60 * 60 * 1000);
    expect(await service.submit(draft('shopee:item:1001.9999'))).toMatchObject({
      outcome: 'saved',
    });
  });

  it('refuses a screenshot that is not the image it claims, and saves nothing', async () => {
    const { service } = setup();
    await expect(
      service.submit(
        draft(undefined, {
          screenshot: { dataUrl: 'data:image/png;base64,PHN2Zz4=', takenAt: START.toISOString() },
        }),
      ),
    ).rejects.toThrow(/not a PNG/);
    expect((await service.list()).reports).toHaveLength(0);
  });

  it("asks the registry for each delivered report's status, and keeps it", async () => {
    const { service, only } = setup();
    await service.submit(draft());
    await service.deliverDue();
    await service.listFresh(true);
    expect(await only()).toMatchObject({ progress: 'in_review', status: { state: 'in_review' } });
  });

  it('deletes reports locally on request only', async () => {
    const { service, only } = setup();
    await service.submit(draft());
    const view = await only();
    expect((await service.remove([view.id])).reports).toHaveLength(0);
  });

  it('leaves a stored row it cannot read where it is', async () => {
    const { service, name } = setup();
    const db = await openDatabase(name);
    await db.put('outbox', { id: 'broken', createdAt: START.toISOString() });
    await service.submit(draft());
    expect((await service.list()).reports).toHaveLength(1);
    expect(await db.get('outbox', 'broken')).toBeDefined();
  });
});

describe('an oversized screenshot', () => {
  it('is refused at the message boundary with a clear message, and nothing is saved', async () => {
    const { dispatch, reports } = background();
    const huge = `data:image/jpeg;base64,${'A'.repeat(1_500_000)}`;
    const reply = await dispatch(
      {
        type: 'createReportDraft',
        payload: {
          origin: 'popup',
          listing: draft().listing,
          screenshot: { dataUrl: huge, takenAt: START.toISOString() },
        },
      },
      { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html' },
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_message' } });
    expect(JSON.stringify(reply)).toContain('larger than 1 MB');
    expect((await reports.service.list()).reports).toHaveLength(0);
  });
});
