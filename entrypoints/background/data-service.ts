/**
 * The background's data: the local database, the index loaded from it, and the feed sync. Built on
 * first use (a cold service worker pays once: one meta read of the packed index), rebuilt after each
 * sync. Everything it needs comes in as arguments, so it runs the same in unit tests and in the
 * extension.
 */
import type { Database } from '../../utils/db/database';
import { type LoadedData, loadData, readDomains } from '../../utils/db/flag-store';
import { RecordReader } from '../../utils/db/record-reader';
import type { CheckerHandle } from '../../utils/feed/check-pool';
import { ensureDefaultData, type PackageReader } from '../../utils/feed/default-data';
import { loadShippedIntoMemory } from '../../utils/feed/memory-data';
import { syncFeed } from '../../utils/feed/sync';
import { SyncError } from '../../utils/feed/sync-error';
import { MIN_SYNC_MINUTES } from '../../utils/feed-format/manifest';
import { unguarded } from '../../utils/lookup/domain-guard';
import { DomainList } from '../../utils/lookup/domain-list';
import { PackedIndex } from '../../utils/lookup/packed-index';
import { ProductMatcher } from '../../utils/lookup/product-matcher';
import { replicaInFolded } from '../../utils/lookup/replica-words';
import { isShownToShoppers } from '../../utils/lookup/shown';
import { readAddressName } from '../../utils/protocol/address-name';
import { normaliseProductName } from '../../utils/protocol/keys';
import type { RequestOf, ResponseOf } from '../../utils/protocol/messages';
import type { Signal } from '../../utils/protocol/preferences';
import type { FlagRecord } from '../../utils/protocol/records';
import {
  type DataStatus,
  type SyncStatus,
  SyncStatusSchema,
} from '../../utils/protocol/sync-status';

/** How often the feed is fetched unless the server asks for longer. */
export const DEFAULT_SYNC_MINUTES = 6 * 60;

export interface FeedConfig {
  /** The built-in manifest URL (null: this build has no feed; the options page may set one). */
  url: string | null;
  publicKeys: readonly string[];
}

export interface DataServiceDeps {
  openDb(): Promise<Database>;
  readPackageFile: PackageReader;
  fetch: typeof fetch;
  now(): Date;
  feed: FeedConfig;
  /** Check workers for a big snapshot (check-host.ts); absent: checked in this thread. */
  openCheckers?(): Promise<CheckerHandle | null>;
  /**
   * Called when the sites to block changed (install, sync, a record's expiry): the block rule
   * follows. `until`: when a blocked site's record expires next, so the list must be built again.
   */
  onBlockListChanged?(blocked: BlockList): Promise<void>;
}

/** The scam sites to block: exactly those a shopper is shown a warning page for. */
export interface BlockList {
  domains: string[];
  /** When the next of their records expires (ms since the epoch), or null. */
  until: number | null;
}

/** The listed domains a shopper is warned about now, with their records. */
interface ShownDomains extends BlockList {
  list: DomainList;
  records: Map<string, FlagRecord>;
  /** Listed domains the guard keeps from ever being blocked (domain-guard.ts). */
  guarded: number;
}

/** Where records are read from: the database, or the shipped records held in memory. */
interface RecordSource {
  get(keys: Iterable<string>): Promise<Map<string, FlagRecord>>;
}

interface State {
  /** null: no usable IndexedDB; the shipped data is held in memory for this worker's life. */
  db: Database | null;
  loaded: LoadedData;
  reader: RecordSource;
  products: ProductMatcher;
  /** Built on first use (most worker starts only answer lookups), again once a record expires. */
  shown: Promise<ShownDomains> | null;
  /** How many listed domains the guard keeps from being blocked. */
  guarded: Promise<number> | null;
}

const SYNC_KEY = 'sync';
const ETAG_KEY = 'etag';
const FEED_URL_SETTING = 'feedUrl';

export type DataService = ReturnType<typeof createDataService>;

