/**
 * The reviewer's demo record: made only for the listing a marketplace page's own address names and
 * asked about, valid as any record, and every word a warning takes from it says it is a test.
 */
import { describe, expect, it } from 'vitest';
import { advice, reasonsLine, summaryText } from '../../../components/warning-details-text';
import { badgeText, headline, sourceLine } from '../../../components/warning-text';
import { demoRecordFor } from '../../../entrypoints/background/preferences/demo-record';
import { setLanguage } from '../../../utils/i18n';
import { FlagRecordSchema } from '../../../utils/protocol/records';
import type { RecordVerdict } from '../../../utils/protocol/runtime/verdict';

const PAGE = 'https://shopee.vn/Sua-bot-mau-B-900g-i.0000000009.0000000301';
const ITEM = 'shopee:item:0000000009.0000000301';
const NOW = new Date('2026-12-07T10:00:00Z');

describe('the demo record', () => {
  it('is made for the listing the page names, when the page asked about it', () => {
    const record = demoRecordFor(PAGE, ['shopee:seller:0000000009', ITEM], 'vi', NOW);
    expect(FlagRecordSchema.parse(record)).toMatchObject({
      key: ITEM,
      status: 'reported',
      demo: true,
      reportCount: 0,
      updated: '2026-12-07',
    });
  });

  it('is made for nothing else: another listing, a grid, a page that is no marketplace', () => {
    expect(demoRecordFor(PAGE, ['shopee:item:1.2'], 'vi', NOW)).toBeNull();
    expect(demoRecordFor('https://shopee.vn/search?keyword=sua', [ITEM], 'vi', NOW)).toBeNull();
    expect(
      demoRecordFor('https://example.com/x-i.0000000009.0000000301', [ITEM], 'vi', NOW),
    ).toBeNull();
    expect(demoRecordFor(undefined, [ITEM], 'vi', NOW)).toBeNull();
  });

  it('gives a warning whose every line says it is a demo, in both languages', () => {
    for (const language of ['vi', 'en'] as const) {
      setLanguage(language);
      const record = demoRecordFor(PAGE, [ITEM], language, NOW);
      if (!record) throw new Error('no demo record');
      const verdict: RecordVerdict = { status: 'reported', subject: 'item', record };
      const lines = [
        badgeText(verdict),
        headline(verdict),
        advice(verdict),
        reasonsLine(verdict),
        sourceLine(verdict),
        summaryText(verdict),
      ];
      const demo = language === 'vi' ? /minh hoạ|thử nghiệm/i : /demo|test/i;
      for (const line of lines) expect(line).toMatch(demo);
      expect(lines.join(' ')).not.toMatch(
        /unverified report|phản ánh chưa xác minh|counterfeit|hàng giả/i,
      );
    }
  });
});
