import * as z from 'zod/mini';
import { PLATFORMS } from '../keys';

export const PAGE_KINDS = ['grid', 'product', 'blocked', 'other'] as const;
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
  /** Adapter or lookup failures on this page, caught so the page never sees them. */
  errors: count(),
});
export type PageStatus = z.infer<typeof PageStatusSchema>;

export const TabStatusSchema = z.object({
  ...PageStatusSchema.shape,
  url: z.string().check(z.maxLength(4096)),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type TabStatus = z.infer<typeof TabStatusSchema>;
