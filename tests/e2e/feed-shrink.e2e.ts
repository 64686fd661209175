/**
 * A new registry never wipes the shipped protection, on the release build: pointed from the options
 * page at a registry that holds one record (started without the shipped sources), the extension
 * refuses its feed, keeps the shipped records and the scam-site block rule, and says why in the
 * options and the popup; pointed then at a fresh registry as it starts by default (the shipped
 * sources imported on its first start), it takes that feed, still blocks the shipped scam sites, and
 * the warning is gone.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeSources, readShippedSources } from '../../server/sources/shipped';
import { client, type RegistryProcess, startRegistry } from '../helpers/registry';
import { shippedFeed } from '../helpers/shipped-data';
import { blockedDomains } from './block-probes';
import { eventually, type Harness, launch, openExtensionPage, syncNow, useFeed } from './harness';
import { viCount } from './journey-checks';

/** A scam domain of the shipped ChongLuaDao list. */
const SHIPPED_SCAM = '0000a.net';

const shown = async (page: Page, id: string) => {
  const found = page.getByTestId(id);
  return (await found.count()) > 0 ? ((await found.textContent()) ?? '') : null;
};

/** A count as the Vietnamese pages write it: 16.921. */
describe('a new registry and the shipped protection (release build)', () => {
  let small: RegistryProcess;
  let fresh: RegistryProcess;
  let harness: Harness;
  let shippedCount: number;
  let sourcesCount: number;

  beforeAll(async () => {
    shippedCount = (await shippedFeed()).records.length;
    const { chongLuaDao, official } = await readShippedSources();
    sourcesCount = mergeSources([...chongLuaDao, ...official]).length;
    // An operator who turned the import off and published one decision.
    small = await startRegistry('sqlite', { IMPORT_SHIPPED_SOURCES: '0' });
    const admin = small.token('Quản trị viên e2e', 'admin');
    const decided = await client(small, admin).post('/v1/review/decisions', {
      key: 'tiki:seller:0000004242',
      status: 'suspected',
      reasons: ['suspected_counterfeit'],
      summary: { vi: 'Đang điều tra.', en: 'Under investigation.' },
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(201);
    expect(small.cli('publish').status).toBe(0);
    // A registry as it starts with nothing configured: it imports the shipped sources first.
    fresh = await startRegistry('sqlite');
    const published = fresh.cli('publish');
    expect(published.status, published.stderr).toBe(0);
    harness = await launch([], {
      passThrough: (url) => url.startsWith(small.url) || url.startsWith(fresh.url),
    });
  }, 180_000);

  afterAll(async () => {
    await harness?.close();
    await small?.cleanup();
    await fresh?.cleanup();
  });

  it('refuses a feed far smaller than the shipped data, keeps the shipped records and block rule, and says so', async () => {
    const options = await openExtensionPage(harness, 'options.html');
    expect(await shown(options, 'data-records')).toBe(`${viCount(shippedCount)} bản ghi`);
    const before = await blockedDomains(harness);
    expect(before).toContain(SHIPPED_SCAM);

    await options.getByTestId('feed-url').fill(`${small.url}/v1/feed/manifest.json`);
    await options.getByTestId('feed-save').click();
    await eventually(
      async () =>
        (await options.getByTestId('sync-status').getAttribute('data-result')) === 'failed'
          ? true
          : undefined,
      'the sync from the small registry to be refused',
    );
    expect(await syncNow(options)).toBe('failed');
    const warning =
      `Nguồn cập nhật mới chỉ có 1 bản ghi, ít hơn nhiều so với ${shippedCount} bản ghi đi kèm ` +
      'tiện ích, và nhà phát hành không nói rằng nguồn này thay thế chúng. Soi Hàng không thay ' +
      'thế gì: vẫn giữ dữ liệu hiện có và vẫn chặn các trang lừa đảo đã biết.';
    expect(await shown(options, 'sync-too-few')).toBe(warning);
    expect(await shown(options, 'sync-status')).toContain('nguồn cập nhật có quá ít bản ghi');
    expect(await shown(options, 'data-records')).toBe(`${viCount(shippedCount)} bản ghi`);
    expect(await shown(options, 'data-version')).toContain('dữ liệu đi kèm tiện ích');
    await options.close();

    const popup = await openExtensionPage(harness, 'popup.html');
    expect(await shown(popup, 'sync-too-few')).toBe(warning);
    await popup.close();

    expect(await blockedDomains(harness)).toEqual(before);
  });

  it('takes a fresh registry’s feed, which holds the shipped sources: the scam sites stay blocked, no warning', async () => {
    const options = await openExtensionPage(harness, 'options.html');
    await useFeed(
      options,
      `${fresh.url}/v1/feed/manifest.json`,
      'the sync from the fresh registry',
    );
    expect(await syncNow(options)).toBe('unchanged');
    expect(await shown(options, 'data-records')).toBe(`${viCount(sourcesCount)} bản ghi`);
    expect(await shown(options, 'data-version')).toContain('nguồn cập nhật');
    expect(await shown(options, 'sync-too-few')).toBeNull();
    await options.close();
    const popup = await openExtensionPage(harness, 'popup.html');
    expect(await shown(popup, 'sync-too-few')).toBeNull();
    await popup.close();

    const blocked = await eventually(async () => {
      const domains = await blockedDomains(harness);
      return domains.includes(SHIPPED_SCAM) ? domains : undefined;
    }, 'the shipped scam sites blocked after the sync');
    expect(blocked.length).toBeGreaterThan(16_000);
  });
});
