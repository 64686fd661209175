/**
 * Requests over one long-lived runtime port. A one-off runtime message opens and closes a channel
 * every time (about 3 ms a round trip in Chromium); a message on an open port costs a fraction of
 * that, which counts for lookups, sent again and again as the shopper scrolls.
 *
 * The port is opened on first use, and again after the browser stops the idle worker (which closes
 * it). A request in flight when the port closes is sent once more on a new one, so only requests
 * that may safely run twice (lookups) go this way. No zod here: content scripts bundle this file.
 */
import { ProtocolError, type Transport } from './client';

/** The port's name: the background answers requests on ports with this name only. */
export const REQUEST_PORT = 'soi-hang-requests';

/** What the port transport needs of `runtime.Port`. */
export interface PortLike {
  postMessage(message: unknown): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

interface Waiting {
  message: unknown;
  resend: boolean;
  resolve(reply: unknown): void;
  reject(error: Error): void;
}

export function createPortTransport(connect: () => PortLike): Transport {
  let port: PortLike | null = null;
  let nextId = 1;
  const waiting = new Map<number, Waiting>();

  function open(): PortLike {
    if (port) return port;
    const opened = connect();
    opened.onMessage.addListener((answer) => {
      if (typeof answer !== 'object' || answer === null) return;
      const { id, reply } = answer as { id?: unknown; reply?: unknown };
      const request = typeof id === 'number' ? waiting.get(id) : undefined;
      if (!request) return;
      waiting.delete(id as number);
      request.resolve(reply);
    });
    opened.onDisconnect.addListener(() => {
      if (port === opened) port = null;
      const cut = [...waiting.values()];
      waiting.clear();
      for (const request of cut) {
        if (request.resend) send({ ...request, resend: false });
        else request.reject(new ProtocolError('disconnected', 'the background closed the port'));
      }
    });
    port = opened;
    return opened;
  }

  function send(request: Waiting): void {
    const id = nextId++;
    waiting.set(id, request);
    try {
      open().postMessage({ id, message: request.message });
    } catch (error) {
      // e.g. the extension was updated or disabled: this page's content script is orphaned
      waiting.delete(id);
      request.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  return (message) =>
    new Promise((resolve, reject) => send({ message, resend: true, resolve, reject }));
}
