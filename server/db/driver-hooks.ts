/**
 * A Kysely dialect with hooks around its driver: every statement, and the start and end of every
 * transaction, pass through them. What SQLite needs to wait for its lock without blocking the
 * event loop (sqlite-busy.ts) and what watches writes fail or succeed (write-watch.ts) each wrap a
 * dialect this way, SQLite's or PostgreSQL's alike, without copying either driver.
 */
import type {
  CompiledQuery,
  DatabaseConnection,
  Dialect,
  Driver,
  QueryResult,
  TransactionSettings,
} from 'kysely';
import { databaseFault, StorageFaultError } from './storage-faults';

type Next<T> = () => Promise<T>;

/** pg-pool's own wording when no connection came within `connectionTimeoutMillis`. */
const isConnectTimeout = (error: unknown) =>
  error instanceof Error && /timeout exceeded when trying to connect/i.test(error.message);
const unavailable = () => databaseFault(Object.assign(new Error(), { code: 'ECONNREFUSED' }));

export interface DriverHooks {
  /** One statement on `connection` (the driver's own, unwrapped). */
  execute?(
    query: CompiledQuery,
    connection: DatabaseConnection,
    next: Next<QueryResult<unknown>>,
  ): Promise<QueryResult<unknown>>;
  begin?(connection: DatabaseConnection, next: Next<void>): Promise<void>;
  commit?(connection: DatabaseConnection, next: Next<void>): Promise<void>;
  rollback?(connection: DatabaseConnection, next: Next<void>): Promise<void>;
  /** After the driver has closed its database. */
  destroyed?(): Promise<void>;
}

class HookedDriver implements Driver {
  /** Each of the driver's connections and its wrapper, both ways (the driver wants its own). */
  private readonly outerOf = new WeakMap<DatabaseConnection, DatabaseConnection>();
  private readonly innerOf = new WeakMap<DatabaseConnection, DatabaseConnection>();

  constructor(
    private readonly inner: Driver,
    private readonly hooks: DriverHooks,
  ) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    let inner: DatabaseConnection;
    try {
      inner = await this.inner.acquireConnection();
    } catch (error) {
      // No connection at all (PostgreSQL down, refused, out of connections) is the registry's
      // condition, answered 503 like a failing statement, not a bug.
      const fault = databaseFault(error) ?? (isConnectTimeout(error) ? unavailable() : null);
      throw fault ? new StorageFaultError(fault, error) : error;
    }
    let outer = this.outerOf.get(inner);
    if (!outer) {
      const { execute } = this.hooks;
      outer = {
        executeQuery: <R>(query: CompiledQuery) =>
          (execute
            ? execute(query, inner, () => inner.executeQuery(query))
            : inner.executeQuery(query)) as Promise<QueryResult<R>>,
        streamQuery: <R>(query: CompiledQuery, chunkSize?: number) =>
          inner.streamQuery<R>(query, chunkSize),
      };
      this.outerOf.set(inner, outer);
      this.innerOf.set(outer, inner);
    }
    return outer;
  }

  private unwrap(connection: DatabaseConnection): DatabaseConnection {
    return this.innerOf.get(connection) ?? connection;
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const inner = this.unwrap(connection);
    const next = () => this.inner.beginTransaction(inner, settings);
    return this.hooks.begin ? this.hooks.begin(inner, next) : next();
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    const inner = this.unwrap(connection);
    const next = () => this.inner.commitTransaction(inner);
    return this.hooks.commit ? this.hooks.commit(inner, next) : next();
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const inner = this.unwrap(connection);
    const next = () => this.inner.rollbackTransaction(inner);
    return this.hooks.rollback ? this.hooks.rollback(inner, next) : next();
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection(this.unwrap(connection));
  }

  async destroy(): Promise<void> {
    await this.inner.destroy();
    await this.hooks.destroyed?.();
  }
}

/** `dialect` with `hooks` around its driver; everything else (compiler, adapter) is its own. */
export function withDriverHooks(dialect: Dialect, hooks: DriverHooks): Dialect {
  return {
    createDriver: () => new HookedDriver(dialect.createDriver(), hooks),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createAdapter: () => dialect.createAdapter(),
    createIntrospector: (db) => dialect.createIntrospector(db),
  };
}
