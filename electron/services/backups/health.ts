import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';

export type StoreHealth = { state: 'ok' } | { state: 'damaged'; problem: string };

/**
 * Checks a store file the way the app does at start: it opens as SQLite, passes
 * `PRAGMA quick_check`, and is a Pamoja store. A file that does not exist yet is fine
 * (a new store is made there).
 */
export function checkStoreFile(file: string): StoreHealth {
  if (!existsSync(file)) return { state: 'ok' };
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { fileMustExist: true });
    const rows = db.pragma('quick_check') as { quick_check: string }[];
    const first = rows[0]?.quick_check ?? 'no answer';
    if (first !== 'ok')
      return {
        state: 'damaged',
        problem: `quick_check: ${rows
          .map((r) => r.quick_check)
          .slice(0, 3)
          .join('; ')}`,
      };
    const meta = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name = 'meta'").get();
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > 0 && !meta)
      return { state: 'damaged', problem: 'this is not a Pamoja store (no meta table)' };
    return { state: 'ok' };
  } catch (e) {
    return { state: 'damaged', problem: (e as Error).message };
  } finally {
    db?.close();
  }
}
