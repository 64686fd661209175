import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { replicaPhrase } from '../../../utils/lookup/replica-words';
import { filesUnder, namesIn } from '../../helpers/captures';
import { hasSharedFixtures, REPO_ROOT, SHARED_FIXTURES } from '../../helpers/fixtures';

describe('replica phrases', () => {
  it.each([
    ['Giày sneaker REP 1:1 full box', 'rep 1 1'],
    ['Túi xách hàng Rep cao cấp', 'hang rep'],
    ['Đồng hồ SUPER FAKE máy Nhật', 'super fake'],
    ['Áo khoác Like Auth 99%', 'like auth'],
    ['Kính mắt replica', 'replica'],
    ['Nước hoa hàng nhái thơm lâu', 'hang nhai'],
    ['NƯỚC HOA HÀNG NHÁI', 'hang nhai'],
    ['Nước hoa hàng nha\u0301i (accents decomposed)', 'hang nhai'],
    ['Giay-rep-1-1-i.0000000007.0000000999', 'rep 1 1'], // a name taken from the card's address
    // Spelled out to slip past filters.
    ['Giày sneaker R.E.P 1:1 full box', 'r e p 1 1'],
    ['Giày Vans r.e.p 1-1', 'r e p 1 1'],
    ['Balo rep1:1 chuẩn', 'rep1 1'],
    ['Túi Prada rép 1:1', 'rep 1 1'],
    ['Nón Dior replica vải', 'replica'], // "nón" (a hat) folds to "non": not a denial
    // A denial elsewhere in the name does not hide an admission.
    ['Không hộp, giày hàng rep 1:1 đẹp', 'rep 1 1'],
    ['Nói không với hàng fake? Đây là hàng fake loại 1', 'hang fake'],
  ])('%s → %s', (name, phrase) => {
    expect(replicaPhrase(name)).toBe(phrase);
  });

  it.each([
    'Mi giả fake lashes tự nhiên', // "fake" alone
    'Hạt giống dưa hấu F1 năng suất cao',
    'Xe đua F1 mô hình tỉ lệ 1:1',
    'Sữa bột chính hãng, hàng auth 100%',
    'Máy ảnh Canon EOS R5 (reprint hướng dẫn)', // "rep" inside a word
    'Bàn phím Replicant (tên riêng)',
    'Sữa bột mẫu A 900g',
    // Promises and guarantees are not admissions.
    'Nước hoa chính hãng - Nói không với hàng fake',
    'Cam kết không bán hàng nhái, hoàn tiền 200%',
    'Son môi Auth, hoàn tiền nếu phát hiện hàng fake',
    'Giày thể thao chống hàng nhái có tem',
    'Túi xách chính hãng, không phải hàng rep',
    'Cách phân biệt hàng fake và hàng thật - Áo Polo',
    'Perfume authentic, no replica',
    // "Replica" as a name: a perfume line, a fan shirt, a prop.
    'Nước hoa Maison Margiela Replica Jazz Club chính hãng',
    'Áo đấu CLB Manchester United replica fan version',
    'Kiếm gỗ replica trong phim trang trí',
  ])('no signal in: %s', (name) => {
    expect(replicaPhrase(name)).toBeNull();
  });
});

describe('replica phrases on real and own pages', () => {
  it("flags none of our fixtures' listings (their badges are the demo records' only)", () => {
    const titles = filesUnder(path.join(REPO_ROOT, 'tests/fixtures'))
      .filter((file) => file.endsWith('.expected.json'))
      .flatMap((file) => namesIn(readFileSync(file, 'utf8')));
    expect(titles.length).toBeGreaterThan(30);
    expect(titles.filter((title) => replicaPhrase(title))).toEqual([]);
  });

  it.runIf(hasSharedFixtures)('flags none of the ordinary listings of the real captures', () => {
    const names = filesUnder(SHARED_FIXTURES).flatMap((file) =>
      namesIn(readFileSync(file, 'utf8')),
    );
    expect(names.length).toBeGreaterThan(1000);
    expect(names.filter((name) => replicaPhrase(name))).toEqual([]);
  });
});
