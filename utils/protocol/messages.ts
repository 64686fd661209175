/**
 * The message map: every message the background accepts, its payload and reply schemas, and who may
 * send it. `content` messages may come from content scripts (untrusted page context) or extension
 * pages; `privileged` ones only from the extension's own pages.
 */
import * as z from 'zod/mini';
import { MAX_LOOKUP_KEYS } from './limits';
import { PageStatusSchema, TabStatusSchema } from './page-status';
import { DataInfoSchema, FlagRecordSchema, KeySchema } from './records';

export type Access = 'content' | 'privileged';

interface MessageSpec {
  access: Access;
  request: z.ZodMiniType;
  response: z.ZodMiniType;
}

const Ok = z.object({ ok: z.literal(true) });

export const MESSAGES = {
  lookup: {
    access: 'content',
    request: z.object({
      keys: z.array(KeySchema).check(z.minLength(1), z.maxLength(MAX_LOOKUP_KEYS)),
    }),
    response: z.object({
      hits: z.array(FlagRecordSchema),
      data: z.nullable(DataInfoSchema),
    }),
  },
  pageStatus: { access: 'content', request: PageStatusSchema, response: Ok },
  getTabStatus: {
    access: 'privileged',
    request: z.object({ tabId: z.int().check(z.gte(0)) }),
    response: z.object({ status: z.nullable(TabStatusSchema) }),
  },
  getDataStatus: {
    access: 'privileged',
    request: z.object({}),
    response: z.object({ data: z.nullable(DataInfoSchema) }),
  },
} as const satisfies Record<string, MessageSpec>;

export type MessageType = keyof typeof MESSAGES;
export type RequestOf<T extends MessageType> = z.infer<(typeof MESSAGES)[T]['request']>;
export type ResponseOf<T extends MessageType> = z.infer<(typeof MESSAGES)[T]['response']>;

export function isMessageType(type: string): type is MessageType {
  return Object.hasOwn(MESSAGES, type);
}

export const ERROR_CODES = ['invalid_message', 'unknown_type', 'forbidden', 'internal'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const EnvelopeSchema = z.object({
  type: z.string().check(z.maxLength(64)),
  payload: z.unknown(),
});

/** What the background answers: built by dispatch.ts, never parsed from outside. */
export type Reply =
  | { ok: true; data: unknown }
  | { ok: false; error: { code: ErrorCode; message: string } };
