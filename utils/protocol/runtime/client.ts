/**
 * The sending side: typed requests and replies. Each message is checked once, with zod, by the
 * privileged side: the background parses every request it receives and parses its own reply before
 * sending it (dispatch.ts). The sender only checks the reply's envelope, by hand, which keeps zod and
 * its schemas out of the content scripts' bundle and start-up.
 */
import { browser } from 'wxt/browser';
import type { MessageType, RequestOf, ResponseOf } from './messages';

export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export type Transport = (message: unknown) => Promise<unknown>;

const runtimeTransport: Transport = (message) => browser.runtime.sendMessage(message);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export async function sendMessage<T extends MessageType>(
  type: T,
  payload: RequestOf<T>,
  transport: Transport = runtimeTransport,
): Promise<ResponseOf<T>> {
  const reply = await transport({ type, payload });
  if (!isRecord(reply) || typeof reply.ok !== 'boolean') {
    throw new ProtocolError('invalid_reply', `no valid reply to "${type}"`);
  }
  if (reply.ok) return reply.data as ResponseOf<T>;
  const error = isRecord(reply.error) ? reply.error : {};
  throw new ProtocolError(
    String(error.code ?? 'internal'),
    String(error.message ?? 'request failed'),
  );
}
