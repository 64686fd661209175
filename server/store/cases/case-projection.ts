/**
 * The review side's view of reports: which keys each report concerns (report_keys) and each key's
 * counters (cases: reports, distinct installs, distinct networks). Intake writes only the reports
 * table; this projection folds the reports it has not counted yet into those tables, a few thousand
 * at a time, each fold one transaction that also marks its reports counted, so a crash never counts
 * a report twice or drops it. The registry runs it in the background (main.ts: two folds every
 * 100 ms) and before anything reads the counters, so inspectors and the publisher always see every
 * report already acknowledged.
 *
 * Across instances on one PostgreSQL, "caught up before every read" holds too: every instance folds
 * any instance's reports (a flag on each report, picked with row locks), the background folds skip
 * rows another fold holds, and a reader's catch-up waits for those instead and loops until no
 * report received before its call is left (received_at by the receiving instance's clock, so the
 * instances' clocks must agree, as NTP keeps them). Every multi-row write goes in key order, so
 * concurrent folds never deadlock.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import { chunks } from '../../db/chunks';
import type { DialectName, RegistryDatabase } from '../../db/schema';
import { keysOf, newOrigins, type PickedRow } from './case-origins';

/**
 * Reports per fold. SQLite runs a fold without yielding to the event loop, so folds stay small and
 * requests are served between them.
 */
const FOLD = 250;
interface Counted {
  count: number;
  installs: number;
  networks: number;
  first: string;
  last: string;
}

interface Picked {
  rows: PickedRow[];
  /** Marks the picked reports counted, in the same transaction. */
  done(): Promise<void>;
}

/**
 * SQLite has one writer and gives rowids in commit order, so a cursor on rowid finds the reports
 * not counted yet without touching them. PostgreSQL may commit ids out of order across
 * instances, so there each report carries a flag, and concurrent folds skip each other's rows.
 */
async function pick(
  trx: Transaction<RegistryDatabase>,
  dialect: DialectName,
  wait: boolean,
): Promise<Picked> {
  if (dialect === 'sqlite') {
    const cursor = await trx
      .selectFrom('projection')
      .select('position')
      .where('name', '=', 'cases')
      .executeTakeFirst();
    const after = Number(cursor?.position ?? 0);
    const rows = await trx
      .selectFrom('reports')
      .select([
        sql<number>`rowid`.as('seq'),
        'id',
        'item_key',
        'seller_key',
        'client_id',
        'network',
        'received_at',
      ])
      .where(sql`rowid`, '>', after)
      .orderBy(sql`rowid`)
      .limit(FOLD)
      .execute();
    return {
      rows,
      async done() {
        const last = rows.at(-1)?.seq;
        if (last === undefined) return;
        await trx
          .insertInto('projection')
          .values({ name: 'cases', position: last })
          .onConflict((conflict) => conflict.column('name').doUpdateSet({ position: last }))
          .execute();
      },
    };
  }
  const rows = await trx
    .selectFrom('reports')
    .select(['id', 'item_key', 'seller_key', 'client_id', 'network', 'received_at'])
    .where('projected', '=', 0)
    .orderBy('received_at')
    .orderBy('id')
    .limit(FOLD)
    .forUpdate()
    .$if(!wait, (query) => query.skipLocked())
    .execute();
  return {
    rows,
    async done() {
      for (const part of chunks(rows, 500)) {
        await trx
          .updateTable('reports')
          .set({ projected: 1 })
          .where(
            'id',
            'in',
            part.map((row) => row.id),
          )
          .execute();
      }
    },
  };
}

