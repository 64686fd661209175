/**
 * "Gửi ngay" in "Báo cáo của tôi" asks Firefox's data consent for what is still waiting: a report
 * held back because the consent was withdrawn after it was saved can go again from there.
 */
import { describe, expect, it } from 'vitest';
import {
  CONTACT_DATA,
  REPORT_DATA,
  retryCategories,
} from '../../../utils/protocol/runtime/data-collection';

const reports = [
  { id: 'a', progress: 'waiting' },
  { id: 'b', progress: 'waiting', contact: 'nguoimua@example.vn' },
  { id: 'c', progress: 'received', contact: '0901234567' },
  { id: 'd', progress: 'expired' },
];

describe('the consent "Gửi ngay" asks for', () => {
  it('covers the waiting reports it sends: the one pressed, or all', () => {
    expect(retryCategories(reports, 'a')).toEqual([...REPORT_DATA]);
    expect(retryCategories(reports, 'b')).toEqual([...REPORT_DATA, CONTACT_DATA]);
    expect(retryCategories(reports)).toEqual([...REPORT_DATA, CONTACT_DATA]);
    // "Thử lại" on a report past its 30 days sends it again too.
    expect(retryCategories(reports, 'd')).toEqual([...REPORT_DATA]);
  });

  it('asks nothing when nothing waits', () => {
    expect(retryCategories(reports, 'c')).toEqual([]);
    expect(retryCategories([])).toEqual([]);
  });
});
