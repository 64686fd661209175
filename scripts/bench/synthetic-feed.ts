/**
 * A synthetic flag database with a realistic key mix (marketplace items and sellers on every
 * platform with their real id shapes, social listings, domains, phones, bank accounts, product
 * names) and status mix (mostly community reports). Deterministic: the same seed gives the same
 * records. Never shipped; the ids are random, so benchmarks must not be mistaken for data.
 */
import type { FlagRecord } from '../../utils/protocol/records';
import { random } from '../seeded-random';

const digits = (next: () => number, length: number) => {
  let out = String(1 + Math.floor(next() * 9));
  while (out.length < length) out += String(Math.floor(next() * 10));
  return out;
};

type KeyMaker = (next: () => number) => string;
const WORDS = [
  'sale',
  'shop',
  'sieu',
  'giam',
  'gia',
  'hang',
  'hieu',
  'chinh',
  'hang',
  'mall',
  'deal',
  'vip',
];
const TLDS = ['com', 'vn', 'com.vn', 'net', 'shop', 'online', 'xyz', 'top'];
const BANKS = ['VCB', 'TCB', 'MB', 'ACB', 'BIDV', 'VPB', 'TPB'];

/** Share of each kind of key, summing to 1. */
const MIX: Array<[number, KeyMaker]> = [
  [0.3, (n) => `shopee:item:${digits(n, 8)}.${digits(n, 11)}`],
  [0.08, (n) => `shopee:seller:${digits(n, 9)}`],
  [0.15, (n) => `lazada:item:${digits(n, 10)}`],
  [0.04, (n) => `lazada:seller:${digits(n, 7)}`],
  [0.08, (n) => `tiki:item:${digits(n, 9)}`],
  [0.02, (n) => `tiki:seller:${digits(n, 6)}`],
  [0.04, (n) => `sendo:item:${digits(n, 8)}`],
  [0.01, (n) => `sendo:seller:${digits(n, 6)}`],
  [0.06, (n) => `facebook:item:${digits(n, 16)}`],
  [0.03, (n) => `facebook:seller:${digits(n, 15)}`],
  [0.07, (n) => `tiktok:item:${digits(n, 19)}`],
  [0.02, (n) => `tiktok:seller:${digits(n, 19)}`],
  [
    0.05,
    (n) =>
      `domain:${WORDS[Math.floor(n() * WORDS.length)]}${digits(n, 5)}.${TLDS[Math.floor(n() * TLDS.length)]}`,
  ],
  [0.03, (n) => `phone:+849${digits(n, 8)}`],
  [0.015, (n) => `bank:${BANKS[Math.floor(n() * BANKS.length)]}:${digits(n, 12)}`],
  [0.005, (n) => `product:sp ${digits(n, 6)} ${WORDS[Math.floor(n() * WORDS.length)]}`],
];

export function syntheticKey(next: () => number): string {
  let pick = next();
  for (const [share, make] of MIX) {
    if (pick < share) return make(next);
    pick -= share;
  }
  return (MIX[0] as [number, KeyMaker])[1](next); // rounding left a sliver: the commonest kind
}

export function syntheticRecord(key: string, next: () => number): FlagRecord {
  const pick = next();
  const day = `2026-${String(1 + Math.floor(next() * 11)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
  if (pick < 0.7) {
    const count = 3 + Math.floor(next() * 40);
    return {
      key,
      status: 'reported',
      reasons: ['community_reports'],
      authority: 'Cộng đồng Soi Hàng',
      summary: { vi: `Có ${count} phản ánh chưa xác minh.`, en: `${count} unverified reports.` },
      reportCount: count,
      firstSeen: day,
      updated: day,
    };
  }
  const status = pick < 0.85 ? 'suspected' : pick < 0.95 ? 'confirmed' : 'cleared';
  const caseId = `QLTT-${digits(next, 4)}/2026`;
  return {
    key,
    status,
    reasons: [status === 'confirmed' ? 'counterfeit_trademark' : 'under_investigation'],
    authority: 'Cục Quản lý thị trường (dữ liệu tổng hợp để đo)',
    caseId,
    summary: { vi: `Hồ sơ ${caseId}.`, en: `Case ${caseId}.` },
    firstSeen: day,
    updated: day,
  };
}

/** `count` records with unique keys, unsorted. */
export function syntheticRecords(count: number, seed = 1): FlagRecord[] {
  const next = random(seed);
  const seen = new Set<string>();
  const out: FlagRecord[] = [];
  while (out.length < count) {
    const key = syntheticKey(next);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(syntheticRecord(key, next));
  }
  return out;
}

/** A 1% change of `records`: half of it changed records, a quarter new ones, a quarter deleted. */
export function onePercentLater(records: readonly FlagRecord[], seed = 2): FlagRecord[] {
  const next = random(seed);
  const changes = Math.round(records.length / 100);
  const out = [...records];
  const deleted = new Set<number>();
  while (deleted.size < changes / 4) deleted.add(Math.floor(next() * out.length));
  for (let i = 0; i < changes / 2; i++) {
    const at = Math.floor(next() * out.length);
    const record = out[at] as FlagRecord;
    out[at] = {
      ...record,
      status: 'suspected',
      updated: '2026-11-28',
      reasons: ['under_investigation'],
    };
  }
  const kept = out.filter((_, i) => !deleted.has(i));
  const keys = new Set(kept.map((r) => r.key));
  while (kept.length < out.length - deleted.size + changes / 4) {
    const key = syntheticKey(next);
    if (keys.has(key)) continue;
    keys.add(key);
    kept.push(syntheticRecord(key, next));
  }
  return kept;
}
