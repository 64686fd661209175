/**
 * A shopper's report (DESIGN.md §7) as it crosses from the extension's outbox to the registry's
 * `POST /v1/reports`, and what the registry answers. One schema on both sides: the extension
 * builds reports with it and the server refuses anything it does not accept.
 */
import * as z from 'zod/mini';
import { isCanonicalKey, PLATFORMS } from '../keys';
import { MAX_TITLE_LENGTH } from '../limits';
import { DateSchema, FlagStatusSchema, KeySchema, LocalisedTextSchema } from '../records';
import { hasControlCharacters, linesText, lineText } from './plain-text';
import { REPORT_REASONS } from './report-reasons';

export const ReportReasonSchema = z.enum(REPORT_REASONS);
export { REPORT_REASONS, type ReportReason } from './report-reasons';

export const MAX_REPORT_NOTE = 2000;
export const MAX_CONTACT = 200;

/** A version 4 UUID in lower case (as crypto.randomUUID makes them): report ids and install ids. */
export const UuidV4Schema = z
  .string()
  .check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/));

/** An ISO 4217 currency code: VND, SGD, USD, MYR, PHP, THB, IDR… */
export const CurrencySchema = z.string().check(z.regex(/^[A-Z]{3}$/));

/** An amount as a listing shows it: whole đồng, or at most cents in another currency. */
const AmountSchema = z.number().check(
  z.gte(0),
  z.lte(10_000_000_000),
  z.refine((amount) => Math.abs(amount * 100 - Math.round(amount * 100)) < 1e-6, 'more than cents'),
);

/** Whether a listing's prices are whole đồng when they are in đồng (a missing currency is đồng). */
const wholeDong = (listing: { price?: number; promoPrice?: number; currency?: string }) =>
  (listing.currency ?? 'VND') !== 'VND' ||
  [listing.price, listing.promoPrice].every(
    (amount) => amount === undefined || Number.isInteger(amount),
  );

export const ReportListingSchema = z
  .strictObject({
    platform: z.enum(PLATFORMS),
    itemKey: KeySchema,
    sellerKey: z.optional(KeySchema),
    title: lineText(MAX_TITLE_LENGTH),
    /**
     * The listed price as the listing showed it (the lowest of a range), in `currency`: never
     * converted, and never a price that needs a promo code.
     */
    price: z.optional(AmountSchema),
    /** The currency of `price` and `promoPrice`; absent (every report from before it was sent): đồng. */
    currency: z.optional(CurrencySchema),
    /** The price after the promo codes the page applied ("giá sau áp dụng mã"), where it showed one. */
    promoPrice: z.optional(AmountSchema),
    url: z.httpUrl().check(
      z.maxLength(2000),
      z.refine((url) => !hasControlCharacters(url), 'contains a control character'),
    ),
    seenAt: z.iso.datetime({ offset: true }),
  })
  .check(z.refine(wholeDong, { message: 'a price in đồng is a whole number', path: ['price'] }));
export type ReportListing = z.infer<typeof ReportListingSchema>;

export const ReportSchema = z.strictObject({
  /** Made by the extension when the report is saved: the idempotency key of every retry. */
  id: UuidV4Schema,
  listing: ReportListingSchema,
  reasons: z.array(ReportReasonSchema).check(
    z.minLength(1),
    z.maxLength(REPORT_REASONS.length),
    z.refine((reasons) => new Set(reasons).size === reasons.length, 'a reason is given twice'),
  ),
  note: z.optional(linesText(MAX_REPORT_NOTE, 0)),
  contact: z.optional(lineText(MAX_CONTACT)),
  /**
   * SHA-256 (hex) of the listing snapshot as the extension read it (snapshotBytes in
   * utils/report/snapshot.ts): evidence that these facts are what the page showed at `seenAt`.
   */
  snapshotSha256: z.optional(z.string().check(z.regex(/^[0-9a-f]{64}$/))),
  /**
   * The scam site the listing sends shoppers to (a reason `scam_site` names it), as a domain. It only
   * ever reaches the review queue: it is never the key of a case, a count or a record.
   */
  site: z.optional(
    z.string().check(
      z.maxLength(253),
      z.refine((domain) => isCanonicalKey(`domain:${domain}`), 'not a lower-case domain'),
    ),
  ),
  /** Random per install, so the registry can count installs; a client can make up any number. */
  clientId: UuidV4Schema,
  version: z.string().check(z.regex(/^[0-9A-Za-z.+-]{1,40}$/)),
});
export type Report = z.infer<typeof ReportSchema>;

export const ReportReceiptSchema = z.object({
  id: UuidV4Schema,
  receivedAt: z.iso.datetime({ offset: true }),
  /** The same install amended its report of the same listing within a day (REPORT_AMEND_MS). */
  updated: z.optional(z.literal(true)),
});

/**
 * A report may be amended by resending it under its id from the same install about the same item,
 * within this long of its first receipt; the registry keeps one report. An amendment changes the
 * reasons, note, contact and site only: the listing's facts (title, url, prices, seller, seenAt) and
 * the snapshot hash stay as first received. After the window the same id with other content is a
 * 409 `id_conflict`: send it as a new report.
 */
export const REPORT_AMEND_MS = 24 * 60 * 60 * 1000;
export type ReportReceipt = z.infer<typeof ReportReceiptSchema>;

export const REPORT_STATES = ['received', 'in_review', 'decided'] as const;

/** `GET /v1/reports/<id>/status`: the public part of what became of one report. */
export const ReportStatusSchema = z.object({
  id: UuidV4Schema,
  state: z.enum(REPORT_STATES),
  receivedAt: z.iso.datetime({ offset: true }),
  decision: z.optional(
    z.object({
      key: KeySchema,
      status: FlagStatusSchema,
      summary: z.optional(LocalisedTextSchema),
      decidedAt: DateSchema,
    }),
  ),
});
export type ReportStatus = z.infer<typeof ReportStatusSchema>;

/** Every refusal of the registry: a stable code for programs and a message for people. */
export const ApiErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;
