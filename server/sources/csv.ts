/**
 * Source records as CSV, for publishers who keep them in a spreadsheet. One row a record; columns
 * by name: key, status, reasons (separated by ";"), authority, caseId, summary_vi, summary_en,
 * evidenceUrl, reportCount, name, firstSeen, updated, expires. Quoted fields may hold commas,
 * quotes ("") and line breaks (RFC 4180).
 */
import { type FlagRecord, FlagRecordSchema } from '../../utils/protocol/records';

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.some((cell) => cell !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (quoted) throw new Error('CSV ends inside a quoted field');
  row.push(field);
  if (row.some((cell) => cell !== '')) rows.push(row);
  return rows;
}

export function recordsFromCsv(text: string): FlagRecord[] {
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));
  if (!header) return [];
  const column = (name: string) => header.indexOf(name);
  return rows.map((row, i) => {
    const cell = (name: string) => {
      const at = column(name);
      const value = at >= 0 ? row[at]?.trim() : undefined;
      return value ? value : undefined;
    };
    const reportCount = cell('reportCount');
    const candidate = {
      key: cell('key'),
      status: cell('status'),
      reasons: (cell('reasons') ?? '')
        .split(';')
        .map((r) => r.trim())
        .filter(Boolean),
      authority: cell('authority'),
      caseId: cell('caseId'),
      summary: { vi: cell('summary_vi'), en: cell('summary_en') },
      evidenceUrl: cell('evidenceUrl'),
      reportCount: reportCount === undefined ? undefined : Number(reportCount),
      name: cell('name'),
      firstSeen: cell('firstSeen'),
      updated: cell('updated'),
      expires: cell('expires'),
    };
    const clean = Object.fromEntries(Object.entries(candidate).filter(([, v]) => v !== undefined));
    const parsed = FlagRecordSchema.safeParse(clean);
    if (!parsed.success) throw new Error(`CSV row ${i + 2}: ${parsed.error.message}`);
    return parsed.data;
  });
}
