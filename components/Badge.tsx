import { formatDate, t } from '../utils/i18n';
import type { Verdict } from '../utils/lookup/verdict';
import { StatusIcon } from './StatusIcon';
import { badgeText, headline } from './warning-text';

export interface BadgeProps {
  verdict: Verdict;
}

/** The small mark on a flagged card: status at a glance, source and date on hover. */
export function Badge({ verdict }: BadgeProps) {
  const { record } = verdict;
  const details = [
    headline(verdict),
    t('sourceLine', record.authority),
    t('dateLine', formatDate(record.updated)),
  ].join(' · ');
  return (
    <span
      class={`badge badge--${verdict.status}`}
      data-testid="soi-hang-badge"
      data-status={verdict.status}
      data-subject={verdict.subject}
      role="img"
      aria-label={t('badgeLabel', details)}
      title={details}
    >
      <StatusIcon status={verdict.status} />
      {badgeText(verdict)}
    </span>
  );
}
