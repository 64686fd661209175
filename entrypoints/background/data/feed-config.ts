/**
 * The feed this build syncs from and the publisher keys it trusts, fixed at build time
 * (wxt.config.ts reads SOI_HANG_FEED_URL and SOI_HANG_FEED_KEYS). A build without keys accepts no
 * feed and keeps its shipped data.
 */
export interface FeedConfig {
  /** The built-in manifest URL (null: this build has no feed; the options page may set one). */
  url: string | null;
  publicKeys: readonly string[];
}

declare const __SOI_HANG_FEED__: FeedConfig;

export const FEED_CONFIG: FeedConfig = __SOI_HANG_FEED__;
