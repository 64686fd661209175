/**
 * The extension's database as every service of the background opens it: one connection for the
 * worker's life, asked for again after a failed open (a later call may find IndexedDB usable).
 */
import { type Database, openDatabase } from '../../../utils/db/database';

export function databaseOpener(): () => Promise<Database> {
  let database: Promise<Database> | null = null;
  return () => {
    database ??= openDatabase();
    database.catch(() => {
      database = null;
    });
    return database;
  };
}
