/**
 * The report outbox on fake-indexeddb behind a scripted registry, for the outbox suites: a draft
 * report, a registry that answers from a script (then 201), and a clock the test moves.
 */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { openDatabase } from '../../utils/db/database';
import type { SubmitReport } from '../../utils/protocol/runtime/report-messages';
import { reportService } from './report-service';

export const START = new Date('2026-12-03T10:00:00Z');
export const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';

export function draft(
  itemKey = 'shopee:item:1001.2002',
  extra: Partial<SubmitReport> = {},
): SubmitReport {
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

export function setup(
  script?: Parameters<typeof registry>[0],
  defaultRegistryUrl?: string | null,
  consent: { granted: boolean } = { granted: true },
) {
  const clock = { now: START };
  const server = registry(script);
  const name = `outbox-${randomUUID()}`;
  const { service, wakes } = reportService({
    openDb: () => openDatabase(name),
    fetch: server.fetch,
    now: () => clock.now,
    random: () => 0.5,
    maySend: async () => consent.granted,
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
