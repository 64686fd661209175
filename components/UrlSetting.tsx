/** An options card holding one web address (the feed's, the registry's), checked before saving. */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { MessageKey } from '../utils/i18n';
import { t } from '../utils/i18n';

export interface UrlSettingProps {
  /** Ids and test ids derive from it: `<id>-heading`, `<id>-url`, `<id>-save`, `<id>-reset`. */
  id: string;
  words: {
    heading: MessageKey;
    help: MessageKey;
    label: MessageKey;
    invalid: MessageKey;
    save: MessageKey;
    reset: MessageKey;
  };
  value: string | null;
  placeholder: string;
  /** A checked address, or null for the build's default. */
  onSave(url: string | null): void;
  /** Whether "back to the default" is offered. */
  canReset: boolean;
  children?: ComponentChildren;
}

/** An options card holding one web address (the feed's, the registry's): checked before it is saved. */
export function UrlSetting({
  id,
  words,
  value,
  placeholder,
  onSave,
  canReset,
  children,
}: UrlSettingProps) {
  const [draft, setDraft] = useState(value ?? '');
  const [invalid, setInvalid] = useState(false);
  const save = (event: Event) => {
    event.preventDefault();
    const typed = draft.trim();
    const ok = /^https?:\/\/[^\s/]\S*$/i.test(typed);
    setInvalid(!ok);
    if (ok) onSave(typed);
  };
  return (
    <section class="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t(words.heading)}</h2>
      <p class="muted" id={`${id}-help`}>
        {t(words.help)}
      </p>
      {children}
      <form onSubmit={save}>
        <label for={`${id}-url`}>{t(words.label)}</label>
        <input
          id={`${id}-url`}
          type="url"
          value={draft}
          placeholder={placeholder}
          aria-describedby={`${id}-help`}
          aria-invalid={invalid}
          data-testid={`${id}-url`}
          onInput={(event) => setDraft((event.target as HTMLInputElement).value)}
        />
        {invalid && (
          <p class="warning" role="alert">
            {t(words.invalid)}
          </p>
        )}
        <div class="actions">
          <button type="submit" data-testid={`${id}-save`}>
            {t(words.save)}
          </button>
          {canReset && (
            <button type="button" onClick={() => onSave(null)} data-testid={`${id}-reset`}>
              {t(words.reset)}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
