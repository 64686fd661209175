/**
 * docs/privacy.md (English) and docs/privacy.vi.md (Vietnamese) are one text in two languages: the
 * privacy page shows either, so a section or a point added to one must be added to the other.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/fixtures';

const read = (file: string) => readFileSync(path.join(REPO_ROOT, 'docs', file), 'utf8');

/** Each heading's level and, under it, how many list points and paragraphs it has. */
function outline(markdown: string): string[] {
  const parts: string[] = [];
  let points = 0;
  let paragraphs = 0;
  let inParagraph = false;
  const close = () => {
    if (parts.length > 0) parts[parts.length - 1] += ` ${points}/${paragraphs}`;
  };
  for (const line of markdown.split('\n')) {
    const heading = /^(#{1,3}) /.exec(line);
    if (heading?.[1]) {
      close();
      parts.push(`h${heading[1].length}`);
      points = paragraphs = 0;
      inParagraph = false;
    } else if (line.startsWith('- ')) {
      points += 1;
      inParagraph = false;
    } else if (line.trim() === '') inParagraph = false;
    else if (!line.startsWith('  ') && !inParagraph) {
      paragraphs += 1;
      inParagraph = true;
    }
  }
  close();
  return parts;
}

describe('the privacy text in both languages', () => {
  it('has the same sections, points and paragraphs in Vietnamese and English', () => {
    expect(outline(read('privacy.vi.md'))).toEqual(outline(read('privacy.md')));
  });
});
