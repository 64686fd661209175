/**
 * What the stores check before a reviewer reads anything, on the built packages in `.output`
 * (built by `npm test` and `npm run test:e2e` first): names and descriptions within the stores'
 * lengths in every locale, the icon sizes each store asks for, the oldest browser versions whose
 * APIs we use, Firefox's data consent declared as what a report and inspector mode really send, the
 * inspectors' sidebar kept closed at install, and `web-ext lint` with no error and only the
 * warnings listed here.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIREFOX_MIN } from './firefox/versions';
import { EXTENSION_DIR, REPO_ROOT } from './harness';

const FIREFOX_DIR = path.join(REPO_ROOT, '.output/firefox-mv2');
const LOCALES = path.join(REPO_ROOT, 'public/_locales');

const manifestOf = (dir: string) =>
  JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown> & {
    icons: Record<string, string>;
  };

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(file: string): [number, number] {
  const bytes = readFileSync(file);
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

/**
 * `web-ext lint` warnings we keep, each with its reason:
 * - Preact's renderer assigns `innerHTML` for `dangerouslySetInnerHTML`, which our lint forbids us
 *   to use: one warning per bundle holding Preact (the extension pages' shared chunk, whatever
 *   module Rollup names it after, and the page UI chunk the content scripts load after a click).
 * - Each content script loads that chunk with `import()` of an address it builds, always our own
 *   `runtime.getURL('/page-ui.js')` (components/page/load-page-ui.ts).
 */
const PREACT_INNER_HTML = 'Unsafe assignment to innerHTML';
const PAGE_UI_IMPORT = 'Unsafe call to import for argument 0';
const KNOWN_LINT_WARNINGS = [
  `UNSAFE_VAR_ASSIGNMENT chunks/<preact>.js: ${PREACT_INNER_HTML}`,
  `UNSAFE_VAR_ASSIGNMENT page-ui.js: ${PREACT_INNER_HTML}`,
  ...['facebook', 'lazada', 'sendo', 'shopee', 'tiki', 'tiktok'].map(
    (site) => `UNSAFE_VAR_ASSIGNMENT content-scripts/${site}.js: ${PAGE_UI_IMPORT}`,
  ),
];

describe('the store listings', () => {
  it.each(readdirSync(LOCALES))(
    'the name fits in 75 characters and the description in 132 (%s)',
    (locale) => {
      const messages = JSON.parse(
        readFileSync(path.join(LOCALES, locale, 'messages.json'), 'utf8'),
      );
      expect([...messages.extName.message].length).toBeLessThanOrEqual(75);
      expect([...messages.extDescription.message].length).toBeLessThanOrEqual(132);
    },
  );

  it('carries the icons each store asks for, each at its size', () => {
    // Chrome Web Store: 128 required, 16, 32 and 48 used by the browser; AMO: 48 and 96.
    for (const [dir, sizes] of [
      [EXTENSION_DIR, [16, 32, 48, 128]],
      [FIREFOX_DIR, [48, 96]],
    ] as const) {
      const { icons } = manifestOf(dir);
      for (const size of sizes) {
        const file = icons[String(size)];
        expect(file, `${dir} ${size}`).toBeDefined();
        expect(pngSize(path.join(dir, file as string))).toEqual([size, size]);
      }
    }
  });

  it('names the oldest browsers whose APIs it uses', () => {
    // sidePanel.open arrived in Chrome 116, after the Popover API (114) and offscreen WORKERS (113).
    expect(manifestOf(EXTENSION_DIR).minimum_chrome_version).toBe('116');
    const settings = manifestOf(FIREFOX_DIR).browser_specific_settings as Record<
      string,
      { strict_min_version?: string }
    >;
    expect(settings.gecko?.strict_min_version).toBe(FIREFOX_MIN.desktop);
    expect(settings.gecko_android?.strict_min_version).toBe(FIREFOX_MIN.android);
    expect(manifestOf(EXTENSION_DIR).browser_specific_settings).toBeUndefined();
  });

  it('declares the data a report and inspector mode send, each asked for when first sent', () => {
    const { gecko } = manifestOf(FIREFOX_DIR).browser_specific_settings as {
      gecko: { data_collection_permissions: { required: string[]; optional: string[] } };
    };
    // Browsing sends nothing; a report sends the listing's content and address, an install id and
    // an optional contact; inspector mode the addresses of the listings an inspector opens.
    expect(gecko.data_collection_permissions).toEqual({
      required: ['none'],
      optional: [
        'websiteContent',
        'browsingActivity',
        'technicalAndInteraction',
        'personallyIdentifyingInfo',
      ],
    });
  });

  it('keeps the inspectors’ sidebar closed at install', () => {
    expect(manifestOf(FIREFOX_DIR).sidebar_action).toMatchObject({ open_at_install: false });
  });

  it('web-ext lint finds no error, and only the warnings listed with their reason', () => {
    const run = spawnSync(
      path.join(REPO_ROOT, 'node_modules/.bin/web-ext'),
      ['lint', '--source-dir', FIREFOX_DIR, '--output', 'json', '--no-config-discovery'],
      { encoding: 'utf8' },
    );
    const report = JSON.parse(run.stdout) as Record<
      'errors' | 'warnings' | 'notices',
      Array<{ code: string; file?: string; message?: string }>
    >;
    // A shared chunk is named after one of its modules, which Rollup picks and which changes with
    // the import graph: the one holding Preact's renderer is known by its content.
    const fileOf = (file = '') =>
      file.startsWith('chunks/') &&
      readFileSync(path.join(FIREFOX_DIR, file), 'utf8').includes('dangerouslySetInnerHTML')
        ? 'chunks/<preact>.js'
        : file;
    const named = (list: Array<{ code: string; file?: string; message?: string }>) =>
      list.map((m) => `${m.code} ${fileOf(m.file)}: ${m.message}`).sort();
    expect(named(report.errors)).toEqual([]);
    expect(named(report.notices)).toEqual([]);
    expect(named(report.warnings)).toEqual([...KNOWN_LINT_WARNINGS].sort());
  }, 60_000);
});
