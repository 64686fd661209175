import { useState } from 'preact/hooks';
import { t } from '../utils/i18n';
import type { Platform } from '../utils/protocol/keys';
import type { DataInfo } from '../utils/protocol/records';
import type { Verdict } from '../utils/protocol/verdict';
import { ReportChannels } from './ReportChannels';
import { StatusIcon } from './StatusIcon';
import { MuteButtons, type MuteHandler } from './WarningActions';
import { MoreDetails, SourceLines } from './WarningDetails';
import { advice, headline } from './warning-text';

export interface BannerProps {
  verdict: Verdict;
  data: DataInfo | null;
  platform: Platform;
  /** The shopper muted this seller, and the warning is confirmed: shown collapsed, not hidden. */
  collapsed?: boolean;
  /** Present when the listing names its seller. */
  onMute?: MuteHandler;
}

type Panel = 'none' | 'details' | 'report';

/** The warning above a flagged product's title: what, who says so, when, and what to do. */
export function Banner({ verdict, data, platform, collapsed = false, onMute }: BannerProps) {
  const [expanded, setExpanded] = useState(!collapsed);
  const [panel, setPanel] = useState<Panel>('none');
  const toggle = (next: Panel) => setPanel(panel === next ? 'none' : next);
  const label = headline(verdict);
  if (!expanded) {
    return (
      <section
        class={`banner banner--${verdict.status} banner--collapsed`}
        data-testid="soi-hang-banner"
        data-status={verdict.status}
        data-collapsed="true"
        aria-label={label}
      >
        <p class="banner__headline">
          <StatusIcon status={verdict.status} />
          {label}
        </p>
        <p class="w-meta">{t('bannerCollapsed')}</p>
        <div class="w-actions">
          <button type="button" data-testid="banner-expand" onClick={() => setExpanded(true)}>
            {t('actionShowWarning')}
          </button>
        </div>
      </section>
    );
  }
  return (
    <section
      class={`banner banner--${verdict.status}`}
      data-testid="soi-hang-banner"
      data-status={verdict.status}
      aria-label={label}
    >
      <p class="banner__headline">
        <StatusIcon status={verdict.status} />
        {label}
      </p>
      <SourceLines verdict={verdict} data={data} />
      <p class="banner__advice">{advice(verdict)}</p>
      {panel === 'details' && <MoreDetails verdict={verdict} />}
      {panel === 'report' && <ReportChannels platform={platform} />}
      <div class="w-actions">
        <button
          type="button"
          aria-expanded={panel === 'report'}
          data-testid="banner-report"
          onClick={() => toggle('report')}
        >
          {t('actionReport')}
        </button>
        <button
          type="button"
          aria-expanded={panel === 'details'}
          data-testid="banner-details"
          onClick={() => toggle('details')}
        >
          {panel === 'details' ? t('actionLessDetails') : t('actionDetails')}
        </button>
        {onMute && <MuteButtons verdict={verdict} onMute={onMute} />}
      </div>
    </section>
  );
}
