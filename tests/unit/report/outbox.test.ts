/**
 * The outbox behind the background's report service, on fake-indexeddb with a scripted registry:
 * saved before sending, delivered exactly once under one id whatever fails on the way, refusals kept
 * with their reason, the screenshot after the report, amendments, the hourly limit and the horizon.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../utils/db/database';
import type { SubmitReport } from '../../../utils/protocol/report-messages';
import { EXPIRY_MS } from '../../../utils/report/delivery';
import { reportService } from '../../helpers/report-service';

const START = new Date('2026-12-03T10:00:00Z');
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';

function draft(itemKey = 'shopee:item:1001.2002', extra: Partial<SubmitReport> = {}): SubmitReport {
  return {
    listing: {
      platform: 'shopee',
      itemKey,
      sellerKey: 'shopee:seller:1001',
      title: 'Sữa bột <b>Colos</b> 800g',
      price: 185_000,
      url: 'https://shopee.vn/sua-bot-i.1001.2002',
      seenAt: START.toISOString(),
    },
    reasons: ['counterfeit'],
    note: '  Hộp in mờ.  ',
    ...extra,
  };
}

interface Call {
  method: string;
  url: string;
  body: unknown;
}

/** A registry that answers from a script, then 201 with a receipt; every call is recorded. */
function registry(
  script: Array<number | 'offline' | { status: number; retryAfter?: string }> = [],
) {
  const calls: Call[] = [];
  const answers = [...script];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : init?.body;
    calls.push({ method, url, body });
    const next = answers.shift();
    if (next === 'offline') throw new TypeError('Failed to fetch');
    const status =
      typeof next === 'number' ? next : (next?.status ?? (method === 'GET' ? 200 : 201));
    const headers = new Headers({ 'Content-Type': 'application/json' });
    if (typeof next === 'object' && next.retryAfter) headers.set('Retry-After', next.retryAfter);
    if (status >= 400) {
      return new Response(
        JSON.stringify({ error: { code: `code_${status}`, message: `refused ${status}` } }),
        { status, headers },
      );
    }
    if (url.endsWith('/status')) {
      const id = url.split('/').at(-2);
      return new Response(
        JSON.stringify({ id, state: 'in_review', receivedAt: START.toISOString() }),
        { status, headers },
      );
    }
    if (url.endsWith('/evidence')) return new Response('{}', { status, headers });
    return new Response(
      JSON.stringify({ id: (body as { id: string }).id, receivedAt: START.toISOString() }),
      { status, headers },
    );
  };
  return { calls, fetch, posts: () => calls.filter((call) => call.method === 'POST') };
}

function setup(script?: Parameters<typeof registry>[0], defaultRegistryUrl?: string | null) {
  const clock = { now: START };
  const server = registry(script);
  const name = `outbox-${randomUUID()}`;
  const { service, wakes } = reportService({
    openDb: () => openDatabase(name),
    fetch: server.fetch,
    now: () => clock.now,
    random: () => 0.5,
    ...(defaultRegistryUrl === undefined ? {} : { defaultRegistryUrl }),
  });
  const advance = (ms: number) => {
    clock.now = new Date(clock.now.getTime() + ms);
  };
  const only = async () => {
    const { reports } = await service.list();
    expect(reports).toHaveLength(1);
    const [view] = reports;
    if (!view) throw new Error('no report');
    return view;
  };
  return { service, wakes, server, advance, only, clock, name };
}

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
});

describe('an oversized screenshot', () => {
  it('is refused at the message boundary with a clear message, and nothing is saved', async () => {
    const { background } = await import('../../helpers/background');
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
