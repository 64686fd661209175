/**
 * The page shown instead of a blocked scam site (`?url=<address>`): asks the background what lists
 * the site, and takes the shopper back, or on to the address once they choose to continue.
 */
import { render } from 'preact';
import { signalPage } from '../../components/hooks/page-signals';
import { ScamWarning, type ScamWarningProps } from '../../components/ScamWarning';
import { useCatalogues } from '../../utils/i18n';
import { ALL_MESSAGES } from '../../utils/messages/all';
import { sendMessage } from '../../utils/protocol/runtime/client';
import '../../components/page.css';
import './style.css';

useCatalogues(ALL_MESSAGES);

/** The blocked address comes in the query; only http(s) addresses are ever navigated to. */
function blockedUrl(): string | null {
  const url = new URLSearchParams(location.search).get('url');
  return url && /^https?:\/\//i.test(url) ? url : null;
}

function goBack(): void {
  // Two steps: the blocked attempt left an error entry between the previous page and this one.
  if (history.length > 2) history.go(-2);
  else location.replace('about:blank');
}

async function load(): Promise<ScamWarningProps> {
  const url = blockedUrl();
  const info = url ? await sendMessage('scamInfo', { url }) : { domain: null, record: null };
  return {
    url,
    domain: info.domain,
    record: info.record,
    onBack: goBack,
    async onContinue() {
      if (!url || !info.domain) return;
      await sendMessage('allowDomain', { domain: info.domain });
      location.replace(url);
    },
  };
}

const root = document.getElementById('app');
if (root) {
  void load().then((props) => {
    render(<ScamWarning {...props} />, root);
    signalPage('ready', 'true');
  });
}
