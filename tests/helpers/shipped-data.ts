import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type PackageReader, readDefaultData } from '@/utils/feed/default-data';
import { LookupIndex } from '@/utils/lookup/lookup-index';
import { REPO_ROOT } from './fixtures';

/** Reads files of the extension package from public/, as the built extension serves them. */
export const readShipped: PackageReader = async (file) => {
  const bytes = readFileSync(path.join(REPO_ROOT, 'public', file));
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
};

/** A lookup index over the demo data the extension ships with. */
export async function shippedIndex(): Promise<LookupIndex> {
  const { records } = await readDefaultData(readShipped);
  return LookupIndex.fromRecords(records, null);
}
