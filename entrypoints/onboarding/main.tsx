/**
 * onboarding.html, opened once on install (background/onboarding/first-run.ts): reads the local
 * data's state and the shopper's language, and saves a language change as the options page does.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { runAction } from '../../components/hooks/action';
import { speak } from '../../components/hooks/page-language';
import { usePageReady } from '../../components/hooks/page-ready';
import { Onboarding } from '../../components/Onboarding';
import { t, useCatalogues } from '../../utils/i18n';
import { ALL_MESSAGES } from '../../utils/messages/all';
import { sendMessage } from '../../utils/protocol/runtime/client';
import type { Preferences } from '../../utils/protocol/runtime/preferences';
import type { DataStatus } from '../../utils/protocol/runtime/sync-status';
import { loadDataAndPreferences } from '../../utils/settings/page-load';
import '../../components/page.css';
import '../../components/card-page.css';
import './style.css';

useCatalogues(ALL_MESSAGES);

function OnboardingPage() {
  const page = usePageReady();
  const [status, setStatus] = useState<DataStatus | null>(null);
  const [preferences, setPreferences] = useState<Preferences | null>(null);
  const [error, setError] = useState<string | null>(null);

  const adopt = (stored: Preferences) => {
    speak(stored.language);
    document.title = t('onboardingTitle');
    setPreferences(stored);
  };

  useEffect(() => {
    void (async () => {
      await loadDataAndPreferences((loaded, stored) => {
        setStatus(loaded);
        adopt(stored);
      }, setError);
      page.ready();
    })();
  }, []);

  if (!page.drawn) return null;
  return (
    <Onboarding
      status={status}
      preferences={preferences}
      error={error}
      optionsUrl={browser.runtime.getURL('/options.html')}
      privacyUrl={browser.runtime.getURL('/privacy.html')}
      onPreferences={(next) =>
        void runAction(async () => adopt(await sendMessage('setPreferences', next)), {
          setError,
        })
      }
    />
  );
}

const root = document.getElementById('app');
if (root) render(<OnboardingPage />, root);
