/**
 * The store reviewer's demo switch: off by default, kept with the preferences in this browser; while
 * it is on, the listing of a product page opened gets a warning labelled as a demo
 * (background/preferences/demo-record.ts).
 */
import { t } from '../utils/i18n';
import type { PreferenceProps } from './PreferenceSections';

export function DemoSection({ preferences, onChange }: PreferenceProps) {
  return (
    <section class="card" aria-labelledby="demo-heading">
      <h2 id="demo-heading">{t('optionsDemoHeading')}</h2>
      <p class="muted" id="demo-help">
        {t('optionsDemoHelp')}
      </p>
      <label>
        <input
          type="checkbox"
          data-testid="demo-record"
          aria-describedby="demo-help"
          checked={preferences.demoRecord === true}
          onChange={(event) =>
            onChange({ ...preferences, demoRecord: (event.target as HTMLInputElement).checked })
          }
        />
        {t('optionsDemoLabel')}
      </label>
    </section>
  );
}
