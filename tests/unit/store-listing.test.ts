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

describe('the reviewer notes', () => {
  const notes = readFileSync(path.join(REPO_ROOT, 'docs/store/reviewer-notes.md'), 'utf8')
    // As read: the lines of a paragraph joined.
    .replace(/\s*\n\s*/g, ' ');
  const catalogue = (language: string) =>
    JSON.parse(
      readFileSync(path.join(REPO_ROOT, `public/_locales/${language}/messages.json`), 'utf8'),
    ) as Record<string, { message: string }>;

  it('quote the demo switch and its warning word for word, in both languages', () => {
    for (const language of ['vi', 'en']) {
      const words = catalogue(language);
      for (const key of ['optionsDemoHeading', 'optionsDemoLabel', 'headlineDemo', 'badgeDemo'])
        expect(notes, `${language} ${key}`).toContain(`"${words[key]?.message}"`);
    }
  });
});
