/**
 * WAL checkpoints off the event loop. SQLite copies the write-ahead log back into the database in
 * whichever connection commits past the threshold, which stalls that connection's thread while it
 * writes and syncs; on the server's only thread that stalls every request. Here the server's
 * connection never checkpoints: a worker thread with its own connection does, every second
 * (PASSIVE: it never blocks a writer), and truncates the log when it has grown large.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
const wal = workerData.file + '-wal';
const timer = setInterval(() => {
  try {
    const size = fs.existsSync(wal) ? fs.statSync(wal).size : 0;
    db.pragma(size > workerData.truncateAbove ? 'wal_checkpoint(TRUNCATE)' : 'wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage(String(error && error.message || error));
  }
}, workerData.everyMs);
parentPort.on('message', (message) => {
  if (message === 'stop') {
    clearInterval(timer);
    try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {}
    db.close();
    process.exit(0);
  }
});
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

export function startCheckpointer(
  file: string,
  onError: (message: string) => void,
  options: { everyMs?: number; truncateAbove?: number } = {},
): Checkpointer {
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: {
      file,
      driver: createRequire(import.meta.url).resolve('better-sqlite3'),
      everyMs: options.everyMs ?? 1000,
      truncateAbove: options.truncateAbove ?? 256 * 1024 * 1024,
    },
  });
  worker.on('message', (message) => onError(String(message)));
  worker.on('error', (error) => onError(error.message));
  worker.unref();
  return {
    stop: () =>
      new Promise((resolve) => {
        // Held until it has finished: an unreferenced worker would let the process end first.
        worker.ref();
        worker.once('exit', () => resolve());
        worker.postMessage('stop');
      }),
  };
}
