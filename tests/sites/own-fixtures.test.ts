import { describe, expect, it } from 'vitest';
import { adapterForHost } from '@/utils/sites';
import { parseHtml } from '../helpers/fixtures';
import { comparable, ownFixtures } from '../helpers/own-fixtures';

describe('every adapter on our own fixtures', () => {
  it.each(ownFixtures().map((f) => [`${f.site}/${f.name}`, f] as const))('%s', (_name, fixture) => {
    const url = new URL(fixture.expected.url);
    const adapter = adapterForHost(url.hostname);
    expect(adapter?.platform).toBe(fixture.site);
    const result = adapter?.extract(parseHtml(fixture.html, url.href), url);
    expect(result?.pageKind).toBe(fixture.expected.pageKind);
    expect(result?.unreadable).toBe(fixture.expected.unreadable);
    expect(result?.listings.map(comparable)).toEqual(fixture.expected.listings);
  });
});
