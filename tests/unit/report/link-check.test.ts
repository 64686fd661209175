/** "Kiểm tra liên kết": a local lookup of a pasted link; a short link opened only once access is granted. */
import { describe, expect, it, vi } from 'vitest';
import { checkLink, type LinkCheckDeps, resolveShortLink } from '../../../utils/report/link-check';
import { record } from '../../helpers/records';

function deps(overrides: Partial<LinkCheckDeps> = {}): LinkCheckDeps {
  return {
    lookup: vi.fn(async (keys: string[]) => ({
      hits: keys.includes('shopee:seller:7')
        ? [record('shopee:seller:7', { status: 'suspected' })]
        : [],
      data: null,
    })),
    requestOrigins: vi.fn(async () => true),
    follow: vi.fn(async () => 'https://shopee.vn/Sua-bot-i.7.8?share=1'),
    ...overrides,
  };
}

describe('checking a link', () => {
  it("looks a listing's item and seller up locally and gives the warning", async () => {
    const d = deps();
    const result = await checkLink('https://shopee.vn/a-i.7.8', d);
    expect(d.lookup).toHaveBeenCalledWith(['shopee:item:7.8', 'shopee:seller:7']);
    expect(result).toMatchObject({
      kind: 'listing',
      verdict: { status: 'suspected', subject: 'seller' },
    });
    expect(d.requestOrigins).not.toHaveBeenCalled();
    expect(d.follow).not.toHaveBeenCalled();
  });

  it('names a short link without opening it', async () => {
    const d = deps();
    expect(await checkLink('https://shp.ee/xyz', d)).toMatchObject({
      kind: 'short',
      host: 'shp.ee',
    });
    expect(d.follow).not.toHaveBeenCalled();
  });

  it('opens a short link only once access to its host is granted, then checks where it leads', async () => {
    const d = deps();
    const short = {
      kind: 'short' as const,
      platform: 'shopee' as const,
      host: 'shp.ee',
      url: 'https://shp.ee/xyz',
    };
    const result = await resolveShortLink(short, d);
    expect(d.requestOrigins).toHaveBeenCalledWith(
      expect.arrayContaining(['https://shp.ee/*', 'https://shopee.vn/*']),
    );
    expect(result).toMatchObject({ kind: 'listing', reading: { itemKey: 'shopee:item:7.8' } });
  });

  it('says what to do when access is refused, and when the link leads nowhere we read', async () => {
    const short = {
      kind: 'short' as const,
      platform: 'shopee' as const,
      host: 'shp.ee',
      url: 'https://shp.ee/xyz',
    };
    const refused = deps({ requestOrigins: vi.fn(async () => false) });
    expect(await resolveShortLink(short, refused)).toEqual({ kind: 'denied', short });
    expect(refused.follow).not.toHaveBeenCalled();
    const elsewhere = deps({ follow: vi.fn(async () => 'https://shopee.vn/') });
    expect(await resolveShortLink(short, elsewhere)).toMatchObject({ kind: 'failed' });
    const offline = deps({
      follow: vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    });
    expect(await resolveShortLink(short, offline)).toMatchObject({
      kind: 'failed',
      message: 'Failed to fetch',
    });
  });
});
