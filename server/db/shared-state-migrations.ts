/**
 * State that several registry instances on one PostgreSQL share instead of keeping on their own
 * disk or in their own memory: the published feed's files, evidence images, rate-limit counters
 * and leases (which instance runs the scheduled publish). SQLite gets the same tables, so one
 * schema serves both; there the feed and evidence stay in their directories by default.
 */
import type { Kysely, Migration } from 'kysely';
import type { DialectName } from './schema';

export function sharedState(dialect: DialectName): Migration {
  const bytes = dialect === 'postgres' ? 'bytea' : 'blob';
  return {
    async up(db: Kysely<unknown>) {
      // Every file of a published sequence, written in the publish's transaction. `manifest.json`
      // and `manifest.json.sig` are rows like the others, replaced by each publish.
      await db.schema
        .createTable('feed_files')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('sequence', 'integer', (c) => c.notNull())
        .addColumn('bytes', bytes, (c) => c.notNull())
        .addColumn('etag', 'text', (c) => c.notNull())
        .addColumn('content_type', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      // Screenshots by their SHA-256, inserted in the transaction of the row that refers to them.
      await db.schema
        .createTable('evidence_blobs')
        .addColumn('sha256', 'text', (c) => c.primaryKey())
        .addColumn('bytes', bytes, (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      // Fixed one-minute windows, counted by the database's clock so every instance agrees.
      await db.schema
        .createTable('rate_counts')
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('minute', 'bigint', (c) => c.notNull())
        .addColumn('hits', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('rate_counts_pk', ['key', 'minute'])
        .execute();
      await db.schema
        .createTable('leases')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('holder', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute();
    },
  };
}
