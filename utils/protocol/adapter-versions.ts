/**
 * What each marketplace's adapter reads, as the extension and the registry both know it: its
 * version (the date its selectors and readers last changed) and its page kinds. The adapters take
 * theirs from here, and the registry takes a layout report only for a version and page kind listed
 * here, so no made-up version or kind fills the maintainers' counts.
 */
import type { Platform } from './keys';

/** The page kinds an adapter may claim (a page status's kinds but `other`). */
export type AdapterPageKind = 'grid' | 'product' | 'shop' | 'blocked';

interface AdapterReads {
  /** The current version first; earlier ones stay while extensions carrying them are in use. */
  versions: readonly [string, ...string[]];
  pageKinds: readonly AdapterPageKind[];
}

export const ADAPTER_READS: Readonly<Record<Platform, AdapterReads>> = {
  shopee: { versions: ['2026-12-07'], pageKinds: ['grid', 'product', 'shop', 'blocked'] },
  lazada: { versions: ['2026-12-07'], pageKinds: ['grid', 'product', 'shop', 'blocked'] },
  tiki: { versions: ['2026-12-07'], pageKinds: ['grid', 'product', 'shop'] },
  sendo: { versions: ['2026-11-28'], pageKinds: ['grid', 'product'] },
  facebook: { versions: ['2026-11-28'], pageKinds: ['grid', 'product', 'blocked'] },
  tiktok: { versions: ['2026-11-28'], pageKinds: ['grid', 'product', 'blocked'] },
};

/** Whether a platform's adapter has been released at this version. */
export const knownAdapterVersion = (platform: Platform, version: string): boolean =>
  ADAPTER_READS[platform].versions.includes(version);

/** Whether a platform's adapter reads this page kind. */
export const readsPageKind = (platform: Platform, kind: string): boolean =>
  (ADAPTER_READS[platform].pageKinds as readonly string[]).includes(kind);
