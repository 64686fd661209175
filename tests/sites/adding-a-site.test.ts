/**
 * Every place a new site touches, in the order docs/sites.md ("Adding a site") lists them, checked
 * for every platform: a site added to PLATFORMS and forgotten in any one place fails here by name.
 * The test and the document name the same places in the same order, so neither drifts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITE_NAMES } from '../../components/site-names';
import en from '../../public/_locales/en/messages.json';
import vi from '../../public/_locales/vi/messages.json';
import { PLATFORMS, type Platform } from '../../utils/protocol/keys';
import { ADAPTERS } from '../../utils/sites';
import { REPO_ROOT } from '../helpers/fixtures';
import { ownFixtures } from '../helpers/own-fixtures';

const read = (file: string) => readFileSync(path.join(REPO_ROOT, file), 'utf8');

/** The places, as docs/sites.md names them, each with what must be there for a platform. */
const PLACES: Array<{ place: string; holds(platform: Platform): boolean }> = [
  { place: 'utils/protocol/keys.ts', holds: (p) => (PLATFORMS as readonly string[]).includes(p) },
  {
    place: 'utils/sites/<site>.ts',
    holds: (p) =>
      existsSync(path.join(REPO_ROOT, `utils/sites/${p}.ts`)) &&
      read(`utils/sites/${p}.ts`).includes('defineAdapter('),
  },
  {
    place: 'utils/sites/index.ts',
    holds: (p) => ADAPTERS.some((adapter) => adapter.platform === p),
  },
  {
    place: 'entrypoints/<site>.content/index.ts',
    holds: (p) => existsSync(path.join(REPO_ROOT, `entrypoints/${p}.content/index.ts`)),
  },
  {
    place: 'public/_locales/{vi,en}/messages.json',
    holds: (p) => SITE_NAMES[p] in vi && SITE_NAMES[p] in en,
  },
  {
    place: 'tests/fixtures/<site>/',
    holds: (p) => ownFixtures().some((fixture) => fixture.site === p),
  },
  {
    place: 'tests/sites/<site>.test.ts',
    holds: (p) => existsSync(path.join(REPO_ROOT, `tests/sites/${p}.test.ts`)),
  },
  {
    place: 'server/data/demo-records.ndjson',
    holds: (p) => read('server/data/demo-records.ndjson').includes(`"${p}:item:`),
  },
  {
    place: 'tests/e2e/sites.e2e.ts',
    holds: (p) =>
      existsSync(path.join(REPO_ROOT, `tests/e2e/${p}.e2e.ts`)) ||
      new RegExp(`const SITES = \\[[^\\]]*'${p}'`).test(read('tests/e2e/sites.e2e.ts')),
  },
  {
    place: 'docs/sites.md',
    holds: (p) => new RegExp(`^\\| ${siteName(p)}\\b`, 'm').test(read('docs/sites.md')),
  },
];

/** The first word of the site's name as the extension shows it ("TikTok Shop" → "TikTok"). */
function siteName(platform: Platform): string {
  return vi[SITE_NAMES[platform] as keyof typeof vi].message.split(' ')[0] ?? platform;
}

describe('adding a site', () => {
  it('docs/sites.md lists the places this test checks, in the same order', () => {
    const doc = read('docs/sites.md');
    const section = doc.slice(doc.indexOf('## Adding a site'));
    const named = [...section.matchAll(/^\d+\. `([^`]+)`/gm)].map((match) => match[1]);
    expect(named).toEqual(PLACES.map(({ place }) => place));
  });

  it('every site file of utils/sites is a platform', () => {
    const files = readdirSync(path.join(REPO_ROOT, 'utils/sites')).filter(
      (file) => file.endsWith('.ts') && file !== 'index.ts',
    );
    expect(files.map((file) => file.replace(/\.ts$/, '')).sort()).toEqual([...PLATFORMS].sort());
  });

  describe.each([...PLATFORMS])('%s', (platform) => {
    it.each(PLACES.map(({ place, holds }) => [place, holds] as const))(
      'is in %s',
      (_place, holds) => {
        expect(holds(platform)).toBe(true);
      },
    );
  });
});
