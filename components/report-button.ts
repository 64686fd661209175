/**
 * "Báo cáo" for a listing with no warning: under a product's title, or in the corner of a card the
 * shopper hovered or focused. Built as DOM from text, like the badge: nothing is parsed as HTML.
 */
import { t } from '../utils/i18n';

export function reportButtonElement(doc: Document, kind: 'card' | 'product' | 'shop'): HTMLElement {
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = `report report--${kind}`;
  button.setAttribute('data-testid', 'soi-hang-report-button');
  button.setAttribute('aria-haspopup', 'dialog');
  // A shop page's button reports the shop (its seller), not a listing.
  const label = kind === 'shop' ? t('reportShop') : t('reportListing');
  button.setAttribute('aria-label', label);
  // A card's corner has room for the mark only; its accessible name says the rest.
  button.append(kind === 'card' ? t('actionReport') : label);
  return button;
}
