/**
 * Health's write probe: one row of its own table, rewritten with the time. `select 1` never
 * touches the database file, so a locked file or a failing disk answered "up"; this write goes
 * where a report goes (SQLite's write lock and log, PostgreSQL's WAL) and fails as a report would.
 */
import { type CompiledQuery, type Migration, sql, TableNode, UpdateQueryNode } from 'kysely';
import type { Db } from './schema';

const TABLE = 'health_probe';

/** The migration that makes the table and its one row. */
export const healthProbeTable: Migration = {
  async up(db) {
    await db.schema
      .createTable(TABLE)
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('checked_at', 'text', (c) => c.notNull())
      .execute();
    await sql`insert into health_probe (id, checked_at) values (1, '')`.execute(db);
  },
};

export async function probeWrite(db: Db, at: Date): Promise<void> {
  await db.updateTable(TABLE).set({ checked_at: at.toISOString() }).where('id', '=', 1).execute();
}

/** Whether a statement is the probe's (write-watch.ts leaves its outcome to health). */
export function isHealthProbe(query: CompiledQuery): boolean {
  const node = query.query;
  return (
    UpdateQueryNode.is(node) &&
    node.table !== undefined &&
    TableNode.is(node.table) &&
    node.table.table.identifier.name === TABLE
  );
}
