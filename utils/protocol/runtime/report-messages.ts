/**
 * What the extension's own sides say to each other about reports (the background keeps the outbox):
 * a report to save, the shopper's list of reports, and the registry address. The wire format to the
 * registry itself is report.ts.
 */
import * as z from 'zod/mini';
import {
  MAX_CONTACT,
  MAX_REPORT_NOTE,
  REPORT_REASONS,
  REPORT_STATES,
  ReportListingSchema,
  ReportReasonSchema,
} from '../registry/report';

/** A screenshot travels as a data: URL (JPEG or PNG), at most this many bytes once decoded. */
export const MAX_SCREENSHOT_BYTES = 1024 * 1024;
/** Base64 makes 4 characters of 3 bytes; the data: prefix is short. */
const MAX_SCREENSHOT_URL = Math.ceil((MAX_SCREENSHOT_BYTES * 4) / 3) + 64;

export const ScreenshotInputSchema = z.object({
  dataUrl: z
    .string()
    .check(
      z.maxLength(MAX_SCREENSHOT_URL, 'the screenshot is larger than 1 MB'),
      z.regex(/^data:image\/(jpeg|png);base64,[A-Za-z0-9+/]+=*$/, 'not a JPEG or PNG data URL'),
    ),
  takenAt: z.iso.datetime({ offset: true }),
});
export type ScreenshotInput = z.infer<typeof ScreenshotInputSchema>;

export const SubmitReportSchema = z.object({
  listing: ReportListingSchema,
  reasons: z.array(ReportReasonSchema).check(z.minLength(1), z.maxLength(REPORT_REASONS.length)),
  note: z.optional(z.string().check(z.maxLength(MAX_REPORT_NOTE))),
  contact: z.optional(z.string().check(z.maxLength(MAX_CONTACT))),
  /** Extension pages only (popup, report window): a page never holds a screenshot. */
  screenshot: z.optional(ScreenshotInputSchema),
});
export type SubmitReport = z.infer<typeof SubmitReportSchema>;

/** The shopper's view of one report's progress (Báo cáo của tôi). */
export const REPORT_PROGRESS = [
  'waiting', // chờ gửi
  'sent', // đã gửi
  'received', // sổ đăng ký đã nhận
  'in_review', // đang xem xét
  'decided', // đã có kết luận
  'refused', // the registry refused it; the reason is shown
  'expired', // chưa gửi được (30 days), "Thử lại"
  'local', // no registry set: kept here
] as const;
export type ReportProgress = (typeof REPORT_PROGRESS)[number];

export const SubmitReportReplySchema = z.union([
  z.object({
    outcome: z.enum(['saved', 'amended']),
    id: z.string(),
    progress: z.enum(REPORT_PROGRESS),
    registryUrl: z.nullable(z.string()),
  }),
  /** MAX_REPORTS_PER_HOUR reached: nothing was saved. */
  z.object({ outcome: z.literal('limited'), until: z.iso.datetime({ offset: true }) }),
]);
export type SubmitReportReply = z.infer<typeof SubmitReportReplySchema>;

const ErrorSchema = z.object({ status: z.int(), code: z.string(), message: z.string() });

export const ReportViewSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  listing: ReportListingSchema,
  reasons: z.array(ReportReasonSchema),
  note: z.optional(z.string()),
  contact: z.optional(z.string()),
  snapshotSha256: z.optional(z.string()),
  progress: z.enum(REPORT_PROGRESS),
  registryUrl: z.nullable(z.string()),
  attempts: z.int(),
  nextAttemptAt: z.optional(z.string()),
  lastError: z.optional(ErrorSchema),
  receivedAt: z.optional(z.string()),
  screenshot: z.optional(
    z.object({
      bytes: z.int(),
      sha256: z.string(),
      takenAt: z.string(),
      delivered: z.boolean(),
      lastError: z.optional(ErrorSchema),
    }),
  ),
  status: z.optional(
    z.object({
      state: z.enum(REPORT_STATES),
      checkedAt: z.string(),
      decision: z.optional(
        z.object({ status: z.string(), decidedAt: z.string(), summary: z.optional(z.string()) }),
      ),
    }),
  ),
});
export type ReportView = z.infer<typeof ReportViewSchema>;

export const ReportListSchema = z.object({
  reports: z.array(ReportViewSchema),
  /** Not yet acknowledged by a registry: waiting, refused, expired or local. */
  undelivered: z.int(),
  registryUrl: z.nullable(z.string()),
  /** The build's default registry (SOI_HANG_REGISTRY_URL), for the options field's reset. */
  defaultRegistryUrl: z.nullable(z.string()),
});
export type ReportList = z.infer<typeof ReportListSchema>;

/** What a page's report dialog needs to know: where a report goes, and an earlier one to amend. */
export const ReportContextSchema = z.object({
  registryUrl: z.nullable(z.string()),
  earlier: z.optional(
    z.object({
      createdAt: z.string(),
      reasons: z.array(ReportReasonSchema),
      note: z.optional(z.string()),
    }),
  ),
});
export type ReportContext = z.infer<typeof ReportContextSchema>;
