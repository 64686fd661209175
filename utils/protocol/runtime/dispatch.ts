/**
 * Turns one raw runtime message into one reply: envelope check, sender check, payload schema,
 * handler, reply schema. Never throws: every failure becomes a structured error reply, and a
 * rejected message never reaches a handler, so it changes nothing.
 */

import * as z from 'zod/mini';
import { errorMessage } from '../error-message';
import {
  EnvelopeSchema,
  type ErrorCode,
  isMessageType,
  MESSAGES,
  type MessageType,
  type Reply,
  type RequestOf,
  type ResponseOf,
} from './messages';
import { classifySender, type Self, type SenderInfo, type SenderKind } from './sender';

export interface HandlerContext {
  sender: SenderInfo;
  senderKind: SenderKind;
}

export type Handlers = {
  [T in MessageType]: (payload: RequestOf<T>, ctx: HandlerContext) => Promise<ResponseOf<T>>;
};

const fail = (code: ErrorCode, message: string): Reply => ({ ok: false, error: { code, message } });

export function createDispatcher(handlers: Handlers, self: Self) {
  return async function dispatch(raw: unknown, sender: SenderInfo): Promise<Reply> {
    const envelope = EnvelopeSchema.safeParse(raw);
    if (!envelope.success) {
      return fail('invalid_message', 'a message must be { type: string, payload }');
    }
    const { type, payload } = envelope.data;
    if (!isMessageType(type)) return fail('unknown_type', `unknown message type "${type}"`);

    const senderKind = classifySender(sender, self);
    const spec = MESSAGES[type];
    if (senderKind === 'foreign') return fail('forbidden', 'sender is not this extension');
    if (spec.access === 'privileged' && senderKind !== 'extension-page') {
      return fail('forbidden', `"${type}" is only accepted from the extension's own pages`);
    }

    const parsed = spec.request.safeParse(payload);
    if (!parsed.success) {
      return fail('invalid_message', `bad "${type}" payload: ${z.prettifyError(parsed.error)}`);
    }
    try {
      // The map guarantees handler and schema agree; TypeScript cannot correlate them by index.
      const handler = handlers[type] as (p: unknown, c: HandlerContext) => Promise<unknown>;
      const data = await handler(parsed.data, { sender, senderKind });
      return { ok: true, data: spec.response.parse(data) };
    } catch (error) {
      return fail('internal', errorMessage(error));
    }
  };
}
