import { describe, expect, it } from 'vitest';
import { queryAll, splitSelectorList } from '../../utils/sites/engine/query-all';
import { parseHtml } from '../helpers/fixtures';

describe('queryAll: a selector list, one selector at a time', () => {
  const doc = parseHtml(
    `<ul>
      <li id="a" class="card item"></li>
      <li id="b" class="other"></li>
      <li id="c" class="card"></li>
      <li id="d" class="item"></li>
    </ul>`,
    'https://shopee.vn/',
  );
  const ids = (elements: Element[]) => elements.map((element) => element.id);

  it('gives what querySelectorAll gives: each element once, in document order', () => {
    for (const list of ['.card, .item', '.item, .card', '.other, .card', '.card, .card', '.none']) {
      expect(ids(queryAll(doc, splitSelectorList(list))), list).toEqual(
        ids([...doc.querySelectorAll(list)]),
      );
    }
    expect(ids(queryAll(doc, splitSelectorList('.item, .card')))).toEqual(['a', 'c', 'd']);
  });

  it('splits a list at its commas, spaces trimmed', () => {
    expect(splitSelectorList(' a[href*="-i."],a[href*="/product/"] , ')).toEqual([
      'a[href*="-i."]',
      'a[href*="/product/"]',
    ]);
  });
});
