#!/usr/bin/env node
// Rewrites public/feed/default-manifest.json from public/feed/default-snapshot.ndjson: hash, size
// and record count. `--bump` also raises the sequence and sets publishedAt to now, for a data change.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

const dir = new URL('../public/feed/', import.meta.url);
const snapshotName = 'default-snapshot.ndjson';
const manifestUrl = new URL('default-manifest.json', dir);
const bytes = readFileSync(new URL(snapshotName, dir));
const count = bytes
  .toString('utf8')
  .split('\n')
  .filter((line) => line.trim()).length;

let previous = { sequence: 0, publishedAt: new Date().toISOString() };
try {
  previous = JSON.parse(readFileSync(manifestUrl, 'utf8'));
} catch {}
const bump = process.argv.includes('--bump');
const manifest = {
  format: 1,
  sequence: bump ? previous.sequence + 1 : previous.sequence,
  publisher: 'Soi Hàng (demo data)',
  publishedAt: bump ? new Date().toISOString() : previous.publishedAt,
  snapshot: {
    path: `/feed/${snapshotName}`,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    bytes: bytes.length,
    count,
  },
};
writeFileSync(manifestUrl, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`default manifest: sequence ${manifest.sequence}, ${count} records`);
