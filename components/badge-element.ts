/**
 * The small mark on a flagged card: status at a glance; its popover has the details. A grid can carry
 * dozens, so it is built directly as DOM from text (createElement, textContent), which costs a
 * fraction of a component render; nothing in it is ever parsed as HTML.
 */
import { t } from '../utils/i18n';
import type { Verdict } from '../utils/lookup/verdict';
import { badgeText, dateLine, headline, sourceLine } from './warning-text';

export function badgeElement(doc: Document, verdict: Verdict): HTMLElement {
  const details = [headline(verdict), sourceLine(verdict), dateLine(verdict)].join(' · ');
  // A button: it opens the details popover by mouse, touch or keyboard (utils/content/popover.ts).
  const badge = doc.createElement('button');
  badge.type = 'button';
  badge.className = `badge badge--${verdict.status}`;
  badge.setAttribute('data-testid', 'soi-hang-badge');
  badge.setAttribute('data-status', verdict.status);
  badge.setAttribute('data-subject', verdict.subject);
  const label = badgeText(verdict);
  // The accessible name starts with the visible text, so voice control finds the button by it.
  badge.setAttribute('aria-label', t('badgeOpen', label, details));
  badge.setAttribute('aria-haspopup', 'dialog');
  badge.setAttribute('aria-expanded', 'false');
  const icon = doc.createElement('span');
  icon.className = 'badge__icon';
  icon.setAttribute('aria-hidden', 'true');
  badge.append(icon, label);
  return badge;
}
