/**
 * Screenshots as files named by their SHA-256 under the evidence directory (the SQLite default): the
 * same image stored twice is one file, and a file's name proves its content. An upload is written
 * to a temporary file (synced, mode 0600) and renamed to its name only after the row referring to
 * it committed.
 */
import { createHash } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { sha256Hex } from '../../db/sha256';
import {
  type EvidenceStore,
  SHA256_HEX,
  type StagedEvidence,
  SWEEP_AFTER_MS,
} from './evidence-store';

const STAGED = /^([0-9a-f]{64})\.tmp-\d+-[0-9a-z]+$/;

const exists = (file: string) =>
  stat(file).then(
    () => true,
    () => false,
  );

export class EvidenceFiles implements EvidenceStore {
  constructor(private readonly dir: string) {}

  private fileOf(sha256: string): string {
    return path.join(this.dir, sha256.slice(0, 2), sha256);
  }

  async stage(bytes: Uint8Array): Promise<StagedEvidence> {
    const sha256 = sha256Hex(bytes);
    const file = this.fileOf(sha256);
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const temporary = `${file}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
    try {
      const handle = await open(temporary, 'w', 0o600);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    let settled = false;
    return {
      sha256,
      persist: async () => {},
      commit: async () => {
        if (settled) return;
        settled = true;
        if (await exists(file)) await rm(temporary, { force: true });
        else await rename(temporary, file);
      },
      discard: async () => {
        if (settled) return;
        settled = true;
        await rm(temporary, { force: true });
      },
    };
  }

  async read(sha256: string): Promise<Uint8Array | null> {
    if (!SHA256_HEX.test(sha256)) return null;
    return readFile(this.fileOf(sha256)).catch(() => null);
  }

  async sweep(
    isReferenced: (sha256: string) => Promise<boolean>,
    olderThanMs = SWEEP_AFTER_MS,
  ): Promise<number> {
    let removed = 0;
    const cutoff = Date.now() - olderThanMs;
    for (const shard of await readdir(this.dir).catch(() => [] as string[])) {
      if (!/^[0-9a-f]{2}$/.test(shard)) continue;
      const folder = path.join(this.dir, shard);
      for (const name of await readdir(folder).catch(() => [] as string[])) {
        const file = path.join(folder, name);
        const info = await stat(file).catch(() => null);
        if (!info || info.mtimeMs > cutoff) continue;
        const staged = STAGED.exec(name);
        const sha256 = staged?.[1] ?? (SHA256_HEX.test(name) ? name : null);
        if (!sha256) continue;
        const referenced = await isReferenced(sha256);
        // A row committed but the process died before the rename: the file is still good.
        if (staged && referenced && !(await exists(this.fileOf(sha256)))) {
          const bytes = await readFile(file);
          if (createHash('sha256').update(bytes).digest('hex') === sha256) {
            await rename(file, this.fileOf(sha256));
            continue;
          }
        }
        if (staged || !referenced) {
          await rm(file, { force: true });
          removed++;
        }
      }
    }
    return removed;
  }
}
