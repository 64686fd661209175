/**
 * The feed as files in a directory (FEED_DIR): any static web server or CDN can serve it as well as
 * the registry. Data files first, then the signatures, the manifest last, each written to a
 * temporary file and renamed, so a client never sees a manifest whose files are missing, and a
 * crash leaves the previous feed whole.
 */
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { type FeedManifest, FeedManifestSchema } from '../../../utils/feed-format/manifest';
import { sha256Hex } from '../../db/sha256';
import {
  contentTypeOf,
  type FeedSequence,
  isFeedFileName,
  type PreviousFeed,
} from '../feed-sequence';
import type { FeedStore, ServedFeedFile } from './feed-store';

/** Hash-named signatures kept: enough for any client still holding a recent manifest. */
const KEEP_SIGNATURES = 10;
/** Snapshots kept besides the current one, for a client that read the previous manifest. */
const KEEP_OLDER_SNAPSHOTS = 2;
const HASHED_SIGNATURE = /^manifest\.[0-9a-f]{64}\.sig$/;
const TEMPORARY = /\.tmp-\d+(?:-[0-9a-z]+)?$/;
const SEQUENCED = /^(?:snapshot-(\d+)|delta-\d+-(\d+))\.ndjson\.gz$/;

async function writeDurably(file: string, data: Uint8Array): Promise<void> {
  const temporary = `${file}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
  try {
    const handle = await open(temporary, 'w', 0o600);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

export class DirectoryFeed implements FeedStore {
  /** ETags by file, valid while the file's size and modification time stay the same. */
  private readonly etags = new Map<string, { size: number; mtimeMs: number; etag: string }>();

  constructor(readonly dir: string) {}

  private fileOf(name: string): string {
    return path.join(this.dir, name);
  }

  /** The served manifest; null before the first publish. A manifest that cannot be read throws. */
  async current(): Promise<FeedManifest | null> {
    const raw = await readFile(this.fileOf('manifest.json'), 'utf8').catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    });
    return raw === null ? null : FeedManifestSchema.parse(JSON.parse(raw));
  }

  async previous(): Promise<PreviousFeed | null> {
    const manifest = await this.current();
    if (!manifest) return null;
    const snapshot = new Uint8Array(await readFile(this.fileOf(manifest.snapshot.url)));
    const deltas = [];
    for (const delta of manifest.deltas) {
      if (await stat(this.fileOf(delta.url)).catch(() => null)) deltas.push(delta);
    }
    return { manifest, snapshot, deltas };
  }

  async write(feed: FeedSequence): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    for (const file of [...feed.data, feed.hashedSignature]) {
      await writeDurably(this.fileOf(file.name), file.bytes);
    }
    // `manifest.json.sig` goes just before the manifest; if the manifest then cannot be written,
    // the previous signature is put back, so the two served files still match.
    const signatureFile = this.fileOf(feed.signature.name);
    const previousSignature = await readFile(signatureFile).catch(() => null);
    await writeDurably(signatureFile, feed.signature.bytes);
    try {
      await writeDurably(this.fileOf(feed.manifestFile.name), feed.manifestFile.bytes);
    } catch (error) {
      if (previousSignature) await writeDurably(signatureFile, previousSignature).catch(() => {});
      throw error;
    }
    await this.pruneSignatures();
    await this.pruneData(feed);
  }

  /**
   * Snapshots older than the two before this one, and deltas the new manifest no longer lists: no
   * client that read a recent manifest needs them, and a publish every 15 minutes would otherwise
   * keep a snapshot each time.
   */
  private async pruneData(feed: FeedSequence): Promise<void> {
    const kept = new Set(feed.manifest.deltas.map((delta) => delta.url));
    for (const name of await readdir(this.dir)) {
      const snapshot = /^snapshot-(\d+)\.ndjson\.gz$/.exec(name);
      const old = snapshot
        ? Number(snapshot[1]) < feed.sequence - KEEP_OLDER_SNAPSHOTS
        : /^delta-\d+-\d+\.ndjson\.gz$/.test(name) && !kept.has(name);
      if (old) await rm(this.fileOf(name), { force: true });
    }
  }

  async serve(name: string): Promise<ServedFeedFile | null> {
    if (!isFeedFileName(name)) return null;
    const file = this.fileOf(name);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return null;
    let known = this.etags.get(name);
    let body: Uint8Array | null = null;
    if (!known || known.size !== info.size || known.mtimeMs !== info.mtimeMs) {
      body = new Uint8Array(await readFile(file));
      known = { size: info.size, mtimeMs: info.mtimeMs, etag: `"${sha256Hex(body).slice(0, 32)}"` };
      this.etags.set(name, known);
    }
    return {
      etag: known.etag,
      contentType: contentTypeOf(name),
      // A file gone since its stat (or unreadable now) is no file: never an empty 200.
      bytes: async () => body ?? (await readFile(file).catch(() => null)),
    };
  }

  within(): FeedStore {
    return this;
  }

  /**
   * Temporary files (a write cut short) and data files of a sequence newer than the manifest (a
   * publish that never reached its manifest): neither was ever served. Younger files may belong to
   * a publish under way and are left.
   */
  async sweep(olderThanMs = 10 * 60_000): Promise<number> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    // A manifest that is there but cannot be read now (a transient error, a damaged file) says
    // nothing about which files are served: then nothing is removed.
    let served = 0;
    if (names.includes('manifest.json')) {
      const manifest = await this.current().catch(() => null);
      if (!manifest) return 0;
      served = manifest.sequence;
    }
    const cutoff = Date.now() - olderThanMs;
    let removed = 0;
    for (const name of names) {
      const sequenced = SEQUENCED.exec(name);
      const newer = sequenced && Number(sequenced[1] ?? sequenced[2]) > served;
      if (!TEMPORARY.test(name) && !newer) continue;
      const info = await stat(this.fileOf(name)).catch(() => null);
      if (info && info.mtimeMs <= cutoff) {
        await rm(this.fileOf(name), { force: true });
        removed++;
      }
    }
    return removed;
  }

  private async pruneSignatures(): Promise<void> {
    const names = (await readdir(this.dir)).filter((name) => HASHED_SIGNATURE.test(name));
    if (names.length <= KEEP_SIGNATURES) return;
    const dated = await Promise.all(
      names.map(async (name) => ({ name, time: (await stat(this.fileOf(name))).mtimeMs })),
    );
    dated.sort((a, b) => b.time - a.time);
    for (const old of dated.slice(KEEP_SIGNATURES))
      await rm(this.fileOf(old.name), { force: true });
  }
}
