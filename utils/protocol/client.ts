/**
 * The sending side: typed requests, replies checked against the same schemas the background used.
 */
import { browser } from 'wxt/browser';
import {
  MESSAGES,
  type MessageType,
  ReplySchema,
  type RequestOf,
  type ResponseOf,
} from './messages';

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

export async function sendMessage<T extends MessageType>(
  type: T,
  payload: RequestOf<T>,
  transport: Transport = runtimeTransport,
): Promise<ResponseOf<T>> {
  const raw = await transport({ type, payload });
  const reply = ReplySchema.safeParse(raw);
  if (!reply.success) throw new ProtocolError('invalid_reply', `no valid reply to "${type}"`);
  if (!reply.data.ok) throw new ProtocolError(reply.data.error.code, reply.data.error.message);
  return MESSAGES[type].response.parse(reply.data.data) as ResponseOf<T>;
}
