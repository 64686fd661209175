import { type MessageKey, t } from '../utils/i18n';
import type { Platform } from '../utils/protocol/keys';

export const SITE_NAMES: Record<Platform, MessageKey> = {
  shopee: 'siteShopee',
  lazada: 'siteLazada',
  tiki: 'siteTiki',
  sendo: 'siteSendo',
  facebook: 'siteFacebook',
  tiktok: 'siteTiktok',
};

/**
 * Where a shopper can report a listing today: the marketplace itself first, then the public
 * channels listed in official-channels.md (numbers shown with their source, the one older number
 * marked to be checked). Soi Hàng's own report button joins this list when the registry takes
 * reports.
 */
export function ReportChannels({ platform }: { platform: Platform }) {
  return (
    <section class="w-report" data-testid="report-channels" aria-label={t('reportHeading')}>
      <p class="w-report__heading">{t('reportHeading')}</p>
      <ul>
        <li>{t('reportPlatform', t(SITE_NAMES[platform]))}</li>
        <li>
          <a href="tel:18006838">{t('reportConsumerHotline')}</a>
        </li>
        <li>
          <a href="tel:1900888655">{t('reportMarketHotline')}</a>
        </li>
        <li>
          <a href="http://chonghanggia.online.gov.vn" target="_blank" rel="noopener noreferrer">
            {t('reportPortal')}
          </a>
        </li>
      </ul>
      <p class="w-meta">{t('reportSource')}</p>
    </section>
  );
}
