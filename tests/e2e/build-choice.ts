/**
 * Which build each end-to-end test runs. Every test of something a person does runs the release
 * build pinned to the test key (what shoppers install, the key aside: RELEASE_TEST_DIR, the
 * default of `launch`). The e2e build (E2E_EXTENSION_DIR) is kept for the few tests below, each for
 * one of these reasons only, and each has a twin on a release build that does the same thing as far
 * as that build lets a test do it. build-choice.e2e.ts fails when a test runs the e2e build without
 * being listed here, when a listed test no longer runs it, or when a twin is not a test on a release
 * build.
 */

export type E2eBuildReason =
  /** axe-core checks our UI in a page: it cannot enter a closed shadow root. */
  | 'axe-core'
  /** A page script reaches into our root on purpose, to show what it still cannot do. */
  | 'open-root'
  /**
   * A screenshot of the tab: taken only after a gesture of the browser's own (toolbar, menu,
   * shortcut) or with the access to all sites an inspector's press asks the browser for, neither
   * of which a test can give; the e2e build holds `<all_urls>` (and the seam the shortcut and the
   * menu call).
   */
  | 'capture-without-gesture'
  /** The worker's seams: its clock shifted, or what the menu and the shortcut call, called directly. */
  | 'clock-or-seams';

export const E2E_BUILD_REASONS: readonly E2eBuildReason[] = [
  'axe-core',
  'open-root',
  'capture-without-gesture',
  'clock-or-seams',
];

export interface E2eBuildChoice {
  /** The test file under tests/e2e, and the test's own title there. */
  file: string;
  test: string;
  reason: E2eBuildReason;
  /** The test on a release build that does the same. */
  twin: { file: string; test: string };
}

export const E2E_BUILD: readonly E2eBuildChoice[] = [
  {
    file: 'warnings-axe.e2e.ts',
    test: 'at 200% zoom and on a dark page, banner and popover stay whole and readable',
    reason: 'axe-core',
    twin: {
      file: 'warnings.e2e.ts',
      test: 'at 200% zoom and on a dark page, banner and popover stay whole (the popover opened by a click)',
    },
  },
  {
    file: 'warnings-axe.e2e.ts',
    test: 'axe-core finds no serious or critical problem in the popup, the options or a product page with banner and open popover',
    reason: 'axe-core',
    twin: {
      file: 'warnings.e2e.ts',
      test: 'a product page with its banner: a click on a badge opens its popover; the popup and the options open',
    },
  },
  {
    file: 'page-cannot-touch.e2e.ts',
    test: 'a click the page dispatches on "hide warnings for this seller" hides nothing',
    reason: 'open-root',
    twin: {
      file: 'page-cannot-touch.e2e.ts',
      test: "a page's script gets null for every one of our shadow roots",
    },
  },
  {
    file: 'inspector.e2e.ts',
    test: 'shows the report count on a grid card and a product page the registry has no record of',
    reason: 'axe-core',
    twin: {
      file: 'inspector.e2e.ts',
      test: "a click on a grid card's report count opens its details; a product page the registry has no record of shows its count",
    },
  },
  {
    file: 'inspector.e2e.ts',
    test: 'confirms from the panel: the registry audits the inspector, the page updates, a tokenless profile sees only the badge',
    reason: 'capture-without-gesture',
    twin: {
      file: 'inspector.e2e.ts',
      test: 'confirms from the panel without a screenshot (no access to capture tabs): the registry audits the inspector, the page updates, a tokenless profile sees only the badge',
    },
  },
  {
    file: 'inspector.e2e.ts',
    test: 'lists the case on the dashboard, opens it in place, and exports the CSV and the evidence package',
    reason: 'capture-without-gesture',
    twin: {
      file: 'inspector.e2e.ts',
      test: 'lists the case on the dashboard, opens it in place, and exports the CSV and the evidence package without a screenshot',
    },
  },
  {
    file: 'report-gestures.e2e.ts',
    test: 'the shortcut on a product page: the dialog shows the screenshot, which goes up after the report',
    reason: 'capture-without-gesture',
    twin: {
      file: 'report-gestures.e2e.ts',
      test: 'a product page\'s own "Báo cáo": the report goes up with no screenshot (only the browser\'s own gestures may take one)',
    },
  },
  {
    file: 'report-gestures.e2e.ts',
    test: 'the menu on a card link reports that card; a removed screenshot is not sent',
    reason: 'capture-without-gesture',
    twin: {
      file: 'report-gestures.e2e.ts',
      test: 'a card\'s own "Báo cáo" reports that card, and no screenshot is sent',
    },
  },
  {
    file: 'report-delivery.e2e.ts',
    test: 'fifty reports made offline: all delivered, each once, after going online',
    reason: 'clock-or-seams',
    twin: {
      file: 'report-delivery.e2e.ts',
      test: 'reports made offline on a page: all delivered, each once, after going online',
    },
  },
];
