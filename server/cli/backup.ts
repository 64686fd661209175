/**
 * npm run server:backup -- <file>
 * A consistent copy of the SQLite database while the registry runs (SQLite's online backup API).
 * For PostgreSQL use pg_dump or the cluster's own backups (docs/operations.md). Without a database
 * where the configuration says (DATA_DIR unset in the wrong directory), it refuses rather than
 * back up a new, empty one.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { runCli } from './run-cli';

const target = process.argv[2];

runCli(
  'server:backup',
  async ({ database }) => {
    if (!target) throw new Error('usage: server:backup -- <file>');
    if (!database.sqlite) throw new Error('the database is PostgreSQL: back it up with pg_dump');
    const file = path.resolve(target);
    if (existsSync(file)) throw new Error(`${file} exists; refusing to overwrite it`);
    const result = await database.sqlite.backup(file);
    console.log(`backed up ${result.totalPages} pages to ${file}`);
  },
  { existingDatabase: true },
);
