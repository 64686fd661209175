import { describe, expect, it } from 'vitest';
import { originsLine } from '../../components/origin-words';
import en from '../../public/_locales/en/messages.json';
import vi from '../../public/_locales/vi/messages.json';
import { formatDate, setLanguage, t, tn } from '../../utils/i18n';

describe('i18n', () => {
  /** `<key>_<category>`: a form of key's message for counts of a plural category (en "1 report"). */
  const pluralForm = /^(.+)_(zero|one|two|few|many)$/;

  it('has every message in both languages, with the same placeholders', () => {
    const english = Object.keys(en).filter((key) => !pluralForm.test(key));
    expect(english.sort()).toEqual(Object.keys(vi).sort());
    for (const key of Object.keys(vi) as Array<keyof typeof vi>) {
      const placeholders = (message: string) => (message.match(/\$\d/g) ?? []).sort();
      expect(placeholders(en[key].message), key).toEqual(placeholders(vi[key].message));
    }
  });

  it("has plural forms only of messages it has, for categories the language's rules give", () => {
    const placeholders = (message: string) => (message.match(/\$\d/g) ?? []).sort();
    for (const [language, catalogue] of [
      ['vi', vi],
      ['en', en],
    ] as const) {
      const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      for (const [key, { message }] of Object.entries(catalogue)) {
        const [, base, category] = key.match(pluralForm) ?? [];
        if (!base || !category) continue;
        expect(categories, key).toContain(category);
        // tn() builds plural rules only for a message with a form for one: every form needs it.
        expect((catalogue as Record<string, unknown>)[`${base}_one`], key).toBeDefined();
        const own = (catalogue as Record<string, { message: string }>)[base];
        expect(own, key).toBeDefined();
        expect(placeholders(message), key).toEqual(placeholders(own?.message ?? ''));
      }
    }
  });

  it('writes counts by the plural rules of each language', () => {
    expect(tn('badgeReported', 1, 1)).toBe('1 phản ánh');
    expect(tn('badgeReported', 3, 3)).toBe('3 phản ánh');
    setLanguage('en');
    expect(tn('badgeReported', 1, 1)).toBe('1 report');
    expect(tn('badgeReported', 0, 0)).toBe('0 reports');
    expect(tn('badgeReported', 3, 3)).toBe('3 reports');
    expect(tn('popupUndelivered', 1, 1)).toBe('1 report not yet sent');
    expect(tn('headlineContactReported', 1, '0912345678', 1)).toBe(
      '«0912345678», a contact given in this listing, has 1 unverified report',
    );
    // A message without plural forms is itself for every count.
    expect(tn('dialogNoteCount', 1, 1, 2000)).toBe('1/2000 characters');
  });

  it('writes the counts inside longer lines by the same rules', () => {
    expect(originsLine(1, 2)).toBe(
      'từ 1 bản cài đặt, 2 mạng khác nhau (số bản cài đặt do máy gửi tự khai, số mạng mới đáng tin hơn)',
    );
    setLanguage('en');
    expect(originsLine(1, 1)).toBe(
      'from 1 install and 1 network (installs are whatever clients claim; networks are harder to fake)',
    );
    expect(originsLine(2, 3)).toMatch(/^from 2 installs and 3 different networks /);
    expect(tn('kindSeller', 1, 1)).toBe('1 seller');
    expect(tn('kindSeller', 2, 2)).toBe('2 sellers');
    expect(tn('popupSyncTooFew', 1, 1, 500)).toMatch(
      /^The new feed holds only 1 record, far fewer than the 500 /,
    );
    expect(tn('dashboardExported', 1, 1)).toBe('Exported 1 case: every case the filters match.');
  });

  it('has an English form for one of every message that writes a count before a countable noun', () => {
    const counted =
      /\$\d (?:[a-z’']+ )?(?:reports|records|cases|listings|installs|networks|sellers|screenshots|snapshots|appeals)\b/;
    const missing = Object.entries(en)
      .filter(([key, { message }]) => !/_[a-z]+$/.test(key) && counted.test(message))
      .map(([key]) => key)
      .filter((key) => !(`${key}_one` in en));
    expect(missing).toEqual([]);
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
