import { describe, expect, it, vi } from 'vitest';
import { buildBlockedSnapshot } from '../../../server/publish/feed-builder';
import type { PackedChunk } from '../../../utils/db/flag-store';
import { type JobPort, poolChecker, serveChecks, WORKER_UP } from '../../../utils/feed/check-pool';
import { type BlockChecker, snapshotChunks } from '../../../utils/feed/feed-file';
import type { FeedFile } from '../../../utils/feed-format/manifest';
import type { FlagRecord } from '../../../utils/protocol/records';
import { demo } from '../../helpers/feed-sync';

type Behaviour = 'serve' | 'silent' | 'garbage' | 'fail';

/** A worker in this thread: messages cross as structured clones, a task later, as they would. */
function fakeWorker(behaviour: Behaviour): JobPort & { said: unknown[] } {
  const listeners: Array<(reply: unknown) => void> = [];
  const said: unknown[] = [];
  const deliver = (message: unknown) =>
    setTimeout(() => {
      said.push(message);
      for (const listener of listeners) listener(structuredClone(message));
    });
  const scope = {
    onmessage: null as ((event: MessageEvent) => void) | null,
    postMessage: (message: unknown) => deliver(message),
  };
  if (behaviour === 'serve') serveChecks(scope);
  return {
    said,
    post(job) {
      if (behaviour === 'serve') {
        setTimeout(() => scope.onmessage?.({ data: structuredClone(job) } as MessageEvent));
      } else if (behaviour === 'garbage') {
        deliver({ id: job.id, result: { ok: 'surely', keys: 'all of them' } });
      } else if (behaviour === 'fail') {
        deliver({ id: job.id, failed: true });
      }
    },
    onReply: (listener) => listeners.push(listener),
  };
}

async function chunksOf(records: FlagRecord[], checker?: BlockChecker) {
  const snapshot = await buildBlockedSnapshot('snapshot.ndjson.gz', records);
  const chunks: PackedChunk[] = [];
  await snapshotChunks(snapshot.bytes, snapshot.ref as FeedFile, (c) => chunks.push(c), checker);
  return chunks;
}

const records = demo(3000);

describe('checking snapshot blocks in workers', () => {
  it('gives exactly what checking in this thread gives', async () => {
    const workers = [fakeWorker('serve'), fakeWorker('serve')];
    const here = await chunksOf(records);
    const there = await chunksOf(records, poolChecker(workers, 4));
    expect(there).toEqual(here);
    expect(here.length).toBe(6);
    expect(here[0]?.parts?.firstKeys.length).toBe(8);
    // Each worker said it was up, then took its share of the blocks.
    for (const worker of workers) {
      expect(worker.said[0]).toEqual(WORKER_UP);
      expect(worker.said.length).toBe(4);
    }
  });

  it('refuses a bad record with the same message, naming its line in the file', async () => {
    const bad = [...records];
    bad[2600] = { ...bad[2600], status: 'bogus' } as unknown as FlagRecord;
    const checker = poolChecker([fakeWorker('serve'), fakeWorker('serve')], 4);
    await expect(chunksOf(bad)).rejects.toThrow(/line 2601: [\s\S]*status/);
    await expect(chunksOf(bad, checker)).rejects.toThrow(/line 2601: [\s\S]*status/);
  });

  it('stops sending blocks to workers once one has kept a block past its time', async () => {
    const silent = fakeWorker('silent');
    const posted = vi.spyOn(silent, 'post');
    const checker = poolChecker([silent], 1, 50);
    expect(await chunksOf(records, checker)).toEqual(await chunksOf(records));
    // The block waited for and the one already sent behind it; the other four were checked here.
    expect(posted).toHaveBeenCalledTimes(2);
  });

  it('checks a block here when its worker fails, answers nonsense or says nothing', async () => {
    const here = await chunksOf(records);
    for (const behaviour of ['fail', 'garbage', 'silent'] as const) {
      const checker = poolChecker([fakeWorker('serve'), fakeWorker(behaviour)], 4, 50);
      expect(await chunksOf(records, checker)).toEqual(here);
    }
  });
});
