/**
 * The strings content scripts carry. The catalogues in public/_locales hold every string of the
 * extension; a marketplace page needs only the warnings' words, so content scripts get the same
 * catalogues without what only the extension's own pages show (popup, options, data and sync status,
 * the scam-site page, the manifest's name), as plain strings: a smaller script to load on every page.
 * A test (tests/sites/content-bundle.test.ts) checks that every key the content scripts' code names
 * is kept. Served to the build, and to the unit tests, as the module `virtual:content-messages`.
 *
 * A content script itself shows only a badge (its label and accessible name), "Báo cáo", notices
 * and the names of the popover and the report frame: `virtual:content-script-messages` holds just
 * those. The rest (details, banner, chips) comes with the page UI chunk, which a grid where nothing
 * is opened never loads (components/page/load-page-ui.ts).
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

/**
 * The words a content script shows itself (see above); plural forms (`_one`) follow their key.
 * `dataConsentNeeded`: a chip's report refused for want of Firefox's data consent, said by the script.
 */
const CONTENT_SCRIPT_KEYS =
  /^(badge|headline|contested|notice|popover)[A-Z_]|^(sourceLine|dateLine|heuristicSource|actionReport|reportFrameTitle|reportListing|reportShop|dataConsentNeeded)$/;

const LANGUAGES = ['vi', 'en'] as const;
const MODULE_ID = 'virtual:content-messages';
const SCRIPT_MODULE_ID = 'virtual:content-script-messages';

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

/** The words a content script carries itself (the page UI chunk carries contentMessages). */
export function contentScriptMessages(root: string): Record<'vi' | 'en', Record<string, string>> {
  const all = contentMessages(root);
  const own = (catalogue: Record<string, string>) =>
    Object.fromEntries(Object.entries(catalogue).filter(([key]) => CONTENT_SCRIPT_KEYS.test(key)));
  return { vi: own(all.vi), en: own(all.en) };
}

export function contentMessagesPlugin(root: string): Plugin {
  const modules: Record<string, () => Record<'vi' | 'en', Record<string, string>>> = {
    [`\0${MODULE_ID}`]: () => contentMessages(root),
    [`\0${SCRIPT_MODULE_ID}`]: () => contentScriptMessages(root),
  };
  return {
    name: 'soi-hang-content-messages',
    resolveId: (id) => (id === MODULE_ID || id === SCRIPT_MODULE_ID ? `\0${id}` : null),
    load(id) {
      const build = modules[id];
      if (!build) return null;
      for (const language of LANGUAGES) {
        this.addWatchFile(path.join(root, 'public/_locales', language, 'messages.json'));
      }
      // Each language also as its own export: a content script imports Vietnamese only (the
      // shopper's other language comes with the lookup's answer), the rest is left out.
      const catalogues = build();
      return [
        ...LANGUAGES.map(
          (language) => `export const ${language} = ${JSON.stringify(catalogues[language])};`,
        ),
        `export default { ${LANGUAGES.join(', ')} };`,
      ].join('\n');
    },
  };
}
