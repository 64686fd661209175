/**
 * The inspector section as a page shows it: the registry's status, case, report counts, history
 * and notes as text (never markup), actions on their way, and a card marker's few words.
 */
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { InspectorSection } from '../../../components/InspectorSection';
import { markerText } from '../../../components/inspector-marker';
import type { InspectorEntry } from '../../../utils/protocol/runtime/inspector';

const entry = (change: Partial<InspectorEntry> = {}): InspectorEntry => ({
  key: 'shopee:item:88.123',
  case: {
    key: 'shopee:item:88.123',
    status: 'open',
    reports: 2,
    reasons: { counterfeit: 2 },
    appeals: 0,
    firstSeen: '2026-12-01T00:00:00.000Z',
    lastSeen: '2026-12-02T00:00:00.000Z',
  },
  record: null,
  decisions: [],
  notes: [],
  evidence: [],
  attached: [],
  pending: [],
  ...change,
});

describe('the inspector section', () => {
  it('says what the registry knows, as text, with "Xử lý"', () => {
    const host = document.createElement('div');
    const onHandle = vi.fn();
    render(
      <InspectorSection
        name="Thanh tra viên A"
        entries={[
          {
            role: 'item',
            entry: entry({
              case: { ...entry().case, status: 'confirmed' },
              record: {
                key: 'shopee:item:88.123',
                status: 'confirmed',
                reasons: ['counterfeit'],
                authority: 'Chi cục QLTT',
                caseId: 'QĐ 9',
                summary: { vi: 'x', en: 'x' },
                firstSeen: '2026-12-01',
                updated: '2026-12-02',
              },
              notes: [
                {
                  id: 1,
                  text: '<img src=x onerror=alert(1)>',
                  by: 'B',
                  at: '2026-12-02T01:00:00.000Z',
                },
              ],
              pending: [
                {
                  id: 'a',
                  kind: 'note',
                  key: 'shopee:item:88.123',
                  state: 'pending',
                  createdAt: '2026-12-03T00:00:00.000Z',
                },
              ],
            }),
          },
        ]}
        onHandle={onHandle}
      />,
      host,
    );
    const text = host.textContent ?? '';
    expect(text).toContain('Chế độ thanh tra · Thanh tra viên A');
    expect(text).toContain('Tin đăng: đã xác nhận vi phạm');
    expect(text).toContain('Hồ sơ QĐ 9 · Chi cục QLTT');
    expect(text).toContain('2 phản ánh, từ');
    expect(text).toContain('Đang gửi: Ghi chú');
    expect(text).toContain('<img src=x onerror=alert(1)>');
    expect(host.querySelector('img')).toBeNull();
    host.querySelector('button')?.click();
    expect(onHandle).toHaveBeenCalledOnce();
  });

  it('marks a card with its status, or the count of a key that has only reports', () => {
    expect(markerText([{ role: 'item', entry: entry() }])).toBe('Thanh tra: 2 phản ánh');
    expect(
      markerText([
        { role: 'item', entry: entry({ case: { ...entry().case, status: 'cleared' } }) },
      ]),
    ).toBe('Thanh tra: đã gỡ, không vi phạm');
    expect(
      markerText([
        { role: 'item', entry: entry({ case: { ...entry().case, reports: 0, appeals: 0 } }) },
      ]),
    ).toBe('Thanh tra');
    expect(
      markerText([
        { role: 'item', entry: entry({ case: { ...entry().case, reports: 0, appeals: 3 } }) },
      ]),
    ).toBe('Thanh tra: 3 khiếu nại');
  });

  it('gives each appeal of the seller its state and statement, as text', () => {
    const host = document.createElement('div');
    const appeal = (id: string, state: 'received' | 'rejected', statement: string) => ({
      id,
      statement,
      contact: null,
      state,
      at: '2026-12-02T03:00:00.000Z',
    });
    render(
      <InspectorSection
        name="Thanh tra viên A"
        entries={[
          {
            role: 'seller',
            entry: entry({
              case: { ...entry().case, appeals: 2 },
              appeals: [
                appeal(
                  '6f1c1c1e-0000-4000-8000-000000000001',
                  'received',
                  'Hàng <b>chính hãng</b>.',
                ),
                appeal('6f1c1c1e-0000-4000-8000-000000000002', 'rejected', 'Có hóa đơn nhập.'),
              ],
            }),
          },
        ]}
      />,
      host,
    );
    const items = [...host.querySelectorAll('.inspector-appeals li')].map((li) => li.textContent);
    expect(host.textContent).toContain('2 khiếu nại của người bán');
    expect(items).toHaveLength(2);
    expect(items[0]).toContain('chờ xem xét: Hàng <b>chính hãng</b>.');
    expect(items[1]).toContain('đã bác: Có hóa đơn nhập.');
    expect(host.querySelector('b')).toBeNull();
  });

  it('shows why "Xử lý" failed instead of dropping it', async () => {
    const host = document.createElement('div');
    const onHandle = vi.fn(async () => {
      throw new Error('Extension context invalidated.');
    });
    render(
      <InspectorSection
        name="A"
        entries={[{ role: 'item', entry: entry() }]}
        onHandle={onHandle}
      />,
      host,
    );
    host.querySelector<HTMLButtonElement>('.inspector-handle')?.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(onHandle).toHaveBeenCalledOnce();
    expect(host.querySelector('[role="alert"]')?.textContent).toBe(
      'Không mở được bảng thanh tra: Extension context invalidated.',
    );
  });
});
