/**
 * The banner above a flagged product's title: expanded, or collapsed for a muted seller's confirmed
 * warning; with its details, the report button and the mute buttons.
 */
import { useState } from 'preact/hooks';
import { t } from '../utils/i18n';
import type { DataInfo } from '../utils/protocol/records';
import type { Verdict } from '../utils/protocol/runtime/verdict';
import { StatusIcon } from './StatusIcon';
import { MuteButtons, type MuteHandler } from './WarningActions';
import { MoreDetails, SourceLines } from './WarningDetails';
import { advice } from './warning-details-text';
import { headline, tierOf } from './warning-text';

export interface BannerProps {
  verdict: Verdict;
  data: DataInfo | null;
  /** The shopper muted this seller, and the warning is confirmed: shown collapsed, not hidden. */
  collapsed?: boolean;
  /** Present when the listing names its seller. */
  onMute?: MuteHandler;
  /** The registry reports go to (its appeal page is linked for sellers); null without one. */
  registryUrl?: string | null;
  /** Opens the report dialog for this listing (a click by the shopper). */
  onReport?: (event: Event) => void;
  /** Above a shop page's header rather than a product's title. */
  shop?: boolean;
}

type Panel = 'none' | 'details';

/** The warning above a flagged product's title: what, who says so, when, and what to do. */
export function Banner({
  verdict,
  data,
  collapsed = false,
  onMute,
  onReport,
  registryUrl = null,
  shop = false,
}: BannerProps) {
  const [expanded, setExpanded] = useState(!collapsed);
  const [panel, setPanel] = useState<Panel>('none');
  const toggle = (next: Panel) => setPanel(panel === next ? 'none' : next);
  const label = headline(verdict);
  const tier = tierOf(verdict);
  if (!expanded) {
    return (
      <section
        class={`banner banner--${tier} banner--collapsed`}
        data-testid="soi-hang-banner"
        data-status={verdict.status}
        data-tier={tier}
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
      class={`banner banner--${tier}`}
      data-testid="soi-hang-banner"
      data-status={verdict.status}
      data-tier={tier}
      aria-label={label}
    >
      <p class="banner__headline">
        <StatusIcon status={verdict.status} />
        {label}
      </p>
      <SourceLines verdict={verdict} data={data} shop={shop} />
      <p class="banner__advice" data-testid="banner-advice">
        {advice(verdict)}
      </p>
      {panel === 'details' && <MoreDetails verdict={verdict} registryUrl={registryUrl} />}
      <div class="w-actions">
        {onReport && (
          <button
            type="button"
            aria-haspopup="dialog"
            data-testid="banner-report"
            onClick={onReport}
          >
            {t('actionReport')}
          </button>
        )}
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
