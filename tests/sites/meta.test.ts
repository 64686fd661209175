/**
 * The shape of the repo, as refined-github checks its features: every adapter has its content
 * script, its test file, a fixture for each page kind it claims, and selectors that match somewhere.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADAPTERS } from '../../utils/sites';
import { capture } from '../helpers/captures';
import { hasSharedFixtures, parseHtml, REPO_ROOT, SHARED_FIXTURES } from '../helpers/fixtures';
import { ownFixtures } from '../helpers/own-fixtures';

/** The adapters are the files of utils/sites/ that define one; the engine lives in engine/. */
const SITES_DIR = path.join(REPO_ROOT, 'utils/sites');
const siteFiles = readdirSync(SITES_DIR)
  .filter((file) => file.endsWith('.ts'))
  .filter((file) => readFileSync(path.join(SITES_DIR, file), 'utf8').includes('defineAdapter('))
  .map((file) => file.replace(/\.ts$/, ''));

/** Our fixtures for a site, and the real captures that are pages, parsed once. */
function documentsOf(platform: string): Document[] {
  const own = ownFixtures()
    .filter((fixture) => fixture.site === platform)
    .map((fixture) => parseHtml(fixture.html, fixture.expected.url));
  const realDir = path.join(SHARED_FIXTURES, platform);
  const real =
    hasSharedFixtures && existsSync(realDir)
      ? readdirSync(realDir)
          .filter((file) => file.endsWith('.html'))
          .map((file) => parseHtml(readFileSync(capture(platform, file), 'utf8')))
      : [];
  return [...own, ...real];
}

/** docs/sites.md's proof table: for each site and page kind, its newest real capture or none. */
const SITE_OF: Record<string, string> = {
  Shopee: 'shopee',
  Lazada: 'lazada',
  Tiki: 'tiki',
  Sendo: 'sendo',
  Facebook: 'facebook',
  'TikTok Shop': 'tiktok',
};
const proofRows = readFileSync(path.join(REPO_ROOT, 'docs/sites.md'), 'utf8')
  .split('## Proof:')[1]
  ?.split('\n\n')
  .find((block) => block.startsWith('| site | page kind'))
  ?.split('\n')
  .slice(2)
  .map((line) => line.split('|').map((cell) => cell.trim()))
  .map(([, site = '', kind = '', proof = '']) => ({
    platform: SITE_OF[site] ?? site,
    kind,
    proof,
  }));
/** Every test file of tests/sites/, read once: a capture is proven where one of them reads it. */
const siteTests = readdirSync(path.join(REPO_ROOT, 'tests/sites'))
  .filter((file) => file.endsWith('.test.ts'))
  .map((file) => readFileSync(path.join(REPO_ROOT, 'tests/sites', file), 'utf8'));

describe('docs/sites.md proof table', () => {
  it.each(
    ADAPTERS.flatMap((adapter) =>
      adapter.spec.pageKinds.map((kind) => [adapter.platform, kind] as const),
    ),
  )('%s %s: a real capture read by a test, or "own fixture only"', (platform, kind) => {
    const rows = (proofRows ?? []).filter((row) => row.platform === platform && row.kind === kind);
    expect(rows, `no row for ${platform} ${kind} in docs/sites.md`).toHaveLength(1);
    const proof = rows[0]?.proof ?? '';
    if (proof.startsWith('own fixture only')) return;
    const file = /^`([^`]+\.(?:html|json|js|ts))` \((\d{4}-\d{2})\)/.exec(proof);
    expect(file, `${platform} ${kind}: "${proof}" names no capture and month`).not.toBeNull();
    const [, name = '', month = ''] = file ?? [];
    expect(name, 'the file name carries its capture month').toContain(month);
    expect(
      siteTests.some((source) => source.includes(`'${name}'`)),
      `${name} is read by no test in tests/sites/`,
    ).toBe(true);
    if (hasSharedFixtures) expect(existsSync(capture(platform, name)), name).toBe(true);
  });

  it('names only page kinds the adapters claim', () => {
    for (const row of proofRows ?? []) {
      const adapter = ADAPTERS.find((one) => one.platform === row.platform);
      expect(adapter?.spec.pageKinds, `${row.platform} ${row.kind}`).toContain(row.kind);
    }
  });
});

describe('repo shape', () => {
  it('registers an adapter for every site file, and a site file for every adapter', () => {
    expect(ADAPTERS.map((adapter) => adapter.platform).sort()).toEqual([...siteFiles].sort());
  });

  describe.each(ADAPTERS.map((adapter) => [adapter.platform, adapter] as const))(
    '%s',
    (platform, adapter) => {
      it('has a thin content script with narrow matches on its own domains', () => {
        const file = path.join(REPO_ROOT, `entrypoints/${platform}.content/index.ts`);
        expect(existsSync(file)).toBe(true);
        const source = readFileSync(file, 'utf8');
        expect(source).toContain(`${platform}Adapter`);
        const matches = [...source.matchAll(/'(https:\/\/[^']+)'/g)].map((m) => m[1] ?? '');
        expect(matches.length).toBeGreaterThan(0);
        for (const pattern of matches) {
          const host = new URL(pattern.replace('*', 'x')).hostname;
          expect(
            adapter.domains.some((domain) => host === domain || host.endsWith(`.${domain}`)),
          ).toBe(true);
          expect(host.startsWith('*')).toBe(false);
        }
      });

      it('has its own test file', () => {
        expect(existsSync(path.join(REPO_ROOT, `tests/sites/${platform}.test.ts`))).toBe(true);
      });

      it('has a fixture of ours for each page kind it claims', () => {
        const kinds = new Set(
          ownFixtures()
            .filter((f) => f.site === platform)
            .map((f) => f.expected.pageKind),
        );
        for (const kind of adapter.spec.pageKinds) expect(kinds, kind).toContain(kind);
      });

      it('uses only selectors happy-dom and every browser understand, each matching in some fixture', () => {
        const documents = documentsOf(platform);
        for (const [name, selector] of Object.entries(adapter.spec.selectors)) {
          if (!selector) continue;
          expect(selector, name).not.toMatch(/:has\(|:is\(|:where\(/);
          const matched = documents.some((doc) => doc.querySelector(selector) !== null);
          expect(
            matched,
            `${platform} selector "${name}" (${selector}) matches in no fixture`,
          ).toBe(true);
        }
      });
    },
  );
});
