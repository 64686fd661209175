/**
 * Delivery from the outbox behind the background's report service (fake-indexeddb, a scripted
 * registry): saved before sending, delivered exactly once under one id whatever fails on the way,
 * refusals kept with their reason, the 30-day horizon, the screenshot after the report, back online.
 */
import { describe, expect, it } from 'vitest';
import { EXPIRY_MS } from '../../../utils/outbox/delivery';
import { draft, PNG, START, setup } from '../../helpers/outbox-bed';

describe('the report outbox', () => {
  it('saves the report before sending, then delivers it once, with a snapshot hash and trimmed text', async () => {
    const { service, server, only } = setup();
    const saved = await service.submit(draft());
    expect(saved).toMatchObject({ outcome: 'saved', registryUrl: 'https://registry.test' });
    await service.deliverDue();
    const view = await only();
    expect(view.progress).toBe('sent');
    expect(view.note).toBe('Hộp in mờ.');
    expect(view.listing.title).toBe('Sữa bột <b>Colos</b> 800g'); // text, kept as typed
    expect(view.snapshotSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(server.posts()).toHaveLength(1);
    expect(server.posts()[0]?.url).toBe('https://registry.test/v1/reports');
    expect(server.posts()[0]?.body).toMatchObject({
      id: view.id,
      reasons: ['counterfeit'],
      version: '0.1.0',
    });
    await service.deliverDue();
    expect(server.posts()).toHaveLength(1);
  });

  it('retries network errors, 5xx and 429 under the same id until acknowledged, honouring Retry-After', async () => {
    const { service, server, advance, only, wakes } = setup([
      'offline',
      503,
      { status: 429, retryAfter: '600' },
    ]);
    await service.submit(draft());
    await service.deliverDue();
    let view = await only();
    expect(view).toMatchObject({
      progress: 'waiting',
      attempts: 1,
      lastError: { status: 0, code: 'unreachable' },
    });
    expect(wakes.at(-1)).toEqual(new Date(START.getTime() + 2_500));
    advance(2_500);
    await service.deliverDue();
    view = await only();
    expect(view).toMatchObject({ progress: 'waiting', attempts: 2, lastError: { status: 503 } });
    advance(5_000);
    await service.deliverDue();
    view = await only();
    expect(view).toMatchObject({ attempts: 3, lastError: { status: 429 } });
    expect(Date.parse(view.nextAttemptAt ?? '') - Date.parse(START.toISOString())).toBe(
      7_500 + 600_000,
    );
    advance(599_000);
    await service.deliverDue();
    expect(server.posts()).toHaveLength(3); // not before Retry-After
    advance(1_000);
    await service.deliverDue();
    expect((await only()).progress).toBe('sent');
    const ids = new Set(server.posts().map((call) => (call.body as { id: string }).id));
    expect(ids).toEqual(new Set([view.id]));
    expect(server.posts()).toHaveLength(4);
  });

  it('stops at a 4xx other than 429 and keeps its reason; "Thử lại" sends it again', async () => {
    const { service, server, advance, only } = setup([400]);
    await service.submit(draft());
    await service.deliverDue();
    const view = await only();
    expect(view).toMatchObject({
      progress: 'refused',
      lastError: { status: 400, code: 'code_400', message: 'refused 400' },
    });
    advance(EXPIRY_MS);
    await service.deliverDue();
    await service.retry(); // "Gửi ngay" leaves refusals alone
    expect(server.posts()).toHaveLength(1);
    await service.retry(view.id);
    expect((await only()).progress).toBe('sent');
    expect(server.posts()).toHaveLength(2);
  });

  it('keeps reports locally without a registry, and sends them once one is set', async () => {
    const { service, server, only } = setup([], null);
    expect(await service.submit(draft())).toMatchObject({
      outcome: 'saved',
      progress: 'local',
      registryUrl: null,
    });
    await service.deliverDue();
    expect(server.calls).toHaveLength(0);
    expect((await service.list()).undelivered).toBe(1);
    await service.setRegistryUrl('http://127.0.0.1:9/');
    await service.deliverDue();
    expect(await only()).toMatchObject({ progress: 'sent', registryUrl: 'http://127.0.0.1:9/' });
    expect(server.posts()[0]?.url).toBe('http://127.0.0.1:9/v1/reports');
  });

  it('shows a report undelivered for 30 days as expired, and "Thử lại" starts again', async () => {
    const { service, advance, only, server } = setup(
      Array.from({ length: 40 }, () => 'offline' as const),
    );
    await service.submit(draft());
    for (let day = 0; day < 31; day++) {
      advance(24 * 60 * 60 * 1000);
      await service.deliverDue();
    }
    const view = await only();
    expect(view.progress).toBe('expired');
    const attempts = server.posts().length;
    advance(24 * 60 * 60 * 1000);
    await service.deliverDue();
    expect(server.posts()).toHaveLength(attempts);
    expect((await service.list()).undelivered).toBe(1);
    await service.retry(view.id); // the script still answers "offline"
    expect(await only()).toMatchObject({ progress: 'waiting', attempts: 1 });
  });

  it('sends the screenshot after the report is acknowledged, and retries it on its own', async () => {
    const { service, server, advance, only } = setup(['offline', 201, 503]);
    await service.submit(
      draft(undefined, {
        screenshot: { dataUrl: `data:image/png;base64,${PNG}`, takenAt: START.toISOString() },
      }),
    );
    await service.deliverDue();
    expect(server.calls.filter((call) => call.method === 'PUT')).toHaveLength(0);
    advance(10_000);
    await service.deliverDue();
    let view = await only();
    expect(view.progress).toBe('sent');
    expect(view.screenshot).toMatchObject({ delivered: false, lastError: { status: 503 } });
    advance(10_000);
    await service.deliverDue();
    view = await only();
    expect(view.screenshot?.delivered).toBe(true);
    const puts = server.calls.filter((call) => call.method === 'PUT');
    expect(puts).toHaveLength(2);
    expect(puts[0]?.url).toBe(`https://registry.test/v1/reports/${view.id}/evidence`);
    expect(view.screenshot?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('back online', () => {
  it('makes every waiting report due now, keeping its attempts and window', async () => {
    const { service, server, only } = setup(['offline', 'offline']);
    await service.submit(draft());
    await service.deliverDue();
    await service.deliverDue();
    expect(server.posts()).toHaveLength(1); // the second waits for its backoff
    await service.hurry();
    expect(server.posts()).toHaveLength(2);
    expect((await only()).attempts).toBe(2);
    await service.hurry();
    expect((await only()).progress).toBe('sent');
  });

  it('sends nothing while Firefox’s data consent is withdrawn after the report was saved, and delivers it once it is given again', async () => {
    const consent = { granted: true };
    const { service, server, only } = setup(undefined, undefined, consent);
    await service.submit(draft());
    consent.granted = false;
    await service.deliverDue();
    await service.hurry();
    expect(server.posts()).toHaveLength(0);
    expect((await only()).progress).toBe('waiting');
    consent.granted = true;
    await service.deliverDue();
    expect(server.posts()).toHaveLength(1);
    expect((await only()).progress).toBe('sent');
  });
});
