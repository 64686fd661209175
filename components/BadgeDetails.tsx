/**
 * What a flagged card's badge opens, in a popover over the grid: the banner's facts (headline,
 * source, advice, details) with a quick report and the mute buttons.
 */
import { t } from '../utils/i18n';
import type { DataInfo } from '../utils/protocol/records';
import type { Verdict } from '../utils/protocol/runtime/verdict';
import { QuickReport, type QuickReportActions } from './QuickReport';
import { MuteButtons, type MuteHandler } from './WarningActions';
import { MoreDetails, SourceLines } from './WarningDetails';
import { advice } from './warning-details-text';
import { headline, tierOf } from './warning-text';

export interface BadgeDetailsProps {
  verdict: Verdict;
  data: DataInfo | null;
  onMute?: MuteHandler;
  /** The registry reports go to (its appeal page is linked for sellers); null without one. */
  registryUrl?: string | null;
  report?: QuickReportActions;
  onClose(): void;
}

/** What a card's badge opens: the same facts as the banner, in a popover over the grid. */
export function BadgeDetails({
  verdict,
  data,
  onMute,
  report,
  onClose,
  registryUrl = null,
}: BadgeDetailsProps) {
  return (
    <div
      class={`w-card w-card--${tierOf(verdict)}`}
      data-testid="badge-details"
      data-tier={tierOf(verdict)}
    >
      <p class="w-headline">{headline(verdict)}</p>
      <SourceLines verdict={verdict} data={data} />
      <p class="w-advice">{advice(verdict)}</p>
      <MoreDetails verdict={verdict} registryUrl={registryUrl} />
      {report && <QuickReport actions={report} />}
      <div class="w-actions">
        {onMute && <MuteButtons verdict={verdict} onMute={onMute} />}
        <button type="button" class="w-quiet" data-testid="popover-close" onClick={onClose}>
          {t('actionClose')}
        </button>
      </div>
    </div>
  );
}
