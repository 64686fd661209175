/**
 * The marketplace pages our content scripts run on, as match patterns of any path: they may frame
 * the report dialog (report.html's web-accessible matches), and the context menu's "Báo cáo tin
 * đăng này" shows on their links. The content scripts' own `matches` are narrower on TikTok.
 */
export const MARKETPLACE_PAGES = [
  'https://shopee.vn/*',
  'https://www.lazada.vn/*',
  'https://tiki.vn/*',
  'https://www.sendo.vn/*',
  'https://www.facebook.com/*',
  'https://web.facebook.com/*',
  'https://www.tiktok.com/*',
] as const;
