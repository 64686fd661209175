/**
 * The registry's files are its own: the database holds reporters' contacts, and beside it are the
 * signing key and the evidence. A umask of 077 for the whole process makes every file it creates
 * 0600 and every directory 0700 (the database and its -wal and -shm, evidence, the generated key,
 * feed files, backups), whichever module creates them. The database file is also made 0600 where it
 * is opened (db/dialect.ts), since tools and tests open it without this umask.
 */
import { existsSync, statSync } from 'node:fs';

export const PRIVATE_UMASK = 0o077;

export function keepFilesPrivate(): void {
  process.umask(PRIVATE_UMASK);
}

/**
 * The mode of a data directory that others may enter or read (made by an older start, or by hand),
 * to warn about; null when it is private or does not exist yet. It is not changed here: DATA_DIR
 * may be a directory the operator shares on purpose.
 */
export function openToOthers(directory: string): string | null {
  if (!existsSync(directory)) return null;
  const mode = statSync(directory).mode & 0o777;
  return mode & 0o077 ? mode.toString(8).padStart(4, '0') : null;
}
