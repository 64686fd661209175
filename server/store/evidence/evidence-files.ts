/**
 * Screenshots kept as files named by their SHA-256 under the evidence directory: the same image
 * stored twice is one file, and a file's name proves its content. A database row ties each to its
 * report (report-screenshots.ts) or to an inspector's evidence (key-evidence.ts).
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sha256Hex } from '../../db/sha256';

export class EvidenceFiles {
  constructor(private readonly dir: string) {}

  private fileOf(sha256: string): string {
    return path.join(this.dir, sha256.slice(0, 2), sha256);
  }

  async save(bytes: Uint8Array): Promise<string> {
    const sha256 = sha256Hex(bytes);
    const file = this.fileOf(sha256);
    if (!existsSync(file)) {
      await mkdir(path.dirname(file), { recursive: true });
      const temporary = `${file}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
      await writeFile(temporary, bytes);
      await rename(temporary, file);
    }
    return sha256;
  }

  async read(sha256: string): Promise<Buffer | null> {
    if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
    return readFile(this.fileOf(sha256)).catch(() => null);
  }
}
