/**
 * What became of one report, for whoever holds its id: its state and the public part of the
 * decision on it; and whether a report with an id exists at all (its screenshot needs one).
 */
import type { Kysely } from 'kysely';
import type { ReportStatus } from '../../../utils/protocol/registry/report';
import type { RegistryDatabase } from '../../db/schema';

/** The public part of what became of one report; null when the id is unknown. */
export async function reportStatus(
  db: Kysely<RegistryDatabase>,
  id: string,
): Promise<ReportStatus | null> {
  const row = await db
    .selectFrom('reports')
    .leftJoin('decisions', 'decisions.id', 'reports.decision_id')
    .select([
      'reports.id',
      'reports.state',
      'reports.received_at',
      'decisions.key',
      'decisions.status',
      'decisions.summary',
      'decisions.at',
    ])
    .where('reports.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    state: row.state,
    receivedAt: row.received_at,
    ...(row.key && row.status && row.at
      ? {
          decision: {
            key: row.key,
            status: row.status,
            ...(row.status !== 'cleared' && row.summary
              ? { summary: JSON.parse(row.summary) }
              : {}),
            decidedAt: row.at,
          },
        }
      : {}),
  };
}

export async function reportExists(db: Kysely<RegistryDatabase>, id: string): Promise<boolean> {
  const row = await db.selectFrom('reports').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}
