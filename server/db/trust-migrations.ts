/**
 * The migrations that let the registry's counts and blocks be trusted: reports keep their network
 * (a keyed hash) and the scam site they name, cases count distinct installs and networks, appeals are
 * counted per day, and stored records from trusted sources say they may block their domain.
 */
import { type Kysely, type Migration, sql } from 'kysely';
import type { DialectName } from './schema';

/**
 * Networks and origins. A case's distinct installs and networks are kept as one row per origin
 * (case_origins), so a fold adds to the counts only what its insert really added, on either
 * database and with any number of instances folding at once. Existing cases are counted from the
 * reports already folded (those with keys); reports from before have no network, so they count as
 * installs only.
 */
export function networksAndOrigins(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('secrets')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
      await db.schema.alterTable('reports').addColumn('network', 'text').execute();
      await db.schema.alterTable('reports').addColumn('site', 'text').execute();
      for (const column of ['install_count', 'network_count']) {
        await db.schema
          .alterTable('cases')
          .addColumn(column, 'integer', (c) => c.notNull().defaultTo(0))
          .execute();
      }
      const origins = db.schema
        .createTable('case_origins')
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('origin', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('case_origins_pk', ['key', 'kind', 'origin']);
      await (dialect === 'sqlite' ? origins.modifyEnd(sql`without rowid`) : origins).execute();
      await sql`insert into case_origins (key, kind, origin)
        select distinct rk.key, 'install', r.client_id
        from report_keys rk inner join reports r on r.id = rk.report_id`.execute(db);
      await sql`update cases set install_count = (
        select count(*) from case_origins o where o.key = cases.key and o.kind = 'install')`.execute(
        db,
      );
      await db.schema
        .createTable('appeal_quota')
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('used', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('appeal_quota_pk', ['scope', 'day'])
        .execute();
    },
  };
}

/**
 * Records stored before `blocking` existed get it where their source is trusted to block: the
 * ChongLuaDao list imported from the package, an authority's confirmed record of a violating site,
 * and an inspector's confirmed decision about a domain (it names its authority and case). Without
 * this, a registry's next feed would stop blocking every domain until the sources were imported
 * again. The rule is written out here as it stood when the field came, as a migration must be.
 */
export function blockingRecords(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      if (dialect === 'sqlite') {
        await sql`update records set record = json_set(record, '$.blocking', json('true'))
          where key like 'domain:%' and (
            (source = 'import' and json_extract(record, '$.authority') = 'ChongLuaDao.vn')
            or (json_extract(record, '$.status') = 'confirmed' and (source = 'decision'
              or exists (select 1 from json_each(record, '$.reasons') where value = 'violating_site'))))`.execute(
          db,
        );
        return;
      }
      await sql`update records set record = (record::jsonb || '{"blocking": true}'::jsonb)::text
        where key like 'domain:%' and (
          (source = 'import' and record::jsonb ->> 'authority' = 'ChongLuaDao.vn')
          or (record::jsonb ->> 'status' = 'confirmed' and (source = 'decision'
            or record::jsonb -> 'reasons' @> '["violating_site"]'::jsonb)))`.execute(db);
    },
  };
}
