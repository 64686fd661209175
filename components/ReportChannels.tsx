/**
 * Where else a shopper can take a report: the marketplace's help centre and the official channels,
 * with the report's summary to copy or email.
 */
import { useState } from 'preact/hooks';
import { type MessageKey, t } from '../utils/i18n';
import type { Platform } from '../utils/protocol/keys';
import {
  type Channel,
  channelHref,
  OFFICIAL_CHANNELS,
  PLATFORM_HELP,
  SCAM_SITE_CHANNEL,
  spokenNumber,
} from '../utils/report/channels';
import type { ReportSummary } from './report-summary';
import { SITE_NAMES } from './site-names';

function ChannelItem({ channel, summary }: { channel: Channel; summary?: ReportSummary }) {
  const name = t(channel.name as MessageKey);
  const shown = channel.kind === 'phone' ? `${name}: ${spokenNumber(channel.address)}` : name;
  const web = channel.kind === 'web';
  return (
    <li data-channel={channel.id}>
      <a
        href={channelHref(channel, summary)}
        {...(web ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
      >
        {shown}
      </a>
      <span class="w-meta">
        {' '}
        · {t(channel.purpose as MessageKey)}
        {channel.recheck ? ` · ${t('channelRecheck')}` : ''}
      </span>
    </li>
  );
}

export interface ReportChannelsProps {
  platform: Platform;
  /** The report as text, to copy or email; absent where there is no report yet. */
  summary?: ReportSummary;
  onCopy?(text: string): Promise<void>;
  /** A scam site rather than a listing: the cyber-security centre comes first. */
  scamSite?: boolean;
}

/**
 * Where else a report can go (utils/report/channels.ts, from official-channels.md): the marketplace's
 * own help centre first, then the authorities, each with what it is for and, where a number's
 * source is old, a note to check it. With a report at hand: copy its summary, or email it.
 */
export function ReportChannels({
  platform,
  summary,
  onCopy,
  scamSite = false,
}: ReportChannelsProps) {
  const [copied, setCopied] = useState<boolean | null>(null);
  const channels = scamSite ? [SCAM_SITE_CHANNEL, ...OFFICIAL_CHANNELS] : OFFICIAL_CHANNELS;
  return (
    <section class="w-report" data-testid="report-channels" aria-label={t('reportHeading')}>
      <p class="w-report__heading">{t('reportHeading')}</p>
      {summary && onCopy && (
        <p>
          <button
            type="button"
            data-testid="report-copy"
            onClick={() =>
              void onCopy(summary.body).then(
                () => setCopied(true),
                () => setCopied(false),
              )
            }
          >
            {t('channelCopy')}
          </button>
          {copied !== null && (
            <span role="status" class="w-meta">
              {' '}
              {copied ? t('channelCopied') : t('channelCopyFailed')}
            </span>
          )}
        </p>
      )}
      <ul>
        <li data-channel="platform">
          <a href={PLATFORM_HELP[platform]} target="_blank" rel="noopener noreferrer">
            {t('channelPlatform', t(SITE_NAMES[platform]))}
          </a>
        </li>
        {channels.map((channel) => (
          <ChannelItem key={channel.id} channel={channel} {...(summary ? { summary } : {})} />
        ))}
      </ul>
      <p class="w-meta">{t('reportSource')}</p>
    </section>
  );
}
