/**
 * The replica-vocabulary signal on our gold set: listing names and descriptions we wrote ourselves
 * (explicit replicas and their spelled-out forms; genuine listings saying "auth", "chính hãng",
 * "rep tin nhắn", "QC", "F1"; negated guarantees; "Replica" as a perfume line, a fan shirt, a prop).
 */
import { describe, expect, it } from 'vitest';
import { readGold, scoreGold } from '../../../scripts/signals/gold';

describe('replica vocabulary on the gold set', () => {
  it('has at least 300 entries, of both kinds', () => {
    const gold = readGold();
    expect(gold.length).toBeGreaterThanOrEqual(300);
    expect(gold.filter((entry) => entry.replica).length).toBeGreaterThanOrEqual(100);
    expect(gold.filter((entry) => !entry.replica).length).toBeGreaterThanOrEqual(150);
  });

  it('precision ≥ 0.95 and recall ≥ 0.85', () => {
    const score = scoreGold(readGold());
    expect(score.falsePositives).toEqual([]);
    expect(score.precision).toBeGreaterThanOrEqual(0.95);
    expect(score.recall).toBeGreaterThanOrEqual(0.85);
  });
});
