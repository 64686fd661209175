/**
 * The messages of inspector mode (merged into the message map, messages.ts). Two are `content`:
 * a page may ask what the registry knows about the keys it shows, and ask for the panel on one of
 * its listings; both answer only while the mode is on and carry nothing secret. Signing in, the
 * registry's stories and queue, and every action are `privileged`: only the extension's own pages
 * (options, panel, dashboard) may send them, so a page can never act with an inspector's powers.
 */
import * as z from 'zod/mini';
import { MAX_LOOKUP_KEYS } from '../limits';
import { KeySchema } from '../records';
import {
  CaseStorySchema,
  DecisionInputSchema,
  NoteInputSchema,
  QueuePageSchema,
  QueueQuerySchema,
  StatsSchema,
} from '../registry/review';
import {
  InspectorFocusSchema,
  InspectorPageViewSchema,
  InspectorSessionSchema,
  PendingActionSchema,
} from './inspector';
import { DraftListingSchema } from './report-drafts';
import type { ScreenshotInput } from './report-messages';

const { id: _decisionId, ...decisionShape } = DecisionInputSchema.shape;

/** What the panel asks the outbox to send (it makes no id: the background does). */
export const ActionRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('decision'), ...decisionShape }),
  z.object({ kind: z.literal('note'), key: KeySchema, text: NoteInputSchema.shape.text }),
]);
export type ActionRequest = z.infer<typeof ActionRequestSchema>;

/**
 * Evidence of the listing in this tab: the background captures the tab itself, and only while it
 * shows that listing's page (entrypoints/background/inspector/inspector-capture.ts).
 */
export const EvidenceRequestSchema = z.object({
  tabId: z.int().check(z.gte(0)),
  key: KeySchema,
  ...DraftListingSchema.shape,
});
export type EvidenceRequest = z.infer<typeof EvidenceRequestSchema>;

/** Evidence as the outbox keeps it: the listing, the page's address seen, and its screenshot. */
export interface EvidenceAction extends Omit<EvidenceRequest, 'tabId'> {
  kind: 'evidence';
  pageUrl: string;
  screenshot?: ScreenshotInput;
}

const Session = InspectorSessionSchema;
const Actions = z.object({ actions: z.array(PendingActionSchema) });
/** Registry paths whose bytes the dashboard may fetch through the background. */
export const EVIDENCE_PATH = /^\/v1\/review\/evidence\/(?:[0-9a-f]{64}|[0-9a-f-]{36}\/snapshot)$/;

export const INSPECTOR_MESSAGES = {
  inspectorLookup: {
    access: 'content',
    request: z.object({
      keys: z.array(KeySchema).check(z.minLength(1), z.maxLength(MAX_LOOKUP_KEYS)),
      /** The page has not got inspector mode's words yet. */
      words: z.optional(z.literal(true)),
    }),
    response: InspectorPageViewSchema,
  },
  /** "Xử lý" on a listing: the panel opens on it (while the mode is on). */
  inspectListing: {
    access: 'content',
    request: DraftListingSchema,
    response: z.object({ opened: z.enum(['panel', 'window', 'tab', 'off']) }),
  },
  inspectorSession: { access: 'privileged', request: z.object({}), response: Session },
  inspectorSignIn: {
    access: 'privileged',
    request: z.object({
      registryUrl: z.url({ protocol: /^https?$/ }).check(z.maxLength(2000)),
      token: z.string().check(z.minLength(1), z.maxLength(200)),
    }),
    response: Session,
  },
  inspectorSignOut: { access: 'privileged', request: z.object({}), response: Session },
  /** The panel: the listing under focus in this tab. */
  inspectorFocus: {
    access: 'privileged',
    request: z.object({ tabId: z.int().check(z.gte(0)) }),
    response: z.object({ focus: z.nullable(InspectorFocusSchema) }),
  },
  inspectorStory: {
    access: 'privileged',
    request: z.object({ key: KeySchema }),
    response: z.object({ story: z.nullable(CaseStorySchema), pending: Actions.shape.actions }),
  },
  inspectorAct: {
    access: 'privileged',
    request: ActionRequestSchema,
    response: z.object({ action: PendingActionSchema }),
  },
  /**
   * "Chụp màn hình": evidence of the tab's listing, or why not (the tab is closed or shows another
   * page; `seen` is the address it showed).
   */
  inspectorEvidence: {
    access: 'privileged',
    request: EvidenceRequestSchema,
    response: z.object({
      action: z.optional(PendingActionSchema),
      refused: z.optional(z.enum(['closed', 'elsewhere', 'moved'])),
      seen: z.optional(z.string()),
      screenshotError: z.optional(z.string()),
    }),
  },
  /** The outbox's actions; `retry` sends a refused or expired one again. */
  inspectorActions: {
    access: 'privileged',
    request: z.object({ retry: z.optional(z.string().check(z.maxLength(64))) }),
    response: Actions,
  },
  inspectorQueue: { access: 'privileged', request: QueueQuerySchema, response: QueuePageSchema },
  inspectorStats: {
    access: 'privileged',
    request: z.object({ days: z.optional(z.int().check(z.gte(1), z.lte(366))) }),
    response: StatsSchema,
  },
  /** A screenshot (as a data: URL) or a snapshot (as text) the registry holds. */
  inspectorFile: {
    access: 'privileged',
    request: z.object({ path: z.string().check(z.regex(EVIDENCE_PATH)) }),
    response: z.object({
      mediaType: z.string(),
      dataUrl: z.optional(z.string()),
      text: z.optional(z.string()),
      sha256: z.optional(z.string()),
    }),
  },
} as const;
