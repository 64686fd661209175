/**
 * The small mark on a flagged card: status at a glance, source and date on hover. A grid can carry
 * dozens, so it is built directly as DOM from text (createElement, textContent), which costs a
 * fraction of a component render; nothing in it is ever parsed as HTML.
 */
import { formatDate, t } from '../utils/i18n';
import type { Verdict } from '../utils/lookup/verdict';
import { badgeText, headline } from './warning-text';

/** One glyph every font has, drawn in a CSS circle: `!` for findings and suspicion, `i` for reports. */
const GLYPH: Record<Verdict['status'], string> = { confirmed: '!', suspected: '!', reported: 'i' };

export function badgeElement(doc: Document, verdict: Verdict): HTMLElement {
  const { record } = verdict;
  const details = [
    headline(verdict),
    t('sourceLine', record.authority),
    t('dateLine', formatDate(record.updated)),
  ].join(' · ');
  const badge = doc.createElement('span');
  badge.className = `badge badge--${verdict.status}`;
  badge.setAttribute('data-testid', 'soi-hang-badge');
  badge.setAttribute('data-status', verdict.status);
  badge.setAttribute('data-subject', verdict.subject);
  badge.setAttribute('role', 'img');
  badge.setAttribute('aria-label', t('badgeLabel', details));
  badge.title = details;
  const icon = doc.createElement('span');
  icon.className = 'badge__icon';
  icon.setAttribute('aria-hidden', 'true');
  icon.textContent = GLYPH[verdict.status];
  badge.append(icon, badgeText(verdict));
  return badge;
}