async function fold(
  trx: Transaction<RegistryDatabase>,
  dialect: DialectName,
  wait = false,
): Promise<number> {
  const picked = await pick(trx, dialect, wait);
  const { rows } = picked;
  if (rows.length === 0) return 0;
  // Every multi-row write goes in key order, so folds on several instances take row locks in the
  // same order and never deadlock.
  const keyRows = rows
    .flatMap((row) =>
      keysOf(row.item_key, row.seller_key).map((key) => ({
        report_id: row.id,
        key,
        at: row.received_at,
      })),
    )
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.report_id < b.report_id ? -1 : 1));
  for (const part of chunks(keyRows)) {
    await trx
      .insertInto('report_keys')
      .values(part.map(({ report_id, key }) => ({ report_id, key })))
      .onConflict((conflict) => conflict.columns(['key', 'report_id']).doNothing())
      .execute();
  }
  const counted = new Map<string, Counted>();
  for (const { key, at } of keyRows) {
    const seen = counted.get(key);
    if (!seen) counted.set(key, { count: 1, installs: 0, networks: 0, first: at, last: at });
    else {
      seen.count++;
      if (at < seen.first) seen.first = at;
      if (at > seen.last) seen.last = at;
    }
  }
  for (const { key, kind } of await newOrigins(trx, rows)) {
    const seen = counted.get(key);
    if (seen && kind === 'install') seen.installs++;
    else if (seen) seen.networks++;
  }
  const sorted = [...counted].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const part of chunks(sorted)) {
    await trx
      .insertInto('cases')
      .values(
        part.map(([key, { count, installs, networks, first, last }]) => ({
          key,
          status: 'open' as const,
          report_count: count,
          install_count: installs,
          network_count: networks,
          appeal_count: 0,
          first_seen: first,
          last_seen: last,
          appeal: null,
          updated_at: last,
        })),
      )
      .onConflict((conflict) =>
        conflict.column('key').doUpdateSet((update) => ({
          report_count: (eb) => eb('cases.report_count', '+', update.ref('excluded.report_count')),
          install_count: (eb) =>
            eb('cases.install_count', '+', update.ref('excluded.install_count')),
          network_count: (eb) =>
            eb('cases.network_count', '+', update.ref('excluded.network_count')),
          first_seen: sql<string>`case when cases.first_seen is null or excluded.first_seen < cases.first_seen then excluded.first_seen else cases.first_seen end`,
          last_seen: sql<string>`case when cases.last_seen is null or excluded.last_seen > cases.last_seen then excluded.last_seen else cases.last_seen end`,
          updated_at: update.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
  await picked.done();
  return rows.length;
}

export class CaseProjection {
  private active: Promise<number> | null = null;
  private queued: Promise<number> | null = null;

  constructor(
    private readonly db: Kysely<RegistryDatabase>,
    private readonly dialect: DialectName,
  ) {}

  /**
   * Folds until no report received before `until` is left uncounted. On PostgreSQL, another
   * instance may be folding some of them right now: a catch-up waits for those rows' locks instead
   * of skipping them (a waiting pick may come back short once the other fold commits, so the loop
   * ends only when none is left), and so the counts are caught up across instances, not only in
   * this one.
   */
  private async run(until: string): Promise<number> {
    let total = 0;
    for (;;) {
      const folded = await this.db
        .transaction()
        .execute((trx) => fold(trx, this.dialect, this.dialect === 'postgres'));
      total += folded;
      if (folded < FOLD && !(await this.leftBefore(until))) return total;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private async leftBefore(until: string): Promise<boolean> {
    if (this.dialect === 'sqlite') return false;
    const row = await this.db
      .selectFrom('reports')
      .select('id')
      .where('projected', '=', 0)
      .where('received_at', '<=', until)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  /**
   * A few folds at most, unless a catch-up is already running: the background's steady share of
   * the work, small enough that requests never wait long behind it.
   */
  async step(maxFolds: number): Promise<number> {
    if (this.active) return 0;
    let total = 0;
    const run = (async () => {
      for (let i = 0; i < maxFolds; i++) {
        const folded = await this.db.transaction().execute((trx) => fold(trx, this.dialect));
        total += folded;
        if (folded < FOLD) break;
        await new Promise((resolve) => setImmediate(resolve));
      }
      return total;
    })();
    this.active = run.finally(() => {
      this.active = null;
    });
    return this.active;
  }

  /**
   * Folds until every report stored before the call is counted. A call during a run waits for one
   * more run after it (which may have begun before the caller's reports were stored); calls in the
   * meantime share that next run.
   */
  catchUp(): Promise<number> {
    if (!this.active) {
      this.active = this.run(new Date().toISOString()).finally(() => {
        this.active = null;
      });
      return this.active;
    }
    if (!this.queued) {
      const after = () => {
        this.queued = null;
        return this.catchUp();
      };
      this.queued = this.active.then(after, after);
    }
    return this.queued;
  }
}
