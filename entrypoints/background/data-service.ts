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
import { syncFeed } from '../../utils/feed/sync';
import { SyncError } from '../../utils/feed/sync-error';
import { MIN_SYNC_MINUTES } from '../../utils/feed-format/manifest';
import { DomainList } from '../../utils/lookup/domain-list';
import { ProductMatcher } from '../../utils/lookup/product-matcher';
import { replicaInFolded } from '../../utils/lookup/replica-words';
import { isShownToShoppers } from '../../utils/lookup/shown';
import { readAddressName } from '../../utils/protocol/address-name';
import { normaliseProductName } from '../../utils/protocol/keys';
import type { RequestOf, ResponseOf } from '../../utils/protocol/messages';
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
  /** Called after the data changed (install, sync): page-level rules follow the domain list. */
  onDataChanged?(domains: readonly string[]): Promise<void>;
}

interface State {
  db: Database;
  loaded: LoadedData;
  reader: RecordReader;
  products: ProductMatcher;
  /** Built on first use: most worker starts only answer lookups. */
  domains: Promise<DomainList> | null;
}

const SYNC_KEY = 'sync';
const ETAG_KEY = 'etag';
const FEED_URL_SETTING = 'feedUrl';

export type DataService = ReturnType<typeof createDataService>;

export function createDataService(deps: DataServiceDeps) {
  let state: Promise<State> | null = null;
  let syncing: Promise<DataStatus> | null = null;
  let readyMs: number | undefined;

  const stateOf = (db: Database, loaded: LoadedData): State => ({
    db,
    loaded,
    reader: new RecordReader(db, loaded.index),
    products: new ProductMatcher(loaded.names.products),
    domains: loaded.names.domains ? Promise.resolve(new DomainList(loaded.names.domains)) : null,
  });

  const domainsOf = (current: State): Promise<DomainList> => {
    current.domains ??= readDomains(current.db).then((domains) => new DomainList(domains));
    return current.domains;
  };

  async function changed(db: Database, loaded: LoadedData): Promise<void> {
    state = Promise.resolve(stateOf(db, loaded));
    await deps.onDataChanged?.(loaded.names.domains ?? (await readDomains(db)));
  }

  /**
   * The database, opened and its index loaded. A worker start reads only the index blob and the
   * data's description; the shipped data is stored on the first run (and on updates, see
   * refreshShippedData), not looked at on every start.
   */
  function ready(): Promise<State> {
    state ??= (async () => {
      const db = await deps.openDb();
      const held = await loadData(db);
      // Time since this worker started (its time origin) until the index could answer.
      readyMs ??= performance.now();
      if (held.info) return stateOf(db, held);
      const loaded = await ensureDefaultData(db, deps.readPackageFile, deps.now, held);
      await deps.onDataChanged?.(loaded.names.domains ?? []);
      return stateOf(db, loaded);
    })();
    state.catch(() => {
      state = null; // try again on the next message instead of failing forever
    });
    return state;
  }

  async function feedUrl(db: Database): Promise<string | null> {
    const stored = await db.get('settings', FEED_URL_SETTING);
    return typeof stored === 'string' ? stored : deps.feed.url;
  }

  async function readSync(db: Database): Promise<SyncStatus | null> {
    const parsed = SyncStatusSchema.safeParse(await db.get('meta', SYNC_KEY));
    return parsed.success ? parsed.data : null;
  }

  async function status(): Promise<DataStatus> {
    const { db, loaded } = await ready();
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
      ...(readyMs !== undefined ? { workerReadyMs: readyMs } : {}),
    };
  }

  async function runSync(): Promise<DataStatus> {
    const current = await ready();
    const { db } = current;
    const url = await feedUrl(db);
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
        if (result.etag) await db.put('meta', result.etag, ETAG_KEY);
        next = {
          result: result.status,
          at,
          lastSuccessAt: at,
          intervalMinutes: interval,
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
    await db.put('meta', next, SYNC_KEY);
    return status();
  }

  return {
    ready,
    status,

    /** After an install or update: stores the data this package ships unless feed data is held. */
    async refreshShippedData(): Promise<void> {
      const current = await ready();
      const after = await ensureDefaultData(
        current.db,
        deps.readPackageFile,
        deps.now,
        current.loaded,
      );
      if (after !== current.loaded) await changed(current.db, after);
    },

    /** One sync at a time: a second request while one runs gets the same outcome. */
    syncNow(): Promise<DataStatus> {
      syncing ??= runSync().finally(() => {
        syncing = null;
      });
      return syncing;
    },

    async setFeedUrl(url: string | null): Promise<DataStatus> {
      const { db } = await ready();
      if (url === null) await db.delete('settings', FEED_URL_SETTING);
      else await db.put('settings', url, FEED_URL_SETTING);
      await db.delete('meta', ETAG_KEY);
      return status();
    },

    async lookup(request: RequestOf<'lookup'>): Promise<ResponseOf<'lookup'>> {
      const { loaded, reader, products } = await ready();
      const matches: Array<{ itemKey: string; productKey: string }> = [];
      const replicas: Array<{ itemKey: string; phrase: string }> = [];
      for (const { itemKey, title, fromAddress } of request.titles ?? []) {
        const name = fromAddress ? readAddressName(title) : title;
        if (!name) continue;
        const folded = normaliseProductName(name);
        const productKey = products.matchFolded(folded);
        if (productKey) matches.push({ itemKey, productKey });
        const phrase = replicaInFolded(folded);
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
      const current = await ready();
      const domain = (await domainsOf(current)).match(url);
      const { reader } = current;
      if (!domain) return { domain: null, record: null };
      const record = (await reader.get([`domain:${domain}`])).get(`domain:${domain}`) ?? null;
      return record && isShownToShoppers(record, deps.now())
        ? { domain, record }
        : { domain: null, record: null };
    },

    async syncInterval(): Promise<number> {
      const { db } = await ready();
      return (await readSync(db))?.intervalMinutes ?? DEFAULT_SYNC_MINUTES;
    },
  };
}
