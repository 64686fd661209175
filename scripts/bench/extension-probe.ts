/**
 * Reaching into the running extension from a benchmark: its IndexedDB files on disk, its messages
 * from an extension page, from the content script's own isolated world, and stopping its worker.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { REQUEST_PORT } from '../../utils/protocol/runtime/port-transport';

/** Bytes on disk of the extension origin's IndexedDB (LevelDB files and blobs). */
export function idbDiskBytes(profile: string, extensionId: string): number {
  const root = path.join(profile, 'Default', 'IndexedDB');
  let total = 0;
  for (const entry of readdirSync(root)) {
    if (!entry.includes(extensionId)) continue;
    const out = execFileSync('du', ['-sb', path.join(root, entry)], { encoding: 'utf8' });
    total += Number(out.split('\t')[0]);
  }
  return total;
}

/** Runs a message from an extension page (privileged) and returns its reply's data. */
export async function send(
  page: Page,
  type: string,
  payload: unknown,
): Promise<Record<string, unknown>> {
  const reply = (await page.evaluate(
    `chrome.runtime.sendMessage(${JSON.stringify({ type, payload })})`,
  )) as { ok: boolean; data?: Record<string, unknown>; error?: unknown };
  if (!reply.ok) throw new Error(`${type}: ${JSON.stringify(reply.error)}`);
  return reply.data ?? {};
}

/** The content script's isolated world on a page, to send messages from where a content script does. */
export async function contentWorld(
  page: Page,
  extensionId: string,
): Promise<{ cdp: CDPSession; id: number }> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: Array<{ id: number; origin: string; auxData?: { type?: string } }> = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const world = contexts.find(
      (c) => c.auxData?.type === 'isolated' && c.origin.includes(extensionId),
    );
    if (world) return { cdp, id: world.id };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the content script world did not appear');
}

export async function inWorld<T>(
  world: { cdp: CDPSession; id: number },
  expression: string,
): Promise<T> {
  const { result, exceptionDetails } = await world.cdp.send('Runtime.evaluate', {
    expression,
    contextId: world.id,
    awaitPromise: true,
    returnByValue: true,
  });
  if (exceptionDetails) throw new Error(JSON.stringify(exceptionDetails));
  return result.value as T;
}

/**
 * Round trips of one lookup per batch, in ms, timed inside the content script's world and sent the
 * way the content script sends them: on the request port (utils/protocol/runtime/port-transport.ts), opened
 * once. With `oneOff`, as one-off runtime messages instead (for comparison).
 */
export function roundTrips(batches: string[][], oneOff = false): string {
  return `(async () => {
    const batches = ${JSON.stringify(batches)};
    const port = ${oneOff} ? null : chrome.runtime.connect({ name: ${JSON.stringify(REQUEST_PORT)} });
    const waiting = new Map();
    port?.onMessage.addListener(({ id, reply }) => waiting.get(id)?.(reply));
    const send = (message, id) => port
      ? new Promise((resolve) => { waiting.set(id, resolve); port.postMessage({ id, message }); })
      : chrome.runtime.sendMessage(message);
    const out = [];
    for (const [i, keys] of batches.entries()) {
      const t = performance.now();
      const reply = await send({ type: 'lookup', payload: { keys } }, i + 1);
      out.push(performance.now() - t);
      if (!reply.ok) throw new Error(JSON.stringify(reply.error));
    }
    port?.disconnect();
    return out;
  })()`;
}

export async function stopWorkers(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

/** The extension service worker's JS heap in use, after a forced collection, in bytes. */
export async function workerHeapBytes(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as {
      targetInfos: Array<{ targetId: string; type: string }>;
    };
    const worker = targetInfos.find((target) => target.type === 'service_worker');
    if (!worker) throw new Error('no service worker running');
    // Playwright's session speaks to the page; the worker is reached through it, message by message.
    const { sessionId } = (await cdp.send('Target.attachToTarget', {
      targetId: worker.targetId,
      flatten: false,
    })) as { sessionId: string };
    let nextId = 1;
    const call = (method: string) =>
      new Promise<Record<string, unknown>>((resolve) => {
        const id = nextId++;
        const listener = (event: { message: string }) => {
          const message = JSON.parse(event.message) as { id?: number; result?: object };
          if (message.id !== id) return;
          cdp.off('Target.receivedMessageFromTarget', listener);
          resolve((message.result ?? {}) as Record<string, unknown>);
        };
        cdp.on('Target.receivedMessageFromTarget', listener);
        void cdp.send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id, method }),
        });
      });
    await call('HeapProfiler.collectGarbage');
    const usage = await call('Runtime.getHeapUsage');
    return Number(usage.usedSize);
  } finally {
    await cdp.detach();
  }
}
