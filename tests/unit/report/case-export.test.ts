/**
 * The dashboard's CSV export reads every case the filters match: through the background's real
 * inspector queue call and registry client, against a registry (a fake fetch) holding more cases
 * than the 10,000 the export used to stop at, page after page, telling the count as it goes.
 */
import { describe, expect, it } from 'vitest';
import type { QueueItem } from '../../../utils/protocol/registry/review';
import { CursorLoopError, readAllCases } from '../../../utils/report/case-export';
import { casesCsv } from '../../../utils/report/case-work';
import { inspectorBed, REGISTRY, TOKEN } from '../../helpers/inspector-bed';

const item = (n: number): QueueItem => ({
  key: `shopee:item:1.${n}`,
  status: 'open',
  reports: 1,
  reasons: { counterfeit: 1 },
  appeals: 0,
  firstSeen: '2026-12-01T00:00:00.000Z',
  lastSeen: '2026-12-02T00:00:00.000Z',
  title: `Tin đăng ${n}`,
});

describe('the CSV export of the review queue', () => {
  it('reads every matching case, past 10,000, 200 a page, with the filters on every page', async () => {
    const bed = inspectorBed();
    await bed.call('inspectorSignIn', { registryUrl: REGISTRY, token: TOKEN });
    bed.queue.push(...Array.from({ length: 10_250 }, (_, n) => item(n)));
    const progress: number[] = [];
    const all = await readAllCases(
      { platform: 'shopee', sort: 'reports', cursor: 'stale' },
      async (query) => {
        const reply = (await bed.call('inspectorQueue', query)) as {
          ok: boolean;
          data: { items: QueueItem[]; next: string | null };
        };
        if (!reply.ok) throw new Error(JSON.stringify(reply));
        return reply.data;
      },
      (read) => progress.push(read),
    );
    expect(all).toHaveLength(10_250);
    expect(new Set(all.map((one) => one.key)).size).toBe(10_250);
    expect(progress).toHaveLength(52);
    expect(progress.slice(0, 2)).toEqual([200, 400]);
    expect(progress.at(-1)).toBe(10_250);
    const pages = bed.requests.filter((request) => request.path.startsWith('/v1/review/queue'));
    expect(pages).toHaveLength(52);
    // A cursor in the query the page had shown is not where the export starts.
    expect(pages[0]?.path).not.toContain('stale');
    for (const page of pages) {
      expect(page.path).toContain('platform=shopee');
      expect(page.path).toContain('sort=reports');
      expect(page.path).toContain('limit=200');
    }
    // One header line and one line a case.
    expect(casesCsv(all).trimEnd().split('\n')).toHaveLength(10_251);
  });

  it('refuses a registry that hands back a cursor it gave before, rather than paging forever', async () => {
    const pages = [
      { items: [item(1)], next: 'a' },
      { items: [item(2)], next: 'b' },
      { items: [item(3)], next: 'a' },
    ];
    await expect(
      readAllCases({}, async () => pages.shift() ?? { items: [], next: null }),
    ).rejects.toBeInstanceOf(CursorLoopError);
  });

  it('fails with the page that failed', async () => {
    let calls = 0;
    const failing = readAllCases({}, async () => {
      calls += 1;
      if (calls === 3) throw new Error('http_503');
      return { items: [item(calls)], next: String(calls) };
    });
    await expect(failing).rejects.toThrow('http_503');
  });
});
