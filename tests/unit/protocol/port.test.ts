import { describe, expect, it, vi } from 'vitest';
import { ProtocolError, sendMessage } from '../../../utils/protocol/runtime/client';
import { createDispatcher, type Handlers } from '../../../utils/protocol/runtime/dispatch';
import {
  type ListenedPort,
  requestPortListener,
} from '../../../utils/protocol/runtime/port-listener';
import {
  createPortTransport,
  type PortLike,
  REQUEST_PORT,
} from '../../../utils/protocol/runtime/port-transport';
import { unusedInspectorHandlers } from '../../helpers/inspector-handler-stubs';
import { record } from '../../helpers/records';

const self = { id: 'ext-id', baseUrl: 'chrome-extension://ext-id/' };
const contentScript = { id: 'ext-id', url: 'https://tiki.vn/search?q=a', tab: { id: 3 } };

type Listener = (message: unknown) => void;

/** Two connected port ends, delivering asynchronously as the browser does. */
function portPair(name: string, sender = contentScript) {
  const pageSide: Listener[] = [];
  const workerSide: Listener[] = [];
  const disconnects: Array<() => void> = [];
  let open = true;
  const deliver = (listeners: Listener[], message: unknown) => {
    if (!open) throw new Error('Attempting to use a disconnected port object');
    const copy = structuredClone(message);
    queueMicrotask(() => {
      if (open) for (const listener of listeners) listener(copy);
    });
  };
  const page: PortLike = {
    postMessage: (message) => deliver(workerSide, message),
    onMessage: { addListener: (l) => pageSide.push(l) },
    onDisconnect: { addListener: (l) => disconnects.push(l) },
  };
  const worker: ListenedPort = {
    name,
    sender,
    postMessage: (message) => deliver(pageSide, message),
    onMessage: { addListener: (l) => workerSide.push(l) },
  };
  /** The worker stops: the page's end hears of it, nothing more is delivered. */
  const cut = () => {
    open = false;
    for (const listener of disconnects) listener();
  };
  return { page, worker, cut };
}

function handlers(lookup: Handlers['lookup']): Handlers {
  const unused = async () => {
    throw new Error('not used here');
  };
  return {
    lookup,
    pageStatus: unused,
    getTabStatus: unused,
    sendLayoutReport: unused,
    getDataStatus: unused,
    syncNow: unused,
    setFeedUrl: unused,
    scamInfo: unused,
    allowDomain: unused,
    muteSeller: unused,
    getPreferences: unused,
    setPreferences: unused,
    submitReport: unused,
    openReportDraft: unused,
    createReportDraft: unused,
    getReportDraft: unused,
    openDraftWindow: unused,
    submitDraft: unused,
    listReports: unused,
    retryReports: unused,
    deleteReports: unused,
    setRegistryUrl: unused,
    ...unusedInspectorHandlers(),
  };
}

const hit = (key: string) => ({ hits: [record(key)], data: null });
const keyOf = (reply: { hits: Array<{ key: string }> }) => reply.hits[0]?.key;

describe('request port', () => {
  it('answers lookups through the dispatcher, each reply matched to its request', async () => {
    const lookup = vi.fn(async ({ keys }: { keys: string[] }) => {
      // The first request is answered last: replies are matched by id, not by order.
      if (keys[0] === 'tiki:item:1') await new Promise((resolve) => setTimeout(resolve, 20));
      return hit(keys[0] as string);
    });
    const listen = requestPortListener(createDispatcher(handlers(lookup as never), self));
    const connect = vi.fn(() => {
      const pair = portPair(REQUEST_PORT);
      listen(pair.worker);
      return pair.page;
    });
    const transport = createPortTransport(connect);
    const [a, b] = await Promise.all([
      sendMessage('lookup', { keys: ['tiki:item:1'] }, transport),
      sendMessage('lookup', { keys: ['tiki:item:2'] }, transport),
    ]);
    expect(keyOf(a)).toBe('tiki:item:1');
    expect(keyOf(b)).toBe('tiki:item:2');
    expect(connect).toHaveBeenCalledOnce();
  });

  it('sends a request again on a new port when the worker stops mid-way, once only', async () => {
    const pairs: Array<ReturnType<typeof portPair>> = [];
    let answer = false;
    const lookup = vi.fn(async ({ keys }: { keys: string[] }) => {
      if (!answer) {
        pairs.at(-1)?.cut(); // the worker stops before it answers
        return new Promise<never>(() => undefined);
      }
      return hit(keys[0] as string);
    });
    const listen = requestPortListener(createDispatcher(handlers(lookup as never), self));
    const transport = createPortTransport(() => {
      const pair = portPair(REQUEST_PORT);
      pairs.push(pair);
      listen(pair.worker);
      if (pairs.length === 2) answer = true;
      return pair.page;
    });
    const reply = await sendMessage('lookup', { keys: ['tiki:item:9'] }, transport);
    expect(keyOf(reply)).toBe('tiki:item:9');
    expect(pairs).toHaveLength(2);

    answer = false;
    const failing = sendMessage('lookup', { keys: ['tiki:item:10'] }, transport);
    await expect(failing).rejects.toThrow(ProtocolError);
    expect(pairs).toHaveLength(3); // the open port, then one new port for its single retry
  });

  it('applies the same checks as one-off messages: bad payloads and privileged types refused', async () => {
    const lookup = vi.fn(async () => ({ hits: [], data: null }));
    const listen = requestPortListener(createDispatcher(handlers(lookup), self));
    const transport = createPortTransport(() => {
      const pair = portPair(REQUEST_PORT);
      listen(pair.worker);
      return pair.page;
    });
    await expect(sendMessage('lookup', { keys: ['not a key'] }, transport)).rejects.toMatchObject({
      code: 'invalid_message',
    });
    await expect(sendMessage('syncNow', {}, transport)).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(lookup).not.toHaveBeenCalled();
  });

  it('ignores ports of other names and messages without a request id', async () => {
    const lookup = vi.fn(async () => ({ hits: [], data: null }));
    const listen = requestPortListener(createDispatcher(handlers(lookup), self));
    const other = portPair('something-else');
    listen(other.worker);
    const heard = vi.fn();
    other.page.onMessage.addListener(heard);
    other.page.postMessage({
      id: 1,
      message: { type: 'lookup', payload: { keys: ['tiki:item:1'] } },
    });
    const ours = portPair(REQUEST_PORT);
    listen(ours.worker);
    ours.page.onMessage.addListener(heard);
    for (const junk of [null, 'lookup', { id: -1, message: {} }, { message: {} }]) {
      ours.page.postMessage(junk);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(heard).not.toHaveBeenCalled();
    expect(lookup).not.toHaveBeenCalled();
  });

  it('rejects at once when the port cannot be opened (extension updated under the page)', async () => {
    const transport = createPortTransport(() => {
      throw new Error('Extension context invalidated.');
    });
    await expect(sendMessage('lookup', { keys: ['tiki:item:1'] }, transport)).rejects.toThrow(
      /context invalidated/,
    );
  });
});
