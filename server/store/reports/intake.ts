/**
 * Report intake: each report stored exactly once under its id. A repeat with the same body gets the
 * first receipt back. The same id with another body is an amendment when the same install resends
 * its report of the same listing within REPORT_AMEND_MS of the first receipt (new reasons, note or
 * contact: still one report), and a conflict otherwise. A receipt is given only once the
 * transaction holding the report has committed.
 */
import type { Kysely, Transaction } from 'kysely';
import {
  REPORT_AMEND_MS,
  type Report,
  type ReportReceipt,
} from '../../../utils/protocol/registry/report';
import { chunks } from '../../db/chunks';
import type { RegistryDatabase } from '../../db/schema';
import { sha256Hex } from '../../db/sha256';

export type IntakeOutcome =
  | { kind: 'created'; receipt: ReportReceipt }
  | { kind: 'repeat'; receipt: ReportReceipt }
  | { kind: 'updated'; receipt: ReportReceipt }
  | { kind: 'conflict' };

/** The report as validated, serialised in schema order: equal reports hash equal. */
export const canonicalBody = (report: Report) => JSON.stringify(report);

interface Pending {
  report: Report;
  hash: string;
  body: string;
}

/**
 * Writes a batch of reports in one transaction and returns the ids it inserted. Only the reports
 * table is written here: the keys they concern and their cases' counters follow in the case
 * projection (case-projection.ts), so intake touches as few pages as it can.
 */
async function insertBatch(
  trx: Transaction<RegistryDatabase>,
  batch: readonly Pending[],
  receivedAt: string,
): Promise<Set<string>> {
  const inserted = new Set<string>();
  for (const part of chunks(batch)) {
    const rows = await trx
      .insertInto('reports')
      .values(
        part.map(({ report, hash, body }) => ({
          id: report.id,
          body_sha256: hash,
          body,
          platform: report.listing.platform,
          item_key: report.listing.itemKey,
          seller_key: report.listing.sellerKey ?? null,
          client_id: report.clientId,
          reasons: JSON.stringify(report.reasons),
          received_at: receivedAt,
          state: 'received' as const,
          decision_id: null,
        })),
      )
      .onConflict((conflict) => conflict.column('id').doNothing())
      .returning('id')
      .execute();
    for (const row of rows) inserted.add(row.id);
  }
  return inserted;
}

async function existingOutcomes(
  db: Kysely<RegistryDatabase>,
  pending: readonly Pending[],
  now: Date,
): Promise<Map<string, IntakeOutcome>> {
  const outcomes = new Map<string, IntakeOutcome>();
  for (const part of chunks(pending)) {
    const rows = await db
      .selectFrom('reports')
      .select(['id', 'body_sha256', 'received_at', 'client_id', 'item_key', 'seller_key'])
      .where(
        'id',
        'in',
        part.map(({ report }) => report.id),
      )
      .execute();
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const { report, hash, body } of part) {
      const row = byId.get(report.id);
      if (!row) continue;
      const receipt = { id: row.id, receivedAt: row.received_at };
      if (row.body_sha256 === hash) {
        outcomes.set(report.id, { kind: 'repeat', receipt });
        continue;
      }
      const amendable =
        row.client_id === report.clientId &&
        row.item_key === report.listing.itemKey &&
        // The keys a report concerns were projected into its case on arrival: they stay.
        (report.listing.sellerKey ?? null) === (row.seller_key ?? null) &&
        now.getTime() - Date.parse(row.received_at) <= REPORT_AMEND_MS;
      // Guarded by the body it replaces: of two amendments racing, one wins and one conflicts.
      const amended =
        amendable &&
        Number(
          (
            await db
              .updateTable('reports')
              .set({
                body,
                body_sha256: hash,
                reasons: JSON.stringify(report.reasons),
              })
              .where('id', '=', row.id)
              .where('body_sha256', '=', row.body_sha256)
              .executeTakeFirst()
          ).numUpdatedRows,
        ) === 1;
      outcomes.set(
        report.id,
        amended
          ? { kind: 'updated', receipt: { ...receipt, updated: true } }
          : { kind: 'conflict' },
      );
    }
  }
  return outcomes;
}

/**
 * Report intake with group commit: the reports that arrive while a transaction is being written
 * wait and go together in the next one. Each caller's promise settles only after the transaction
 * holding its report has committed, so a receipt always means stored; under load one commit
 * (and one WAL append) serves many reports.
 */
export class ReportIntake {
  private queue: Array<{
    pending: Pending;
    resolve: (outcome: IntakeOutcome) => void;
    reject: (error: unknown) => void;
  }> = [];
  private flushing = false;
  /** Reports stored since the count was last taken (for the log's summary line). */
  private stored = 0;

  constructor(
    private readonly db: Kysely<RegistryDatabase>,
    private readonly now: () => Date,
    private readonly maxBatch = 500,
  ) {}

  /** How many reports were stored since the last call. */
  takeCount(): number {
    const count = this.stored;
    this.stored = 0;
    return count;
  }

  save(report: Report): Promise<IntakeOutcome> {
    const body = canonicalBody(report);
    return new Promise((resolve, reject) => {
      this.queue.push({ pending: { report, body, hash: sha256Hex(body) }, resolve, reject });
      if (!this.flushing) {
        this.flushing = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      try {
        const outcomes = await this.write(batch.map((entry) => entry.pending));
        for (const [index, entry] of batch.entries())
          entry.resolve(outcomes[index] as IntakeOutcome);
      } catch (error) {
        for (const entry of batch) entry.reject(error);
      }
    }
    this.flushing = false;
  }

  /** One batch's outcomes, in its order. */
  private async write(batch: readonly Pending[]): Promise<IntakeOutcome[]> {
    const receivedAt = this.now().toISOString();
    const first = new Map<string, Pending>();
    for (const pending of batch)
      if (!first.has(pending.report.id)) first.set(pending.report.id, pending);
    const unique = [...first.values()];
    const inserted = await this.db
      .transaction()
      .execute((trx) => insertBatch(trx, unique, receivedAt));
    const outcomes = await existingOutcomes(
      this.db,
      unique.filter(({ report }) => !inserted.has(report.id)),
      this.now(),
    );
    for (const id of inserted) outcomes.set(id, { kind: 'created', receipt: { id, receivedAt } });
    this.stored += inserted.size;
    return batch.map((pending) => {
      const outcome = outcomes.get(pending.report.id);
      if (!outcome) throw new Error(`report ${pending.report.id} was neither stored nor found`);
      const original = first.get(pending.report.id);
      if (original === pending) return outcome;
      // The same id twice in one batch: the later copy is a repeat of the first, or a conflict.
      if (original?.hash !== pending.hash) return { kind: 'conflict' };
      return outcome.kind === 'created' ? { kind: 'repeat', receipt: outcome.receipt } : outcome;
    });
  }
}
