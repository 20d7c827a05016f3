import type { Database } from 'better-sqlite3';
import { PamojaError } from '../../shared/errors.ts';
import { migrations as allMigrations } from './migrations/index.ts';
import { refreshPracticeWords, registerWordFunctions } from './words.ts';

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
  const applied: number[] = [];
  if (current > 0 && current < newest) beforeUpgrade?.(current, newest);
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
    applied.push(m.version);
  }
  const indexed = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'practice_words'").get();
  if (indexed) refreshPracticeWords(db);
  return applied;
}
