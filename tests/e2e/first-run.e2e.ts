/**
 * The first run on the release build: installing opens the onboarding page once, in the shopper's
 * language, usable by keyboard and clean for axe-core; a restart and an update of the extension
 * open nothing. The built package is copied so that its version can be raised for the update.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { ChromeGlobal } from './chrome-global';
import { eventually, type Harness, launch, RELEASE_TEST_DIR } from './harness';
import { axeViolations } from './warning-probes';

const work = mkdtempSync(path.join(tmpdir(), 'soi-hang-first-run-'));
const extensionDir = path.join(work, 'extension');
const profile = path.join(work, 'profile');
cpSync(RELEASE_TEST_DIR, extensionDir, { recursive: true });

const start = () => launch([], { extensionDir, profile, firstRunTab: 'keep' });
const onboardingTabs = (harness: Harness): Page[] =>
  harness.context.pages().filter((page) => page.url().endsWith('/onboarding.html'));
/** Long enough for an install event's tab to have opened, were there one. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 3000));

describe('the first run', () => {
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('opens the onboarding page once on install, not on a restart or an update', async () => {
    let harness = await start();
    try {
      const page = await eventually(
        async () => onboardingTabs(harness)[0],
        'the onboarding tab after install',
      );
      await page.waitForSelector('body[data-ready="true"]');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
        'Chào mừng bạn đến với Soi Hàng',
      );
      // The local data as the popup reads it: the shipped data names its sources and its date.
      await expect(page.getByTestId('onboarding-publisher').textContent()).resolves.toContain(
        'ChongLuaDao',
      );
      await expect(page.getByTestId('onboarding-published').textContent()).resolves.toMatch(
        /^Phát hành \d/,
      );
      await expect(page.getByTestId('onboarding-report').textContent()).resolves.toContain(
        'mã ngẫu nhiên của bản cài',
      );
      expect(await axeViolations(page)).toEqual([]);
      await settle();
      expect(onboardingTabs(harness)).toHaveLength(1);
      // The full privacy text, in the same language.
      await page.getByTestId('onboarding-privacy').click();
      await page.waitForSelector('body[data-ready="true"]');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
        'Soi Hàng và quyền riêng tư của bạn',
      );
    } finally {
      await harness.close();
    }

    harness = await start();
    try {
      await settle();
      expect(onboardingTabs(harness)).toEqual([]);
    } finally {
      await harness.close();
    }

    // An update: the same unpacked package at the same place (so the same id), a higher version.
    const manifestPath = path.join(extensionDir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string };
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, version: `${manifest.version}.1` }));
    harness = await start();
    try {
      const version = await harness.worker.evaluate(
        () => (globalThis as ChromeGlobal).chrome?.runtime?.getManifest().version,
      );
      expect(version).toBe(`${manifest.version}.1`);
      await settle();
      expect(onboardingTabs(harness)).toEqual([]);
    } finally {
      await harness.close();
    }
  });

  it('follows the language setting, as the privacy page does, is read in order by keyboard, and stays clean in English', async () => {
    const harness = await launch([]);
    try {
      const page = await harness.context.newPage();
      await page.goto(`chrome-extension://${harness.extensionId}/onboarding.html`);
      await page.waitForSelector('body[data-ready="true"]');
      // Tab order: the language choice, then the privacy page, then the options' site switches.
      const focused: string[] = [];
      for (let step = 0; step < 3; step += 1) {
        await page.keyboard.press('Tab');
        focused.push(
          await page.evaluate(
            () =>
              document.activeElement?.getAttribute('data-testid') ??
              document.activeElement?.tagName ??
              '',
          ),
        );
      }
      expect(focused).toEqual(['language', 'onboarding-privacy', 'onboarding-options']);
      await page.getByTestId('language').selectOption('en');
      await page.reload();
      await page.waitForSelector('body[data-ready="true"]');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
        'Welcome to Soi Hàng',
      );
      await expect(page.getByTestId('onboarding-report').textContent()).resolves.toContain(
        'a random id of this install',
      );
      expect(await axeViolations(page)).toEqual([]);
      await page.goto(`chrome-extension://${harness.extensionId}/privacy.html`);
      await page.waitForSelector('body[data-ready="true"]');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
        'Soi Hàng and your privacy',
      );
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await harness.close();
    }
  });
});
