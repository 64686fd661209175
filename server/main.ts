/**
 * npm run server: the registry. Configured by the environment (server/README.md); with nothing set
 * it runs on 127.0.0.1:8787 with SQLite, key pair and feed under ./data/. A bad configuration or
 * a database that cannot be opened or reached exits with code 2 and one line. SIGTERM or SIGINT:
 * stop accepting, let requests in flight and a publish under way finish within SHUTDOWN_GRACE_MS
 * (shutdown.ts), close the database.
 */
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config';
import { StorageFaultError } from './db/storage-faults';
import { ClosingConnections } from './http/closing-connections';
import { startMaintenance } from './maintenance';
import { keepFilesPrivate, openToOthers } from './private-files';
import { schedulePublishes } from './publish/scheduled-publish';
import { importShippedOnFirstStart, openRegistry, registryLogger, StartError } from './registry';
import { shutDown } from './shutdown';

async function main(): Promise<void> {
  // Before anything is written: every file the registry creates is its own (private-files.ts).
  keepFilesPrivate();
  const config = loadConfig();
  const log = registryLogger(config);
  const openMode = openToOthers(config.dataDir);
  if (openMode) {
    log.warn(
      { dataDir: config.dataDir, mode: openMode },
      "DATA_DIR is open to other users (it holds reporters' contacts and the signing key): chmod 700 it",
    );
  }
  const registry = await openRegistry(config, log, { background: true });
  await importShippedOnFirstStart(registry);
  if (registry.key.generated) {
    log.warn(
      { file: registry.key.file, publicKey: registry.key.publicKey, keyId: registry.key.keyId },
      'generated a feed signing key; pin its public key in extension builds with ' +
        'SOI_HANG_FEED_KEYS=<publicKey> npm run build',
    );
  }
  const connections = new ClosingConnections();
  const app = createApp(registry);
  const server = serve(
    { fetch: connections.wrap(app.fetch), port: config.port, hostname: config.host },
    (info) => {
      log.info(
        {
          address: info.address,
          port: info.port,
          database: registry.database.where,
          feedDir: config.feedDir,
          keyId: registry.key.keyId,
        },
        'registry listening',
      );
    },
  );
  // Idle keep-alive connections outlive a load balancer's (commonly 60 s), so the balancer, not
  // Node, closes them, and never while a request is on its way.
  if ('keepAliveTimeout' in server) {
    server.keepAliveTimeout = 65_000;
    server.headersTimeout = 66_000;
  }
  server.on('error', (error) => {
    log.fatal({ err: error }, 'cannot listen');
    process.exit(2);
  });

  // Reports are counted into the review tables in the background, two small folds every 100 ms (up
  // to 5,000 reports a second), so the work is spread evenly and no request waits long behind it.
  // Anything that reads the counts catches up first, so no reader sees a lag.
  const projection = setInterval(() => {
    registry.cases.step(2).catch((error: unknown) => {
      // A storage fault was logged once when it began (registry.ts), not ten times a second.
      if (!(error instanceof StorageFaultError)) {
        log.error({ err: error }, 'case projection failed');
      }
    });
  }, 100);
  projection.unref();

  // One summary line a minute instead of a line per report.
  setInterval(() => {
    const reports = registry.intake.takeCount();
    if (reports > 0) log.info({ reports }, 'reports received in the last minute');
  }, 60_000).unref();

  // On every instance; on PostgreSQL the lease lets exactly one of them publish each time.
  const scheduled = config.publishEveryMs
    ? schedulePublishes(registry.db, config.publishEveryMs, () => registry.publish(), log)
    : null;
  const stopMaintenance = startMaintenance(registry);

  let stopping = false;
  const stop = (signal: string) => {
    // A signal often comes twice (a terminal's Ctrl-C reaches npm and node, and npm passes it on):
    // the grace bounds the stop anyway.
    if (stopping) return;
    stopping = true;
    log.info({ signal, graceMs: config.shutdownGraceMs }, 'stopping: finishing requests in flight');
    clearInterval(projection);
    stopMaintenance();
    // No new scheduled publish from now; the one under way finishes and the lease is given up, so
    // another instance takes it at once.
    const scheduleStopped = scheduled?.stop();
    void shutDown({
      // serve() made a plain HTTP/1.1 server: no createServer option was given.
      server: server as Server,
      connections,
      registry: {
        publishesDone: () => registry.publishesDone(),
        close: async () => {
          await scheduleStopped;
          await registry.close();
        },
      },
      graceMs: config.shutdownGraceMs,
      log,
    }).then((code) => process.exit(code));
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof StartError;
  console.error(`registry: ${error instanceof Error ? error.message : String(error)}`);
  if (!known && error instanceof Error && error.stack) console.error(error.stack);
  process.exit(known ? 2 : 1);
});
