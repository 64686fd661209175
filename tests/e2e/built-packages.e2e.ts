/**
 * What the built packages ask for and carry, read from `.output` after the build (`npm test` and
 * `npm run test:e2e` build the Chrome, Firefox and e2e packages first). A new permission, a wider
 * match or a test key in a release build fails here, so each is a conscious change.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SHOPEE_PRODUCT_GLOBS } from '../../utils/protocol/listing-urls';
import { E2E_EXTENSION_DIR, EXTENSION_DIR, RELEASE_TEST_DIR, REPO_ROOT } from './harness';

const FIREFOX_DIR = path.join(REPO_ROOT, '.output/firefox-mv2');
const FIREFOX_RELEASE_TEST_DIR = path.join(REPO_ROOT, '.output/firefox-mv2-release-test');
const RELEASES = [
  ['chrome-mv3', EXTENSION_DIR],
  ['firefox-mv2', FIREFOX_DIR],
] as const;

interface Manifest {
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  side_panel?: { default_path: string };
  sidebar_action?: { default_panel: string };
  optional_host_permissions?: string[];
  content_scripts?: Array<{ matches: string[]; js: string[]; include_globs?: string[] }>;
  web_accessible_resources?: unknown[];
  commands?: unknown;
}

const manifestOf = (dir: string): Manifest =>
  JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}

/** Whether any text file of a package holds `needle`. */
const packageHolds = (dir: string, needle: string) =>
  filesUnder(dir)
    .filter((file) => /\.(js|json|html|css)$/.test(file))
    .some((file) => readFileSync(file, 'utf8').includes(needle));

const CONTENT_SCRIPTS = ['shopee', 'lazada', 'tiki', 'sendo', 'facebook', 'tiktok'];

/**
 * The content scripts' matches: the only sites whose pages the extension reads. The first is the
 * page UI chunk, injected with a Shopee product page (before Shopee's script, for the banner).
 */
const CONTENT_MATCHES = [
  ['https://shopee.vn/*'],
  ['https://web.facebook.com/*', 'https://www.facebook.com/*'],
  ['https://www.lazada.vn/*'],
  ['https://www.sendo.vn/*'],
  ['https://shopee.vn/*'],
  ['https://tiki.vn/*'],
  ['https://www.tiktok.com/shop/*', 'https://www.tiktok.com/view/product/*'],
];

/** Short share links' hosts and the marketplaces they lead to, never granted at install. */
const SHORT_LINK_ACCESS = [
  'https://shp.ee/*',
  'https://s.shopee.vn/*',
  'https://s.lazada.vn/*',
  'https://vt.tiktok.com/*',
  'https://vm.tiktok.com/*',
  'https://ti.ki/*',
  'https://shopee.vn/*',
  'https://www.lazada.vn/*',
  'https://tiki.vn/*',
  'https://www.sendo.vn/*',
  'https://www.tiktok.com/*',
  'https://www.facebook.com/*',
];

/**
 * What is asked for only when someone presses for it: a short link's hosts (the shopper's link
 * check) and every site (an inspector's first screenshot of evidence: browsers capture a tab with
 * nothing less). Never granted at install.
 */
const OPTIONAL_ACCESS = [...SHORT_LINK_ACCESS, '<all_urls>'];

/**
 * The report dialog, which only the marketplace pages our content scripts run on may frame, and
 * the page UI chunk their content scripts load when first needed (components/page/load-page-ui.ts).
 */
const REPORT_FRAME = {
  resources: ['report.html', 'page-ui.js'],
  matches: [
    'https://shopee.vn/*',
    'https://www.lazada.vn/*',
    'https://tiki.vn/*',
    'https://www.sendo.vn/*',
    'https://www.facebook.com/*',
    'https://web.facebook.com/*',
    'https://www.tiktok.com/*',
  ],
};

const COMMANDS = {
  'report-listing': {
    suggested_key: { default: 'Alt+Shift+B' },
    description: '__MSG_commandReportListing__',
  },
};

