/**
 * The registry's review side (DESIGN.md §8): what inspectors send and read. Shared by the server and
 * the extension's inspector mode, so both speak one contract.
 */
import * as z from 'zod/mini';
import { PLATFORMS } from '../keys';
import {
  DateSchema,
  FlagRecordSchema,
  KeySchema,
  LocalisedTextSchema,
  ReasonCodeSchema,
} from '../records';
import { linesText, lineText } from './plain-text';
import { CurrencySchema, REPORT_REASONS, ReportReasonSchema, UuidV4Schema } from './report';

export const ROLES = ['inspector', 'admin'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

const Timestamp = z.iso.datetime({ offset: true });

export const WhoAmISchema = z.object({
  tokenId: z.string(),
  name: z.string(),
  role: RoleSchema,
  expiresAt: Timestamp,
});
export type WhoAmI = z.infer<typeof WhoAmISchema>;

/**
 * What an inspector may decide. `reported` publishes a case's community reports, unverified, by an
 * explicit, audited decision (its summary is what shoppers read): reports alone never reach the feed.
 */
export const DECISION_STATUSES = ['confirmed', 'suspected', 'reported', 'cleared'] as const;

/**
 * An action's own id (UUID v4), made by the extension when the inspector acts: the outbox may send
 * it more than once, and the registry records it once (the same id with another body is refused).
 */
const ActionId = z.optional(UuidV4Schema);

export const DecisionInputSchema = z
  .strictObject({
    id: ActionId,
    key: KeySchema,
    status: z.enum(DECISION_STATUSES),
    reasons: z.array(ReasonCodeSchema).check(z.minLength(1), z.maxLength(10)),
    /** Who stands behind the finding (a confirmed one names an authority and its case). */
    authority: z.optional(lineText(300)),
    caseId: z.optional(lineText(100)),
    summary: z.object({ vi: linesText(2000), en: linesText(2000) }),
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

export const NoteInputSchema = z.strictObject({
  id: ActionId,
  key: KeySchema,
  text: linesText(2000),
});
export type NoteInput = z.infer<typeof NoteInputSchema>;

/** A seller contesting a record: from the plain form at `/appeal` or as JSON. */
export const AppealInputSchema = z.strictObject({
  key: KeySchema,
  statement: linesText(4000),
  contact: z.optional(lineText(200)),
});
export type AppealInput = z.infer<typeof AppealInputSchema>;

export const APPEAL_STATES = ['received', 'accepted', 'rejected', 'resolved'] as const;
export type AppealState = (typeof APPEAL_STATES)[number];
/** Accepting an appeal means taking it up: the record is published as contested until decided. */
export const AppealDecisionSchema = z.strictObject({ state: z.enum(['accepted', 'rejected']) });

/**
 * What `POST /v1/appeals` answers a program, and `GET /v1/appeals/<id>` anyone holding the id: where
 * the appeal stands (received → accepted or rejected; accepted → resolved by a new decision). Only
 * an accepted appeal makes warnings show the record as contested, from the next publish on. The
 * statement and contact are never given back.
 */
export const AppealStatusSchema = z.object({
  id: UuidV4Schema,
  key: KeySchema,
  state: z.enum(APPEAL_STATES),
  receivedAt: Timestamp,
  /** Where to look the appeal up again: `GET` this address. */
  statusUrl: z.url(),
});
export type AppealStatus = z.infer<typeof AppealStatusSchema>;

/**
 * An admin's publish now: `force` publishes even a feed that drops more than the registry's allowed
 * share of the last one's records (never an empty one). An empty body is `{}`.
 */
export const PublishInputSchema = z.strictObject({ force: z.optional(z.boolean()) });

/** The listing as the inspector's extension read it, kept as JSON text so its hash is of those bytes. */
export const MAX_SNAPSHOT_CHARS = 32 * 1024;

/**
 * Evidence an inspector attaches to a key: the listing snapshot (its SHA-256 checked on arrival)
 * and the time it was taken; the screenshot follows with `PUT /v1/review/evidence/<id>/screenshot`.
 * The snapshot is JSON: `listing`, `sellerName`, `capturedAt` and (since screenshots are taken of
 * the listing's own tab only) `pageUrl`, the address the tab showed when it was captured.
 */
export const EvidenceInputSchema = z.strictObject({
  id: UuidV4Schema,
  key: KeySchema,
  capturedAt: Timestamp,
  snapshot: linesText(MAX_SNAPSHOT_CHARS),
  snapshotSha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
});
export type EvidenceInput = z.infer<typeof EvidenceInputSchema>;

export const EvidenceViewSchema = z.object({
  id: UuidV4Schema,
  capturedAt: Timestamp,
  snapshotSha256: z.string(),
  /** `/v1/review/evidence/<sha256>` once the screenshot arrived. */
  screenshot: z.nullable(z.object({ url: z.string(), sha256: z.string(), mediaType: z.string() })),
  /** The address the tab showed when captured, from the snapshot; null for evidence sent before. */
  pageUrl: z.optional(z.nullable(z.string())),
  by: z.string(),
  at: Timestamp,
});
export type EvidenceView = z.infer<typeof EvidenceViewSchema>;

export const CASE_STATUSES = ['open', 'confirmed', 'suspected', 'cleared', 'reported'] as const;

/** Filters of the review queue (query parameters, all optional). */
export const QueueQuerySchema = z.strictObject({
  platform: z.optional(z.enum(PLATFORMS)),
  status: z.optional(z.enum(CASE_STATUSES)),
  reason: z.optional(ReportReasonSchema),
  from: z.optional(Timestamp),
  to: z.optional(Timestamp),
  min: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(1_000_000))),
  /** Cases reported from at least this many distinct networks. */
  minNetworks: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(1_000_000))),
  limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(200))),
  /** A seller or item id, or part of a key: cases whose key contains it. */
  q: z.optional(lineText(100)),
  /** Newest activity first (the default), most reports first, or most distinct networks first. */
  sort: z.optional(z.enum(['recent', 'reports', 'networks'])),
  cursor: z.optional(z.string().check(z.maxLength(400))),
  appealed: z.optional(z.enum(['1'])),
});
export type QueueQuery = z.infer<typeof QueueQuerySchema>;

