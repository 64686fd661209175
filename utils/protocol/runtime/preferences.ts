/**
 * The shopper's preferences: the UI language and what they muted. Kept by the background (in the
 * database's settings store) and checked with zod whenever they are read or written; the content
 * scripts only ever receive what applies to the listings they asked about.
 */
import * as z from 'zod/mini';
import { PLATFORMS } from '../keys';
import { KeySchema } from '../records';

const Moment = z.iso.datetime({ offset: true });

/** Warnings on one seller's listings, hidden (DESIGN.md §6: a confirmed one only collapses). */
export const SellerMuteSchema = z.object({
  scope: z.literal('seller'),
  target: KeySchema.check(z.refine((key) => key.includes(':seller:'), 'not a seller key')),
  /** The seller's name as the page showed it, to list the mute by. */
  label: z.optional(z.string().check(z.maxLength(200))),
  createdAt: Moment,
  /** When the mute ends ("for today": the end of that day); absent, until undone. */
  until: z.optional(Moment),
});

/** Soi Hàng paused on one marketplace. */
export const SiteMuteSchema = z.object({
  scope: z.literal('site'),
  target: z.enum(PLATFORMS),
  createdAt: Moment,
  until: z.optional(Moment),
});

export const MuteSchema = z.union([SellerMuteSchema, SiteMuteSchema]);
export type Mute = z.infer<typeof MuteSchema>;

export const LanguageSchema = z.enum(['vi', 'en']);

/** Mutes kept at most; a new one beyond it drops the oldest (settings/mutes.ts withMute). */
export const MAX_MUTES = 2000;

/**
 * The on-page signals behind the `heuristic` tier (DESIGN.md §4), each of which the shopper may
 * switch off: `replicaWords`, a listing's own name admitting a copy ("rep 1:1", "super fake");
 * `replicaHints`, words that often go with copies but have honest uses too ("siêu cấp", "hàng F1");
 * `offPlatform`, a listing asking to deal outside the marketplace (a phone number, Zalo, "inbox giá
 * rẻ hơn"). utils/protocol/runtime/signal-evidence.ts weighs them.
 */
export const SIGNALS = [
  'replicaWords',
  'replicaHints',
  'offPlatform',
  'regulatedGoods',
  'lowPrice',
  'reviewComplaints',
  'barcode',
] as const;
export type Signal = (typeof SIGNALS)[number];

export const PreferencesSchema = z.object({
  language: LanguageSchema,
  mutes: z.array(MuteSchema).check(z.maxLength(MAX_MUTES)),
  /** Signals switched off (absent: every signal on). */
  signalsOff: z.optional(z.array(z.enum(SIGNALS)).check(z.maxLength(SIGNALS.length))),
  /**
   * The store reviewer's demo switch (options, off by default): the listing of a marketplace page
   * opened while it is on gets a warning from a demo record made in this browser, which says it is
   * one (background/preferences/demo-record.ts). Nothing about it is sent anywhere.
   */
  demoRecord: z.optional(z.boolean()),
});
export type Preferences = z.infer<typeof PreferencesSchema>;

export const DEFAULT_PREFERENCES: Preferences = { language: 'vi', mutes: [] };