/** The mode a content script's bundle attaches our shadow roots with. */
function modeOf(dir: string, site: string): string | undefined {
  const source = readFileSync(path.join(dir, 'content-scripts', `${site}.js`), 'utf8');
  const call = source.match(/attachShadow\(\{mode:(?:[`"'](\w+)[`"']|([\w$]+))\}\)/);
  if (!call) throw new Error(`${dir}: no attachShadow call in ${site}.js`);
  if (call[1]) return call[1];
  const name = (call[2] as string).replace(/\$/g, '\\$');
  return source.match(new RegExp(`(?:^|[,;\\s])${name}=[\`"'](\\w+)[\`"']`))?.[1];
}

/**
 * Every marketplace page loads its site's content script: at most this many bytes gzip. What a
 * shopper sees only after a click is in the page UI chunk, loaded then; a product page's banner is
 * too, which comes with a Shopee product page and is imported on any other as its lookup leaves.
 */
const CONTENT_SCRIPT_GZIP_LIMIT = 20_000;

/** A phrase of webextension-polyfill's set-up: content scripts use the browser's own API. */
const POLYFILL_MARK = 'This script should only be loaded in a browser extension';

/** The page UI chunk comes first, with Shopee's product addresses only; every other entry is a site's script. */
function expectPageUiWithShopeeProducts(manifest: Manifest): void {
  const [chunk, ...sites] = manifest.content_scripts ?? [];
  expect(chunk).toMatchObject({ js: ['page-ui.js'], include_globs: SHOPEE_PRODUCT_GLOBS });
  expect(sites.map((script) => script.js)).toEqual(
    ['facebook', 'lazada', 'sendo', 'shopee', 'tiki', 'tiktok'].map((site) => [
      `content-scripts/${site}.js`,
    ]),
  );
}

describe('the built packages', () => {
  it('every content script is small, and carries no browser API polyfill', () => {
    for (const [name, dir] of RELEASES) {
      for (const site of CONTENT_SCRIPTS) {
        const source = readFileSync(path.join(dir, 'content-scripts', `${site}.js`));
        expect(gzipSync(source).length, `${name} ${site}`).toBeLessThanOrEqual(
          CONTENT_SCRIPT_GZIP_LIMIT,
        );
        expect(source.includes(POLYFILL_MARK), `${name} ${site}`).toBe(false);
      }
    }
    // The background still uses it (it is the mark's only purpose to tell them apart).
    expect(packageHolds(EXTENSION_DIR, POLYFILL_MARK)).toBe(true);
  });

  it('Chrome asks for exactly these permissions, and no host access beyond the marketplaces', () => {
    const manifest = manifestOf(EXTENSION_DIR);
    expect(manifest.permissions?.sort()).toEqual(
      [
        'activeTab',
        'alarms',
        'contextMenus',
        'declarativeNetRequest',
        'offscreen',
        // The inspector panel beside a tab (inspector mode; shoppers never see it).
        'sidePanel',
        'storage',
        'webNavigation',
      ].sort(),
    );
    expect(manifest.side_panel).toEqual({ default_path: 'sidepanel.html' });
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.optional_permissions ?? []).toEqual([]);
    expect(manifest.optional_host_permissions).toEqual(OPTIONAL_ACCESS);
    expect(manifest.content_scripts?.map((script) => script.matches)).toEqual(CONTENT_MATCHES);
    expectPageUiWithShopeeProducts(manifest);
    expect(manifest.web_accessible_resources).toEqual([REPORT_FRAME]);
    expect(manifest.commands).toEqual(COMMANDS);
  });

  it('Firefox asks for exactly these permissions (no offscreen document there)', () => {
    const manifest = manifestOf(FIREFOX_DIR);
    expect(manifest.permissions?.sort()).toEqual(
      [
        'activeTab',
        'alarms',
        'contextMenus',
        'declarativeNetRequest',
        'storage',
        'webNavigation',
      ].sort(),
    );
    expect(manifest.optional_permissions).toEqual(OPTIONAL_ACCESS);
    // Firefox's sidebar needs no permission.
    expect(manifest.sidebar_action?.default_panel).toBe('sidepanel.html');
    expect(manifest.content_scripts?.map((script) => script.matches)).toEqual(CONTENT_MATCHES);
    expectPageUiWithShopeeProducts(manifest);
    // Firefox MV2 lists web-accessible resources by name (each install has its own random origin).
    expect(manifest.web_accessible_resources).toEqual(['report.html', 'page-ui.js']);
    expect(manifest.commands).toEqual(COMMANDS);
  });

  it('only the e2e build may capture any tab (its tests cannot make the gesture that grants activeTab)', () => {
    expect(manifestOf(E2E_EXTENSION_DIR).host_permissions).toEqual(['<all_urls>']);
    for (const [, dir] of RELEASES) expect(manifestOf(dir).host_permissions ?? []).toEqual([]);
  });

  it('release builds trust no test key; only the e2e build does', () => {
    const testKey = readFileSync(
      path.join(REPO_ROOT, 'tests/keys/test-publisher.public.key'),
      'utf8',
    ).trim();
    expect(packageHolds(E2E_EXTENSION_DIR, testKey)).toBe(true);
    for (const [name, dir] of RELEASES) expect(packageHolds(dir, testKey), name).toBe(false);
  });

  it('only the e2e build carries the test seams of its background (entrypoints/background/e2e-seams.ts)', () => {
    expect(packageHolds(E2E_EXTENSION_DIR, 'soiHangE2E')).toBe(true);
    for (const [name, dir] of RELEASES) expect(packageHolds(dir, 'soiHangE2E'), name).toBe(false);
    expect(packageHolds(RELEASE_TEST_DIR, 'soiHangE2E')).toBe(false);
  });

  it('release builds keep our shadow roots closed; only the e2e build opens them for its probes', () => {
    for (const site of CONTENT_SCRIPTS) {
      for (const [name, dir] of RELEASES)
        expect(modeOf(dir, site), `${name} ${site}`).toBe('closed');
      expect(modeOf(E2E_EXTENSION_DIR, site), `e2e ${site}`).toBe('open');
    }
  });

  it.each([
    ['Chrome', RELEASE_TEST_DIR, EXTENSION_DIR],
    ['Firefox', FIREFOX_RELEASE_TEST_DIR, FIREFOX_DIR],
  ])(
    'the %s release build the end-to-end tests run differs from the release build only by the test key it trusts',
    (_, testDir, releaseDir) => {
      const testKey = readFileSync(
        path.join(REPO_ROOT, 'tests/keys/test-publisher.public.key'),
        'utf8',
      ).trim();
      expect(manifestOf(testDir)).toEqual(manifestOf(releaseDir));
      const names = (dir: string) =>
        filesUnder(dir)
          .map((file) => path.relative(dir, file))
          .sort();
      expect(names(testDir)).toEqual(names(releaseDir));
      expect(packageHolds(testDir, testKey)).toBe(true);
      for (const site of CONTENT_SCRIPTS)
        expect(modeOf(testDir, site), `release test ${site}`).toBe('closed');
    },
  );
});
