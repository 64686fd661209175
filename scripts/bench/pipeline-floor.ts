/**
 * A second floor for `npm run bench:server`: the registry's own HTTP app (CORS, body limit, both
 * rate limits, schema validation, routing, JSON answers) with storage that answers at once. What
 * it reaches is what intake could reach with a database that cost nothing. Prints its port.
 */
import { serve } from '@hono/node-server';
import pino from 'pino';
import { createApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import type { RegistryDeps } from '../../server/routes/deps';

const config = loadConfig({
  RATE_LIMIT_PER_MINUTE: '1000000000',
  DATA_DIR: process.argv[2] ?? '.',
});
const deps = {
  config,
  log: pino({ level: 'info' }),
  now: () => new Date(),
  networkSecret: 'bench',
  intake: {
    save: async (report: { id: string }) => ({
      kind: 'created' as const,
      receipt: { id: report.id, receivedAt: new Date().toISOString() },
    }),
  },
} as unknown as RegistryDeps;

serve({ fetch: createApp(deps).fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  console.log(JSON.stringify({ port: info.port }));
});
