/**
 * Checking snapshot blocks in parallel. Parsing and checking a million records with zod takes most
 * of a snapshot's apply time on one thread; check workers (entrypoints/check-worker.ts) each take
 * whole blocks and send back plain results (block-check.ts), and the background stores the blocks in
 * order, as it does when it checks them itself. A worker that fails or goes silent costs nothing but
 * time: its block is checked here instead.
 */
import * as z from 'zod/mini';
import { checkBlock } from './block-check';
import type { BlockChecker } from './feed-file';

export interface CheckJob {
  id: number;
  block: Uint8Array<ArrayBuffer>;
  partRecords?: number;
}

const BlockCheckSchema = z.union([
  z.object({
    ok: z.literal(true),
    keys: z.array(z.string()),
    lines: z.int().check(z.gte(0)),
    parts: z.optional(
      z.object({ offsets: z.instanceof(Uint32Array), firstKeys: z.array(z.string()) }),
    ),
  }),
  z.object({ ok: z.literal(false), problem: z.enum(['gzip', 'too_many']) }),
  z.object({
    ok: z.literal(false),
    problem: z.literal('record'),
    line: z.int().check(z.gte(1)),
    detail: z.string(),
  }),
]);

export const CheckReplySchema = z.object({
  id: z.int(),
  result: z.optional(BlockCheckSchema),
  /** The worker could not check the block (it crashed): the block is checked elsewhere. */
  failed: z.optional(z.boolean()),
});
export type CheckReply = z.infer<typeof CheckReplySchema>;

export const CheckJobSchema = z.object({
  id: z.int(),
  block: z.instanceof(Uint8Array),
  partRecords: z.optional(z.int().check(z.gte(1))),
});

/** Somewhere jobs can be sent and replies come from: a worker, or a relay to several. */
export interface JobPort {
  post(job: CheckJob): void;
  onReply(listener: (reply: unknown) => void): void;
}

/** Check workers ready to take blocks, and how to let them go. */
export interface CheckerHandle {
  checker: BlockChecker;
  /** Workers sharing the blocks. */
  count: number;
  close(): Promise<void>;
}

/**
 * How long one block may take in a worker before it is checked here instead (a block takes
 * milliseconds). After one such wait the workers are not used again for this snapshot: a worker
 * or page that went away must not cost that wait for every block still to come.
 */
const JOB_TIMEOUT_MS = 10_000;

/** A checker sending blocks to `ports` in turn, `ahead` blocks in flight in all. */
export function poolChecker(
  ports: readonly JobPort[],
  ahead: number,
  timeoutMs = JOB_TIMEOUT_MS,
): BlockChecker {
  const waiting = new Map<number, (reply: CheckReply | null) => void>();
  for (const port of ports) {
    port.onReply((raw) => {
      const reply = CheckReplySchema.safeParse(raw);
      if (reply.success) waiting.get(reply.data.id)?.(reply.data);
    });
  }
  let nextId = 1;
  let silent = false;
  return {
    ahead,
    async check(block, partRecords) {
      if (silent) return checkBlock(block, partRecords);
      const id = nextId++;
      const port = ports[id % ports.length] as JobPort;
      const reply = await new Promise<CheckReply | null>((resolve) => {
        const timer = setTimeout(() => {
          silent = true;
          resolve(null);
        }, timeoutMs);
        waiting.set(id, (value) => {
          clearTimeout(timer);
          resolve(value);
        });
        // A copy of just this block: a view would carry its whole buffer along.
        port.post({ id, block: block.slice(), ...(partRecords ? { partRecords } : {}) });
      });
      waiting.delete(id);
      return reply?.result ?? checkBlock(block, partRecords);
    },
  };
}

/** What a worker says once it is listening. */
export const WORKER_UP = { up: true } as const;

/** The worker's side: every job in, its check out. */
export function serveChecks(scope: {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage(message: unknown, transfer: Transferable[]): void;
}): void {
  scope.postMessage(WORKER_UP, []);
  scope.onmessage = (event) => {
    const job = CheckJobSchema.safeParse(event.data);
    if (!job.success) return;
    const { id, block, partRecords } = job.data;
    checkBlock(block as Uint8Array<ArrayBuffer>, partRecords).then(
      (result) => scope.postMessage({ id, result } satisfies CheckReply, []),
      () => scope.postMessage({ id, failed: true } satisfies CheckReply, []),
    );
  };
}

/** Messages between the background and the page hosting the workers (Chrome's offscreen document). */
export const RelayMessageSchema = z.union([
  z.object({ type: z.literal('hello') }),
  z.object({ type: z.literal('ready'), workers: z.int().check(z.gte(0)) }),
  z.object({ type: z.literal('job'), job: CheckJobSchema }),
  z.object({ type: z.literal('reply'), reply: z.unknown() }),
]);
export type RelayMessage = z.infer<typeof RelayMessageSchema>;

/** The channel the background and the offscreen document share (same extension origin). */
export const CHECK_CHANNEL = 'soi-hang-checks';

/** Check workers started from the extension's own script, the ones up within a few seconds. */
export function startCheckWorkers(cores: number | undefined, url: string): Promise<Worker[]> {
  return startWorkers(workerCount(cores), () => new Worker(url), START_TIMEOUT_MS);
}

/** How long a check worker may take to start. */
export const START_TIMEOUT_MS = 5000;
/** Where the check worker's script is in the package (entrypoints/check-worker.ts). */
export const CHECK_WORKER_PATH = '/check-worker.js';

/** Workers that said they are up within `waitMs`; the others are stopped. */
export async function startWorkers(
  count: number,
  start: () => Worker,
  waitMs: number,
): Promise<Worker[]> {
  const started = Array.from({ length: count }, () => {
    const worker = start();
    const up = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), waitMs);
      worker.addEventListener('message', function onUp(event) {
        if ((event.data as { up?: unknown })?.up !== true) return;
        worker.removeEventListener('message', onUp);
        clearTimeout(timer);
        resolve(true);
      });
      worker.addEventListener('error', () => resolve(false));
    });
    return { worker, up };
  });
  const ready: Worker[] = [];
  for (const { worker, up } of started) {
    if (await up) ready.push(worker);
    else worker.terminate();
  }
  return ready;
}

/** A worker as a job port: blocks are handed over, not copied. */
export function workerPort(worker: Worker): JobPort {
  return {
    post: (job) => worker.postMessage(job, [job.block.buffer]),
    onReply: (listener) => worker.addEventListener('message', (event) => listener(event.data)),
  };
}

/** Workers worth starting: one per core, at least two, at most four. */
export const workerCount = (cores: number | undefined): number =>
  Math.max(2, Math.min(4, cores || 2));
