/**
 * npm run server:import -- [--shipped] [<file.csv|file.ndjson> …]
 * Imports official records (CSV with the columns server/sources/csv.ts reads, or NDJSON flag records). Every
 * row is checked first; one bad row refuses the whole import, naming its line. Keys an inspector
 * has decided keep the decision. `--shipped`: also the sources the extension ships (ChongLuaDao's
 * scam domains, the authorities' decisions), as a first start with an empty database does.
 */
import { readFile } from 'node:fs/promises';
import type { FlagRecord } from '../../utils/protocol/records';
import { recordsOfFile } from '../sources/record-files';
import { mergeSources, readShippedSources } from '../sources/shipped';
import { importRecords } from '../store/records/record-imports';
import { runCli } from './run-cli';

const shipped = process.argv.includes('--shipped');
const files = process.argv.slice(2).filter((arg) => arg !== '--shipped');

runCli('server:import', async ({ db }) => {
  if (files.length === 0 && !shipped)
    throw new Error('usage: server:import -- [--shipped] [<file.csv|file.ndjson> …]');
  const records: FlagRecord[] = [];
  if (shipped) {
    const { chongLuaDao, official } = await readShippedSources();
    records.push(...mergeSources([...chongLuaDao, ...official]));
  }
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    try {
      records.push(...recordsOfFile(file, text));
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
