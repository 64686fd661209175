/**
 * Where a shopper can take a report besides our registry, as data (DESIGN.md §7): a correction is a
 * change here, not in a component.
 */
import type { Platform } from '../protocol/keys';

export type ChannelKind = 'phone' | 'email' | 'web';

export interface Channel {
  id: string;
  kind: ChannelKind;
  /** A phone number as dialled, an email address, or a web address. */
  address: string;
  /** Message keys (public/_locales) of its name and of what it is for. */
  name: string;
  purpose: string;
  source: string;
  checked: string;
  recheck?: true;
}

/**
 * From ../shared/official-channels.md (read 2026-11); each entry says what it is for and where its
 * address comes from. `recheck`: the source is old or the address could not be confirmed by a
 * second source, so the UI says to check it before calling. The platforms' own help pages are their
 * help-centre home pages.
 */
export const OFFICIAL_CHANNELS: readonly Channel[] = [
  {
    id: 'moit-ecommerce-email',
    kind: 'email',
    address: 'qltmdt@moit.gov.vn',
    name: 'channelMoitEmail',
    purpose: 'channelMoitEmailPurpose',
    source: 'online.gov.vn',
    checked: '2026-11',
  },
  {
    id: 'chonghanggia-portal',
    kind: 'web',
    address: 'http://chonghanggia.online.gov.vn',
    name: 'channelPortal',
    purpose: 'channelPortalPurpose',
    source: 'chonghanggia.online.gov.vn',
    checked: '2026-11',
  },
  {
    id: 'moit-complaint-form',
    kind: 'web',
    address: 'http://online.gov.vn/Complain/SendComplain.aspx',
    name: 'channelMoitForm',
    purpose: 'channelMoitFormPurpose',
    source: 'online.gov.vn',
    checked: '2026-11',
  },
  {
    id: 'consumer-hotline',
    kind: 'phone',
    address: '18006838',
    name: 'channelConsumerHotline',
    purpose: 'channelConsumerHotlinePurpose',
    source: 'vietnamplus.vn (2025-09), phunuvietnam.vn (2024-10)',
    checked: '2026-11',
  },
  {
    id: 'market-surveillance-hotline',
    kind: 'phone',
    address: '1900888655',
    name: 'channelMarketHotline',
    purpose: 'channelMarketHotlinePurpose',
    source: 'thanhnien.vn (2020), cand.com.vn',
    checked: '2026-11',
    recheck: true,
  },
];

/** A scam site (not a listing) goes to the National Cyber Security Centre. */
export const SCAM_SITE_CHANNEL: Channel = {
  id: 'ncsc-report',
  kind: 'web',
  address: 'https://canhbao.khonggianmang.vn',
  name: 'channelNcsc',
  purpose: 'channelNcscPurpose',
  source: 'sggp.org.vn, cafef.vn',
  checked: '2026-11',
};

/** Each marketplace's own help centre: the first-line takedown (Law 19/2023/QH15, Art. 39). */
export const PLATFORM_HELP: Readonly<Record<Platform, string>> = {
  shopee: 'https://help.shopee.vn/portal',
  lazada: 'https://www.lazada.vn/helpcenter/',
  tiki: 'https://hotro.tiki.vn/',
  sendo: 'https://www.sendo.vn/ho-tro',
  facebook: 'https://www.facebook.com/help/marketplace',
  tiktok: 'https://seller-vn.tiktok.com/university',
};

/** How the channel is opened: a tel:, mailto: (with a prefilled summary) or web link. */
export function channelHref(channel: Channel, mail?: { subject: string; body: string }): string {
  if (channel.kind === 'phone') return `tel:${channel.address}`;
  if (channel.kind === 'email') {
    const query = mail
      ? `?subject=${encodeURIComponent(mail.subject)}&body=${encodeURIComponent(mail.body)}`
      : '';
    return `mailto:${channel.address}${query}`;
  }
  return channel.address;
}

/** A phone number grouped as Vietnamese numbers are written: 1800 6838, 1900 888 655. */
export function spokenNumber(number: string): string {
  if (number.length === 8) return `${number.slice(0, 4)} ${number.slice(4)}`;
  if (number.length === 10) return `${number.slice(0, 4)} ${number.slice(4, 7)} ${number.slice(7)}`;
  return number;
}
