/**
 * A report is never lost or counted twice: 8 clients send 1,000 reports, each retrying until it has
 * a receipt, while the registry is killed with SIGKILL twice and restarted. Bounded: it ends when
 * every report is acknowledged or after two minutes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/dialect';
import type { Report, ReportReceipt } from '../../utils/protocol/registry/report';
import { BACKENDS, client, type RegistryProcess, startRegistry } from '../helpers/registry';
import { report } from '../helpers/reports';

const CLIENTS = 8;
const REPORTS = 1000;
const DEADLINE_MS = 120_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(BACKENDS)('durability under SIGKILL (%s)', (backend) => {
  let registry: RegistryProcess;
  beforeAll(async () => {
    registry = await startRegistry(backend, { RATE_LIMIT_PER_MINUTE: '1000000' });
  });
  afterAll(() => registry?.cleanup());

  it('stores every report exactly once and every client gets a receipt for each', {
    timeout: DEADLINE_MS + 30_000,
  }, async () => {
    const started = Date.now();
    const queues: Report[][] = Array.from({ length: CLIENTS }, () => []);
    for (let i = 0; i < REPORTS; i++)
      queues[i % CLIENTS]?.push(
        report(
          {},
          {
            itemKey: `tiki:item:${i + 1}`,
            sellerKey: `tiki:seller:${(i % 37) + 1}`,
            platform: 'tiki',
          },
        ),
      );
    const receipts = new Map<string, ReportReceipt>();
    let retries = 0;

    async function deliver(sent: Report): Promise<void> {
      for (;;) {
        if (Date.now() - started > DEADLINE_MS) throw new Error('deadline passed');
        try {
          const response = await fetch(`${registry.url}/v1/reports`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(sent),
            signal: AbortSignal.timeout(5000),
          });
          if (response.status === 200 || response.status === 201) {
            receipts.set(sent.id, (await response.json()) as ReportReceipt);
            return;
          }
          throw new Error(`unexpected ${response.status}: ${await response.text()}`);
        } catch (error) {
          if (error instanceof Error && error.message.startsWith('unexpected')) throw error;
          retries++;
          await sleep(50);
        }
      }
    }

    const sending = Promise.all(
      queues.map(async (queue) => {
        for (const sent of queue) await deliver(sent);
      }),
    );
    for (const after of [250, 600]) {
      while (receipts.size < after) await sleep(5);
      await registry.kill();
      await sleep(200);
      await registry.start();
    }
    await sending;

    expect(receipts.size).toBe(REPORTS);
    expect(retries).toBeGreaterThan(0);
    // An inspector's read counts every acknowledged report into the review tables first.
    const inspector = client(registry, registry.token('Kiểm tra', 'inspector'));
    expect((await inspector.get('/v1/review/queue?limit=1')).status).toBe(200);
    const store = openDatabase(registry.databaseUrl);
    try {
      const rows = await store.db.selectFrom('reports').select(['id', 'received_at']).execute();
      expect(rows).toHaveLength(REPORTS);
      for (const row of rows) expect(receipts.get(row.id)?.receivedAt).toBe(row.received_at);
      const keys = await store.db
        .selectFrom('report_keys')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(keys.n)).toBe(REPORTS * 2);
      const counted = await store.db
        .selectFrom('cases')
        .select((eb) => eb.fn.sum('report_count').as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(counted.n)).toBe(REPORTS * 2);
    } finally {
      await store.db.destroy();
    }
  });
});
