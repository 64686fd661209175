/**
 * A listing's prices in words, as the shopper saw them: each amount in its own currency (never
 * converted), formatted the way that currency's country writes it, and the price after promo codes
 * named as such beside the listed one ("Giá niêm yết: 147.000 ₫ · Sau mã giảm giá: 111.720 ₫").
 */
import { type MessageKey, t } from '../utils/i18n';

/** Where each marketplace currency is written, for its symbol and separators. */
const LOCALES: Record<string, string> = {
  VND: 'vi-VN',
  SGD: 'en-SG',
  USD: 'en-US',
  MYR: 'ms-MY',
  PHP: 'en-PH',
  THB: 'th-TH',
  IDR: 'id-ID',
  TWD: 'zh-TW',
  BRL: 'pt-BR',
};

/** The prices a report carries: `currency` absent is đồng (every report from before it was sent). */
export interface ListedPrices {
  price?: number;
  currency?: string;
  promoPrice?: number | null;
}

/**
 * An amount in its currency: "147.000 ₫"; another currency's own way, with its code, since a
 * symbol alone ("$") does not say which: "$108.99 (SGD)".
 */
export function moneyText(amount: number, currency = 'VND'): string {
  let text: string;
  try {
    text = new Intl.NumberFormat(LOCALES[currency] ?? 'en', {
      style: 'currency',
      currency,
      currencyDisplay: 'narrowSymbol',
      minimumFractionDigits: Number.isInteger(amount) ? 0 : 2,
    }).format(amount);
  } catch {
    text = String(amount);
  }
  // The page's own way of writing it, with a plain space (copied into mail and forms).
  text = text.replace(/[\u00a0\u202f]/g, ' ');
  return currency === 'VND' ? text : `${text} (${currency})`;
}

/** The listed price and the one after promo codes, each with its label; none without a price. */
export function priceFacts(listing: ListedPrices): Array<[MessageKey, string]> {
  const { price, promoPrice, currency = 'VND' } = listing;
  if (price === undefined) return [];
  return [
    ['dialogFactPrice', moneyText(price, currency)],
    ...(promoPrice !== undefined && promoPrice !== null
      ? [['dialogFactPromoPrice', moneyText(promoPrice, currency)] as [MessageKey, string]]
      : []),
  ];
}

/** The prices as one line: "Giá niêm yết: 147.000 ₫ · Sau mã giảm giá: 111.720 ₫"; null without. */
export function priceLine(listing: ListedPrices): string | null {
  const facts = priceFacts(listing);
  return facts.length > 0 ? facts.map(([label, text]) => `${t(label)}: ${text}`).join(' · ') : null;
}
