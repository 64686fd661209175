/**
 * hono-rate-limiter's store interface over the database's rate counts (store/limits/rate-counts.ts):
 * instances on one PostgreSQL share their limits. One store a limiter, each with its own prefix.
 */
import type { ClientRateLimitInfo, Store } from 'hono-rate-limiter';
import type { Db } from '../db/schema';
import { countHit, resetCount, uncountHit } from '../store/limits/rate-counts';

export class SharedRateStore implements Store {
  readonly localKeys = false;

  constructor(
    private readonly db: Db,
    readonly prefix: string,
  ) {}

  async increment(key: string): Promise<ClientRateLimitInfo> {
    const { hits, resetAt } = await countHit(this.db, `${this.prefix}${key}`);
    return { totalHits: hits, resetTime: new Date(resetAt) };
  }

  decrement(key: string): Promise<void> {
    return uncountHit(this.db, `${this.prefix}${key}`);
  }

  resetKey(key: string): Promise<void> {
    return resetCount(this.db, `${this.prefix}${key}`);
  }
}
