/**
 * Layout reports: one row per report, counts only (platform, page kind, adapter version, counts and
 * the UTC day), kept LAYOUT_REPORT_DAYS. Nothing here names a listing, an address or a reporter
 * (a network's daily allowance is counted apart, for that day only), and nothing here reaches the
 * feed: maintainers read the counts per site and adapter version.
 */
import type { Kysely } from 'kysely';
import type { LayoutCounts, LayoutReport } from '../../../utils/protocol/registry/layout-report';
import type { RegistryDatabase } from '../../db/schema';
import { dropPastDays, OverLimit, takeDaily } from '../limits/daily-quota';

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

/** A layout report is kept this long: the counts are of a site's recent change, not its history. */
export const LAYOUT_REPORT_DAYS = 90;
/** At most this many rows of counts are answered (sites × versions × kinds is far fewer). */
export const MAX_LAYOUT_COUNT_ROWS = 200;

/** The first UTC day still kept at `now`. */
function firstKeptDay(now: Date): string {
  return new Date(now.getTime() - LAYOUT_REPORT_DAYS * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Stores a layout report if its network has not used the day's (UTC) allowance; 'limit' when it
 * has, and then nothing is stored. `network` is the keyed hash of the sender's network (null when
 * it had no address: such senders share one allowance). Reports past the kept days are dropped.
 */
export async function saveLayoutReport(
  db: Kysely<RegistryDatabase>,
  report: LayoutReport,
  sender: { network: string | null; perNetworkDaily: number },
  now: Date,
): Promise<'saved' | 'limit'> {
  const day = now.toISOString().slice(0, 10);
  try {
    await db.transaction().execute(async (trx) => {
      const scope = `layout-network:${sender.network ?? 'unknown'}`;
      await takeDaily(trx, scope, day, sender.perNetworkDaily);
      const layout = layoutDb(trx);
      await layout
        .insertInto('layout_reports')
        .values({
          day,
          platform: report.platform,
          page_kind: report.pageKind,
          adapter_version: report.adapterVersion,
          listings: report.listings,
          unreadable: report.unreadable,
          card_like: report.cardLike,
        })
        .execute();
      await layout.deleteFrom('layout_reports').where('day', '<', firstKeptDay(now)).execute();
      await dropPastDays(trx, day);
    });
    return 'saved';
  } catch (error) {
    if (error instanceof OverLimit) return 'limit';
    throw error;
  }
}

/**
 * How many layout reports each site's adapter version and page kind drew in the kept days, the
 * newest version first: aggregate rows only, at most MAX_LAYOUT_COUNT_ROWS of them.
 */
export async function layoutCounts(db: Kysely<RegistryDatabase>, now: Date): Promise<LayoutCounts> {
  const rows = await layoutDb(db)
    .selectFrom('layout_reports')
    .where('day', '>=', firstKeptDay(now))
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
    .limit(MAX_LAYOUT_COUNT_ROWS)
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
