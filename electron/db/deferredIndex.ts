import type { Db } from './store.ts';

/**
 * An index left out while a first import fills an empty change log, and built once at the
 * end: keeping `changes_by_field` (table, row, field, time) in order as a million changes
 * arrive in random row order costs about twice what one sorted build costs. It is dropped
 * inside the import's transaction, so a failed or cancelled import gets it back with the
 * rollback; `restore` runs before anything reads the log by field (a row met twice, a change
 * held back) and when the import finishes, always before the commit. Its definition is
 * taken from the schema as the migrations made it, so the rebuilt index is the same index.
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
    if (!this.#db.inTransaction) throw new Error(`${this.#name} can be deferred only inside a transaction`);
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
    this.#db.exec(this.#definition);
    this.#definition = null;
  }
}
