import { describe, expect, it } from 'vitest';
import { headline } from '../../../components/warning-text';
import { answerLookup } from '../../../entrypoints/background/data/lookup-answer';
import type { ProductMatcher } from '../../../utils/lookup/product-matcher';
import { contactKeysIn } from '../../../utils/lookup/signals/contacts';
import { normaliseProductName as fold } from '../../../utils/protocol/keys';
import type { FlagRecord } from '../../../utils/protocol/records';
import { verdictFor } from '../../../utils/protocol/runtime/verdict';
import { record } from '../../helpers/records';

const keysIn = (text: string) => contactKeysIn(fold(text));

describe('phones and bank accounts in a listing', () => {
  it('reads Vietnamese mobile numbers however they are grouped, as E.164 keys', () => {
    expect(keysIn('Liên hệ 0912.345.678 để có giá tốt')).toEqual(['phone:+84912345678']);
    expect(keysIn('Hotline: 0912 345 678 / +84 987654321')).toEqual([
      'phone:+84912345678',
      'phone:+84987654321',
    ]);
    // Not a mobile number: a landline's length, a product code, a price.
    expect(keysIn('Mã SP 0412345678, giá 1.290.000đ, size 0912')).toEqual([]);
  });

  it('reads an account number standing by its bank, before or after, in the codes keys use', () => {
    expect(keysIn('Chuyển khoản Vietcombank STK: 0011001234567')).toEqual([
      'bank:VCB:0011001234567',
    ]);
    expect(keysIn('STK 19033333333012 Techcombank chủ TK Nguyễn Văn A')).toEqual([
      'bank:TCB:19033333333012',
    ]);
    expect(keysIn('ck qua MB Bank - 0000123456789')).toEqual(['bank:MB:0000123456789']);
    // A number far from any bank, or a bank with no number near it, is no account.
    expect(keysIn('Vietcombank hỗ trợ trả góp, mã giảm giá 123456789 cho đơn đầu')).toEqual([]);
    expect(keysIn('Thẻ nhớ 64 GB 123456789')).toEqual([]);
  });

  it('gives at most four contacts a listing, each once', () => {
    const many = '0912345678 0912345678 0912345671 0912345672 0912345673 0912345674';
    expect(keysIn(many)).toEqual([
      'phone:+84912345678',
      'phone:+84912345671',
      'phone:+84912345672',
      'phone:+84912345673',
    ]);
  });
});

describe('a flagged contact in the lookup', () => {
  const phone = record('phone:+84900000081', { status: 'suspected', authority: 'QLTT Hà Nội' });
  const clearedBank = record('bank:VCB:0000000000081', { status: 'cleared' });
  const database = new Map<string, FlagRecord>([
    [phone.key, phone],
    [clearedBank.key, clearedBank],
  ]);
  const sources = {
    info: null,
    products: { matchFolded: () => null } as unknown as ProductMatcher,
    reader: {
      async get(keys: Iterable<string>) {
        const found = new Map<string, FlagRecord>();
        for (const key of keys) {
          const hit = database.get(key);
          if (hit) found.set(key, hit);
        }
        return found;
      },
    },
  };

  it("is looked up from the listing's own text, and shown when its record is", async () => {
    const answer = await answerLookup(
      sources,
      {
        keys: ['facebook:item:0000000801'],
        titles: [
          {
            itemKey: 'facebook:item:0000000801',
            title: 'Xe đạp mẫu F',
            description: 'Liên hệ 0900 000 081 hoặc chuyển khoản VCB 0000000000081.',
          },
        ],
      },
      [],
      new Date('2026-12-01T00:00:00Z'),
    );
    // The cleared bank record is read but never shown, nor tied to the listing.
    expect(answer.hits.map((hit) => hit.key)).toEqual(['phone:+84900000081']);
    expect(answer.contacts).toEqual([
      { itemKey: 'facebook:item:0000000801', contactKey: 'phone:+84900000081' },
    ]);
  });

  it('warns about the contact, below the listing and its seller on a tie, naming the number', () => {
    const listing = { itemKey: 'facebook:item:0000000801', sellerKey: 'facebook:seller:81' };
    const hits = new Map([[phone.key, phone]]);
    const verdict = verdictFor(listing, hits, null, [phone.key]);
    expect(verdict).toMatchObject({ status: 'suspected', subject: 'contact' });
    expect(verdict && headline(verdict)).toContain('0900000081');
    expect(verdict && headline(verdict)).toContain('nghi vấn');
    const seller = record('facebook:seller:81', { status: 'suspected' });
    hits.set(seller.key, seller);
    expect(verdictFor(listing, hits, null, [phone.key])).toMatchObject({ subject: 'seller' });
  });
});