const ReasonCountsSchema = z.partialRecord(z.enum(REPORT_REASONS), z.int());

/**
 * A case's counts side by side: `reports` received, `installs` (distinct install ids, which a client
 * makes up at will) and `networks` (distinct IPv4 /24 or IPv6 /48 they came from, the count an
 * inspector can lean on). The last two are absent from registries before they were counted.
 */
export const CaseSummarySchema = z.object({
  key: KeySchema,
  status: z.enum(CASE_STATUSES),
  reports: z.int(),
  installs: z.optional(z.int()),
  networks: z.optional(z.int()),
  reasons: ReasonCountsSchema,
  appeals: z.int(),
  firstSeen: z.nullable(Timestamp),
  lastSeen: z.nullable(Timestamp),
});
export type CaseSummary = z.infer<typeof CaseSummarySchema>;

/** The summary of a key nobody has reported, appealed or decided. */
export const emptySummary = (key: string): CaseSummary => ({
  key,
  status: 'open',
  reports: 0,
  installs: 0,
  networks: 0,
  reasons: {},
  appeals: 0,
  firstSeen: null,
  lastSeen: null,
});

/** A queue row: the case, and the listing title its latest report gave (none before any report). */
export const QueueItemSchema = z.object({
  ...CaseSummarySchema.shape,
  /** Absent from registries before titles were listed; null for a key nobody reported. */
  title: z.optional(z.nullable(z.string().check(z.maxLength(500)))),
});
export type QueueItem = z.infer<typeof QueueItemSchema>;

export const QueuePageSchema = z.object({
  items: z.array(QueueItemSchema),
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
      /** The listed price the report gave, in `currency` (đồng when the report named none). */
      price: z.nullable(z.number()),
      currency: z.optional(CurrencySchema),
      /** The price after promo codes the report gave beside it, in the same currency. */
      promoPrice: z.optional(z.number()),
      url: z.string(),
      /** The scam site the listing sends shoppers to, as the reporter named it (never a case). */
      site: z.optional(z.string()),
      note: z.nullable(z.string()),
      contact: z.nullable(z.string()),
      evidence: z.array(z.string()),
    }),
  ),
  decisions: z.array(DecisionViewSchema),
  notes: z.array(NoteViewSchema),
  appeals: z.array(AppealViewSchema),
  evidence: z.array(EvidenceViewSchema),
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

/** What the registry knows about one key a page shows (only keys it knows are answered). */
export const InspectorLookupEntrySchema = z.object({
  key: KeySchema,
  case: CaseSummarySchema,
  record: z.nullable(FlagRecordSchema),
  decisions: z.array(DecisionViewSchema),
  notes: z.array(NoteViewSchema),
  /** The reporters' screenshots (`/v1/review/evidence/<sha256>`). */
  evidence: z.array(z.string()),
  /** What inspectors attached. */
  attached: z.array(EvidenceViewSchema),
  /**
   * The sellers' appeals, oldest first (absent from registries before they were listed here). A
   * page's view never holds the seller's contact: it goes to content scripts.
   */
  appeals: z.optional(z.array(z.omit(AppealViewSchema, { contact: true }))),
});
export type InspectorLookupEntry = z.infer<typeof InspectorLookupEntrySchema>;

/** `GET /v1/lookup`: an inspector's view of the keys a page shows. */
export const InspectorLookupSchema = z.object({ entries: z.array(InspectorLookupEntrySchema) });
export type InspectorLookup = z.infer<typeof InspectorLookupSchema>;

export { type Stats, StatsQuerySchema, StatsSchema } from './review-stats';
