/**
 * The message map: every message the background accepts, its payload and reply schemas, and who may
 * send it. `content` messages may come from content scripts (untrusted page context) or extension
 * pages; `privileged` ones only from the extension's own pages.
 */
import * as z from 'zod/mini';
import {
  MAX_DESCRIPTION_LENGTH,
  MAX_LOOKUP_KEYS,
  MAX_REVIEW_LENGTH,
  MAX_REVIEWS,
  MAX_TITLE_LENGTH,
  MAX_VARIANT_LENGTH,
  MAX_VARIANTS,
} from '../limits';
import { DataInfoSchema, FlagRecordSchema, KeySchema } from '../records';
import {
  MAX_CONTACT,
  MAX_REPORT_NOTE,
  REPORT_REASONS,
  ReportReasonSchema,
} from '../registry/report';
import { INSPECTOR_MESSAGES } from './inspector-messages';
import { PageStatusSchema, TabStatusSchema } from './page-status';
import { LanguageSchema, PreferencesSchema, SIGNALS } from './preferences';
import {
  DRAFT_ORIGINS,
  DraftChoicesSchema,
  DraftListingSchema,
  DraftTokenSchema,
  ReportDraftViewSchema,
} from './report-drafts';
import {
  ReportContextSchema,
  ReportListSchema,
  ScreenshotInputSchema,
  SubmitReportReplySchema,
  SubmitReportSchema,
} from './report-messages';
import { SignalEvidenceSchema } from './signal-evidence';
import { DataStatusSchema } from './sync-status';

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
      /**
       * Listing names (by item key), matched against flagged product names and read for replica
       * phrases. `fromAddress`: the raw name in the listing's address, for the background to decode.
       */
      titles: z.optional(
        z
          .array(
            z.object({
              itemKey: KeySchema,
              title: z.string().check(z.maxLength(MAX_TITLE_LENGTH)),
              fromAddress: z.optional(z.literal(true)),
              /** A product page's own description, read for the on-page signals. */
              description: z.optional(z.string().check(z.maxLength(MAX_DESCRIPTION_LENGTH))),
              /** A product page's variant names ("Bản rep 1:1", "Size M"), read for the signals. */
              variants: z.optional(
                z
                  .array(z.string().check(z.maxLength(MAX_VARIANT_LENGTH)))
                  .check(z.maxLength(MAX_VARIANTS)),
              ),
              /** A product page's visible reviews (buyer complaints about authenticity). */
              reviews: z.optional(
                z
                  .array(
                    z.object({
                      rating: z.int().check(z.gte(1), z.lte(5)),
                      text: z.string().check(z.maxLength(MAX_REVIEW_LENGTH)),
                    }),
                  )
                  .check(z.maxLength(MAX_REVIEWS)),
              ),
              /** The listing's price in đồng, compared with official stores' for the same product. */
              price: z.optional(z.int().check(z.gte(0), z.lte(10_000_000_000))),
              /** Whether the page marks the seller as an official store (absent: it does not say). */
              official: z.optional(z.boolean()),
              /** A product page's GTIN, checked for plausibility (information only). */
              barcode: z.optional(z.string().check(z.regex(/^\d{8}$|^\d{12,14}$/))),
            }),
          )
          .check(z.maxLength(MAX_LOOKUP_KEYS)),
      ),
      /**
       * The page carries its own words in Vietnamese only: it asks for them in the shopper's
       * language, sent with the answer when that is another one (view.words).
       */
      words: z.optional(z.literal(true)),
    }),
    response: z.object({
      hits: z.array(FlagRecordSchema),
      data: z.nullable(DataInfoSchema),
      /** Which listing's title named which flagged product; the product records are in hits. */
      products: z.optional(z.array(z.object({ itemKey: KeySchema, productKey: KeySchema }))),
      /** Which listing's own text gave which flagged phone or bank account; its record is in hits. */
      contacts: z.optional(z.array(z.object({ itemKey: KeySchema, contactKey: KeySchema }))),
      /**
       * Listings whose own name shows on-page signals that together reach a warning (the
       * `heuristic` tier), with what each signal saw (signal-evidence.ts).
       */
      signals: z.optional(
        z.array(
          z.object({
            itemKey: KeySchema,
            evidence: z
              .array(SignalEvidenceSchema)
              .check(z.minLength(1), z.maxLength(SIGNALS.length)),
          }),
        ),
      ),
      /** How to show them: the shopper's language and mutes, as far as these keys concern them. */
      view: z.optional(
        z.object({
          language: LanguageSchema,
          /** Soi Hàng is paused on this marketplace: nothing is shown. */
          paused: z.boolean(),
          /** Seller keys among the request's whose warnings the shopper muted. */
          mutedSellers: z.array(KeySchema),
          /** The registry reports go to: a warning's details link its appeal page for sellers. */
          registryUrl: z.optional(z.nullable(z.string().check(z.maxLength(2000)))),
          /** Inspector mode is on: the page asks `inspectorLookup` for its inspector sections. */
          inspector: z.optional(z.literal(true)),
          /** The content script's own words in `language`, when it asked and that is not Vietnamese. */
          words: z.optional(z.record(z.string(), z.string().check(z.maxLength(2000)))),
        }),
      ),
    }),
  },
  /** "Hide warnings for this seller" from a badge or banner (always, or for today). */
  muteSeller: {
    access: 'content',
    request: z.object({
      sellerKey: KeySchema,
      label: z.optional(z.string().check(z.maxLength(200))),
      today: z.boolean(),
    }),
    response: Ok,
  },
  getPreferences: { access: 'privileged', request: z.object({}), response: PreferencesSchema },
  /** The options page and popup save the whole preferences (language, mutes and their undoing). */
  setPreferences: { access: 'privileged', request: PreferencesSchema, response: PreferencesSchema },
  pageStatus: { access: 'content', request: PageStatusSchema, response: Ok },
  getTabStatus: {
    access: 'privileged',
    request: z.object({ tabId: z.int().check(z.gte(0)) }),
    response: z.object({ status: z.nullable(TabStatusSchema) }),
  },
  getDataStatus: { access: 'privileged', request: z.object({}), response: DataStatusSchema },
  syncNow: { access: 'privileged', request: z.object({}), response: DataStatusSchema },
  /** Points the extension at another feed (options, advanced); null goes back to the built-in URL. */
  setFeedUrl: {
    access: 'privileged',
    request: z.object({
      url: z.nullable(z.url({ protocol: /^https?$/ }).check(z.maxLength(2000))),
    }),
    response: DataStatusSchema,
  },
  /** For the scam-site warning page: which listed domain covers this URL, and its record. */
  scamInfo: {
    access: 'privileged',
    request: z.object({ url: z.string().check(z.maxLength(4000)) }),
    response: z.object({ domain: z.nullable(z.string()), record: z.nullable(FlagRecordSchema) }),
  },
  /** "Continue anyway": lets the shopper open this domain for the rest of the browser session. */
  allowDomain: {
    access: 'privileged',
    request: z.object({ domain: z.string().check(z.maxLength(253)) }),
    response: Ok,
  },
  /**
   * "Gửi" in a report dialog: saved to the outbox, then delivered by the background. From a page,
   * only a listing of that page's own marketplace, and never with a screenshot.
   */
  submitReport: {
    access: 'content',
    request: SubmitReportSchema,
    response: SubmitReportReplySchema,
  },
  /** A page's "Báo cáo": the listing as read, kept for the dialog frame it then opens. */
  openReportDraft: {
    access: 'content',
    request: DraftListingSchema,
    response: z.object({ token: DraftTokenSchema }),
  },
  /** The popup's "Báo cáo trang này", with the screenshot its click allowed. */
  createReportDraft: {
    access: 'privileged',
    request: z.object({
      ...DraftListingSchema.shape,
      origin: z.enum(DRAFT_ORIGINS),
      tabId: z.optional(z.int().check(z.gte(0))),
      screenshot: z.optional(ScreenshotInputSchema),
      screenshotError: z.optional(z.string().check(z.maxLength(300))),
    }),
    response: z.object({ token: DraftTokenSchema }),
  },
  /** report.html: its draft, and what to say before sending. */
  getReportDraft: {
    access: 'privileged',
    request: z.object({ token: DraftTokenSchema }),
    response: z.object({ draft: ReportDraftViewSchema, context: ReportContextSchema }),
  },
  /**
   * A framed report.html that cannot ask for Firefox's data consent (a framed extension page has
   * neither the permissions nor the tabs API there): the same draft in a window of its own.
   */
  openDraftWindow: {
    access: 'privileged',
    request: z.object({ token: DraftTokenSchema, choices: z.optional(DraftChoicesSchema) }),
    response: z.object({ ok: z.literal(true) }),
  },
  /** "Gửi" in report.html: the draft's listing with the shopper's choices. */
  submitDraft: {
    access: 'privileged',
    request: z.object({
      token: DraftTokenSchema,
      reasons: z
        .array(ReportReasonSchema)
        .check(z.minLength(1), z.maxLength(REPORT_REASONS.length)),
      note: z.optional(z.string().check(z.maxLength(MAX_REPORT_NOTE))),
      contact: z.optional(z.string().check(z.maxLength(MAX_CONTACT))),
      withScreenshot: z.boolean(),
    }),
    response: SubmitReportReplySchema,
  },

  /** Báo cáo của tôi; `refresh` asks the registry for the status of each delivered report. */
  listReports: {
    access: 'privileged',
    request: z.object({ refresh: z.optional(z.boolean()) }),
    response: ReportListSchema,
  },
  /** "Thử lại" on one report, or "Gửi ngay" on every waiting one (no id). */
  retryReports: {
    access: 'privileged',
    request: z.object({ id: z.optional(z.string().check(z.maxLength(64))) }),
    response: ReportListSchema,
  },
  deleteReports: {
    access: 'privileged',
    request: z.object({
      ids: z.array(z.string().check(z.maxLength(64))).check(z.maxLength(10_000)),
    }),
    response: ReportListSchema,
  },
  /**
   * The popup's "Gửi báo cáo bố cục" for a tab Soi Hàng could not read: the background sends the
   * tab's platform, page kind, adapter version and counts (nothing else) to the registry.
   */
  sendLayoutReport: {
    access: 'privileged',
    request: z.object({ tabId: z.int().check(z.gte(0)) }),
    response: Ok,
  },
  /** The registry reports go to; null goes back to the build's default. */
  setRegistryUrl: {
    access: 'privileged',
    request: z.object({
      url: z.nullable(z.url({ protocol: /^https?$/ }).check(z.maxLength(2000))),
    }),
    response: ReportListSchema,
  },
  ...INSPECTOR_MESSAGES,
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
