#!/usr/bin/env node
// The end-to-end tests drive Debian's Chromium and Debian's Firefox ESR (Playwright and puppeteer
// cannot download a browser here). When one is missing and we may install packages (root with
// apt-get), install it; otherwise say what to do.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

function ensureDebianBrowser(file, debianPackage, setting) {
  if (existsSync(file)) return;
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    throw new Error(
      `${debianPackage} is missing at ${file}. Install it (sudo apt-get install ${debianPackage}) or set ${setting}.`,
    );
  }
  console.log(`Installing Debian's ${debianPackage} for the end-to-end tests (apt-get)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', debianPackage], { stdio: 'inherit', env });
}

export const ensureChromium = () => ensureDebianBrowser(CHROMIUM, 'chromium', 'CHROMIUM_PATH');
export const ensureFirefox = () => ensureDebianBrowser(FIREFOX, 'firefox-esr', 'FIREFOX_PATH');

if (import.meta.url === `file://${process.argv[1]}`) {
  ensureChromium();
  ensureFirefox();
}
