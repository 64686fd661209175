import { describe, expect, it } from 'vitest';
import { withoutControlCharacters } from '../../../utils/protocol/control-characters';
import { ReportSchema } from '../../../utils/protocol/registry/report';
import { AppealInputSchema, DecisionInputSchema } from '../../../utils/protocol/registry/review';
import { report } from '../../helpers/reports';

describe('text a person wrote, as the registry takes it', () => {
  it('refuses NUL and other control characters in every field of a report', () => {
    expect(ReportSchema.safeParse(report()).success).toBe(true);
    expect(ReportSchema.safeParse(report({ note: 'hộp\u0000mờ' })).success).toBe(false);
    expect(ReportSchema.safeParse(report({ contact: 'a@b.vn\u0007' })).success).toBe(false);
    expect(ReportSchema.safeParse(report({}, { title: 'Sữa\u009b bột' })).success).toBe(false);
    expect(ReportSchema.safeParse(report({}, { title: 'Sữa\nbột' })).success).toBe(false);
    expect(
      ReportSchema.safeParse(report({}, { url: 'https://shopee.vn/x-i.1.2\u0000' })).success,
    ).toBe(false);
  });

  it('keeps line breaks and tabs where a field has several lines', () => {
    expect(ReportSchema.safeParse(report({ note: 'Hộp in mờ.\r\n\tMã vạch hỏng.' })).success).toBe(
      true,
    );
    expect(
      AppealInputSchema.safeParse({ key: 'shopee:item:1.2', statement: 'Dòng 1\nDòng 2' }).success,
    ).toBe(true);
    expect(
      AppealInputSchema.safeParse({ key: 'shopee:item:1.2', statement: 'Hàng thật\u0000' }).success,
    ).toBe(false);
  });

  it('refuses them in an inspector’s decision too', () => {
    const decision = {
      key: 'shopee:item:1.2',
      status: 'suspected',
      reasons: ['counterfeit'],
      summary: { vi: 'Nghi vấn.', en: 'Suspected.' },
    };
    expect(DecisionInputSchema.safeParse(decision).success).toBe(true);
    expect(
      DecisionInputSchema.safeParse({ ...decision, summary: { vi: 'a\u0000', en: 'b' } }).success,
    ).toBe(false);
    expect(
      DecisionInputSchema.safeParse({ ...decision, authority: 'QLTT\u001b[31m' }).success,
    ).toBe(false);
  });

  it('refuses the invisible controls that make text read otherwise than it is', () => {
    expect(ReportSchema.safeParse(report({ note: 'gnp.exe\u202e' })).success).toBe(false);
    expect(
      AppealInputSchema.safeParse({ key: 'shopee:item:1.2', statement: 'a\u2066b\u2069' }).success,
    ).toBe(false);
  });

  it('drops them from a line of page text', () => {
    expect(withoutControlCharacters('Sữa\u0000 bột\u0007 Colos\u009f')).toBe('Sữa bột Colos');
  });
});
