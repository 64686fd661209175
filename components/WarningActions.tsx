/** The buttons that hide a seller's warnings, shared by the banner and the badge's details. */
import { t } from '../utils/i18n';
import type { Verdict } from '../utils/protocol/runtime/verdict';

/** Hides this seller's warnings (for today only, or until undone in the options). */
export type MuteHandler = (today: boolean, event: Event) => void;

/**
 * "Hide warnings for this seller", and "for today only". A confirmed warning is only collapsed on
 * its product page, never hidden (DESIGN.md §6), so its button says so.
 */
export function MuteButtons({ verdict, onMute }: { verdict: Verdict; onMute: MuteHandler }) {
  return (
    <>
      <button type="button" data-testid="mute-seller" onClick={(event) => onMute(false, event)}>
        {verdict.status === 'confirmed' ? t('actionCollapseSeller') : t('actionMuteSeller')}
      </button>
      <button
        type="button"
        class="w-quiet"
        data-testid="mute-today"
        onClick={(event) => onMute(true, event)}
      >
        {t('actionMuteToday')}
      </button>
    </>
  );
}
