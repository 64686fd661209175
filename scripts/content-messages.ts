/**
 * The strings content scripts carry. The catalogues in public/_locales hold every string of the
 * extension; a marketplace page needs only the warnings' words, so content scripts get the same
 * catalogues without what only the extension's own pages show (popup, options, data and sync status,
 * the scam-site page, the manifest's name), as plain strings: a smaller script to load on every page.
 * A test (tests/sites/content-bundle.test.ts) checks that every key the content scripts' code names
 * is kept. Served to the build, and to the unit tests, as the module `virtual:content-messages`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

/** Key prefixes of strings shown only on the extension's own pages. */
export const EXTENSION_PAGE_PREFIXES = [
  'popup',
  'options',
  'sync',
  'scam',
  'ext',
  'kind',
  'language',
  'dialog',
  'channel',
  'summary',
  'myReports',
  'link',
  'menu',
  'command',
  'panel',
  'dashboard',
  // The first-run page.
  'onboarding',
  // The options' switches of the risk signals.
  'signal',
  // Inspector mode's words reach a page with its first inspector view (inspector-words.ts): the
  // few inspectors pay for them, not every shopper's page.
  'inspector',
];

const LANGUAGES = ['vi', 'en'] as const;
const MODULE_ID = 'virtual:content-messages';

const forPagesOnly = (key: string) =>
  EXTENSION_PAGE_PREFIXES.some((prefix) => new RegExp(`^${prefix}[A-Z]`).test(key));

export function contentMessages(root: string): Record<'vi' | 'en', Record<string, string>> {
  const read = (language: string) => {
    const file = path.join(root, 'public/_locales', language, 'messages.json');
    const catalogue = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { message: string }>;
    return Object.fromEntries(
      Object.entries(catalogue)
        .filter(([key]) => !forPagesOnly(key))
        .map(([key, { message }]) => [key, message]),
    );
  };
  return { vi: read(LANGUAGES[0]), en: read(LANGUAGES[1]) };
}

export function contentMessagesPlugin(root: string): Plugin {
  const resolved = `\0${MODULE_ID}`;
  return {
    name: 'soi-hang-content-messages',
    resolveId: (id) => (id === MODULE_ID ? resolved : null),
    load(id) {
      if (id !== resolved) return null;
      for (const language of LANGUAGES) {
        this.addWatchFile(path.join(root, 'public/_locales', language, 'messages.json'));
      }
      return `export default ${JSON.stringify(contentMessages(root))};`;
    },
  };
}
