/**
 * Options, "Chế độ thanh tra": an inspector signs in with the registry's address and a token (the
 * background checks it with whoami and keeps it), sees who they are signed in as, and signs out.
 * A token the registry later refused shows why the mode went off.
 */
import { useState } from 'preact/hooks';
import { formatDate, type MessageKey, t } from '../utils/i18n';
import type { InspectorSession } from '../utils/protocol/runtime/inspector';

export interface InspectorSignInProps {
  session: InspectorSession | null;
  /** A registry to offer when none was used yet (the reports': the shopper's, else the build's). */
  suggestedRegistry: string | null;
  busy: boolean;
  /** The background's refusal, as "code: message". */
  error: string | null;
  onSignIn(registryUrl: string, token: string): void;
  onSignOut(): void;
  dashboardUrl: string;
}

const CAUSES: Record<string, MessageKey> = {
  invalid_token: 'optionsInspectorErrInvalid',
  revoked_token: 'optionsInspectorErrRevoked',
  expired_token: 'optionsInspectorErrExpired',
  insecure_registry: 'optionsInspectorErrInsecure',
};

/** The background's "code: message" in the inspector's words. */
export function signInErrorText(error: string): string {
  const code = /^([a-z_0-9]+):/.exec(error)?.[1] ?? '';
  const cause = CAUSES[code];
  if (cause) return t(cause);
  const detail = error.slice(code.length + 1).trim() || error;
  return code === 'unreachable'
    ? t('optionsInspectorErrUnreachable', detail)
    : t('optionsInspectorErrOther', error);
}

export function InspectorSignIn(props: InspectorSignInProps) {
  const { session } = props;
  // What the inspector typed, else the registry last signed in to, else the reports' (the one the
  // shopper set, else the build's): the suggestion may arrive after the first render.
  const [typed, setRegistry] = useState<string | null>(null);
  const registry = typed ?? session?.registryUrl ?? props.suggestedRegistry ?? '';
  const [token, setToken] = useState('');
  const submit = (event: Event) => {
    event.preventDefault();
    if (!registry.trim() || !token.trim()) return;
    props.onSignIn(registry.trim(), token.trim());
    setToken('');
  };
  return (
    <section class="card" aria-labelledby="inspector-heading" data-testid="inspector-section">
      <h2 id="inspector-heading">{t('optionsInspectorTitle')}</h2>
      <p class="muted">{t('optionsInspectorIntro')}</p>
      {session?.signedIn ? (
        <>
          <p data-testid="inspector-who" role="status">
            {t(
              'optionsInspectorSignedIn',
              session.name ?? '',
              t(
                session.role === 'admin'
                  ? 'optionsInspectorRoleAdmin'
                  : 'optionsInspectorRoleInspector',
              ),
              formatDate(session.expiresAt ?? ''),
            )}
          </p>
          <p class="muted">{session.registryUrl}</p>
          <p class="row">
            <a
              href={props.dashboardUrl}
              target="_blank"
              rel="noopener"
              data-testid="inspector-dashboard"
            >
              {t('optionsInspectorDashboard')}
            </a>
            <button type="button" onClick={props.onSignOut} data-testid="inspector-sign-out">
              {t('optionsInspectorSignOut')}
            </button>
          </p>
        </>
      ) : (
        <form class="stack" onSubmit={submit} data-testid="inspector-form">
          {session?.signedOut && (
            <p class="warning" role="alert" data-testid="inspector-signed-out">
              {t(
                'optionsInspectorSignedOut',
                formatDate(session.signedOut.at, true),
                t(CAUSES[session.signedOut.cause] ?? 'optionsInspectorErrInvalid'),
              )}
            </p>
          )}
          <label for="inspector-registry">{t('optionsInspectorRegistry')}</label>
          <input
            id="inspector-registry"
            type="url"
            required
            value={registry}
            placeholder="https://…"
            onInput={(event) => setRegistry((event.target as HTMLInputElement).value)}
          />
          <label for="inspector-token">{t('optionsInspectorToken')}</label>
          <input
            id="inspector-token"
            type="password"
            required
            autocomplete="off"
            spellcheck={false}
            value={token}
            onInput={(event) => setToken((event.target as HTMLInputElement).value)}
          />
          <p class="muted">{t('optionsInspectorTokenKept')}</p>
          <p class="muted">{t('optionsInspectorPermission')}</p>
          <button type="submit" disabled={props.busy} data-testid="inspector-sign-in">
            {props.busy ? t('optionsInspectorSigningIn') : t('optionsInspectorSignIn')}
          </button>
        </form>
      )}
      {props.error && (
        <p class="warning" role="alert" data-testid="inspector-error">
          {signInErrorText(props.error)}
        </p>
      )}
    </section>
  );
}
