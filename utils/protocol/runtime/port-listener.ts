/**
 * The background's side of the request port (port-transport.ts): every request on it goes through
 * the same dispatcher as a one-off message, with the port's sender, and the reply goes back with
 * the request's id. Anything else arriving on the port is ignored.
 */
import * as z from 'zod/mini';
import type { Reply } from './messages';
import { REQUEST_PORT } from './port-transport';
import type { SenderInfo } from './sender';

type Dispatch = (raw: unknown, sender: SenderInfo) => Promise<Reply>;

const PortRequestSchema = z.object({ id: z.int().check(z.positive()), message: z.unknown() });

export interface ListenedPort {
  name: string;
  sender?: SenderInfo;
  postMessage(message: unknown): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
}

export function requestPortListener(dispatch: Dispatch) {
  return (port: ListenedPort): void => {
    if (port.name !== REQUEST_PORT) return;
    port.onMessage.addListener((raw) => {
      const request = PortRequestSchema.safeParse(raw);
      if (!request.success) return;
      void dispatch(request.data.message, port.sender ?? {}).then((reply) => {
        try {
          port.postMessage({ id: request.data.id, reply });
        } catch {
          // the page went away meanwhile
        }
      });
    });
  };
}
