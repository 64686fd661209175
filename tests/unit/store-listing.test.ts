/**
 * docs/store/listing.md: the names and short descriptions the stores take, within their limits
 * (name ≤ 75 characters, short description ≤ 132), in both languages.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/fixtures';

const listing = readFileSync(path.join(REPO_ROOT, 'docs/store/listing.md'), 'utf8');
const field = (name: string) =>
  [...listing.matchAll(new RegExp(`^- ${name}: (.+)$`, 'gm'))].map((match) => match[1] ?? '');

describe('the store listing', () => {
  it('has a name of at most 75 characters and a short description of at most 132, in vi and en', () => {
    const names = field('name');
    const shorts = field('short description');
    expect(names).toHaveLength(2);
    expect(shorts).toHaveLength(2);
    for (const name of names) expect([...name].length).toBeLessThanOrEqual(75);
    for (const short of shorts) expect([...short].length).toBeLessThanOrEqual(132);
  });
});
