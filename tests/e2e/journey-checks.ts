/**
 * What a journey must show, whichever browser runs it: the Chromium suites and the Firefox suite
 * (firefox/journeys.e2e.ts) read the page each their own way and hold what they read to these.
 */
import { expect } from 'vitest';

/** The listed scam site of the shipped ChongLuaDao list both suites open. */
export const SCAM_SITE = { url: 'https://www.0000a.net/dang-nhap?ref=sms', domain: '0000a.net' };

/** A warning's details name their source and date. */
export function expectSourcedDetails(text: string): void {
  expect(text).toMatch(/Nguồn: /);
  expect(text).toMatch(/Ngày: \d\d\/\d\d\/20\d\d/);
}

/** The warning page of a listed scam site: its domain, and who lists it. */
export function expectScamPage(shown: { domain: string | null; body: string | null }): void {
  expect(shown.domain).toBe(SCAM_SITE.domain);
  expect(shown.body).toContain('ChongLuaDao');
}

/** A tampered feed refused, said so, and the data it had kept (its publisher still shown). */
export function expectTamperRefused(
  shown: { result: string | null; status: string | null; publisher: string | null },
  publisher: string,
): void {
  expect(shown.result).toBe('failed');
  expect(shown.status).toContain('chữ ký không hợp lệ');
  expect(shown.publisher).toBe(publisher);
}

/** Every report the registry stored, stored once. */
export function expectEachOnce(stored: Array<{ id: string }>): void {
  const ids = stored.map((report) => report.id);
  expect(new Set(ids).size).toBe(ids.length);
}

/** A count as the Vietnamese pages write it, thousands grouped with dots: 16.921. */
export const viCount = (count: number) => String(count).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
