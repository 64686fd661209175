/**
 * The signals read from a listing's name, weighed together: a name admitting a copy warns alone; a
 * weak sign (a hint word, an off-platform contact) never does, two together do; each switch works;
 * and our own gold set of names with and without such signs.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { headline } from '../../../components/warning-text';
import { nameEvidence } from '../../../utils/lookup/signals/name-signals';
import { offPlatformInFolded } from '../../../utils/lookup/signals/off-platform';
import { replicaHintInFolded } from '../../../utils/lookup/signals/replica-hints';
import { normaliseProductName } from '../../../utils/protocol/keys';
import { signalVerdict } from '../../../utils/protocol/runtime/verdict';

const fold = normaliseProductName;
const signs = (name: string, off: Parameters<typeof nameEvidence>[1] = []) =>
  nameEvidence(fold(name), off).map((seen) => `${seen.signal}:${seen.text}`);

describe('weighing the name signals', () => {
  it('a name admitting a copy warns alone', () => {
    expect(signs('Giày Nike rep 1:1 full box')).toEqual(['replicaWords:rep 1 1']);
  });

  it('one weak sign alone never warns; two together do, the stronger first', () => {
    expect(signs('Tai nghe bass siêu cấp')).toEqual([]);
    expect(signs('Shop uy tín, hotline 0912 345 678')).toEqual([]);
    expect(signs('Giày hàng siêu cấp, zalo 0912.345.678')).toEqual([
      'replicaHints:sieu cap',
      'offPlatform:0912 345 678',
    ]);
    expect(signs('Giày rep 1:1 ib zalo')).toEqual(['replicaWords:rep 1 1', 'offPlatform:zalo']);
  });

  it('each signal can be switched off', () => {
    expect(signs('Giày hàng siêu cấp, zalo 0912345678', ['offPlatform'])).toEqual([]);
    expect(signs('Giày rep 1:1', ['replicaWords'])).toEqual([]);
  });

  it('reads phone numbers as names write them, and nothing shorter or longer', () => {
    for (const name of [
      '0912345678',
      '0912 345 678',
      '0912.345.678',
      '84 912 345 678',
      'lh 0356789012',
    ]) {
      expect(offPlatformInFolded(fold(name)), name).not.toBeNull();
    }
    for (const name of ['091234567', '09123456789', '0212345678', 'giá 1200000', 'mã 1912345678']) {
      expect(offPlatformInFolded(fold(name)), name).toBeNull();
    }
  });

  it('reads hints only in the form that points at a copy, and not when denied', () => {
    expect(replicaHintInFolded(fold('Sầu riêng loại 1'))).toBeNull();
    expect(replicaHintInFolded(fold('Hạt giống F1'))).toBeNull();
    expect(replicaHintInFolded(fold('Túi hàng F1 đẹp'))).toBe('hang f1');
    expect(replicaHintInFolded(fold('Cam kết không phải hàng F1'))).toBeNull();
    expect(offPlatformInFolded(fold('Không giao dịch ngoài sàn'))).toBeNull();
  });
});

describe('name signals on our gold set', () => {
  const gold = readFileSync(path.join(import.meta.dirname, '../../gold/signal-names.tsv'), 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [label, text = ''] = line.split('\t');
      return { warn: label === 'warn', text };
    });

  it('warns on every name that should, and on no other', () => {
    const wrong = gold.filter(
      (entry) => nameEvidence(fold(entry.text), []).length > 0 !== entry.warn,
    );
    expect(wrong).toEqual([]);
    expect(gold.filter((entry) => entry.warn).length).toBeGreaterThanOrEqual(20);
  });
});

describe('a product description', () => {
  const withDescription = (name: string, description: string) =>
    nameEvidence(fold(name), [], fold(description)).map(
      (seen) => `${seen.signal}:${seen.text}${seen.place ? `@${seen.place}` : ''}`,
    );

  it('is read for the same signals, and its evidence says where it was seen', () => {
    expect(withDescription('Giày thể thao nam', 'Hàng rep 1:1 giống auth 99%')).toEqual([
      'replicaWords:rep 1 1@description',
    ]);
    expect(withDescription('Giày siêu cấp', 'Liên hệ zalo 0912345678 để có giá tốt')).toEqual([
      'replicaHints:sieu cap',
      'offPlatform:0912345678@description',
    ]);
  });

  it('counts a signal seen in both places once, and reads denials there too', () => {
    expect(withDescription('Giày hàng siêu cấp', 'Đây là hàng F1')).toEqual([]);
    expect(
      withDescription('Sữa bột', 'Cam kết chính hãng, hoàn tiền nếu phát hiện hàng fake'),
    ).toEqual([]);
    expect(withDescription('Sữa bột', 'Nói không với hàng nhái, hàng fake')).toEqual([]);
  });
});

describe("a product page's variant names", () => {
  const withVariants = (name: string, variants: string[]) =>
    nameEvidence(fold(name), [], undefined, { variants: variants.map(fold) }).map(
      (seen) => `${seen.signal}:${seen.text}${seen.place ? `@${seen.place}` : ''}`,
    );

  it('are read one by one for the same signals, and the evidence says a variant said it', () => {
    expect(withVariants('Giày thể thao nam', ['Bản thường', 'Bản rep 1:1'])).toEqual([
      'replicaWords:rep 1 1@variant',
    ]);
    expect(withVariants('Túi xách nữ', ['Size S', 'Size M', 'Màu đen'])).toEqual([]);
    // Words do not run on from one variant into the next: "loại" ends one, "1" starts another.
    expect(withVariants('Áo thun', ['Hàng loại', '1 chiếc'])).toEqual([]);
    // Guarantees in a variant's name are not admissions either.
    expect(withVariants('Son môi', ['Cam kết không bán hàng fake'])).toEqual([]);
  });

  it('let a headline say the words were in a variant', () => {
    const evidence = nameEvidence(fold('Giày'), [], undefined, { variants: [fold('Rep 1:1')] });
    const verdict = signalVerdict(evidence, new Date('2026-12-01T00:00:00Z'));
    expect(headline(verdict)).toBe(
      'Một phân loại hàng có cụm từ «rep 1 1», thường dùng để rao hàng nhái: dấu hiệu cần lưu ý',
    );
  });
});
