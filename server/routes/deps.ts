/** What the route groups share: the database, configuration, signing key, log and clock. */
import type { Store } from 'hono-rate-limiter';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { RegistryConfig } from '../config';
import type { DatabaseHealth } from '../db/database-health';
import type { RegistryDatabase } from '../db/schema';
import type { PublishOptions, RegistryPublish } from '../publish/publish-from-database';
import type { PublisherKey } from '../publish/publisher-key';
import type { FeedStore } from '../publish/stores/feed-store';
import type { CaseProjection } from '../store/cases/case-projection';
import type { EvidenceStore } from '../store/evidence/evidence-store';
import type { ReportIntake } from '../store/reports/intake';

export interface RegistryDeps {
  db: Kysely<RegistryDatabase>;
  config: RegistryConfig;
  key: PublisherKey;
  log: Logger;
  /** The published feed: a directory (SQLite) or the shared database (PostgreSQL). */
  feed: FeedStore;
  /** Screenshots: a directory (SQLite) or the shared database (PostgreSQL). */
  evidence: EvidenceStore;
  /** Report intake with group commit. */
  intake: ReportIntake;
  /** Counts stored reports into the review tables; run before reading them. */
  cases: CaseProjection;
  now: () => Date;
  /** Keys the hash of a client's network (store/secrets/network-secret.ts). */
  networkSecret: string;
  /**
   * A store for one rate limiter's counts shared by every instance (PostgreSQL); undefined: each
   * process counts in memory (SQLite, one server).
   */
  rateStore: () => Store | undefined;
  /** Whether the database takes writes, and why not (for /health). */
  health: DatabaseHealth;
  /** Publishes the next feed sequence (one at a time). */
  publish: (options?: PublishOptions) => Promise<RegistryPublish>;
}
