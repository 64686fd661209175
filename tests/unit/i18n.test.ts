import { describe, expect, it } from 'vitest';
import en from '@/public/_locales/en/messages.json';
import vi from '@/public/_locales/vi/messages.json';
import { setLanguage, t } from '@/utils/i18n';

describe('i18n', () => {
  it('has every message in both languages, with the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const key of Object.keys(vi) as Array<keyof typeof vi>) {
      const placeholders = (message: string) => (message.match(/\$\d/g) ?? []).sort();
      expect(placeholders(en[key].message), key).toEqual(placeholders(vi[key].message));
    }
  });

  it('is Vietnamese by default and substitutes arguments', () => {
    expect(t('badgeReported', 5)).toBe('5 phản ánh');
    setLanguage('en');
    expect(t('badgeReported', 5)).toBe('5 reports');
  });
});
