/**
 * Inspector mode as the extension's sides speak of it (the registry's wire format is review.ts):
 * who is signed in, what a page may be shown about the keys it shows, the listing an inspector is
 * working on, and the actions waiting in the outbox. Nothing here ever carries the token.
 */
import * as z from 'zod/mini';
import { DECISION_STATUSES, InspectorLookupEntrySchema, RoleSchema } from '../registry/review';
import { DraftListingSchema } from './report-drafts';

const Moment = z.iso.datetime({ offset: true });

/**
 * What a screenshot of evidence needs: browsers capture a tab only with `<all_urls>` or `activeTab`,
 * and the panel's press grants no `activeTab` (a marketplace's host permission is not enough). So
 * inspector mode asks for it, optionally, at the first "Chụp màn hình": shoppers are never asked.
 */
export const EVIDENCE_CAPTURE_ORIGINS = ['<all_urls>'] as const;

/** Why an inspector was signed out without asking (shown once in the options and the popup). */
export const SIGN_OUT_CAUSES = ['expired_token', 'revoked_token', 'invalid_token'] as const;

export const InspectorSessionSchema = z.object({
  signedIn: z.boolean(),
  name: z.optional(z.string()),
  role: z.optional(RoleSchema),
  registryUrl: z.optional(z.string()),
  expiresAt: z.optional(Moment),
  /** The last time the registry refused the token and signed the inspector out. */
  signedOut: z.optional(z.object({ cause: z.enum(SIGN_OUT_CAUSES), at: Moment })),
});
export type InspectorSession = z.infer<typeof InspectorSessionSchema>;

export const ACTION_KINDS = ['decision', 'note', 'evidence'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

/** An action still on its way (or refused), as the page and the panel show it. */
export const PendingActionSchema = z.object({
  id: z.string(),
  kind: z.enum(ACTION_KINDS),
  key: z.string(),
  /** For a decision: the status it sets. */
  status: z.optional(z.enum(DECISION_STATUSES)),
  state: z.enum(['pending', 'delivered', 'refused', 'expired']),
  createdAt: Moment,
  error: z.optional(z.string()),
});
export type PendingAction = z.infer<typeof PendingActionSchema>;

/**
 * What a page is shown about one key: the registry's view (case, record, history, notes, evidence
 * links) plus this inspector's actions not yet acknowledged.
 */
export const InspectorEntrySchema = z.object({
  ...InspectorLookupEntrySchema.shape,
  pending: z.array(PendingActionSchema),
});
export type InspectorEntry = z.infer<typeof InspectorEntrySchema>;

export const InspectorPageViewSchema = z.object({
  /** Inspector mode is on in this browser: the page shows the inspector sections. */
  active: z.boolean(),
  name: z.optional(z.string()),
  entries: z.array(InspectorEntrySchema),
  /** Inspector mode's strings in both languages, when the page asked for them (pages carry none). */
  words: z.optional(
    z.object({ vi: z.record(z.string(), z.string()), en: z.record(z.string(), z.string()) }),
  ),
  /** The sections' stylesheet, sent with the words (pages carry neither). */
  styles: z.optional(z.string().check(z.maxLength(20_000))),
  /** The registry could not be asked just now (the sections say so). */
  error: z.optional(z.string().check(z.maxLength(300))),
});
export type InspectorPageView = z.infer<typeof InspectorPageViewSchema>;

/** The listing the panel works on: as a content script read it, kept per tab. */
export const InspectorFocusSchema = z.object({
  ...DraftListingSchema.shape,
  tabId: z.optional(z.int()),
  at: Moment,
});
export type InspectorFocus = z.infer<typeof InspectorFocusSchema>;

/**
 * What the background tells the extension's open pages (panel, popup, options, dashboard) when
 * inspector mode or the panel's listing changed: `{ type: PANEL_CHANGED, tabId? }`.
 */
export const PANEL_CHANGED = 'soiHangInspectorChanged';
