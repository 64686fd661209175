/**
 * The options page's preference cards: language, one switch a marketplace, one switch an on-page
 * signal, and the mutes in force; each change is handed up as the whole new preferences.
 */
import { formatDate, type MessageKey, t } from '../utils/i18n';
import { PLATFORMS, type Platform } from '../utils/protocol/keys';
import {
  type Mute,
  type Preferences,
  SIGNALS,
  type Signal,
} from '../utils/protocol/runtime/preferences';
import { activeMutes, isSitePaused, withoutMute, withSitePaused } from '../utils/settings/mutes';
import { SITE_NAMES } from './site-names';

export interface PreferenceProps {
  preferences: Preferences;
  now: Date;
  onChange(next: Preferences): void;
}

export function LanguageSection({ preferences, onChange }: PreferenceProps) {
  return (
    <section class="card" aria-labelledby="language-heading">
      <h2 id="language-heading">{t('optionsLanguageHeading')}</h2>
      <label for="language">{t('optionsLanguageLabel')}</label>
      <select
        id="language"
        data-testid="language"
        value={preferences.language}
        onChange={(event) =>
          onChange({
            ...preferences,
            language: (event.target as HTMLSelectElement).value === 'en' ? 'en' : 'vi',
          })
        }
      >
        <option value="vi" lang="vi">
          {t('languageVi')}
        </option>
        <option value="en" lang="en">
          {t('languageEn')}
        </option>
      </select>
    </section>
  );
}

/** One switch a marketplace: off is a site mute without end (the popup's pause switch). */
export function SitesSection({ preferences, now, onChange }: PreferenceProps) {
  const toggle = (platform: Platform, on: boolean) =>
    onChange(withSitePaused(preferences, platform, !on, now));
  return (
    <section class="card" aria-labelledby="sites-heading">
      <h2 id="sites-heading">{t('optionsSitesHeading')}</h2>
      <p class="muted">{t('optionsSitesHelp')}</p>
      <ul class="plain">
        {PLATFORMS.map((platform) => {
          const pause = preferences.mutes.find((m) => m.scope === 'site' && m.target === platform);
          const paused = isSitePaused(preferences, platform, now);
          return (
            <li key={platform}>
              <label>
                <input
                  type="checkbox"
                  data-testid={`site-${platform}`}
                  checked={!paused}
                  onChange={(event) => toggle(platform, (event.target as HTMLInputElement).checked)}
                />
                {t(SITE_NAMES[platform])}
                {paused && pause?.until && (
                  <span class="muted">
                    {' '}
                    ({t('optionsSitePausedUntil', formatDate(pause.until, true))})
                  </span>
                )}
              </label>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

const SIGNAL_NAMES: Record<Signal, MessageKey> = {
  replicaWords: 'signalReplicaWords',
  replicaHints: 'signalReplicaHints',
  offPlatform: 'signalOffPlatform',
  regulatedGoods: 'signalRegulatedGoods',
  lowPrice: 'signalLowPrice',
  reviewComplaints: 'signalReviewComplaints',
  barcode: 'signalBarcode',
};

/** One switch an on-page signal (the heuristic tier); all are on until the shopper turns one off. */
export function SignalsSection({ preferences, onChange }: PreferenceProps) {
  const off = new Set(preferences.signalsOff ?? []);
  const toggle = (signal: Signal, on: boolean) => {
    const next = SIGNALS.filter((s) => (s === signal ? !on : off.has(s)));
    onChange({ ...preferences, signalsOff: next });
  };
  return (
    <section class="card" aria-labelledby="signals-heading">
      <h2 id="signals-heading">{t('optionsSignalsHeading')}</h2>
      <p class="muted">{t('optionsSignalsHelp')}</p>
      <ul class="plain">
        {SIGNALS.map((signal) => (
          <li key={signal}>
            <label>
              <input
                type="checkbox"
                data-testid={`signal-${signal}`}
                checked={!off.has(signal)}
                onChange={(event) => toggle(signal, (event.target as HTMLInputElement).checked)}
              />
              {t(SIGNAL_NAMES[signal])}
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}

function muteName(mute: Mute): string {
  if (mute.scope === 'site') return t(SITE_NAMES[mute.target]);
  return t('optionsMuteSeller', mute.label ?? mute.target.split(':').pop() ?? mute.target);
}

/** Every mute in force, with its end and an undo. */
export function MutesSection({ preferences, now, onChange }: PreferenceProps) {
  const mutes = activeMutes(preferences, now);
  return (
    <section class="card" aria-labelledby="mutes-heading">
      <h2 id="mutes-heading">{t('optionsMutesHeading')}</h2>
      {mutes.length === 0 ? (
        <p class="muted" data-testid="mutes-none">
          {t('optionsMutesNone')}
        </p>
      ) : (
        <ul class="plain mutes" data-testid="mutes">
          {mutes.map((mute) => (
            <li key={`${mute.scope}:${mute.target}`} data-testid="mute">
              <span>
                {muteName(mute)}
                <span class="muted">
                  {' · '}
                  {mute.until
                    ? t('optionsMuteUntil', formatDate(mute.until, true))
                    : t('optionsMuteForever')}
                </span>
              </span>
              <button
                type="button"
                data-testid="unmute"
                aria-label={`${t('optionsUnmute')}: ${muteName(mute)}`}
                onClick={() => onChange(withoutMute(preferences, mute))}
              >
                {t('optionsUnmute')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
