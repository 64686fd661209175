/** The options card of the registry reports go to: its address, and the privacy page's link. */
import { t } from '../utils/i18n';
import { UrlSetting } from './UrlSetting';

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
  return (
    <UrlSetting
      id="registry"
      words={{
        heading: 'optionsRegistryHeading',
        help: 'optionsRegistryHelp',
        label: 'optionsRegistryLabel',
        invalid: 'optionsRegistryInvalid',
        save: 'optionsRegistrySave',
        reset: 'optionsRegistryReset',
      }}
      value={registryUrl}
      placeholder="https://…"
      onSave={onSave}
      canReset={defaultRegistryUrl !== null && defaultRegistryUrl !== registryUrl}
    >
      <p data-testid="registry-current">
        {registryUrl ? t('optionsRegistryCurrent', registryUrl) : t('optionsRegistryUnset')}
      </p>
      <p>
        <a href={privacyUrl} target="_blank" rel="noopener noreferrer" data-testid="privacy-link">
          {t('optionsPrivacy')}
        </a>
      </p>
    </UrlSetting>
  );
}
