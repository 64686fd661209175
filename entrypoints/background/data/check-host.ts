/**
 * Check workers for a big snapshot (utils/feed/check-pool.ts), wherever this background can get
 * them; null when it cannot, and the snapshot is checked in its own thread.
 */
import { browser } from 'wxt/browser';
import {
  CHECK_CHANNEL,
  CHECK_WORKER_PATH,
  type CheckerHandle,
  type JobPort,
  poolChecker,
  RelayMessageSchema,
  START_TIMEOUT_MS,
  startCheckWorkers,
  workerPort,
} from '../../../utils/feed/check-pool';

const OFFSCREEN_URL = '/offscreen.html';
/** Blocks in flight per worker: one being checked, one waiting. */
const AHEAD_PER_WORKER = 2;

interface OffscreenApi {
  createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
}

const offscreenApi = () =>
  (globalThis as { chrome?: { offscreen?: OffscreenApi } }).chrome?.offscreen;

let leftoverClosed: Promise<void> = Promise.resolve();

/**
 * An offscreen document left open by a background stopped in the middle of a snapshot keeps its
 * workers until something closes it: a background closes it when it starts, since nothing of its
 * own can be using one yet. A snapshot check opening one later waits for this first.
 */
export function closeLeftoverCheckers(): void {
  if (typeof Worker === 'function') return;
  const offscreen = offscreenApi();
  if (offscreen) leftoverClosed = offscreen.closeDocument().catch(() => undefined);
}

/**
 * A background page (Firefox) starts workers itself; Chrome's service worker cannot, so it opens an
 * offscreen document that starts them and relays over a BroadcastChannel. Without either, the
 * snapshot is checked in the background's own thread, like a small one.
 */
export async function openCheckers(): Promise<CheckerHandle | null> {
  if (typeof Worker === 'function') return pageWorkers();
  const offscreen = offscreenApi();
  if (!offscreen) return null;
  await leftoverClosed;
  return offscreenWorkers(offscreen);
}

async function pageWorkers(): Promise<CheckerHandle | null> {
  const workers = await startCheckWorkers(
    navigator.hardwareConcurrency,
    browser.runtime.getURL(CHECK_WORKER_PATH),
  );
  if (workers.length === 0) return null;
  return {
    checker: poolChecker(workers.map(workerPort), workers.length * AHEAD_PER_WORKER),
    count: workers.length,
    async close() {
      for (const worker of workers) worker.terminate();
    },
  };
}

async function offscreenWorkers(offscreen: OffscreenApi): Promise<CheckerHandle | null> {
  try {
    await offscreen.createDocument({
      url: OFFSCREEN_URL,
      reasons: ['WORKERS'],
      justification: 'Checks the records of a large feed snapshot on every core.',
    });
  } catch {
    // one is open already: it answers the same way
  }
  const channel = new BroadcastChannel(CHECK_CHANNEL);
  const close = async () => {
    channel.close();
    await offscreen.closeDocument().catch(() => undefined);
  };
  const replies: Array<(reply: unknown) => void> = [];
  let ready: (workers: number) => void = () => undefined;
  const workers = new Promise<number>((resolve) => {
    ready = resolve;
    setTimeout(() => resolve(0), START_TIMEOUT_MS);
  });
  channel.onmessage = (event) => {
    const message = RelayMessageSchema.safeParse(event.data);
    if (!message.success) return;
    if (message.data.type === 'ready') ready(message.data.workers);
    else if (message.data.type === 'reply') {
      for (const listener of replies) listener(message.data.reply);
    }
  };
  channel.postMessage({ type: 'hello' });
  const count = await workers;
  if (count === 0) {
    await close();
    return null;
  }
  const relay: JobPort = {
    post: (job) => channel.postMessage({ type: 'job', job }),
    onReply: (listener) => replies.push(listener),
  };
  return { checker: poolChecker([relay], count * AHEAD_PER_WORKER), count, close };
}
