/**
 * The store reviewer's demo (options: "Bản ghi minh hoạ"): while it is on, the listing whose page
 * the reviewer opens gets a record made here, in this browser, and never sent or stored. It is
 * `reported` (the weakest status, no colour of a finding), marked `demo`, and every word of it says
 * it is a test record the reviewer added: never that the real seller or listing did anything
 * (DESIGN.md §4).
 */
import type { Language } from '../../../utils/i18n';
import { listingIdsFromUrl } from '../../../utils/protocol/listing-urls';
import { platformOfUrl } from '../../../utils/protocol/platform-of-url';
import type { FlagRecord } from '../../../utils/protocol/records';

const AUTHORITY: Record<Language, string> = {
  vi: 'Không ai: bản ghi minh hoạ bạn bật trong cài đặt của Soi Hàng',
  en: 'Nobody: a demo record you switched on in Soi Hàng’s settings',
};

const SUMMARY = {
  vi: 'BẢN GHI MINH HOẠ. Người duyệt đã bật “Bản ghi minh hoạ” trong cài đặt, nên Soi Hàng tự thêm bản ghi thử nghiệm này cho tin đăng đang mở để cho thấy một cảnh báo trông thế nào. Nó không nói gì về người bán hay sản phẩm này, và không được gửi đi đâu.',
  en: 'DEMO RECORD. The reviewer switched on “Demo record” in the settings, so Soi Hàng added this test record for the listing on screen to show what a warning looks like. It says nothing about this seller or product, and is sent nowhere.',
};

/**
 * The demo record for the listing a marketplace page's own address names, when the page asked
 * about that listing; null for any other page or key.
 */
export function demoRecordFor(
  pageUrl: string | undefined,
  keys: readonly string[],
  language: Language,
  now: Date,
): FlagRecord | null {
  const platform = platformOfUrl(pageUrl);
  if (!platform || !pageUrl) return null;
  const ids = listingIdsFromUrl(platform, new URL(pageUrl));
  const key = ids ? `${platform}:item:${ids.item}` : null;
  if (!key || !keys.includes(key)) return null;
  const today = now.toISOString().slice(0, 10);
  return {
    key,
    status: 'reported',
    reasons: ['demo'],
    authority: AUTHORITY[language],
    summary: SUMMARY,
    reportCount: 0,
    firstSeen: today,
    updated: today,
    demo: true,
  };
}
