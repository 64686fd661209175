/**
 * What a content script reports of its page (kind, counts, flagged listings, paused) and what the
 * popup reads back for a tab: the schemas both sides check it with.
 */
import * as z from 'zod/mini';
import { PLATFORMS } from '../keys';
import { MAX_LISTED } from '../limits';
import { VERDICT_SUBJECTS, WARNING_STATUSES } from './verdict';

/** `shop`: a seller's own shop page (its cards, and whose shop it is). */
export const PAGE_KINDS = ['grid', 'product', 'shop', 'blocked', 'other'] as const;
export const PageKindSchema = z.enum(PAGE_KINDS);
export type PageKind = z.infer<typeof PageKindSchema>;

const count = () => z.int().check(z.gte(0), z.lte(1_000_000));

/** What a content script found on its page; the popup shows it for the tab. */
export const PageStatusSchema = z.object({
  platform: z.enum(PLATFORMS),
  pageKind: PageKindSchema,
  checked: count(),
  flagged: count(),
  unreadable: count(),
  /**
   * The page is of a kind the adapter reads, yet it read none of it, or far fewer listings than the
   * page's own card-like links: its markup has likely changed. The popup says so, not "0 flagged".
   */
  unread: z.optional(z.boolean()),
  /** Card-like links the page shows (counted only when few listings were read). */
  cardLike: z.optional(count()),
  /** The adapter's version, for a layout report. */
  adapterVersion: z.optional(z.string().check(z.maxLength(20))),
  /** Adapter or lookup failures on this page, caught so the page never sees them. */
  errors: count(),
  /** Flagged listings whose seller the shopper muted (not counted in `flagged`). */
  muted: count(),
  /** Soi Hàng is paused on this marketplace. */
  paused: z.boolean(),
  /** The flagged listings, for the popup's list (the first MAX_LISTED). */
  listings: z
    .array(
      z.object({
        id: z.int().check(z.gte(1)),
        title: z.string().check(z.maxLength(200)),
        status: z.enum(WARNING_STATUSES),
        subject: z.enum(VERDICT_SUBJECTS),
        /** Its record is under an accepted appeal: the popup says so, as the badge does. */
        contested: z.optional(z.boolean()),
        /** Its record is the reviewer's demo record: the popup calls it a demo, as the badge does. */
        demo: z.optional(z.literal(true)),
        muted: z.boolean(),
      }),
    )
    .check(z.maxLength(MAX_LISTED)),
});
export type ListedListing = PageStatus['listings'][number];
export type PageStatus = z.infer<typeof PageStatusSchema>;

export const TabStatusSchema = z.object({
  ...PageStatusSchema.shape,
  url: z.string().check(z.maxLength(4096)),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type TabStatus = z.infer<typeof TabStatusSchema>;
