/**
 * A report's prices as the shopper saw them, against the real registry process: the listed price
 * with its currency and the price after promo codes are stored and returned as sent (in the stored
 * body and in the inspector's case story), an older report without a currency reads as đồng, and a
 * price in another currency is never taken as đồng.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenDatabase, openDatabase } from '../../server/db/dialect';
import { CaseStorySchema } from '../../utils/protocol/registry/review';
import { BACKENDS, client, type RegistryProcess, startRegistry } from '../helpers/registry';
import { report } from '../helpers/reports';

describe.each(BACKENDS)('report prices (%s)', (backend) => {
  let registry: RegistryProcess;
  let store: OpenDatabase;
  let api: ReturnType<typeof client>;
  let inspector: ReturnType<typeof client>;

  beforeAll(async () => {
    registry = await startRegistry(backend, { RATE_LIMIT_PER_MINUTE: '1000' });
    store = openDatabase(registry.databaseUrl);
    api = client(registry);
    inspector = client(registry, registry.token('Thanh tra viên A', 'inspector'));
  });
  afterAll(async () => {
    await store?.db.destroy();
    await registry?.cleanup();
  });

  const storedListing = async (id: string) =>
    JSON.parse(
      (
        await store.db
          .selectFrom('reports')
          .select('body')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).body,
    ).listing;

  /** The case story's report of that id, once the projection has counted it. */
  async function storyReport(key: string, id: string) {
    const deadline = Date.now() + 5000;
    for (;;) {
      const story = await inspector.get(`/v1/review/keys/${key}`);
      const found = story.body?.reports?.find((r: { id: string }) => r.id === id);
      if (found || Date.now() > deadline) {
        expect(CaseStorySchema.safeParse(story.body).error).toBeUndefined();
        return found;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it('stores and returns the listed price, its currency and the price after promo codes as sent', async () => {
    const sent = report(
      {},
      {
        platform: 'tiki',
        itemKey: 'tiki:item:0000000602',
        sellerKey: 'tiki:seller:0000000062',
        url: 'https://tiki.vn/binh-giu-nhiet-mau-k-500ml-p0000000602.html',
        price: 147_000,
        currency: 'VND',
        promoPrice: 111_720,
      },
    );
    expect((await api.post('/v1/reports', sent)).status).toBe(201);
    expect(await storedListing(sent.id)).toMatchObject({
      price: 147_000,
      currency: 'VND',
      promoPrice: 111_720,
    });
    expect(await storyReport('tiki:item:0000000602', sent.id)).toMatchObject({
      price: 147_000,
      currency: 'VND',
      promoPrice: 111_720,
    });
  });

  it('keeps a price in Singapore dollars in Singapore dollars', async () => {
    const sent = report(
      {},
      {
        itemKey: 'shopee:item:0000000011.0000000111',
        sellerKey: 'shopee:seller:0000000011',
        url: 'https://shopee.sg/Demo-Figure-Set-G-i.0000000011.0000000111',
        price: 108.99,
        currency: 'SGD',
      },
    );
    expect((await api.post('/v1/reports', sent)).status).toBe(201);
    expect(await storedListing(sent.id)).toMatchObject({ price: 108.99, currency: 'SGD' });
    const shown = await storyReport('shopee:item:0000000011.0000000111', sent.id);
    expect(shown).toMatchObject({ price: 108.99, currency: 'SGD' });
    expect(shown).not.toHaveProperty('promoPrice');
  });

  it('reads an older report without a currency as đồng', async () => {
    const sent = report(
      {},
      {
        itemKey: 'shopee:item:0000000011.0000000112',
        sellerKey: 'shopee:seller:0000000011',
        price: 185_000,
      },
    );
    expect(sent.listing).not.toHaveProperty('currency');
    expect((await api.post('/v1/reports', sent)).status).toBe(201);
    expect(await storyReport('shopee:item:0000000011.0000000112', sent.id)).toMatchObject({
      price: 185_000,
      currency: 'VND',
    });
  });

  it.each([
    ['an amount with cents and no currency (đồng would be 108.99 ₫)', { price: 108.99 }],
    ['đồng with cents', { price: 108.99, currency: 'VND' }],
    ['a price after codes in đồng with cents', { price: 147_000, promoPrice: 111.5 }],
    ['a currency that is no ISO code', { price: 108.99, currency: '$' }],
    ['more than cents', { price: 108.999, currency: 'SGD' }],
  ])('refuses %s and stores nothing', async (_what, listing) => {
    const sent = report({}, listing);
    const answer = await api.post('/v1/reports', sent);
    expect(answer.status).toBe(400);
    expect(
      await store.db.selectFrom('reports').select('id').where('id', '=', sent.id).execute(),
    ).toEqual([]);
  });
});
