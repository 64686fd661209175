/**
 * A stop (SIGTERM, SIGINT) with a deadline: connections close as their last answers go out
 * (http/closing-connections.ts), a publish under way is waited for, and when SHUTDOWN_GRACE_MS
 * have passed whatever is left is cut, so a stalled upload or a chatty client cannot hold the
 * process up. A publish cut short leaves the previous feed whole: the feed writer replaces the
 * manifest last, in one rename. Then the registry closes (reports handed to intake are written, the
 * database closed), within a short allowance of its own, and the exit code says whether it did.
 */
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import type { ClosingConnections } from './http/closing-connections';
import type { Registry } from './registry';

/** What closing the registry may take beyond the grace before the process exits anyway. */
export const CLOSE_ALLOWANCE_MS = 500;

const after = (ms: number) =>
  new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), ms).unref());

export async function shutDown(options: {
  server: Server;
  connections: ClosingConnections;
  registry: Pick<Registry, 'publishesDone' | 'close'>;
  graceMs: number;
  log: Logger;
}): Promise<number> {
  const { server, connections, registry, graceMs, log } = options;
  const started = performance.now();
  const [cut, publish] = await Promise.all([
    connections.close(server, graceMs),
    Promise.race([registry.publishesDone().then(() => 'done' as const), after(graceMs)]),
  ]);
  if (cut > 0) {
    log.warn({ connections: cut, graceMs }, 'closed connections still open at the grace');
  }
  if (publish === 'late') {
    log.warn({ graceMs }, 'a publish was still under way at the grace; the previous feed stands');
  }
  const left = Math.max(0, graceMs - (performance.now() - started));
  const closed = await Promise.race([
    registry.close().then(
      () => 'closed' as const,
      (error: unknown) => {
        log.error({ err: error }, 'closing the registry failed');
        return 'failed' as const;
      },
    ),
    after(left + CLOSE_ALLOWANCE_MS),
  ]);
  if (closed === 'late') log.error('the registry did not close in time; exiting anyway');
  log.info({ ms: Math.round(performance.now() - started) }, 'stopped');
  return closed === 'closed' ? 0 : 1;
}
