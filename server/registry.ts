/**
 * Opens everything the registry needs from a configuration: the database (migrated), the signing
 * key and the publish queue. The server entry and the command-line tools share it.
 */
import pino, { type Logger } from 'pino';
import type { RegistryConfig } from './config';
import { loadPublisherKey, type PublisherKey } from './publish/publisher-key';
import { PublishQueue, publishRegistry } from './publish/registry-publish';
import type { RegistryDeps } from './routes/deps';
import { isReachable, migrate, type OpenDatabase, openDatabase } from './store/dialect';
import { EvidenceFiles } from './store/evidence-files';
import { ReportIntake } from './store/reports';

export class StartError extends Error {
  override readonly name = 'StartError';
}

export interface Registry extends RegistryDeps {
  database: OpenDatabase;
  close(): Promise<void>;
}

export function registryLogger(config: Pick<RegistryConfig, 'logLevel'>): Logger {
  return pino({ level: config.logLevel, base: { service: 'soi-hang-registry' } });
}

export async function openRegistry(config: RegistryConfig, log: Logger): Promise<Registry> {
  const database = openDatabase(config.databaseUrl);
  if (!(await isReachable(database.db))) {
    await database.db.destroy().catch(() => {});
    throw new StartError(`the database at ${database.where} is unreachable`);
  }
  await migrate(database);
  let key: PublisherKey;
  try {
    key = await loadPublisherKey(config.publisherKey, config.dataDir);
  } catch (error) {
    await database.db.destroy();
    throw new StartError(error instanceof Error ? error.message : String(error));
  }
  const queue = new PublishQueue();
  const now = () => new Date();
  const registry: Registry = {
    db: database.db,
    database,
    config,
    key,
    log,
    evidence: new EvidenceFiles(config.evidenceDir),
    now,
    intake: new ReportIntake(database.db, now),
    publish: () => queue.run(() => publishRegistry(database.db, config, key)),
    close: () => database.db.destroy(),
  };
  return registry;
}
