/**
 * Layout reports: one row per report, counts only (platform, page kind, adapter version, counts and
 * the UTC day). Nothing here names a listing, an address or a reporter, and nothing here reaches
 * the feed: maintainers read the counts per site and adapter version.
 */
import type { Kysely } from 'kysely';
import type { LayoutCounts, LayoutReport } from '../../../utils/protocol/registry/layout-report';
import type { RegistryDatabase } from '../../db/schema';

/** The table, as migration 0006-layout-reports creates it. */
export interface LayoutReportsTable {
  day: string;
  platform: string;
  page_kind: string;
  adapter_version: string;
  listings: number;
  unreadable: number;
  card_like: number;
}

const layoutDb = (db: Kysely<RegistryDatabase>) =>
  db.withTables<{ layout_reports: LayoutReportsTable }>();

export async function saveLayoutReport(
  db: Kysely<RegistryDatabase>,
  report: LayoutReport,
  now: Date,
): Promise<void> {
  await layoutDb(db)
    .insertInto('layout_reports')
    .values({
      day: now.toISOString().slice(0, 10),
      platform: report.platform,
      page_kind: report.pageKind,
      adapter_version: report.adapterVersion,
      listings: report.listings,
      unreadable: report.unreadable,
      card_like: report.cardLike,
    })
    .execute();
}

/** How many layout reports each site's adapter version and page kind drew, the newest first. */
export async function layoutCounts(db: Kysely<RegistryDatabase>): Promise<LayoutCounts> {
  const rows = await layoutDb(db)
    .selectFrom('layout_reports')
    .select((eb) => [
      'platform',
      'adapter_version',
      'page_kind',
      eb.fn.countAll<number | string>().as('reports'),
      eb.fn.max('day').as('last_day'),
    ])
    .groupBy(['platform', 'adapter_version', 'page_kind'])
    .orderBy('adapter_version', 'desc')
    .orderBy('platform')
    .orderBy('page_kind')
    .execute();
  return {
    counts: rows.map((row) => ({
      platform: row.platform as LayoutCounts['counts'][number]['platform'],
      adapterVersion: row.adapter_version,
      pageKind: row.page_kind as LayoutCounts['counts'][number]['pageKind'],
      reports: Number(row.reports),
      lastDay: row.last_day,
    })),
  };
}
