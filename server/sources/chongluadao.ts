/**
 * The ChongLuaDao scam-domain list (CC0; server/data/chongluadao/) as flag records. ChongLuaDao is a
 * community project that checks the reports it receives, not an authority, so its entries are
 * `reported` (DESIGN.md §4): the warning names ChongLuaDao and the list's date, never a decision.
 * It is also a curated list that ships with the package, so its records may block their domain
 * (`blocking`), unlike the registry's own unverified reports.
 */
import { formatKey } from '../../utils/protocol/keys';
import type { FlagRecord } from '../../utils/protocol/records';

export const CHONGLUADAO_EVIDENCE = 'https://chongluadao.vn/';

export interface DomainList {
  updated: string;
  domains: string[];
}

/** Parses the list: a `#` header (with `# Updated: <ISO time>`), then one host per line. */
export function parseDomainList(text: string): DomainList {
  let updated: string | null = null;
  const domains: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    if (line.startsWith('#')) {
      const match = /^#\s*Updated:\s*(\S+)/i.exec(line);
      if (match?.[1]) updated = match[1];
      continue;
    }
    if (/^\d+\.\d+\.\d+\.\d+$/.test(line)) continue; // the list's one IPv4 entry: not a domain key
    domains.push(line.toLowerCase());
  }
  if (!updated) throw new Error('the domain list has no "# Updated:" header');
  return { updated, domains };
}

export function chongLuaDaoRecords(list: DomainList): FlagRecord[] {
  const date = list.updated.slice(0, 10);
  const shown = `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
  return list.domains.map((domain) => ({
    key: formatKey({ kind: 'domain', domain }),
    status: 'reported',
    reasons: ['scam_site'],
    authority: 'ChongLuaDao.vn',
    name: domain,
    summary: {
      vi: `Trang này có trong danh sách trang lừa đảo của ChongLuaDao.vn (cập nhật ${shown}). ChongLuaDao là dự án cộng đồng, không phải cơ quan nhà nước.`,
      en: `This site is on ChongLuaDao.vn's list of scam sites (updated ${date}). ChongLuaDao is a community project, not a government authority.`,
    },
    evidenceUrl: CHONGLUADAO_EVIDENCE,
    firstSeen: date,
    updated: date,
    blocking: true,
  }));
}
