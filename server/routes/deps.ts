/** What the route groups share: the database, configuration, signing key, log and clock. */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { RegistryConfig } from '../config';
import type { DatabaseHealth } from '../db/database-health';
import type { RegistryDatabase } from '../db/schema';
import type { PublishOptions, RegistryPublish } from '../publish/publish-from-database';
import type { PublisherKey } from '../publish/publisher-key';
import type { CaseProjection } from '../store/cases/case-projection';
import type { EvidenceFiles } from '../store/evidence/evidence-files';
import type { ReportIntake } from '../store/reports/intake';

export interface RegistryDeps {
  db: Kysely<RegistryDatabase>;
  config: RegistryConfig;
  key: PublisherKey;
  log: Logger;
  evidence: EvidenceFiles;
  /** Report intake with group commit. */
  intake: ReportIntake;
  /** Counts stored reports into the review tables; run before reading them. */
  cases: CaseProjection;
  now: () => Date;
  /** Keys the hash of a client's network (store/secrets/network-secret.ts). */
  networkSecret: string;
  /** Whether the database takes writes, and why not (for /health). */
  health: DatabaseHealth;
  /** Publishes the next feed sequence (one at a time). */
  publish: (options?: PublishOptions) => Promise<RegistryPublish>;
}
