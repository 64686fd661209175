/**
 * npm run server:import -- <file.csv|file.ndjson> [more files]
 * Imports official records (CSV with the columns server/sources/csv.ts reads, or NDJSON flag records). Every
 * row is checked first; one bad row refuses the whole import, naming its line. Keys an inspector
 * has decided keep the decision.
 */
import { readFile } from 'node:fs/promises';
import { parseNdjson } from '../../utils/feed-format/ndjson';
import { type FlagRecord, FlagRecordSchema } from '../../utils/protocol/records';
import { recordsFromCsv } from '../sources/csv';
import { importRecords } from '../store/records';
import { runCli } from './run-cli';

const files = process.argv.slice(2);

runCli('server:import', async ({ db }) => {
  if (files.length === 0) throw new Error('usage: server:import -- <file.csv|file.ndjson> …');
  const records: FlagRecord[] = [];
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    try {
      records.push(
        ...(file.endsWith('.csv') ? recordsFromCsv(text) : parseNdjson(text, FlagRecordSchema)),
      );
    } catch (error) {
      throw new Error(
        `${file}: ${error instanceof Error ? error.message : String(error)}; nothing imported`,
      );
    }
  }
  const seen = new Set<string>();
  for (const record of records) {
    if (seen.has(record.key))
      throw new Error(`the key ${record.key} is given twice; nothing imported`);
    seen.add(record.key);
  }
  const { written, kept } = await importRecords(db, records, new Date());
  console.log(
    `imported ${written} records${kept ? `; ${kept} keys keep an inspector's decision` : ''}`,
  );
});
