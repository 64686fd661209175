/**
 * Report intake: each report stored exactly once under its id, with its network's keyed hash. A
 * repeat with the same body gets the first receipt back. The same id with another body is an
 * amendment when the same install resends its report of the same item within REPORT_AMEND_MS of
 * the first receipt (amendment.ts: new reasons, note, contact or site; the listing's facts stay),
 * and a conflict otherwise. A receipt is given only once the transaction holding it has committed.
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
import { amendedReport, amends, canonicalBody } from './amendment';

export type IntakeOutcome =
  | { kind: 'created'; receipt: ReportReceipt }
  | { kind: 'repeat'; receipt: ReportReceipt }
  | { kind: 'updated'; receipt: ReportReceipt }
  | { kind: 'conflict' };

interface Pending {
  report: Report;
  hash: string;
  body: string;
  /** The keyed hash of the network it came from (null: no address to hash). */
  network: string | null;
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
        part.map(({ report, hash, body, network }) => ({
          id: report.id,
          body_sha256: hash,
          body,
          platform: report.listing.platform,
          item_key: report.listing.itemKey,
          seller_key: report.listing.sellerKey ?? null,
          client_id: report.clientId,
          network,
          site: report.site ?? null,
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

/** A report already stored under this id: a repeat, an amendment, or a conflict. */
async function outcomeFor(
  db: Kysely<RegistryDatabase>,
  row: { id: string; body: string; body_sha256: string; received_at: string },
  { report, hash }: Pending,
  now: Date,
): Promise<IntakeOutcome> {
  const receipt = { id: row.id, receivedAt: row.received_at };
  if (row.body_sha256 === hash) return { kind: 'repeat', receipt };
  const first = JSON.parse(row.body) as Report;
  if (!amends({ clientId: first.clientId, itemKey: first.listing.itemKey }, report)) {
    return { kind: 'conflict' };
  }
  const amended = amendedReport(first, report);
  if (!amended) return { kind: 'conflict' };
  const body = canonicalBody(amended);
  const amendedHash = sha256Hex(body);
  // The amendment as already applied (sent again, or with only frozen facts changed): nothing to do.
  if (amendedHash === row.body_sha256)
    return { kind: 'updated', receipt: { ...receipt, updated: true } };
  // The window runs from the first receipt, which an amendment never moves.
  if (now.getTime() - Date.parse(row.received_at) > REPORT_AMEND_MS) return { kind: 'conflict' };
  // Guarded by the body it replaces: of two amendments racing, one wins and one conflicts.
  const result = await db
    .updateTable('reports')
    .set({
      body,
      body_sha256: amendedHash,
      reasons: JSON.stringify(report.reasons),
      site: report.site ?? null,
    })
    .where('id', '=', row.id)
    .where('body_sha256', '=', row.body_sha256)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1
    ? { kind: 'updated', receipt: { ...receipt, updated: true } }
    : { kind: 'conflict' };
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
      .select(['id', 'body', 'body_sha256', 'received_at'])
      .where(
        'id',
        'in',
        part.map(({ report }) => report.id),
      )
      .execute();
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const entry of part) {
      const row = byId.get(entry.report.id);
      if (row) outcomes.set(entry.report.id, await outcomeFor(db, row, entry, now));
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
  private idleWaiters: Array<() => void> = [];
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

  /** Resolves once every report handed to save() so far is stored or refused (before closing). */
  idle(): Promise<void> {
    if (!this.flushing) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  save(report: Report, network: string | null): Promise<IntakeOutcome> {
    const body = canonicalBody(report);
    return new Promise((resolve, reject) => {
      const pending = { report, body, hash: sha256Hex(body), network };
      this.queue.push({ pending, resolve, reject });
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
    for (const resolve of this.idleWaiters.splice(0)) resolve();
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
