/**
 * Chrome's offscreen document for checking a big snapshot (utils/feed/check-pool.ts): a service
 * worker cannot start workers, so this page starts them and relays blocks and results over a
 * BroadcastChannel. It holds nothing else, and the background closes it when the snapshot is done.
 */
import { browser } from 'wxt/browser';
import {
  CHECK_CHANNEL,
  CHECK_WORKER_PATH,
  RelayMessageSchema,
  startCheckWorkers,
  workerPort,
} from '../../utils/feed/check-pool';

const channel = new BroadcastChannel(CHECK_CHANNEL);
const workers = startCheckWorkers(
  navigator.hardwareConcurrency,
  browser.runtime.getURL(CHECK_WORKER_PATH),
).then((started) => {
  const ports = started.map(workerPort);
  for (const port of ports) {
    port.onReply((reply) => channel.postMessage({ type: 'reply', reply }));
  }
  channel.postMessage({ type: 'ready', workers: ports.length });
  return ports;
});

channel.onmessage = (event) => {
  const message = RelayMessageSchema.safeParse(event.data);
  if (!message.success) return;
  if (message.data.type === 'hello') {
    void workers.then((ports) => channel.postMessage({ type: 'ready', workers: ports.length }));
  } else if (message.data.type === 'job') {
    const { job } = message.data;
    void workers.then((ports) => {
      const port = ports[job.id % ports.length];
      if (port) port.post({ ...job, block: job.block as Uint8Array<ArrayBuffer> });
      else channel.postMessage({ type: 'reply', reply: { id: job.id, failed: true } });
    });
  }
};
