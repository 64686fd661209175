import { describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import vi from '../../public/_locales/vi/messages.json';
import { formatDate, setLanguage, t } from '../../utils/i18n';

describe('i18n', () => {
  it('has every message in both languages, with the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const key of Object.keys(vi) as Array<keyof typeof vi>) {
      const placeholders = (message: string) => (message.match(/\$\d/g) ?? []).sort();
      expect(placeholders(en[key].message), key).toEqual(placeholders(vi[key].message));
    }
  });

  it('calls the registry «sổ đăng ký» everywhere in Vietnamese, never by its English name', () => {
    const english = Object.entries(vi)
      .filter(([, { message }]) => /registry/i.test(message))
      .map(([key]) => key);
    expect(english).toEqual([]);
  });

  it('is Vietnamese by default and substitutes arguments', () => {
    expect(t('badgeReported', 5)).toBe('5 phản ánh');
    setLanguage('en');
    expect(t('badgeReported', 5)).toBe('5 reports');
  });

  it('formats dates in each language, calendar dates without a time-zone shift', () => {
    expect(formatDate('2026-11-20')).toBe('20/11/2026');
    expect(formatDate('2026-01-02T03:04:00Z', true)).toMatch(/^\d{2}:\d{2} 0[12]\/01\/2026$/);
    expect(formatDate('not a date')).toBe('not a date');
    setLanguage('en');
    expect(formatDate('2026-11-20')).toBe('20 Nov 2026');
  });
});
