/**
 * The dashboard's CSV on the release build, against the real registry: more cases than one page of
 * the review queue (200), all in the file, and the page says how many it wrote.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, type RegistryProcess, startRegistry } from '../helpers/registry';
import { report } from '../helpers/reports';
import { type Harness, launch, openExtensionPage } from './harness';
import { signIn } from './inspector-probes';

const CASES = 230;

describe('the dashboard CSV export', () => {
  let registry: RegistryProcess;
  let harness: Harness;
  let token: string;

  beforeAll(async () => {
    registry = await startRegistry('sqlite', { RATE_LIMIT_PER_MINUTE: '100000' });
    token = registry.token('Thanh tra viên e2e', 'inspector');
    for (let i = 0; i < CASES; i++) {
      const sent = report(
        {},
        { platform: 'shopee', itemKey: `shopee:item:5000.${i + 1}`, sellerKey: undefined },
      );
      expect((await client(registry).post('/v1/reports', sent)).status).toBe(201);
    }
    harness = await launch([], { passThrough: (url) => url.startsWith(registry.url) });
  }, 120_000);
  afterAll(async () => {
    await harness?.close();
    await registry?.cleanup();
  });

  it('writes every case the filters match, past the review queue’s page of 200, and says how many', async () => {
    const { options, signedIn } = await signIn(harness, registry.url, token);
    expect(signedIn).toBe(true);
    await options.close();
    const dashboard = await openExtensionPage(harness, 'dashboard.html');
    await dashboard.getByTestId('dashboard-cases').waitFor();
    const download = dashboard.waitForEvent('download');
    await dashboard.getByTestId('dashboard-csv').click();
    const csv = readFileSync((await (await download).path()) ?? '', 'utf8');
    const [, ...lines] = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(CASES);
    expect(new Set(lines.map((line) => line.split(',')[0])).size).toBe(CASES);
    await expect
      .poll(() => dashboard.getByTestId('dashboard-csv-progress').textContent())
      .toBe(`Đã xuất ${CASES} hồ sơ: mọi hồ sơ khớp bộ lọc.`);
  });
});