export function createDataService(deps: DataServiceDeps) {
  let state: Promise<State> | null = null;
  /** Counts changes of the feed address: a sync belongs to the address it started with. */
  let generation = 0;
  let syncing: { generation: number; outcome: Promise<DataStatus> } | null = null;
  let readyMs: number | undefined;

  const stateOf = (db: Database, loaded: LoadedData): State => ({
    db,
    loaded,
    reader: new RecordReader(db, loaded.index),
    products: new ProductMatcher(loaded.names.products),
    shown: null,
    guarded: null,
  });

  /** No storage: the shipped records in memory, so the shopper is still warned. */
  async function memoryState(): Promise<State> {
    const memory = await loadShippedIntoMemory(deps.readPackageFile, deps.now);
    const loaded: LoadedData = {
      info: memory.info,
      index: PackedIndex.empty(),
      names: memory.names,
      nextChunk: 0,
    };
    return {
      db: null,
      loaded,
      reader: {
        get: async (keys) => {
          const found = new Map<string, FlagRecord>();
          for (const key of keys) {
            const record = memory.records.get(key);
            if (record) found.set(key, record);
          }
          return found;
        },
      },
      products: new ProductMatcher(memory.names.products),
      shown: null,
      guarded: null,
    };
  }

  /** Every listed domain of the data (read from the database only when first needed). */
  const listedDomains = async (current: State): Promise<string[]> =>
    current.loaded.names.domains ?? (current.db ? await readDomains(current.db) : []);

  const guardedOf = (current: State): Promise<number> => {
    current.guarded ??= (async () => unguarded(await listedDomains(current)).guarded)();
    return current.guarded;
  };

  /**
   * The listed domains shoppers are shown now: not guarded, and whose records are neither cleared
   * nor expired. The block rule and the warning page both use this one list, so every block lands
   * on a warning page that names its source.
   */
  async function buildShown(current: State): Promise<ShownDomains> {
    const listed = await listedDomains(current);
    const { allowed, guarded } = unguarded(listed);
    const found = await current.reader.get(allowed.map((domain) => `domain:${domain}`));
    const now = deps.now();
    const records = new Map<string, FlagRecord>();
    let until: number | null = null;
    for (const domain of allowed) {
      const record = found.get(`domain:${domain}`);
      if (!record || !isShownToShoppers(record, now)) continue;
      records.set(domain, record);
      const expires = record.expires === undefined ? null : Date.parse(record.expires);
      if (expires !== null && (until === null || expires < until)) until = expires;
    }
    const domains = [...records.keys()];
    return { domains, until, list: new DomainList(domains), records, guarded };
  }

  async function shownDomains(current: State): Promise<ShownDomains> {
    const held = current.shown ? await current.shown : null;
    if (held && (held.until === null || deps.now().getTime() < held.until)) return held;
    current.shown = buildShown(current);
    current.shown.catch(() => {
      current.shown = null;
    });
    return current.shown;
  }

  async function notifyBlockList(current: State): Promise<void> {
    if (!deps.onBlockListChanged) return;
    const { domains, until } = await shownDomains(current);
    await deps.onBlockListChanged({ domains, until });
  }

  async function changed(db: Database, loaded: LoadedData): Promise<void> {
    const next = stateOf(db, loaded);
    state = Promise.resolve(next);
    await notifyBlockList(next);
  }

  /**
   * The database, opened and its index loaded. A worker start reads only the index blob and the
   * data's description; the shipped data is stored on the first run (and on updates, see
   * refreshShippedData), not looked at on every start.
   */
  async function fromDatabase(): Promise<State> {
    const db = await deps.openDb();
    const held = await loadData(db);
    // Time since this worker started (its time origin) until the index could answer.
    readyMs ??= performance.now();
    if (held.info) return stateOf(db, held);
    const loaded = await ensureDefaultData(db, deps.readPackageFile, deps.now, held);
    const next = stateOf(db, loaded);
    await notifyBlockList(next);
    return next;
  }

  /**
   * The data, ready to answer. When IndexedDB cannot be opened, read or written (disabled, or the
   * disk full at the first import), the shipped records are held in memory instead, once for the
   * worker's life: every message is answered from them and the import is not retried on each one.
   */
  function ready(): Promise<State> {
    state ??= fromDatabase().catch(async (error: unknown) => {
      console.warn('Soi Hàng: no usable IndexedDB, the shipped data is held in memory', error);
      const next = await memoryState();
      await notifyBlockList(next);
      return next;
    });
    state.catch(() => {
      state = null; // not even the shipped data could be read: try again on the next message
    });
    return state;
  }

  async function feedUrl(db: Database | null): Promise<string | null> {
    const stored = db ? await db.get('settings', FEED_URL_SETTING) : undefined;
    return typeof stored === 'string' ? stored : deps.feed.url;
  }

  async function readSync(db: Database | null): Promise<SyncStatus | null> {
    if (!db) return null;
    const parsed = SyncStatusSchema.safeParse(await db.get('meta', SYNC_KEY));
    return parsed.success ? parsed.data : null;
  }

  async function status(): Promise<DataStatus> {
    const current = await ready();
    const { db, loaded } = current;
    const sync = await readSync(db);
    const expiresAt = loaded.info?.expiresAt;
    const stale =
      (expiresAt !== undefined && Date.parse(expiresAt) <= deps.now().getTime()) ||
      sync?.errorCode === 'expired';
    return {
      data: loaded.info,
      sync,
      stale,
      feedUrl: await feedUrl(db),
      guarded: await guardedOf(current),
      ...(db ? {} : { inMemory: true }),
      ...(readyMs !== undefined ? { workerReadyMs: readyMs } : {}),
    };
  }

  async function runSync(started: number): Promise<DataStatus> {
    const current = await ready();
    const { db } = current;
    // Without storage there is nothing to update: the shipped data stays in memory.
    if (!db) return status();
    const url = await feedUrl(db);
    // The address changed before this sync began its work: the sync asked for since does it.
    if (started !== generation) return status();
    const previous = await readSync(db);
    const at = deps.now().toISOString();
    let next: SyncStatus;
    if (!url || deps.feed.publicKeys.length === 0) {
      next = { result: 'not_configured', at };
    } else {
      try {
        const etag = await db.get('meta', ETAG_KEY);
        const result = await syncFeed({
          db,
          source: { manifestUrl: url, publicKeys: deps.feed.publicKeys },
          current: current.loaded,
          etag: typeof etag === 'string' ? etag : null,
          fetch: deps.fetch,
          now: deps.now(),
          ...(deps.openCheckers ? { openCheckers: deps.openCheckers } : {}),
        });
        const interval = Math.max(
          DEFAULT_SYNC_MINUTES,
          result.manifest?.minSyncMinutes ?? MIN_SYNC_MINUTES,
        );
        if (result.status === 'updated') await changed(db, result.loaded);
        const guarded = await guardedOf(await ready());
        // The address changed while this sync ran: its ETag is the old feed's; the next sync,
        // already asked for, starts afresh from the new one.
        if (started !== generation) return status();
        if (result.etag) await db.put('meta', result.etag, ETAG_KEY);
        next = {
          result: result.status,
          at,
          lastSuccessAt: at,
          intervalMinutes: interval,
          ...(guarded > 0 ? { guarded } : {}),
          ...(result.status === 'updated'
            ? {
                via: result.via,
                downloadMs: result.downloadMs,
                applyMs: result.applyMs,
                parseMs: result.parseMs,
                storeMs: result.storeMs,
                ...(result.checkers ? { checkers: result.checkers } : {}),
              }
            : {}),
        };
      } catch (error) {
        next = {
          result: 'failed',
          at,
          errorCode: error instanceof SyncError ? error.code : 'internal',
          message: (error instanceof Error ? error.message : String(error)).slice(0, 1000),
          ...(previous?.lastSuccessAt ? { lastSuccessAt: previous.lastSuccessAt } : {}),
          ...(previous?.intervalMinutes ? { intervalMinutes: previous.intervalMinutes } : {}),
        };
      }
    }
    if (started !== generation) return status();
    await db.put('meta', next, SYNC_KEY);
    return status();
  }

  return {
    ready,
    status,

    /** After an install or update: stores the data this package ships unless feed data is held. */
    async refreshShippedData(): Promise<void> {
      const current = await ready();
      if (!current.db) return;
      const after = await ensureDefaultData(
        current.db,
        deps.readPackageFile,
        deps.now,
        current.loaded,
      );
      if (after !== current.loaded) await changed(current.db, after);
    },

    /**
     * One sync at a time: a second request while one runs gets the same outcome, unless the feed
     * address changed since it started; then a fresh sync of the new address follows it.
     */
    syncNow(): Promise<DataStatus> {
      if (syncing?.generation === generation) return syncing.outcome;
      const before = syncing?.outcome.catch(() => undefined) ?? Promise.resolve();
      const started = generation;
      const mine = { generation: started, outcome: before.then(() => runSync(started)) };
      syncing = mine;
      mine.outcome
        .finally(() => {
          if (syncing === mine) syncing = null;
        })
        .catch(() => undefined);
      return mine.outcome;
    },

    async setFeedUrl(url: string | null): Promise<DataStatus> {
      const { db } = await ready();
      if (!db) throw new Error('no storage: the feed address cannot be kept');
      // First: a sync already running belongs to the old address from here on.
      generation++;
      if (url === null) await db.delete('settings', FEED_URL_SETTING);
      else await db.put('settings', url, FEED_URL_SETTING);
      await db.delete('meta', ETAG_KEY);
      return status();
    },

    /** The records for a page's keys and names; `signalsOff`: on-page signals not to read. */
    async lookup(
      request: RequestOf<'lookup'>,
      signalsOff: readonly Signal[] = [],
    ): Promise<ResponseOf<'lookup'>> {
      const replicaWords = !signalsOff.includes('replicaWords');
      const { loaded, reader, products } = await ready();
      const matches: Array<{ itemKey: string; productKey: string }> = [];
      const replicas: Array<{ itemKey: string; phrase: string }> = [];
      for (const { itemKey, title, fromAddress } of request.titles ?? []) {
        const name = fromAddress ? readAddressName(title) : title;
        if (!name) continue;
        const folded = normaliseProductName(name);
        const productKey = products.matchFolded(folded);
        if (productKey) matches.push({ itemKey, productKey });
        const phrase = replicaWords ? replicaInFolded(folded) : null;
        if (phrase) replicas.push({ itemKey, phrase });
      }
      const keys = [...request.keys, ...matches.map((m) => m.productKey)];
      const found = await reader.get(keys);
      const now = deps.now();
      const hits: FlagRecord[] = [];
      for (const record of found.values()) if (isShownToShoppers(record, now)) hits.push(record);
      const shown = new Set(hits.map((r) => r.key));
      const kept = matches.filter((m) => shown.has(m.productKey));
      return {
        hits,
        data: loaded.info,
        ...(kept.length > 0 ? { products: kept } : {}),
        ...(replicas.length > 0 ? { replicas } : {}),
      };
    },

    /** The listed domain covering this URL and its record, if it is shown to shoppers. */
    async scamInfo(url: string): Promise<{ domain: string | null; record: FlagRecord | null }> {
      const shown = await shownDomains(await ready());
      const domain = shown.list.match(url);
      const record = domain ? shown.records.get(domain) : undefined;
      return domain && record ? { domain, record } : { domain: null, record: null };
    },

    /** The sites to block now (built again once a record among them has expired). */
    async blockList(): Promise<BlockList> {
      const { domains, until } = await shownDomains(await ready());
      return { domains, until };
    },

    /** Builds the block list again if a record among it has expired since, and passes it on. */
    async refreshBlockList(): Promise<void> {
      const current = await ready();
      const before = current.shown ? await current.shown.catch(() => null) : null;
      const after = await shownDomains(current);
      if (after !== before) await notifyBlockList(current);
    },

    /** Whether a feed is set up and its last sync (or attempt) is an interval old or more. */
    async syncDue(): Promise<boolean> {
      const { db } = await ready();
      if (!db || !(await feedUrl(db)) || deps.feed.publicKeys.length === 0) return false;
      const sync = await readSync(db);
      const minutes = sync?.intervalMinutes ?? DEFAULT_SYNC_MINUTES;
      return !sync || deps.now().getTime() - Date.parse(sync.at) >= minutes * 60_000;
    },

    async syncInterval(): Promise<number> {
      const { db } = await ready();
      return (await readSync(db))?.intervalMinutes ?? DEFAULT_SYNC_MINUTES;
    },
  };
}
