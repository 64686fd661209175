/**
 * One inspector action in the extension's outbox (the `actions` store), delivered by the same
 * state machine as reports (delivery.ts): a decision, a note, or evidence (its snapshot first, its
 * screenshot once the snapshot is acknowledged). Checked with zod on every read.
 */
import * as z from 'zod/mini';
import { KeySchema } from '../protocol/records';
import {
  DecisionInputSchema,
  EvidenceInputSchema,
  NoteInputSchema,
} from '../protocol/registry/review';
import { DeliverySchema, MomentSchema as Moment, ScreenshotSchema } from './deliverable';
import type { OutboxKind } from './outbox-store';

export const ActionBodySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('decision'), body: DecisionInputSchema }),
  z.object({ kind: z.literal('note'), body: NoteInputSchema }),
  z.object({ kind: z.literal('evidence'), body: EvidenceInputSchema }),
]);

export const ActionEntrySchema = z.object({
  id: z.string(),
  key: KeySchema,
  createdAt: Moment,
  /** The registry and the token (by its public id) the action was taken with: only they send it. */
  registryUrl: z.string(),
  tokenId: z.string(),
  action: ActionBodySchema,
  delivery: DeliverySchema,
  /** Evidence only: the visible tab when the inspector pressed the button. */
  screenshot: z.optional(ScreenshotSchema),
});
export type ActionEntry = z.infer<typeof ActionEntrySchema>;

/** Inspector actions are kept in the `actions` store, as since they came (version 4). */
export const ACTION_OUTBOX: OutboxKind<ActionEntry, 'actions'> = {
  store: 'actions',
  schema: ActionEntrySchema,
};

/** Where each kind goes on the registry (server/routes/review.ts). */
export const ACTION_PATHS = {
  decision: '/v1/review/decisions',
  note: '/v1/review/notes',
  evidence: '/v1/review/evidence',
} as const;
