/**
 * Opens everything the registry needs from a configuration: the database (migrated), the signing
 * key and the publish queue. The server entry and the command-line tools share it. Anything at
 * start that cannot work (a database that cannot be opened or reached, a key that is not one) is
 * a StartError: one line and exit code 2.
 */
import path from 'node:path';
import pino, { type Logger } from 'pino';
import type { RegistryConfig } from './config';
import { DatabaseHealth } from './db/database-health';
import { isPostgresUrl, isReachable, migrate, type OpenDatabase, openDatabase } from './db/dialect';
import { type Checkpointer, startCheckpointer } from './db/sqlite-checkpointer';
import { SharedRateStore } from './http/shared-rate-store';
import { PublishQueue, publishRegistry } from './publish/publish-from-database';
import { loadPublisherKey, type PublisherKey } from './publish/publisher-key';
import { DatabaseFeed } from './publish/stores/database-feed';
import { DirectoryFeed } from './publish/stores/directory-feed';
import type { FeedStore } from './publish/stores/feed-store';
import type { RegistryDeps } from './routes/deps';
import { mergeSources, readShippedSources } from './sources/shipped';
import { CaseProjection } from './store/cases/case-projection';
import { EvidenceBlobs } from './store/evidence/evidence-blobs';
import { EvidenceFiles } from './store/evidence/evidence-files';
import { isEmptyRegistry } from './store/records/publish-history';
import { importRecords } from './store/records/record-imports';
import { ReportIntake } from './store/reports/intake';
import { networkSecret } from './store/secrets/network-secret';

export class StartError extends Error {
  override readonly name = 'StartError';
}

export interface Registry extends RegistryDeps {
  database: OpenDatabase;
  /** Resolves once no publish is under way (shutdown waits for one, within its grace). */
  publishesDone(): Promise<void>;
  close(): Promise<void>;
}

export function registryLogger(config: Pick<RegistryConfig, 'logLevel'>): Logger {
  return pino({ level: config.logLevel, base: { service: 'soi-hang-registry' } });
}

export async function openRegistry(
  config: RegistryConfig,
  log: Logger,
  options: { background?: boolean } = {},
): Promise<Registry> {
  let database: OpenDatabase;
  try {
    database = openDatabase(config.databaseUrl);
  } catch (error) {
    // A PostgreSQL URL may carry a password: only a file's path is named.
    const where = isPostgresUrl(config.databaseUrl) ? 'PostgreSQL' : config.databaseUrl;
    throw new StartError(`cannot open the database at ${where}: ${messageOf(error)}`);
  }
  let secret: string;
  let key: PublisherKey;
  try {
    if (!(await isReachable(database.db))) {
      throw new StartError(`the database at ${database.where} is unreachable`);
    }
    await migrate(database);
    secret = await networkSecret(database.db);
    key = await loadPublisherKey(config.publisherKey, config.dataDir);
  } catch (error) {
    await database.db.destroy().catch(() => {});
    throw error instanceof StartError ? error : new StartError(messageOf(error));
  }
  // One line when writes start failing and one when they work again, however many requests fail.
  database.watch.listen((fault, cause) => {
    if (fault) log.error({ reason: fault.reason, err: cause }, `storage fault: ${fault.message}`);
    else log.info('database writes succeed again');
  });
  // The long-running server checkpoints SQLite's log in a worker thread; tools keep SQLite's own.
  let checkpointer: Checkpointer | null = null;
  if (options.background && database.sqlite) {
    database.sqlite.pragma('wal_autocheckpoint = 0');
    checkpointer = startCheckpointer(database.where, (message) =>
      log.warn({ message }, 'WAL checkpoint failed'),
    );
  }
  const queue = new PublishQueue();
  const publishing = new Set<Promise<unknown>>();
  const now = () => new Date();
  const cases = new CaseProjection(database.db, database.dialect);
  // Instances sharing PostgreSQL share the feed through it; one SQLite server keeps a directory.
  const feed: FeedStore =
    database.dialect === 'postgres'
      ? new DatabaseFeed(database.db)
      : new DirectoryFeed(config.feedDir);
  const intake = new ReportIntake(database.db, now);
  // The disks whose free space /health watches: the SQLite file's and the evidence directory's
  // (on PostgreSQL the database's disk is the server's, and evidence lives in it).
  const healthDirectories =
    database.dialect === 'sqlite' ? [path.dirname(database.where), config.evidenceDir] : [];
  const registry: Registry = {
    db: database.db,
    database,
    config,
    key,
    log,
    feed,
    evidence:
      database.dialect === 'postgres'
        ? new EvidenceBlobs(database.db)
        : new EvidenceFiles(config.evidenceDir),
    now,
    networkSecret: secret,
    rateStore: () =>
      database.dialect === 'postgres' ? new SharedRateStore(database.db, '') : undefined,
    intake,
    cases,
    health: new DatabaseHealth(database.db, database.watch, healthDirectories),
    publish: (publishOptions) => {
      const run = queue.run(async () => {
        await cases.catchUp();
        return publishRegistry(
          database.db,
          database.dialect,
          feed,
          config,
          key,
          now,
          publishOptions,
        );
      });
      publishing.add(run);
      run.then(
        () => publishing.delete(run),
        () => publishing.delete(run),
      );
      return run;
    },
    publishesDone: async () => {
      await Promise.allSettled([...publishing]);
    },
    close: async () => {
      // Reports handed to intake are written, and a fold under way finishes (or the rest waits
      // for the next start), before the pool closes.
      await intake.idle();
      await cases.catchUp().catch(() => {});
      await checkpointer?.stop();
      await database.db.destroy();
    },
  };
  return registry;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * A first start (no record ever stored, no feed ever published): the sources the extension ships
 * (ChongLuaDao's scam domains, the authorities' decisions) are imported, so the registry's first
 * feed holds at least what every extension already has. IMPORT_SHIPPED_SOURCES=0 turns it off;
 * publishing then waits for records (an empty feed is always refused).
 */
export async function importShippedOnFirstStart(registry: Registry): Promise<number> {
  if (!(await isEmptyRegistry(registry.db))) return 0;
  if (!registry.config.importShippedSources) {
    registry.log.warn(
      'the database is empty and IMPORT_SHIPPED_SOURCES=0: no feed is published until records ' +
        'are imported (npm run server:import -- <file>)',
    );
    return 0;
  }
  const { chongLuaDao, official } = await readShippedSources();
  const records = mergeSources([...chongLuaDao, ...official]);
  const { written } = await importRecords(registry.db, records, registry.now());
  registry.log.info(
    { records: written, chongLuaDao: chongLuaDao.length, official: official.length },
    'empty database: imported the sources the extension ships (IMPORT_SHIPPED_SOURCES=0 turns this off)',
  );
  return written;
}
