import type { DataInfo, FlagRecord } from '../../utils/protocol/records';

export function record(key: string, overrides: Partial<FlagRecord> = {}): FlagRecord {
  return {
    key,
    status: 'confirmed',
    reasons: ['counterfeit_trademark'],
    authority: 'Cơ quan thử nghiệm',
    caseId: 'TEST-1',
    summary: { vi: 'Tóm tắt thử nghiệm', en: 'Test summary' },
    firstSeen: '2026-11-01',
    updated: '2026-11-20',
    ...overrides,
  };
}

export function dataInfo(overrides: Partial<DataInfo> = {}): DataInfo {
  return {
    source: 'default',
    sequence: 1,
    publisher: 'Test publisher',
    publishedAt: '2026-11-28T00:00:00.000Z',
    importedAt: '2026-11-28T01:00:00.000Z',
    recordCount: 1,
    counts: { item: 1 },
    ...overrides,
  };
}
