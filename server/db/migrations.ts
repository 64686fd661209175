/**
 * The registry's migrations, in code so they ship with the server and run at every start (Kysely's
 * migrator records which ran). Never edit one that has shipped: add the next.
 */
import {
  type CreateTableBuilder,
  type Kysely,
  type Migration,
  type MigrationProvider,
  sql,
} from 'kysely';
import { healthProbeTable } from './health-probe';
import type { DialectName } from './schema';
import { sharedState } from './shared-state-migrations';
import { blockingRecords, networksAndOrigins } from './trust-migrations';

type Builder = CreateTableBuilder<string, never>;

/** An auto-numbered primary key in either dialect. */
function withId(table: Builder, dialect: DialectName): Builder {
  return dialect === 'postgres'
    ? table.addColumn('id', 'serial', (column) => column.primaryKey())
    : table.addColumn('id', 'integer', (column) => column.primaryKey().autoIncrement());
}

function initial(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('reports')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('body_sha256', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('platform', 'text', (c) => c.notNull())
        .addColumn('item_key', 'text', (c) => c.notNull())
        .addColumn('seller_key', 'text')
        .addColumn('client_id', 'text', (c) => c.notNull())
        .addColumn('reasons', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull().defaultTo('received'))
        .addColumn('decision_id', 'integer')
        // 0 until the case projection has counted the report (case-projection.ts).
        .addColumn('projected', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      // PostgreSQL finds the reports still to count by this flag; SQLite, which has one writer and
      // hands out rowids in commit order, by a rowid cursor (table projection).
      if (dialect === 'postgres') {
        await db.schema
          .createIndex('reports_to_project')
          .on('reports')
          .column('received_at')
          .where(sql.ref('projected'), '=', 0)
          .execute();
      }
      // Clustered by key on SQLite (no separate rowid table): one page write per row at intake.
      const reportKeys = db.schema
        .createTable('report_keys')
        .addColumn('report_id', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('report_keys_pk', ['key', 'report_id']);
      await (dialect === 'sqlite'
        ? reportKeys.modifyEnd(sql`without rowid`)
        : reportKeys
      ).execute();
      await db.schema
        .createTable('cases')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
        .addColumn('report_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('appeal_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('first_seen', 'text')
        .addColumn('last_seen', 'text')
        .addColumn('appeal', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('cases_by_last_seen')
        .on('cases')
        .columns(['last_seen', 'key'])
        .execute();
      await withId(db.schema.createTable('decisions'), dialect)
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('reasons', 'text', (c) => c.notNull())
        .addColumn('authority', 'text')
        .addColumn('case_id', 'text')
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('evidence_url', 'text')
        .addColumn('expires', 'text')
        .addColumn('by_token', 'text', (c) => c.notNull())
        .addColumn('by_name', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('decisions_by_key').on('decisions').column('key').execute();
      await withId(db.schema.createTable('notes'), dialect)
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('by_token', 'text', (c) => c.notNull())
        .addColumn('by_name', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('notes_by_key').on('notes').column('key').execute();
      await withId(db.schema.createTable('audit'), dialect)
        .addColumn('key', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('by_token', 'text', (c) => c.notNull())
        .addColumn('by_name', 'text', (c) => c.notNull())
        .addColumn('before', 'text')
        .addColumn('after', 'text')
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('audit_by_key').on('audit').column('key').execute();
      await db.schema
        .createTable('records')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('record', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('tokens')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema
        .createTable('appeals')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('statement', 'text', (c) => c.notNull())
        .addColumn('contact', 'text')
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('appeals_by_key').on('appeals').column('key').execute();
      await db.schema
        .createTable('evidence')
        .addColumn('report_id', 'text', (c) => c.primaryKey())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('media_type', 'text', (c) => c.notNull())
        .addColumn('bytes', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('projection')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('position', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('publishes')
        .addColumn('sequence', 'integer', (c) => c.primaryKey())
        .addColumn('published_at', 'text', (c) => c.notNull())
        .addColumn('records', 'integer', (c) => c.notNull())
        .addColumn('changes', 'integer', (c) => c.notNull())
        .execute();
    },
  };
}

/**
 * Inspector mode: each action the extension sends carries its own id (its outbox may send it twice),
 * and inspectors attach evidence to keys (a listing snapshot and a screenshot).
 */
const inspectorActions: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('review_actions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('body_sha256', 'text', (c) => c.notNull())
      .addColumn('result', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('key_evidence')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('captured_at', 'text', (c) => c.notNull())
      .addColumn('snapshot', 'text', (c) => c.notNull())
      .addColumn('snapshot_sha256', 'text', (c) => c.notNull())
      .addColumn('screenshot_sha256', 'text')
      .addColumn('media_type', 'text')
      .addColumn('by_token', 'text', (c) => c.notNull())
      .addColumn('by_name', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('key_evidence_by_key').on('key_evidence').column('key').execute();
  },
};

export function migrationsFor(dialect: DialectName): MigrationProvider {
  return {
    async getMigrations() {
      return {
        '0001-initial': initial(dialect),
        '0002-inspector-actions': inspectorActions,
        '0003-networks': networksAndOrigins(dialect),
        '0004-blocking': blockingRecords(dialect),
        '0005-shared-state': sharedState(dialect),
        '0006-layout-reports': layoutReports,
        '0007-health-probe': healthProbeTable,
      };
    },
  };
}

/**
 * Layout reports: counts only (see server/store/layout/layout-reports.ts), by platform and adapter
 * version for the maintainers' view.
 */
const layoutReports: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('layout_reports')
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('page_kind', 'text', (c) => c.notNull())
      .addColumn('adapter_version', 'text', (c) => c.notNull())
      .addColumn('listings', 'integer', (c) => c.notNull())
      .addColumn('unreadable', 'integer', (c) => c.notNull())
      .addColumn('card_like', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('layout_reports_by_version')
      .on('layout_reports')
      .columns(['platform', 'adapter_version'])
      .execute();
  },
};
