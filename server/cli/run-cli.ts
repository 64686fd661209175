/**
 * The shared frame of the registry's command-line tools: configuration from the environment, the
 * registry opened and closed around the work, and exit code 2 with one line on any failure.
 */
import { loadConfig, type RegistryConfig } from '../config';
import { openRegistry, type Registry, registryLogger } from '../registry';

export function runCli(
  name: string,
  work: (registry: Registry, config: RegistryConfig) => Promise<void>,
): void {
  const run = async () => {
    const config = loadConfig();
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
