/** The reports' export files, and the screenshot's fit under 1 MB. */
import { describe, expect, it } from 'vitest';
import type { ReportView } from '../../../utils/protocol/runtime/report-messages';
import { csvCell, reportsCsv, reportsJson } from '../../../utils/report/export';
import { dataUrlBytes, fitScreenshot } from '../../../utils/report/screenshot';

const view: ReportView = {
  id: '3b9f6a1e-6c1d-4a7b-9f5e-2d8c7b6a5e4f',
  createdAt: '2026-12-03T08:00:00.000Z',
  updatedAt: '2026-12-03T08:00:00.000Z',
  listing: {
    platform: 'shopee',
    itemKey: 'shopee:item:1.2',
    title: '=HYPERLINK("http://evil.example","Sữa bột, "giá tốt"")',
    url: 'https://shopee.vn/a-i.1.2',
    seenAt: '2026-12-03T08:00:00.000Z',
  },
  reasons: ['counterfeit', 'unsafe'],
  note: 'dòng 1\ndòng 2',
  progress: 'received',
  registryUrl: 'https://so.example',
  attempts: 1,
};

describe('exporting my reports', () => {
  it('writes JSON that reads back the same', () => {
    expect(JSON.parse(reportsJson([view]))).toEqual({
      format: 'soi-hang-reports',
      version: 1,
      reports: [view],
    });
  });

  it('writes CSV with every cell quoted and formulas defused', () => {
    const csv = reportsCsv([view]);
    expect(csv.startsWith('\uFEFFid,created_at,progress,')).toBe(true);
    const row = csv.split('\r\n')[1] ?? '';
    expect(row).toContain(`"'=HYPERLINK(""http://evil.example"",""Sữa bột, ""giá tốt"""")"`);
    expect(row).toContain('"counterfeit unsafe"');
    expect(csv).toContain('"dòng 1\ndòng 2"');
    expect(csvCell('-1')).toBe(`"'-1"`);
    expect(csvCell(185000)).toBe('"185000"');
    expect(csvCell(undefined)).toBe('');
  });
});

describe('fitting a screenshot under 1 MB', () => {
  const ofBytes = (bytes: number) =>
    `data:image/jpeg;base64,${'A'.repeat(Math.ceil((bytes * 4) / 3))}`;
  const now = () => new Date('2026-12-03T08:00:00Z');

  it('keeps the first quality that fits, and says when none does', async () => {
    const asked: number[] = [];
    const sizes: Record<number, number> = { 85: 1_500_000, 70: 1_100_000, 55: 800_000 };
    const fitted = await fitScreenshot(async (quality) => {
      asked.push(quality);
      return ofBytes(sizes[quality] ?? 100);
    }, now);
    expect(asked).toEqual([85, 70, 55]);
    expect('screenshot' in fitted && dataUrlBytes(fitted.screenshot.dataUrl)).toBeLessThanOrEqual(
      1024 * 1024,
    );
    const none = await fitScreenshot(async () => ofBytes(3_000_000), now);
    expect(none).toEqual({ error: 'the screenshot stays over 1 MB even at low quality' });
    const refused = await fitScreenshot(async () => {
      throw new Error('Cannot access contents of the page');
    }, now);
    expect(refused).toEqual({ error: 'Cannot access contents of the page' });
  });
});
