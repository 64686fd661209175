/**
 * A case as the review side shows it: the cases row of a key (or an empty one for a key nobody has
 * reported or appealed yet) and its summary, with the reasons its reports gave counted.
 */
import type { ReportReason } from '../../../utils/protocol/registry/report';
import type { CaseSummary } from '../../../utils/protocol/registry/review';
import type { CasesTable, Db } from '../../db/schema';

export type Case = Omit<CasesTable, 'updated_at' | 'appeal'> & { appeal?: string | null };

/** A key nobody has reported or appealed yet. */
export const emptyCase = (key: string): Case => ({
  key,
  status: 'open',
  report_count: 0,
  install_count: 0,
  network_count: 0,
  appeal_count: 0,
  first_seen: null,
  last_seen: null,
});

export async function caseOf(db: Db, key: string): Promise<Case> {
  const row = await db.selectFrom('cases').selectAll().where('key', '=', key).executeTakeFirst();
  return row ?? emptyCase(key);
}

async function reasonCounts(db: Db, keys: readonly string[]) {
  const counts = new Map<string, Partial<Record<ReportReason, number>>>();
  if (keys.length === 0) return counts;
  const rows = await db
    .selectFrom('report_keys')
    .innerJoin('reports', 'reports.id', 'report_keys.report_id')
    .select(['report_keys.key', 'reports.reasons'])
    .where('report_keys.key', 'in', [...keys])
    .execute();
  for (const row of rows) {
    const counted = counts.get(row.key) ?? {};
    for (const reason of JSON.parse(row.reasons) as ReportReason[]) {
      counted[reason] = (counted[reason] ?? 0) + 1;
    }
    counts.set(row.key, counted);
  }
  return counts;
}

export async function summaries(db: Db, cases: readonly Case[]): Promise<CaseSummary[]> {
  const reasons = await reasonCounts(
    db,
    cases.map((row) => row.key),
  );
  return cases.map((row) => ({
    key: row.key,
    status: row.status,
    reports: Number(row.report_count),
    installs: Number(row.install_count),
    networks: Number(row.network_count),
    reasons: reasons.get(row.key) ?? {},
    appeals: Number(row.appeal_count),
    firstSeen: row.first_seen,
    lastSeen: row.last_seen,
  }));
}
