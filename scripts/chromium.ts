/**
 * Debian's Chromium, optionally with an unpacked extension, every web request answered by a route
 * (pages from memory or files, anything else refused) so nothing leaves the machine. Shared by the
 * end-to-end tests and the benchmarks.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Browser {
  context: BrowserContext;
  /** The extension's service worker, when one was loaded. */
  worker: Worker | null;
  extensionId: string | null;
  /** Every web URL the browser asked for, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** What to answer for a web URL: a page body, or null to refuse the request. */
export type Responder = (url: string) => { status?: number; body: string | Buffer } | null;

export async function launchChromium(options: {
  extensionDir: string | null;
  /** More unpacked extensions to load beside it (benchmarks compare two in one browser). */
  extraExtensionDirs?: string[];
  respond: Responder;
  /** Web URLs that go to the real network (a local feed server on 127.0.0.1). */
  passThrough?: (url: string) => boolean;
  viewport?: { width: number; height: number };
  /** A profile directory to use and keep (to restart the browser on it); a fresh one otherwise. */
  profile?: string;
  /**
   * The onboarding tab an extension opens once on install: closed before the browser is handed
   * over (so a test's tabs and windows are its own), unless kept for the test of it.
   */
  firstRunTab?: 'close' | 'keep';
}): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`No Chromium at ${CHROMIUM} (apt-get install chromium).`);
  const { extensionDir } = options;
  if (extensionDir && !existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run \`npm run build\` first.`);
  }
  const profile = options.profile ?? mkdtempSync(path.join(tmpdir(), 'soi-hang-chromium-'));
  // A profile never used before installs the extensions, which open their first-run pages.
  const installs = !existsSync(profile) || readdirSync(profile).length === 0;
  const dirs = [extensionDir, ...(options.extraExtensionDirs ?? [])].filter((dir): dir is string =>
    Boolean(dir),
  );
  const loaded = dirs.join(',');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      ...(loaded ? [`--disable-extensions-except=${loaded}`, `--load-extension=${loaded}`] : []),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
    ],
    viewport: options.viewport ?? { width: 1200, height: 800 },
  });
  const requests: string[] = [];
  // Web traffic only: an extension's own chrome-extension:// files load as usual. Requests of the
  // extension's service worker pass through here too, so `requests` is everything anyone asked for.
  await context.route(/^https?:\/\//, async (route) => {
    const url = route.request().url();
    requests.push(url);
    if (options.passThrough?.(url)) {
      await route.continue();
      return;
    }
    const answer = options.respond(url);
    if (answer) {
      await route.fulfill({
        status: answer.status ?? 200,
        contentType: 'text/html; charset=utf-8',
        body: answer.body,
      });
    } else await route.abort('blockedbyclient');
  });
  let worker: Worker | null = null;
  const manifest = extensionDir
    ? JSON.parse(readFileSync(path.join(extensionDir, 'manifest.json'), 'utf8'))
    : null;
  if (manifest?.background?.service_worker) {
    // This extension's worker, by its script's name: a benchmark loads another one with a worker.
    const script = `/${manifest.background.service_worker}`;
    const ours = (candidate: Worker) => candidate.url().endsWith(script);
    worker =
      context.serviceWorkers().find(ours) ??
      (await context.waitForEvent('serviceworker', { predicate: ours, timeout: 20_000 }));
  }
  if (installs && options.firstRunTab !== 'keep')
    await closeFirstRunTabs(
      context,
      dirs.filter((dir) => existsSync(path.join(dir, FIRST_RUN_PAGE))).length,
    );
  return {
    context,
    worker,
    extensionId: worker ? new URL(worker.url()).host : null,
    requests,
    async close() {
      await context.close();
      if (!options.profile) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The page an extension opens once on install (entrypoints/onboarding/). */
export const FIRST_RUN_PAGE = 'onboarding.html';

/** Waits for `count` first-run tabs to open (each extension's install event opens one) and closes them. */
async function closeFirstRunTabs(context: BrowserContext, count: number): Promise<void> {
  const deadline = Date.now() + 20_000;
  let closed = 0;
  while (closed < count && Date.now() < deadline) {
    for (const page of context.pages()) {
      if (!page.url().endsWith(`/${FIRST_RUN_PAGE}`)) continue;
      await page.close();
      closed += 1;
    }
    if (closed < count) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (closed < count)
    throw new Error(`the extension's first-run tab did not open (${closed}/${count})`);
}
