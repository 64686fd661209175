/**
 * privacy.html: docs/privacy.vi.md (Vietnamese, the default) or docs/privacy.md (English), chosen by
 * the language setting and bundled at build time, so the options page's privacy link works offline
 * and says what the repository says. The document's `lang` is the text's.
 */

import { signalPage } from '../../components/hooks/page-signals';
import english from '../../docs/privacy.md?raw';
import vietnamese from '../../docs/privacy.vi.md?raw';
import type { Language } from '../../utils/i18n';
import { sendMessage } from '../../utils/protocol/runtime/client';
import { renderMarkdown } from './markdown';
import '../../components/page.css';

const TEXTS: Record<Language, { markdown: string; title: string }> = {
  vi: { markdown: vietnamese, title: 'Soi Hàng: quyền riêng tư' },
  en: { markdown: english, title: 'Soi Hàng: privacy' },
};

/** The shopper's language; Vietnamese when it cannot be read. */
async function language(): Promise<Language> {
  try {
    return (await sendMessage('getPreferences', {})).language;
  } catch {
    return 'vi';
  }
}

const root = document.getElementById('app');
if (root) {
  root.style.cssText = 'max-width: 720px; margin: 0 auto; padding: 16px; overflow-wrap: anywhere;';
  void language().then((chosen) => {
    const text = TEXTS[chosen];
    document.documentElement.lang = chosen;
    document.title = text.title;
    renderMarkdown(text.markdown, root);
    signalPage('ready', 'true');
  });
}
