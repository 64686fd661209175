/**
 * npm run feed:build -- --records <file.ndjson|file.csv> [--records …] --out <dir> --key <private key file>
 *                       [--publisher <name>] [--feed-name soi-hang] [--expires-days 7] [--keep-deltas 30]
 *                       [--min-sync-minutes N] [--replaces-shipped]
 * Publishes the next sequence of a signed feed in <dir> (see publish/feed-writer.ts). Exit 2 on bad input.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { FlagRecord } from '../../utils/protocol/records';
import { DEFAULT_PUBLISHER_NAME, publishFeed } from '../publish/feed-writer';
import { recordsOfFile } from '../sources/record-files';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      records: { type: 'string', multiple: true },
      out: { type: 'string' },
      key: { type: 'string' },
      publisher: { type: 'string', default: DEFAULT_PUBLISHER_NAME },
      'feed-name': { type: 'string' },
      'expires-days': { type: 'string', default: '7' },
      'keep-deltas': { type: 'string', default: '30' },
      'min-sync-minutes': { type: 'string' },
      'replaces-shipped': { type: 'boolean', default: false },
    },
  });
  if (!values.records?.length || !values.out || !values.key) {
    throw new Error(
      'usage: feed:build -- --records <file> [--records <file>] --out <dir> --key <private key file>',
    );
  }
  const records: FlagRecord[] = [];
  for (const file of values.records) {
    const text = await readFile(file, 'utf8');
    records.push(...recordsOfFile(file, text));
  }
  const result = await publishFeed({
    dir: values.out,
    records,
    privateKey: (await readFile(values.key, 'utf8')).trim(),
    publisher: values.publisher,
    ...(values['feed-name'] ? { feedName: values['feed-name'] } : {}),
    expiresInDays: Number(values['expires-days']),
    keepDeltas: Number(values['keep-deltas']),
    ...(values['min-sync-minutes'] ? { minSyncMinutes: Number(values['min-sync-minutes']) } : {}),
    ...(values['replaces-shipped'] ? { replacesShipped: true } : {}),
  });
  console.log(
    `sequence ${result.sequence}: ${records.length} records in ${result.snapshot}` +
      (result.delta ? `, ${result.changes} changes in ${result.delta}` : ''),
  );
}

main().catch((error: unknown) => {
  console.error(`feed:build: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
});
