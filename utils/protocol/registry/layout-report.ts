/**
 * A layout report: the shopper's one click saying Soi Hàng could not read a page of a kind it
 * supports (a marketplace changed its markup). It carries the platform, the page kind, the adapter's
 * version and counts, nothing else: no address, no title, no id. `POST /v1/layout-reports`; the
 * registry counts them per site and adapter version for maintainers, and they never reach the feed.
 */
import * as z from 'zod/mini';
import { knownAdapterVersion, readsPageKind } from '../adapter-versions';
import { PLATFORMS } from '../keys';

/** The page kinds a layout report may name: the ones an adapter claims to read. */
export const LAYOUT_PAGE_KINDS = ['grid', 'product', 'shop'] as const;

const count = () => z.int().check(z.gte(0), z.lte(10_000));

export const LayoutReportSchema = z
  .strictObject({
    platform: z.enum(PLATFORMS),
    pageKind: z.enum(LAYOUT_PAGE_KINDS),
    /** The adapter's version: the date its selectors last changed (`2026-12-07`). */
    adapterVersion: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
    /** Listings read, card roots found without an id, and the card-like links the page showed. */
    listings: count(),
    unreadable: count(),
    cardLike: count(),
  })
  .check(
    // Only a version an adapter was released at, and a kind of page that adapter reads: a made-up
    // version or kind is no report of a site's change.
    z.refine(
      (report) => knownAdapterVersion(report.platform, report.adapterVersion),
      'not a version of this site’s adapter',
    ),
    z.refine(
      (report) => readsPageKind(report.platform, report.pageKind),
      'not a kind of page this site’s adapter reads',
    ),
  );
export type LayoutReport = z.infer<typeof LayoutReportSchema>;

export const LayoutReportReceiptSchema = z.object({ ok: z.literal(true) });

/** `GET /v1/review/layout-reports`: the count of layout reports per site and adapter version. */
export const LayoutCountsSchema = z.object({
  counts: z.array(
    z.object({
      platform: z.enum(PLATFORMS),
      adapterVersion: z.string(),
      pageKind: z.enum(LAYOUT_PAGE_KINDS),
      reports: z.int(),
      /** The day (UTC) of the latest one. */
      lastDay: z.string(),
    }),
  ),
});
export type LayoutCounts = z.infer<typeof LayoutCountsSchema>;
