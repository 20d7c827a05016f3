import type { Db } from './store.ts';
import { fillPracticeWords } from './words.ts';

/**
 * Indexes left out while a first import fills an empty store, and built once at the end.
 * Keeping `changes_by_field` (table, row, field, time) in order as a million changes arrive
 * in random row order costs about twice one sorted build; and the full-text indexes, kept by
 * a trigger per row, cost FTS5 several times what one pass over the finished table does
 * (12,000 practices: `practices_fts` 1.7 s → 0.4 s, `practice_words` 3.7 s → 2.3 s, most of
 * it the word forms).
 * Everything is dropped inside the import's transaction, so a refused or cancelled import
 * gets it back with the rollback; `restore` runs before anything reads what was left out and
 * always before the commit. Definitions are taken from the schema as the migrations made
 * it, so what is rebuilt is what was there.
 */
export class DeferredIndex {
  readonly #db: Db;
  readonly #name: string;
  #definition: string | null = null;

  constructor(db: Db, name: string) {
    this.#db = db;
    this.#name = name;
  }

  /** Drops the index until `restore`; only inside a write transaction. */
  defer(): void {
    if (this.#definition !== null) return;
    requireTransaction(this.#db, this.#name);
    const row = this.#db
      .prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?")
      .get(this.#name) as { sql: string } | undefined;
    if (!row) return;
    this.#definition = row.sql;
    this.#db.exec(`DROP INDEX ${this.#name}`);
  }

  get deferred(): boolean {
    return this.#definition !== null;
  }

  /** Builds the index again (one sorted pass over the log) if it is deferred. */
  restore(): void {
    if (this.#definition === null) return;
    // One sort on the main thread: a helper thread (PRAGMA threads) saved little here and
    // cost about 30 MB of memory, which a country import cannot spare under its 300 MB.
    this.#db.exec(this.#definition);
    this.#definition = null;
  }
}

/** A full-text index kept by triggers named `<fts>_ai/_ad/_au` on its table, and how to fill it from the whole table. */
interface SearchIndex {
  fts: string;
  table: string;
  fill: string;
}

export const searchIndexes: readonly SearchIndex[] = [
  {
    fts: 'practices_fts',
    table: 'practices',
    fill: "INSERT INTO practices_fts(practices_fts) VALUES('rebuild')",
  },
  { fts: 'practice_words', table: 'practices', fill: fillPracticeWords },
  {
    fts: 'session_notes_fts',
    table: 'sessions',
    fill: "INSERT INTO session_notes_fts(session_notes_fts) VALUES('rebuild')",
  },
];

/**
 * The search indexes of tables that are empty, with their triggers dropped until `restore`
 * fills each from its finished table and puts the triggers back. Nothing in an import reads
 * them, so they are restored only at its end.
 */
export class DeferredSearch {
  readonly #db: Db;
  #deferred: { index: SearchIndex; triggers: string[] }[] = [];

  constructor(db: Db) {
    this.#db = db;
  }

  defer(): void {
    requireTransaction(this.#db, 'the search indexes');
    if (this.#deferred.length) return;
    for (const index of searchIndexes) {
      // Only an empty table's index is empty, so that filling it later gives the same index.
      if (this.#db.prepare(`SELECT 1 FROM ${index.table} LIMIT 1`).get()) continue;
      const triggers = this.#db
        .prepare(
          "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? AND name IN (?, ?, ?)",
        )
        .all(index.table, `${index.fts}_ai`, `${index.fts}_ad`, `${index.fts}_au`) as {
        name: string;
        sql: string;
      }[];
      if (triggers.length === 0) continue;
      for (const t of triggers) this.#db.exec(`DROP TRIGGER ${t.name}`);
      this.#deferred.push({ index, triggers: triggers.map((t) => t.sql) });
    }
  }

  get deferred(): string[] {
    return this.#deferred.map((d) => d.index.fts);
  }

  restore(): void {
    for (const { index, triggers } of this.#deferred) {
      this.#db.exec(index.fill);
      for (const sql of triggers) this.#db.exec(sql);
    }
    this.#deferred = [];
  }
}

function requireTransaction(db: Db, what: string): void {
  if (!db.inTransaction) throw new Error(`${what} can be deferred only inside a transaction`);
}
