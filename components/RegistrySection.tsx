import { useState } from 'preact/hooks';
import { t } from '../utils/i18n';

export interface RegistrySectionProps {
  registryUrl: string | null;
  defaultRegistryUrl: string | null;
  /** A new address; null: the build's default. */
  onSave(url: string | null): void;
  privacyUrl: string;
}

/** Where reports go: the registry's address, with the build's default one click away. */
export function RegistrySection({
  registryUrl,
  defaultRegistryUrl,
  onSave,
  privacyUrl,
}: RegistrySectionProps) {
  const [draft, setDraft] = useState(registryUrl ?? '');
  const [invalid, setInvalid] = useState(false);
  const save = (event: Event) => {
    event.preventDefault();
    const value = draft.trim();
    const ok = /^https?:\/\/[^\s/]+/i.test(value);
    setInvalid(!ok);
    if (ok) onSave(value);
  };
  return (
    <section class="card" aria-labelledby="registry-heading">
      <h2 id="registry-heading">{t('optionsRegistryHeading')}</h2>
      <p class="muted" id="registry-help">
        {t('optionsRegistryHelp')}
      </p>
      <p data-testid="registry-current">
        {registryUrl ? t('optionsRegistryCurrent', registryUrl) : t('optionsRegistryUnset')}
      </p>
      <form onSubmit={save}>
        <label for="registry-url">{t('optionsRegistryLabel')}</label>
        <input
          id="registry-url"
          type="url"
          value={draft}
          placeholder="https://…"
          aria-describedby="registry-help"
          aria-invalid={invalid}
          data-testid="registry-url"
          onInput={(event) => setDraft((event.target as HTMLInputElement).value)}
        />
        {invalid && (
          <p class="warning" role="alert">
            {t('optionsRegistryInvalid')}
          </p>
        )}
        <div class="actions">
          <button type="submit" data-testid="registry-save">
            {t('optionsRegistrySave')}
          </button>
          {defaultRegistryUrl !== null && defaultRegistryUrl !== registryUrl && (
            <button type="button" data-testid="registry-reset" onClick={() => onSave(null)}>
              {t('optionsRegistryReset')}
            </button>
          )}
        </div>
      </form>
      <p>
        <a href={privacyUrl} target="_blank" rel="noopener noreferrer" data-testid="privacy-link">
          {t('optionsPrivacy')}
        </a>
      </p>
    </section>
  );
}
