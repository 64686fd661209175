/**
 * A report being written: the listing as read (by a content script, or for the popup and the
 * context menu through one), and a screenshot when the gesture that started it allowed one. The
 * background keeps drafts (report.html is given only a draft's token), so the dialog can only ever
 * report what our own code read, and a page never learns a draft's screenshot.
 */
import * as z from 'zod/mini';
import {
  MAX_CONTACT,
  MAX_REPORT_NOTE,
  ReportListingSchema,
  ReportReasonSchema,
} from '../registry/report';
import { REPORT_REASONS } from '../registry/report-reasons';
import { ScreenshotInputSchema } from './report-messages';

/** Drafts are kept this long, for a dialog left open (and a worker stopped meanwhile). */
export const DRAFT_TTL_MS = 60 * 60 * 1000;

export const DraftTokenSchema = z.string().check(z.regex(/^[0-9a-f-]{36}$/));

export const DraftListingSchema = z.object({
  listing: ReportListingSchema,
  /** The seller's name as the page showed it: shown in the dialog, not sent. */
  sellerName: z.optional(z.string().check(z.maxLength(200))),
});
export type DraftListing = z.infer<typeof DraftListingSchema>;

/** How the dialog was reached: a page's own button, or a gesture that also allows a screenshot. */
export const DRAFT_ORIGINS = ['page', 'popup', 'menu', 'shortcut'] as const;

/**
 * What the shopper had chosen and written in a dialog that could not send (framed, without a way to
 * ask for Firefox's data consent): the window that goes on with the draft starts from it.
 */
export const DraftChoicesSchema = z.object({
  reasons: z.array(ReportReasonSchema).check(z.maxLength(REPORT_REASONS.length)),
  note: z.optional(z.string().check(z.maxLength(MAX_REPORT_NOTE))),
  contact: z.optional(z.string().check(z.maxLength(MAX_CONTACT))),
});
export type DraftChoices = z.infer<typeof DraftChoicesSchema>;

export const ReportDraftSchema = z.object({
  token: DraftTokenSchema,
  origin: z.enum(DRAFT_ORIGINS),
  listing: ReportListingSchema,
  sellerName: z.optional(z.string()),
  /** The tab the listing is on (its dialog frame is closed through it). */
  tabId: z.optional(z.int()),
  screenshot: z.optional(ScreenshotInputSchema),
  /** Why the screenshot is missing although the gesture allowed one. */
  screenshotError: z.optional(z.string().check(z.maxLength(300))),
  /** The shopper's choices so far, when the dialog goes on in a window of its own. */
  choices: z.optional(DraftChoicesSchema),
  createdAt: z.iso.datetime({ offset: true }),
});
export type ReportDraft = z.infer<typeof ReportDraftSchema>;

/** What report.html shows of a draft. */
export const ReportDraftViewSchema = z.object({
  ...ReportDraftSchema.shape,
  screenshot: z.optional(z.object({ dataUrl: z.string(), bytes: z.int() })),
});
export type ReportDraftView = z.infer<typeof ReportDraftViewSchema>;
