import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { Banner } from '../../../components/Banner';
import { badgeElement } from '../../../components/badge-element';
import { MoreDetails } from '../../../components/WarningDetails';
import { RECORD_REASON_WORDS } from '../../../components/warning-details-text';
import { type Language, setLanguage } from '../../../utils/i18n';
import { REPORT_REASONS } from '../../../utils/protocol/registry/report';
import {
  type RecordVerdict,
  signalVerdict,
  type Verdict,
} from '../../../utils/protocol/runtime/verdict';
import { dataInfo, record } from '../../helpers/records';

/** Lets Preact apply a state change. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function mount(node: preact.ComponentChild): HTMLElement {
  const container = document.createElement('div');
  render(node, container);
  return container;
}

const verdicts: Record<string, RecordVerdict> = {
  confirmedItem: { status: 'confirmed', subject: 'item', record: record('shopee:item:1.2') },
  suspectedSeller: {
    status: 'suspected',
    subject: 'seller',
    record: record('shopee:seller:1', { status: 'suspected', caseId: undefined }),
  },
  reportedItem: {
    status: 'reported',
    subject: 'item',
    record: record('shopee:item:1.3', {
      status: 'reported',
      reportCount: 12,
      reasons: ['community_reports'],
    }),
  },
};

const expectations: Record<Language, Record<string, { badge: string; headline: string }>> = {
  vi: {
    confirmedItem: {
      badge: 'Vi phạm đã xác nhận',
      headline: 'Cơ quan chức năng đã kết luận sản phẩm này vi phạm',
    },
    suspectedSeller: {
      badge: 'Nghi vấn',
      headline: 'Người bán này đang bị nghi vấn, chưa có kết luận',
    },
    reportedItem: { badge: '12 phản ánh', headline: 'Sản phẩm này có 12 phản ánh chưa xác minh' },
  },
  en: {
    confirmedItem: {
      badge: 'Violation confirmed',
      headline: 'An authority has found this product in violation',
    },
    suspectedSeller: {
      badge: 'Suspected',
      headline: 'This seller is under suspicion; nothing has been concluded',
    },
    reportedItem: { badge: '12 reports', headline: 'This product has 12 unverified reports' },
  },
};

describe.each(['vi', 'en'] as const)('warnings in %s', (language) => {
  it.each(Object.keys(verdicts))('%s: badge and banner say what, who and when', async (name) => {
    setLanguage(language);
    const verdict = verdicts[name] as RecordVerdict;
    const expected = expectations[language][name] as { badge: string; headline: string };

    const badge = badgeElement(document, verdict);
    expect(badge.getAttribute('data-testid')).toBe('soi-hang-badge');
    expect(badge?.textContent).toContain(expected.badge);
    expect(badge?.getAttribute('data-status')).toBe(verdict.status);
    expect(badge.tagName).toBe('BUTTON'); // reachable by keyboard
    expect(badge.getAttribute('aria-label')).toContain('Cơ quan thử nghiệm'); // names the source
    expect(badge.getAttribute('aria-label')).toMatch(/2026/); // and the date
    expect(badge.getAttribute('aria-label')).toContain(expected.headline);

    const banner = mount(<Banner verdict={verdict} data={dataInfo()} />);
    const text = banner.textContent ?? '';
    expect(text).toContain(expected.headline);
    expect(text).toContain('Cơ quan thử nghiệm');
    expect(text).toMatch(/2026/);
    expect(text).toContain(language === 'vi' ? 'Dữ liệu cập nhật lúc' : 'Data updated');
    if (verdict.subject === 'seller') expect(banner.querySelector('.w-scope')).not.toBeNull();
    // "Chi tiết" opens the record's own summary and what its status means.
    expect(text).not.toContain(verdict.record.summary[language]);
    banner.querySelector<HTMLButtonElement>('[data-testid="banner-details"]')?.click();
    await settle();
    expect(banner.textContent).toContain(verdict.record.summary[language]);
  });
});

describe('badge names', () => {
  it('are shared by badges that say the same, and follow whatever differs', () => {
    setLanguage('vi');
    const base = verdicts.reportedItem as RecordVerdict;
    const withRecord = (patch: Partial<RecordVerdict['record']>) =>
      badgeElement(document, { ...base, record: { ...base.record, ...patch } }).getAttribute(
        'aria-label',
      );
    const name = badgeElement(document, base).getAttribute('aria-label');
    expect(withRecord({ key: 'shopee:item:1.998', caseId: 'OTHER' })).toBe(name);
    expect(withRecord({ reportCount: 3 })).not.toBe(name);
    expect(withRecord({ authority: 'Cơ quan khác' })).toContain('Cơ quan khác');
    expect(withRecord({ updated: '2025-01-02' })).toContain('02/01/2025');
    setLanguage('en');
    expect(badgeElement(document, base).getAttribute('aria-label')).not.toBe(name);
  });
});

describe('the heuristic status', () => {
  it.each(['vi', 'en'] as const)(
    'a replica phrase in the name is "worth a closer look" in %s, sourced to Soi Hàng and dated',
    async (language) => {
      setLanguage(language);
      const verdict = signalVerdict(
        [{ signal: 'replicaWords', text: 'rep 1 1' }],
        new Date('2026-11-28T10:00:00Z'),
      );
      const badge = badgeElement(document, verdict);
      expect(badge.getAttribute('data-status')).toBe('heuristic');
      expect(badge.textContent).toBe(
        language === 'vi' ? 'Dấu hiệu cần lưu ý' : 'Worth a closer look',
      );
      expect(badge.getAttribute('aria-label')).toMatch(/28\/11\/2026|28 Nov 2026/);
      const banner = mount(<Banner verdict={verdict} data={dataInfo()} />);
      banner.querySelector<HTMLButtonElement>('[data-testid="banner-details"]')?.click();
      await settle();
      const text = banner.textContent ?? '';
      expect(text).toContain('«rep 1 1»');
      expect(text).toContain(
        language === 'vi' ? 'Soi Hàng tự đọc tên tin đăng' : "Soi Hàng's own reading",
      );
      expect(text.toLowerCase()).not.toMatch(/hàng giả|giả mạo|counterfeit|vi phạm|violation|fake/);
      setLanguage('vi');
    },
  );
});

describe('wording rules', () => {
  it('never calls a listing counterfeit unless an authority confirmed it', () => {
    const hedges = {
      vi: /^(Nội dung nghi vấn|Nội dung phản ánh): /,
      en: /^(Suspected of|Reported for): /,
    };
    for (const language of ['vi', 'en'] as const) {
      setLanguage(language);
      for (const name of ['suspectedSeller', 'reportedItem']) {
        const verdict = verdicts[name] as RecordVerdict;
        // Both carry reasons; a suspected one even says trademark counterfeit.
        const banner = mount(
          <Banner
            verdict={{
              ...verdict,
              record: { ...verdict.record, reasons: ['counterfeit_trademark'] },
            }}
            data={null}
          />,
        );
        const parts = (
          banner.querySelector('[data-testid="warning-source"]')?.textContent ?? ''
        ).split(' · ');
        const reasons = parts.find((part) => hedges[language].test(part));
        expect(reasons, 'reasons are framed as suspicion or reports').toBeDefined();
        const rest = (banner.textContent ?? '').replace(reasons ?? '', '').toLowerCase();
        expect(rest).not.toMatch(/hàng giả|giả mạo|counterfeit|vi phạm|violation/);
      }
    }
  });

  it('a product-name match says only the name matches, names the batches, and never calls the listing fake', () => {
    const product = record('product:aclasta', {
      status: 'confirmed',
      reasons: ['counterfeit'],
      name: 'Aclasta',
      scope: { batches: ['KHBY7'], registrationNumbers: ['VN-21917-19'] },
    });
    const verdict: Verdict = { status: 'confirmed', subject: 'product', record: product };
    setLanguage('vi');
    const banner = mount(<Banner verdict={verdict} data={null} />);
    const text = banner.textContent ?? '';
    expect(text).toContain('Tên sản phẩm trùng với «Aclasta»');
    expect(text).toContain('tin đăng này chưa bị kết luận là hàng giả');
    expect(text).toContain('KHBY7');
    expect(text).toContain('VN-21917-19');
    expect(text).toContain('kiểm tra số lô trên bao bì');
    expect(badgeElement(document, verdict).textContent).toContain('Trùng tên SP bị cảnh báo');
    setLanguage('en');
    const english = mount(<Banner verdict={verdict} data={null} />).textContent ?? '';
    expect(english).toContain('Only the product name matches');
    expect(english).toContain('Batches named: KHBY7');
  });

  it('says so when the seller contests the record and the registry has taken the appeal up', () => {
    setLanguage('vi');
    const plain = verdicts.confirmedItem as RecordVerdict;
    const contested: Verdict = { ...plain, record: { ...plain.record, appeal: 'pending' } };
    const banner = mount(<Banner verdict={plain} data={null} />);
    expect(banner.querySelector('[data-testid="warning-appeal"]')).toBeNull();
    const shown = mount(<Banner verdict={contested} data={null} />);
    expect(shown.querySelector('[data-testid="warning-appeal"]')?.textContent).toContain(
      'Người bán đã khiếu nại',
    );
    setLanguage('en');
    const english = mount(<Banner verdict={contested} data={null} />);
    expect(english.querySelector('[data-testid="warning-appeal"]')?.textContent).toContain(
      'has appealed',
    );
    setLanguage('vi');
  });

  it("says so when the data is past its publisher's expiry", () => {
    setLanguage('vi');
    const verdict = verdicts.confirmedItem as Verdict;
    const fresh = mount(
      <Banner verdict={verdict} data={dataInfo({ expiresAt: '2999-01-01T00:00:00Z' })} />,
    );
    expect(fresh.querySelector('[data-testid="banner-stale"]')).toBeNull();
    const stale = mount(
      <Banner verdict={verdict} data={dataInfo({ expiresAt: '2026-01-01T00:00:00Z' })} />,
    );
    expect(stale.querySelector('[data-testid="banner-stale"]')?.textContent).toContain('quá hạn');
  });

  it('shows hostile record text as text, never as markup', () => {
    const payload = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const verdict: Verdict = {
      status: 'confirmed',
      subject: 'item',
      record: record('shopee:item:1.2', {
        authority: payload,
        caseId: payload,
        summary: { vi: payload, en: payload },
        evidenceUrl: 'https://example.org/evidence',
      }),
    };
    const banner = mount(<Banner verdict={verdict} data={null} />);
    const badge = document.createElement('div');
    badge.append(badgeElement(document, verdict));
    for (const container of [banner, badge]) {
      expect(container.querySelector('img, script')).toBeNull();
    }
    expect(banner.textContent).toContain(payload);
    const link = banner.querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://example.org/evidence');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
  });
});

describe('how a seller contests a warning', () => {
  it("links the registry's appeal page for the record's key, or names the authority without a registry", () => {
    setLanguage('vi');
    const verdict: Verdict = {
      status: 'confirmed',
      subject: 'item',
      record: record('shopee:item:9.1', { authority: 'Chi cục QLTT Hà Nội' }),
    };
    const withRegistry = mount(<MoreDetails verdict={verdict} registryUrl="https://so.example/" />);
    const link = withRegistry.querySelector('[data-testid="warning-contest"] a');
    expect(link?.getAttribute('href')).toBe('https://so.example/appeal?key=shopee%3Aitem%3A9.1');
    expect(withRegistry.querySelector('[data-testid="warning-contest"]')?.textContent).toContain(
      'khiếu nại',
    );
    const without = mount(<MoreDetails verdict={verdict} />);
    expect(without.querySelector('[data-testid="warning-contest"]')?.textContent).toContain(
      'Chi cục QLTT Hà Nội',
    );
    expect(without.querySelector('[data-testid="warning-contest"] a')).toBeNull();
  });
});

describe('the reasons a decision names', () => {
  it('has words for every reason a shopper reports with, so a decision naming one never reads "lý do khác"', () => {
    for (const reason of REPORT_REASONS.filter((code) => code !== 'other')) {
      expect(RECORD_REASON_WORDS[reason], reason).toBeDefined();
    }
    setLanguage('vi');
    const verdict: RecordVerdict = {
      status: 'confirmed',
      subject: 'item',
      record: record('shopee:item:1.9', { reasons: ['fake_brand', 'wrong_origin'] }),
    };
    const text = mount(
      <Banner verdict={verdict} data={dataInfo()} collapsed={false} />,
    ).textContent;
    expect(text).toContain('giả mạo nhãn hiệu, sai xuất xứ');
    expect(text).not.toContain('lý do khác');
  });
});

describe('a shop page’s banner', () => {
  it('speaks of the shop, not of "this product"', () => {
    for (const [language, shopWords, productWords] of [
      ['vi', 'người bán của cửa hàng này', 'không riêng sản phẩm này'],
      ['en', 'the seller of this shop', 'not only this product'],
    ] as const) {
      setLanguage(language);
      const verdict = verdicts.suspectedSeller as RecordVerdict;
      const onShop = mount(<Banner verdict={verdict} data={dataInfo()} shop />).textContent;
      expect(onShop).toContain(shopWords);
      expect(onShop).not.toContain(productWords);
      // Above a product, as before.
      expect(mount(<Banner verdict={verdict} data={dataInfo()} />).textContent).toContain(
        productWords,
      );
    }
    setLanguage('vi');
  });
});
