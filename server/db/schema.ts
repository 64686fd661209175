/**
 * The registry's tables as Kysely sees them. Times are ISO 8601 text and structured values JSON
 * text in both dialects, so one set of queries serves SQLite and PostgreSQL alike.
 */
import type { Generated, Kysely } from 'kysely';

export type DialectName = 'sqlite' | 'postgres';

export interface ReportsTable {
  id: string;
  /** SHA-256 of the report as validated: the same id with another body is a conflict. */
  body_sha256: string;
  body: string;
  platform: string;
  item_key: string;
  seller_key: string | null;
  client_id: string;
  /**
   * The keyed hash of the network the report came from (http/network-key.ts), never the address;
   * null for reports from before networks were counted.
   */
  network: string | null;
  /** The scam site the report names (a domain): shown to inspectors, never a case or a count. */
  site: string | null;
  reasons: string;
  received_at: string;
  state: 'received' | 'in_review' | 'decided';
  decision_id: number | null;
  /** 0 until the case projection has counted it. */
  projected: Generated<number>;
}

/** Which keys a report concerns (its item and, when known, its seller): the queue groups by these. */
export interface ReportKeysTable {
  report_id: string;
  key: string;
}

/** One row per key anyone has reported, appealed or decided: the review queue. */
export interface CasesTable {
  key: string;
  status: 'open' | 'confirmed' | 'suspected' | 'cleared' | 'reported';
  report_count: number;
  /** Distinct install ids among its reports (a client makes them up at will). */
  install_count: number;
  /** Distinct networks among its reports: what one person cannot multiply from one connection. */
  network_count: number;
  appeal_count: number;
  first_seen: string | null;
  last_seen: string | null;
  /** 'pending' while an accepted appeal waits for a new decision. */
  appeal: string | null;
  updated_at: string;
}

/** Each install and each network a key's reports came from, once: what its counts count. */
export interface CaseOriginsTable {
  key: string;
  kind: 'install' | 'network';
  origin: string;
}

export interface DecisionsTable {
  id: Generated<number>;
  key: string;
  status: 'confirmed' | 'suspected' | 'reported' | 'cleared';
  reasons: string;
  authority: string | null;
  case_id: string | null;
  summary: string;
  evidence_url: string | null;
  expires: string | null;
  by_token: string;
  by_name: string;
  at: string;
}

export interface NotesTable {
  id: Generated<number>;
  key: string;
  text: string;
  by_token: string;
  by_name: string;
  at: string;
}

export interface AuditTable {
  id: Generated<number>;
  key: string | null;
  action: string;
  by_token: string;
  by_name: string;
  before: string | null;
  after: string | null;
  at: string;
}

/** The records the feed publishes: imported official ones and those inspectors decided. */
export interface RecordsTable {
  key: string;
  record: string;
  source: 'import' | 'decision';
  updated_at: string;
}

export interface TokensTable {
  id: string;
  name: string;
  role: 'inspector' | 'admin';
  /** SHA-256 of the whole token; the token itself is shown once and never stored. */
  hash: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface AppealsTable {
  id: string;
  key: string;
  statement: string;
  contact: string | null;
  state: 'received' | 'accepted' | 'rejected' | 'resolved';
  created_at: string;
}

export interface EvidenceTable {
  report_id: string;
  sha256: string;
  media_type: string;
  bytes: number;
  created_at: string;
}

/** Inspector actions sent with an id: the first answer, given again to a repeat. */
export interface ReviewActionsTable {
  id: string;
  kind: string;
  body_sha256: string;
  result: string;
  at: string;
}
/** Evidence inspectors attached to a key: a listing snapshot and, once uploaded, a screenshot. */
export interface KeyEvidenceTable {
  id: string;
  key: string;
  captured_at: string;
  snapshot: string;
  snapshot_sha256: string;
  screenshot_sha256: string | null;
  media_type: string | null;
  by_token: string;
  by_name: string;
  at: string;
}
export interface PublishesTable {
  sequence: number;
  published_at: string;
  records: number;
  changes: number;
}

/** The registry's own secrets, made once and shared by every instance on the database. */
export interface SecretsTable {
  name: string;
  value: string;
}

/** Appeals taken per UTC day, per key and per network (`key:<key>`, `network:<hash>`). */
export interface AppealQuotaTable {
  scope: string;
  day: string;
  used: number;
}

/** How far a projection has read (SQLite: the last rowid of reports counted). */
export interface ProjectionTable {
  name: string;
  position: number;
}

/** A published feed file, kept in the database when instances share PostgreSQL. */
export interface FeedFilesTable {
  name: string;
  sequence: number;
  bytes: Uint8Array;
  /** Computed once at publish: serving never hashes. */
  etag: string;
  content_type: string;
  created_at: string;
}

/** An evidence image by its SHA-256, in the database when instances share PostgreSQL. */
export interface EvidenceBlobsTable {
  sha256: string;
  bytes: Uint8Array;
  created_at: string;
}

/** Hits per key in one fixed minute (`minute`: minutes since the epoch, by the database's clock). */
export interface RateCountsTable {
  key: string;
  minute: number;
  hits: number;
}

/** Who holds a named lease until when (milliseconds since the epoch). */
export interface LeasesTable {
  name: string;
  holder: string;
  expires_at: number;
}

/** One row that /health rewrites to prove the database takes writes (db/health-probe.ts). */
export interface HealthProbeTable {
  id: number;
  checked_at: string;
}

export interface RegistryDatabase {
  projection: ProjectionTable;
  reports: ReportsTable;
  report_keys: ReportKeysTable;
  cases: CasesTable;
  case_origins: CaseOriginsTable;
  decisions: DecisionsTable;
  notes: NotesTable;
  audit: AuditTable;
  records: RecordsTable;
  tokens: TokensTable;
  appeals: AppealsTable;
  evidence: EvidenceTable;
  review_actions: ReviewActionsTable;
  key_evidence: KeyEvidenceTable;
  publishes: PublishesTable;
  secrets: SecretsTable;
  appeal_quota: AppealQuotaTable;
  feed_files: FeedFilesTable;
  evidence_blobs: EvidenceBlobsTable;
  rate_counts: RateCountsTable;
  leases: LeasesTable;
  health_probe: HealthProbeTable;
}

/** The registry's database as every query takes it (a transaction is one too). */
export type Db = Kysely<RegistryDatabase>;
