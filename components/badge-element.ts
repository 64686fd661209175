/**
 * The small mark on a flagged card: status at a glance; its popover has the details. A grid can carry
 * dozens, so it is built directly as DOM from text (createElement, textContent), which costs a
 * fraction of a component render; nothing in it is ever parsed as HTML.
 */
import { getLanguage, t } from '../utils/i18n';
import type { Verdict } from '../utils/protocol/runtime/verdict';
import { badgeText, dateLine, headline, sourceLine, tierOf } from './warning-text';

/**
 * Accessible names by what they say: the badges of one seller, one case or one source on a page
 * share theirs, so the words are put together once (a grid draws dozens of badges at a time).
 */
const names = new Map<string, string>();
const MAX_NAMES = 256;

/** What a record's headline names besides its status: a flagged product's name, a contact. */
function namedInHeadline(verdict: Verdict): string {
  if (verdict.status === 'heuristic') return '';
  if (verdict.subject === 'product') return verdict.record.name ?? verdict.record.key;
  return verdict.subject === 'contact' ? verdict.record.key : '';
}

function accessibleName(verdict: Verdict, label: string): string {
  const key =
    verdict.status === 'heuristic'
      ? `${getLanguage()}|heuristic|${verdict.signal.evidence.map((seen) => `${seen.signal}:${seen.place ?? ''}:${seen.text}`).join(',')}|${verdict.signal.seenOn}`
      : `${getLanguage()}|${tierOf(verdict)}|${verdict.subject}|${verdict.record.reportCount ?? ''}|${namedInHeadline(verdict)}|${verdict.record.authority}|${verdict.record.updated}`;
  let name = names.get(key);
  if (name === undefined) {
    const details = [headline(verdict), sourceLine(verdict), dateLine(verdict)].join(' · ');
    // The accessible name starts with the visible text, so voice control finds the button by it.
    name = t('badgeOpen', label, details);
    if (names.size >= MAX_NAMES) names.clear();
    names.set(key, name);
  }
  return name;
}

export function badgeElement(doc: Document, verdict: Verdict): HTMLElement {
  // A button: it opens the details popover by mouse, touch or keyboard (components/page/popover.ts).
  const badge = doc.createElement('button');
  badge.type = 'button';
  const tier = tierOf(verdict);
  badge.className = `badge badge--${tier}`;
  badge.setAttribute('data-testid', 'soi-hang-badge');
  badge.setAttribute('data-status', verdict.status);
  badge.setAttribute('data-tier', tier);
  badge.setAttribute('data-subject', verdict.subject);
  const label = badgeText(verdict);
  badge.setAttribute('aria-label', accessibleName(verdict, label));
  badge.setAttribute('aria-haspopup', 'dialog');
  badge.setAttribute('aria-expanded', 'false');
  badge.append(label); // the glyph before it is the stylesheet's (badge.css)
  return badge;
}
