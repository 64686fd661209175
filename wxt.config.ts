/**
 * The extension build: WXT with Preact, the manifest per browser (permissions, content scripts per
 * marketplace, web-accessible pages), the shipped feed written by scripts/default-feed.ts before the
 * build, and the settings a deployer pins (registry, feed, publisher keys).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import preact from '@preact/preset-vite';
import type { InlineConfig } from 'vite';
import { defineConfig } from 'wxt';
import { contentMessagesPlugin } from './scripts/content-messages';
import { writeDefaultFeed } from './scripts/default-feed';
import { SHOPEE_PRODUCT_GLOBS } from './utils/protocol/listing-urls';
import { DATA_COLLECTION } from './utils/protocol/runtime/data-collection';
import { EVIDENCE_CAPTURE_ORIGINS } from './utils/protocol/runtime/inspector';
import { MARKETPLACE_PAGES } from './utils/protocol/runtime/marketplaces';
import { SHARE_TARGET_ORIGINS, SHORT_LINK_ORIGINS } from './utils/report/listing-link';

/**
 * The feed a build syncs from and the publisher keys it trusts (DESIGN.md §5): from the environment
 * at build time. The `e2e` mode also pins the test publisher key in tests/keys (public on purpose);
 * production builds never do.
 */
function feedConfig(mode: string): { url: string | null; publicKeys: string[] } {
  const keys = (process.env.SOI_HANG_FEED_KEYS ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  if (mode === 'e2e') {
    keys.push(readFileSync('tests/keys/test-publisher.public.key', 'utf8').trim());
  }
  return { url: process.env.SOI_HANG_FEED_URL || null, publicKeys: keys };
}

type Aliases = NonNullable<NonNullable<InlineConfig['resolve']>['alias']>;

/**
 * A content script build's aliases, first: `wxt/browser` resolved to WXT's native browser object,
 * and WXT's content script context to ours (components/page/script-context.ts says why).
 */
function contentScriptAliases(aliases: Aliases | undefined): Aliases {
  const rest = Array.isArray(aliases)
    ? aliases
    : Object.entries(aliases ?? {}).map(([find, replacement]) => ({ find, replacement }));
  return [
    { find: /^wxt\/browser$/, replacement: '@wxt-dev/browser' },
    {
      find: /^wxt\/utils\/content-script-context$/,
      replacement: path.resolve(import.meta.dirname, 'components/page/script-context.ts'),
    },
    ...rest,
  ];
}

// Firefox needs a stable add-on id; Chrome would warn about the key, so it is Firefox-only.
const GECKO_ID = '{6c1f3c52-5a0e-4f4e-9a58-3d9b1f0c2a71}';

export default defineConfig({
  // A build may be given a name of its own (scripts/build-release-test.mjs): the same release
  // build, kept apart from the one shoppers install.
  outDirTemplate: `{{browser}}-mv{{manifestVersion}}{{modeSuffix}}${process.env.SOI_HANG_BUILD_SUFFIX ?? ''}`,
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: readers and tools see where every name comes from.
  imports: false,
  vite: (env) => ({
    plugins: [
      preact({ prefreshEnabled: false, devToolsEnabled: false }),
      contentMessagesPlugin(import.meta.dirname),
    ],
    // The `profile` mode (`npm run bench:profile`) is the release build left unminified, so a CPU
    // profile names our functions; every other build is minified.
    ...(env.mode === 'profile' && { build: { minify: false } }),
    define: {
      __SOI_HANG_FEED__: JSON.stringify(feedConfig(env.mode)),
      // Where reports go unless the shopper sets another registry (options); none: kept locally.
      __SOI_HANG_REGISTRY__: JSON.stringify(process.env.SOI_HANG_REGISTRY_URL || null),
      // The e2e build opens our shadow roots for the end-to-end probes (components/page/shadow-mode.ts).
      __SOI_HANG_E2E__: JSON.stringify(env.mode === 'e2e'),
      // The profiling build marks a content script's steps on the page's timeline (trace-step.ts).
      __SOI_HANG_TRACE__: JSON.stringify(env.mode === 'profile'),
    },
  }),
  hooks: {
    // The shipped data (public/feed/) is built from server/data/ before every build.
    'build:before': (wxt) => writeDefaultFeed(path.resolve(wxt.config.root, 'public')),
    // Content scripts run on every marketplace page and use a handful of runtime calls, each of
    // which Chrome's MV3 `chrome.*` and Firefox's `browser.*` already answer with promises: they
    // get WXT's native `browser` (globalThis.browser ?? chrome) instead of the polyfill, about
    // 3 KB gzip less to load and no set-up on every page. The background and pages keep it.
    // They also get our own content script context instead of WXT's (script-context.ts).
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.every((entry) => entry.type === 'content-script')) {
        config.resolve = { ...config.resolve, alias: contentScriptAliases(config.resolve?.alias) };
      }
    },
  },
  manifest: ({ browser, mode }) => ({
    name: '__MSG_extName__',
    short_name: 'Soi Hàng',
    description: '__MSG_extDescription__',
    default_locale: 'vi',
    // storage: settings and per-tab counts. alarms: the scheduled feed sync. declarativeNetRequest:
    // the browser blocks listed scam domains itself (a block rule needs no host permission).
    // webNavigation: to show our warning page when that block stops a page load. Content scripts
    // are injected by their own narrow `matches`, so no host permission is asked for; the feed is
    // fetched with CORS.
    // offscreen (Chrome): a service worker cannot start workers, so a big snapshot's records are
    // checked in workers started by an offscreen document (entrypoints/offscreen/).
    // contextMenus: "Báo cáo tin đăng này" on listing links. activeTab: the menu, the shortcut and the
    // popup's click let us capture that tab's screenshot for a report, nothing more.
    permissions: [
      'storage',
      'alarms',
      'declarativeNetRequest',
      'webNavigation',
      'contextMenus',
      'activeTab',
      ...(browser === 'firefox' ? [] : ['offscreen']),
    ],
    // A short share link (shp.ee, vt.tiktok.com, …) is opened only when the shopper asks, with this
    // access requested at that moment; an inspector's first screenshot of evidence asks for
    // `<all_urls>` (the only grant that lets the panel capture a tab). Nothing is granted at install.
    ...(browser === 'firefox'
      ? {
          optional_permissions: [
            ...SHORT_LINK_ORIGINS,
            ...SHARE_TARGET_ORIGINS,
            ...EVIDENCE_CAPTURE_ORIGINS,
          ],
        }
      : {
          optional_host_permissions: [
            ...SHORT_LINK_ORIGINS,
            ...SHARE_TARGET_ORIGINS,
            ...EVIDENCE_CAPTURE_ORIGINS,
          ],
        }),
    // The e2e build alone may capture any tab: a test cannot make the browser's own gesture
    // (toolbar, menu, shortcut) that grants activeTab, so it drives the same capture code instead.
    ...(mode === 'e2e' && { host_permissions: ['<all_urls>'] }),
    // A Shopee product page's banner comes with its title (its script starts with the page): the
    // page UI chunk that draws it is injected with the page on a product address, before the
    // site's own script, rather than imported when the page is busy being parsed, which put it
    // behind the title (`npm run bench:banner`). Any other page imports it when first needed.
    content_scripts: [
      {
        matches: ['https://shopee.vn/*'],
        include_globs: SHOPEE_PRODUCT_GLOBS,
        run_at: 'document_start',
        js: ['page-ui.js'],
      },
    ],
    // report.html: the report dialog framed over the page. page-ui.js: what content scripts draw
    // after a click or on a product page, loaded when first needed (components/page/load-page-ui.ts).
    web_accessible_resources: [
      { resources: ['report.html', 'page-ui.js'], matches: MARKETPLACE_PAGES },
    ],
    commands: {
      'report-listing': {
        suggested_key: { default: 'Alt+Shift+B' },
        description: '__MSG_commandReportListing__',
      },
    },
    action: { default_title: '__MSG_extName__' },
    // Chrome Web Store: 128 (required), 16/32/48; addons.mozilla.org: 48 and 96.
    icons: {
      16: 'icon/16.png',
      32: 'icon/32.png',
      48: 'icon/48.png',
      96: 'icon/96.png',
      128: 'icon/128.png',
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              // data_collection_permissions (below) is read from Firefox 140 on desktop; every other
              // API we use (declarativeNetRequest, storage.session, the sidebar) is older.
              strict_min_version: '140.0',
              data_collection_permissions: DATA_COLLECTION,
            },
            // Firefox for Android reads data_collection_permissions from 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {
          // sidePanel.open (116) is the newest we call; the Popover API (114) and an offscreen
          // document started for WORKERS (113) come before it.
          minimum_chrome_version: '116',
        }),
  }),
  webExt: { disabled: true },
  zip: {
    artifactTemplate: '{{name}}-{{version}}-{{browser}}-{{manifestVersion}}.zip',
    excludeSources: ['tests/**', 'bench-results.json', 'test-results/**'],
  },
});
