/**
 * The data a background answers from, as it is opened: the database with its index loaded, or, when
 * IndexedDB cannot be used, the shipped records held in memory.
 */
import type { Database } from '../../../utils/db/database';
import { type LoadedData, loadData, readDomains } from '../../../utils/db/flag-store';
import { RecordReader } from '../../../utils/db/record-reader';
import { ensureDefaultData, type PackageReader } from '../../../utils/feed/default-data';
import { loadShippedIntoMemory } from '../../../utils/feed/memory-data';
import { PackedIndex } from '../../../utils/lookup/packed-index';
import { ProductMatcher } from '../../../utils/lookup/product-matcher';
import type { FlagRecord } from '../../../utils/protocol/records';
import type { ShownDomains } from '../scam-sites/block-list';

/**
 * In memory when IndexedDB cannot be opened, read or written (disabled, or the disk full at the
 * first import). A worker start reads only the index blob and the data's description; the shipped
 * data is stored on the first run (and after updates, see DataService.refreshShippedData), not
 * looked at on every start.
 */
export interface DataState {
  /** null: no usable IndexedDB; the shipped data is held in memory for this worker's life. */
  db: Database | null;
  loaded: LoadedData;
  /** Records by key: the database's RecordReader, or the records in memory. */
  reader: { get(keys: Iterable<string>): Promise<Map<string, FlagRecord>> };
  products: ProductMatcher;
  /**
   * The block list: built on first use (most worker starts only answer lookups), again once a
   * record among it expires.
   */
  shown: Promise<ShownDomains> | null;
  /** How many listed domains the guard keeps from being blocked. */
  guarded: Promise<number> | null;
}

export const stateOf = (db: Database, loaded: LoadedData): DataState => ({
  db,
  loaded,
  reader: new RecordReader(db, loaded.index),
  products: new ProductMatcher(loaded.names.products),
  shown: null,
  guarded: null,
});

/** Every listed domain of the data (read from the database only when first needed). */
export const listedDomains = async (current: DataState): Promise<string[]> =>
  current.loaded.names.domains ?? (current.db ? await readDomains(current.db) : []);

export interface OpenedState {
  state: DataState;
  /** The data was imported just now (its block list has never been applied). */
  fresh: boolean;
  /** When the index could answer, on this worker's clock (absent: held in memory). */
  indexLoadedMs?: number;
}

/** The database, opened and its index loaded; the shipped data stored if it holds none. */
export async function openFromDatabase(deps: {
  openDb(): Promise<Database>;
  readPackageFile: PackageReader;
  now(): Date;
}): Promise<OpenedState> {
  const db = await deps.openDb();
  const held = await loadData(db);
  // Time since this worker started (its time origin) until the index could answer.
  const indexLoadedMs = performance.now();
  if (held.info) return { state: stateOf(db, held), fresh: false, indexLoadedMs };
  const loaded = await ensureDefaultData(db, deps.readPackageFile, deps.now, held);
  return { state: stateOf(db, loaded), fresh: true, indexLoadedMs };
}

/** No storage: the shipped records in memory, so the shopper is still warned. */
export async function openInMemory(
  readPackageFile: PackageReader,
  now: () => Date,
): Promise<OpenedState> {
  const memory = await loadShippedIntoMemory(readPackageFile, now);
  const loaded: LoadedData = {
    info: memory.info,
    index: PackedIndex.empty(),
    names: memory.names,
    nextChunk: 0,
  };
  const products = new ProductMatcher(memory.names.products);
  const state = { db: null, loaded, reader: memory.reader, products, shown: null, guarded: null };
  return { state, fresh: true };
}
