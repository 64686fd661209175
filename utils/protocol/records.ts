/**
 * The data shapes that cross boundaries: flag records (feed → database → lookup replies) and the
 * description of the loaded data. Schemas use zod/mini because content scripts import them too.
 */
import * as z from 'zod/mini';
import { isCanonicalKey, KEY_KINDS } from './keys';

export const KeySchema = z
  .string()
  .check(
    z.maxLength(300),
    z.refine(isCanonicalKey, { message: 'not a canonical key (see DESIGN.md §3)' }),
  );

export const FLAG_STATUSES = ['confirmed', 'suspected', 'reported', 'cleared'] as const;
export const FlagStatusSchema = z.enum(FLAG_STATUSES);
export type FlagStatus = z.infer<typeof FlagStatusSchema>;

/** A calendar date or a full timestamp, as the authorities' documents give one or the other. */
export const DateSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
export const LocalisedTextSchema = z.object({ vi: text(2000), en: text(2000) });
export type LocalisedText = z.infer<typeof LocalisedTextSchema>;

/** Reason codes are open-ended (the UI has a generic label for codes it does not know yet). */
export const ReasonCodeSchema = z.string().check(z.regex(/^[a-z][a-z_]{1,39}$/));

export const FlagRecordSchema = z.object({
  key: KeySchema,
  status: FlagStatusSchema,
  reasons: z.array(ReasonCodeSchema).check(z.minLength(1), z.maxLength(10)),
  authority: text(300),
  caseId: z.optional(text(100)),
  summary: LocalisedTextSchema,
  evidenceUrl: z.optional(z.httpUrl()),
  reportCount: z.optional(z.int().check(z.gte(0))),
  /** The name as the authority published it (keys hold a normalised form), for products and sites. */
  name: z.optional(text(300)),
  /**
   * Present when the finding concerns only some units of a product (most medicines): the batches,
   * registration numbers or labelled manufacturing dates the authority named. Such a record never
   * calls a listing counterfeit; it asks the shopper to check the package.
   */
  scope: z.optional(
    z.object({
      batches: z.optional(z.array(text(60)).check(z.maxLength(100))),
      registrationNumbers: z.optional(z.array(text(60)).check(z.maxLength(20))),
      rule: z.optional(text(300)),
    }),
  ),
  firstSeen: DateSchema,
  updated: DateSchema,
  expires: z.optional(DateSchema),
  /** The seller contests the record and the registry has taken the appeal up (DESIGN.md §4). */
  appeal: z.optional(z.literal('pending')),
  /**
   * A demo record the extension made itself for the listing on screen, because the shopper (a store
   * reviewer) switched the demo on in the options: every warning from it says it is a test record
   * and names no finding (background/preferences/demo-record.ts).
   */
  demo: z.optional(z.literal(true)),
  /**
   * This record's source is trusted to block its domain (DESIGN.md §4): a curated list shipped with
   * the package, an authority's record of a violating site, or a confirmed decision naming its
   * authority and case. Never on community reports or a `reported`/`suspected` decision; a domain
   * record without it warns but never blocks.
   */
  blocking: z.optional(z.literal(true)),
});
export type FlagRecord = z.infer<typeof FlagRecordSchema>;

/** What data the local database holds: shown in the popup and in every warning. */
export const DataInfoSchema = z.object({
  source: z.enum(['default', 'feed']),
  sequence: z.int().check(z.gte(0)),
  publisher: text(200),
  publishedAt: z.iso.datetime({ offset: true }),
  /** After this the publisher no longer vouches for the data: warnings say it is stale. */
  expiresAt: z.optional(z.iso.datetime({ offset: true })),
  importedAt: z.iso.datetime({ offset: true }),
  recordCount: z.int().check(z.gte(0)),
  /** Which feed the data came from (source "feed"): `<keyId>/<name>` and the manifest's address. */
  feedId: z.optional(z.string().check(z.maxLength(100))),
  manifestUrl: z.optional(z.string().check(z.maxLength(2000))),
  /** sha256 of the shipped snapshot the data came from (source "default"): a new build reloads it. */
  digest: z.optional(z.string().check(z.regex(/^[0-9a-f]{64}$/))),
  /** Records by key kind (seller, item, domain, product, phone, bank). */
  counts: z.partialRecord(z.enum(KEY_KINDS), z.int().check(z.gte(0))),
});
export type DataInfo = z.infer<typeof DataInfoSchema>;
