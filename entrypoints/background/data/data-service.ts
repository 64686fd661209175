/**
 * The background's data: the local database (or, without one, the shipped records in memory), the
 * index loaded from it, the block list and the feed sync.
 */
import type { Database } from '../../../utils/db/database';
import type { LoadedData } from '../../../utils/db/flag-store';
import type { CheckerHandle } from '../../../utils/feed/check-pool';
import {
  ensureDefaultData,
  type PackageReader,
  readDefaultManifest,
} from '../../../utils/feed/default-data';
import { syncFeed } from '../../../utils/feed/sync';
import { MIN_SYNC_MINUTES } from '../../../utils/feed-format/manifest';
import { unguarded } from '../../../utils/lookup/domain-guard';
import { PriceReferences } from '../../../utils/lookup/signals/price-references';
import { DEFAULT_SYNC_MINUTES } from '../../../utils/protocol/limits';
import type { FlagRecord } from '../../../utils/protocol/records';
import type { RequestOf, ResponseOf } from '../../../utils/protocol/runtime/messages';
import type { Signal } from '../../../utils/protocol/runtime/preferences';
import {
  type DataStatus,
  type SyncStatus,
  SyncStatusSchema,
} from '../../../utils/protocol/runtime/sync-status';
import {
  type BlockList,
  buildShownDomains,
  type ShownDomains,
  stillHolds,
} from '../scam-sites/block-list';
import { failed, succeeded } from '../sync/sync-outcome';
import {
  type DataState,
  listedDomains,
  openFromDatabase,
  openInMemory,
  stateOf,
} from './data-state';
import type { FeedConfig } from './feed-config';
import { answerLookup } from './lookup-answer';

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

const SYNC_KEY = 'sync';
const ETAG_KEY = 'etag';
const FEED_URL_SETTING = 'feedUrl';

export type DataService = ReturnType<typeof createDataService>;

/**
 * Built on first use (a cold service worker pays once: one meta read of the packed index), rebuilt
 * after each sync. All it needs comes in as arguments: it runs the same in unit tests.
 */
export function createDataService(deps: DataServiceDeps) {
  let state: Promise<DataState> | null = null;
  /** Counts changes of the feed address: a sync belongs to the address it started with. */
  let generation = 0;
  let syncing: { generation: number; outcome: Promise<DataStatus> } | null = null;
  let readyMs: number | undefined;
  /** Official stores' prices seen in this worker's life: the price signal's references. */
  const prices = new PriceReferences();
  /** How many records this package ships: a feed far smaller must say it replaces them. */
  let shippedCount: Promise<number> | null = null;
  const shipped = async () => {
    shippedCount ??= readDefaultManifest(deps.readPackageFile).then((m) => m.snapshot.count);
    shippedCount.catch(() => {
      shippedCount = null;
    });
    return { count: await shippedCount };
  };

  const guardedOf = (current: DataState): Promise<number> => {
    current.guarded ??= (async () => unguarded(await listedDomains(current)).guarded)();
    return current.guarded;
  };

  async function shownDomains(current: DataState): Promise<ShownDomains> {
    const held = current.shown ? await current.shown : null;
    if (held && stillHolds(held, deps.now())) return held;
    current.shown = (async () =>
      buildShownDomains(await listedDomains(current), current.reader, deps.now()))();
    current.shown.catch(() => {
      current.shown = null;
    });
    return current.shown;
  }

  async function notifyBlockList(current: DataState): Promise<void> {
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
   * The data, ready to answer. When IndexedDB cannot be opened, read or written (disabled, or the
   * disk full at the first import), the shipped records are held in memory instead, once for the
   * worker's life: every message is answered from them and the import is not retried on each one.
   */
  function ready(): Promise<DataState> {
    state ??= (async () => {
      const opened = await openFromDatabase(deps).catch((error: unknown) => {
        console.warn('Soi Hàng: no usable IndexedDB, the shipped data is held in memory', error);
        return openInMemory(deps.readPackageFile, deps.now);
      });
      readyMs ??= opened.indexLoadedMs;
      if (opened.fresh) await notifyBlockList(opened.state);
      return opened.state;
    })();
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
          shipped: await shipped(),
          ...(deps.openCheckers ? { openCheckers: deps.openCheckers } : {}),
        });
        const interval = Math.max(
          DEFAULT_SYNC_MINUTES,
          result.manifest?.minSyncMinutes ?? MIN_SYNC_MINUTES,
        );
        if (result.status === 'updated') await changed(db, result.loaded);
        // The address changed while this sync ran: its ETag is the old feed's; the next sync,
        // already asked for, starts afresh from the new one.
        if (started !== generation) return status();
        if (result.etag) await db.put('meta', result.etag, ETAG_KEY);
        next = succeeded(result, at, interval, await guardedOf(await ready()));
      } catch (error) {
        next = failed(error, at, previous);
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
      const { loaded, reader, products } = await ready();
      return answerLookup(
        { info: loaded.info, reader, products, prices },
        request,
        signalsOff,
        deps.now(),
      );
    },

    /** The listed domain covering this URL and its record, if it is shown to shoppers. */
    async scamInfo(url: string): Promise<{ domain: string | null; record: FlagRecord | null }> {
      const shown = await shownDomains(await ready());
      const domain = shown.list.match(url);
      const record = domain ? shown.records.get(domain) : undefined;
      return domain && record ? { domain, record } : { domain: null, record: null };
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
