/**
 * The shared frame of the registry's command-line tools: configuration from the environment, the
 * registry opened and closed around the work, and exit code 2 with one line on any failure. Files
 * they write (a backup, a generated key) are private, as the server's are.
 */
import { existsSync } from 'node:fs';
import { loadConfig, type RegistryConfig } from '../config';
import { isPostgresUrl } from '../db/dialect';
import { keepFilesPrivate } from '../private-files';
import { openRegistry, type Registry, registryLogger } from '../registry';

export interface CliOptions {
  /**
   * The tool reads an existing database and must not make an empty one (opening a SQLite file
   * that is not there creates it): without one it stops, naming where it looked.
   */
  existingDatabase?: boolean;
}

export function runCli(
  name: string,
  work: (registry: Registry, config: RegistryConfig) => Promise<void>,
  options: CliOptions = {},
): void {
  const run = async () => {
    keepFilesPrivate();
    const config = loadConfig();
    const url = config.databaseUrl;
    if (options.existingDatabase && !isPostgresUrl(url) && !existsSync(url)) {
      throw new Error(`there is no database at ${url} (set DATA_DIR or DATABASE_URL)`);
    }
    const registry = await openRegistry(config, registryLogger({ logLevel: 'warn' }));
    try {
      await work(registry, config);
    } finally {
      await registry.close();
    }
  };
  run().catch((error: unknown) => {
    console.error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  });
}
