/**
 * The registry's review side (DESIGN.md §8): what inspectors send and read. Shared by the server and
 * the extension's inspector mode, so both speak one contract.
 */
import * as z from 'zod/mini';
import { PLATFORMS } from './keys';
import {
  DateSchema,
  FlagRecordSchema,
  KeySchema,
  LocalisedTextSchema,
  ReasonCodeSchema,
} from './records';
import { REPORT_REASONS, ReportReasonSchema, UuidV4Schema } from './report';

export const ROLES = ['inspector', 'admin'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
const Timestamp = z.iso.datetime({ offset: true });

export const WhoAmISchema = z.object({
  tokenId: z.string(),
  name: z.string(),
  role: RoleSchema,
  expiresAt: Timestamp,
});
export type WhoAmI = z.infer<typeof WhoAmISchema>;

export const DECISION_STATUSES = ['confirmed', 'suspected', 'cleared'] as const;

export const DecisionInputSchema = z
  .strictObject({
    key: KeySchema,
    status: z.enum(DECISION_STATUSES),
    reasons: z.array(ReasonCodeSchema).check(z.minLength(1), z.maxLength(10)),
    /** Who stands behind the finding (a confirmed one names an authority and its case). */
    authority: z.optional(text(300)),
    caseId: z.optional(text(100)),
    summary: LocalisedTextSchema,
    evidenceUrl: z.optional(z.httpUrl()),
    expires: z.optional(DateSchema),
  })
  .check(
    z.refine(
      (input) => input.status !== 'confirmed' || (!!input.authority && !!input.caseId),
      'a confirmed decision names its authority and case id',
    ),
  );
export type DecisionInput = z.infer<typeof DecisionInputSchema>;

export const NoteInputSchema = z.strictObject({ key: KeySchema, text: text(2000) });
export type NoteInput = z.infer<typeof NoteInputSchema>;

/** A seller contesting a record: from the plain form at `/appeal` or as JSON. */
export const AppealInputSchema = z.strictObject({
  key: KeySchema,
  statement: text(4000),
  contact: z.optional(text(200)),
});
export type AppealInput = z.infer<typeof AppealInputSchema>;

export const APPEAL_STATES = ['received', 'accepted', 'rejected', 'resolved'] as const;
/** Accepting an appeal means taking it up: the record is published as contested until decided. */
export const AppealDecisionSchema = z.strictObject({ state: z.enum(['accepted', 'rejected']) });

export const CASE_STATUSES = ['open', 'confirmed', 'suspected', 'cleared', 'reported'] as const;

/** Filters of the review queue (query parameters, all optional). */
export const QueueQuerySchema = z.strictObject({
  platform: z.optional(z.enum(PLATFORMS)),
  status: z.optional(z.enum(CASE_STATUSES)),
  reason: z.optional(ReportReasonSchema),
  from: z.optional(Timestamp),
  to: z.optional(Timestamp),
  min: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(1_000_000))),
  limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(200))),
  cursor: z.optional(z.string().check(z.maxLength(400))),
  appealed: z.optional(z.enum(['1'])),
});
export type QueueQuery = z.infer<typeof QueueQuerySchema>;

const ReasonCountsSchema = z.partialRecord(z.enum(REPORT_REASONS), z.int());

export const CaseSummarySchema = z.object({
  key: KeySchema,
  status: z.enum(CASE_STATUSES),
  reports: z.int(),
  reasons: ReasonCountsSchema,
  appeals: z.int(),
  firstSeen: z.nullable(Timestamp),
  lastSeen: z.nullable(Timestamp),
});
export type CaseSummary = z.infer<typeof CaseSummarySchema>;

export const QueuePageSchema = z.object({
  items: z.array(CaseSummarySchema),
  next: z.nullable(z.string()),
});

const DecisionViewSchema = z.object({
  id: z.int(),
  status: z.enum(DECISION_STATUSES),
  reasons: z.array(ReasonCodeSchema),
  authority: z.nullable(z.string()),
  caseId: z.nullable(z.string()),
  summary: LocalisedTextSchema,
  evidenceUrl: z.nullable(z.string()),
  expires: z.nullable(z.string()),
  by: z.string(),
  at: Timestamp,
});
const NoteViewSchema = z.object({ id: z.int(), text: z.string(), by: z.string(), at: Timestamp });
const AppealViewSchema = z.object({
  id: UuidV4Schema,
  statement: z.string(),
  contact: z.nullable(z.string()),
  state: z.enum(APPEAL_STATES),
  at: Timestamp,
});

/** One key's whole story for inspectors. */
export const CaseStorySchema = z.object({
  case: CaseSummarySchema,
  record: z.nullable(FlagRecordSchema),
  reports: z.array(
    z.object({
      id: UuidV4Schema,
      receivedAt: Timestamp,
      reasons: z.array(ReportReasonSchema),
      title: z.string(),
      price: z.nullable(z.int()),
      url: z.string(),
      note: z.nullable(z.string()),
      contact: z.nullable(z.string()),
      evidence: z.array(z.string()),
    }),
  ),
  decisions: z.array(DecisionViewSchema),
  notes: z.array(NoteViewSchema),
  appeals: z.array(AppealViewSchema),
  audit: z.array(
    z.object({
      action: z.string(),
      by: z.string(),
      at: Timestamp,
      before: z.nullable(z.unknown()),
      after: z.nullable(z.unknown()),
    }),
  ),
});
export type CaseStory = z.infer<typeof CaseStorySchema>;

/** `GET /v1/lookup`: an inspector's view of the keys a page shows (only keys the registry knows). */
export const InspectorLookupSchema = z.object({
  entries: z.array(
    z.object({
      key: KeySchema,
      case: CaseSummarySchema,
      record: z.nullable(FlagRecordSchema),
      decisions: z.array(DecisionViewSchema),
      notes: z.array(NoteViewSchema),
      evidence: z.array(z.string()),
    }),
  ),
});
export type InspectorLookup = z.infer<typeof InspectorLookupSchema>;
