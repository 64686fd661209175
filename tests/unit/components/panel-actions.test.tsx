/**
 * The inspector panel's decision form: each decision offers only the reasons that fit it, and a
 * reason ticked for one decision does not travel to another.
 */
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { PanelActions } from '../../../components/PanelActions';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function mount(canCapture = true) {
  const onAct = vi.fn();
  const onAllowCapture = vi.fn();
  const container = document.createElement('div');
  document.body.append(container);
  render(
    <PanelActions
      targetKey="shopee:item:88.123"
      busy={false}
      onAct={onAct}
      onAttach={vi.fn()}
      canCapture={canCapture}
      onAllowCapture={onAllowCapture}
    />,
    container,
  );
  const form = container.querySelector<HTMLFormElement>('[data-testid="panel-decision"]');
  if (!form) throw new Error('no decision form');
  const reasons = () =>
    [...(form.querySelectorAll('fieldset')[1]?.querySelectorAll('label') ?? [])].map(
      (label) => label.textContent,
    );
  const choose = async (id: string) => {
    form.querySelector<HTMLInputElement>(`#${id}`)?.click();
    await settle();
  };
  return { container, form, onAct, onAllowCapture, reasons, choose };
}

describe('the access a screenshot needs', () => {
  it('is asked for by its own button while the browser has not granted it, and not shown once it has', () => {
    const missing = mount(false);
    const allow = missing.container.querySelector<HTMLButtonElement>(
      '[data-testid="panel-allow-capture"]',
    );
    expect(
      missing.container.querySelector('[data-testid="panel-capture-access"]')?.textContent,
    ).toContain('quyền đọc mọi trang');
    allow?.click();
    expect(missing.onAllowCapture).toHaveBeenCalledTimes(1);
    const granted = mount(true);
    expect(granted.container.querySelector('[data-testid="panel-capture-access"]')).toBe(null);
  });
});

describe('the decision form', () => {
  it('offers a confirmation only the reasons of a finding, suspicion only its own, clearing only why the warning goes', async () => {
    const { reasons, choose } = mount();
    expect(reasons()).toEqual([
      'hàng giả',
      'giả mạo nhãn hiệu',
      'bị thu hồi',
      'trang lừa đảo',
      'trang web vi phạm',
    ]);
    expect(reasons()).not.toContain('đang được xác minh');
    expect(reasons()).not.toContain('phản ánh chưa xác minh');
    await choose('decision-suspected');
    expect(reasons()).toEqual(['nghi là hàng giả', 'đang được xác minh', 'phản ánh chưa xác minh']);
    await choose('decision-cleared');
    expect(reasons()).toEqual(['đã xác minh là hàng chính hãng', 'không phát hiện vi phạm']);
  });

  it('sends only the chosen decision’s reasons after switching decisions', async () => {
    const { form, onAct, choose } = mount();
    await choose('reason-counterfeit');
    await choose('decision-suspected');
    await choose('reason-under_investigation');
    const fill = (id: string, text: string) => {
      const field = form.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${id}`);
      if (!field) throw new Error(id);
      field.value = text;
      field.dispatchEvent(new Event('input', { bubbles: true }));
    };
    fill('decision-summary-vi', 'Đang xác minh.');
    fill('decision-summary-en', 'Being checked.');
    await settle();
    form.querySelector<HTMLButtonElement>('[data-testid="panel-send-decision"]')?.click();
    await settle();
    expect(onAct).toHaveBeenCalledWith(
      expect.objectContaining({ status: 'suspected', reasons: ['under_investigation'] }),
    );
  });
});
