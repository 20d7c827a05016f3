import type { Database } from 'better-sqlite3';
import { PamojaError } from '../../shared/errors.ts';
import { migrations as allMigrations } from './migrations/index.ts';
import { refreshPracticeWords, registerWordFunctions } from './words.ts';

/**
 * Versions every store had before migrations were recorded one by one. Engineers land
 * their numbered migrations in parallel, so a lower number can land after a higher one
 * (0060 after 0090): `user_version` alone cannot say which ran. Stores record each applied
 * version in `schema_migrations`; a store from before that holds these, plus its own
 * user_version's migration.
 */
const ALWAYS_BEFORE_RECORDS = [10, 20, 40, 50];

function appliedVersions(db: Database, current: number): Set<number> {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY) STRICT');
  const recorded = (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map(
    (r) => r.version,
  );
  if (recorded.length > 0 || current === 0) return new Set(recorded);
  const legacy = [...ALWAYS_BEFORE_RECORDS.filter((v) => v <= current), current];
  const insert = db.prepare('INSERT OR IGNORE INTO schema_migrations (version) VALUES (?)');
  for (const v of legacy) insert.run(v);
  return new Set(legacy);
}

/**
 * Brings a store up to the newest schema; returns the versions applied. `beforeUpgrade`
 * runs once, before the first migration, when a store made by an older version is
 * upgraded (not for a new, empty store).
 */
export function migrate(
  db: Database,
  migrations = allMigrations,
  beforeUpgrade?: (from: number, to: number) => void,
): number[] {
  registerWordFunctions(db);
  const current = db.pragma('user_version', { simple: true }) as number;
  const newest = migrations.at(-1)?.version ?? 0;
  if (current > newest) {
    throw new PamojaError(
      'unavailable',
      `This store was made by a newer version of Pamoja (schema ${current}, this version knows ${newest}). Update Pamoja to open it.`,
    );
  }
  const done = appliedVersions(db, current);
  const applied: number[] = [];
  if (current > 0 && migrations.some((m) => !done.has(m.version))) beforeUpgrade?.(current, newest);
  for (const m of migrations) {
    if (done.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version) VALUES (?)').run(m.version);
      db.pragma(
        `user_version = ${Math.max(m.version, db.pragma('user_version', { simple: true }) as number)}`,
      );
    })();
    applied.push(m.version);
  }
  const indexed = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'practice_words'").get();
  if (indexed) refreshPracticeWords(db);
  return applied;
}
