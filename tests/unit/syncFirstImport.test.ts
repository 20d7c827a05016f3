import { describe, expect, it } from 'vitest';
import { DeferredIndex, DeferredSearch, searchIndexes } from '../../electron/db/deferredIndex.ts';
import { generateDemo } from '../../electron/demo/generate.ts';
import type { Store } from '../../electron/db/store.ts';
import { storeDigest } from '../../electron/services/sync/digest.ts';
import { applyPayload } from '../../electron/services/sync/importChanges.ts';
import { tempStore } from './helpers.ts';
import { carry, payloadFor, seedRegion, sourceOf } from './syncHelpers.ts';

const DAY = 86_400_000;

const fieldIndexSql = (s: Store) =>
  s.db
    .prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'changes_by_field'")
    .pluck()
    .get();

const changeCount = (s: Store) => s.db.prepare('SELECT count(*) FROM changes').pluck().get() as number;

/** The plan SQLite picks for reading one row's changes: it must use the by-field index. */
const planOfRowRead = (s: Store) =>
  (
    s.db
      .prepare('EXPLAIN QUERY PLAN SELECT col, value FROM changes WHERE tbl = ? AND row_id = ?')
      .all('schools', 'x') as { detail: string }[]
  )
    .map((r) => r.detail)
    .join(' ');

describe('a first import into an empty store (its by-field index built once, at the end)', () => {
  it('leaves the same index the migrations made, and the same store as the sender', () => {
    const a = tempStore();
    const b = tempStore();
    const made = fieldIndexSql(b);
    expect(made).toContain('changes(tbl, row_id, col, hlc)');
    seedRegion(a);
    const r = carry(a, b, { kind: 'full' });
    expect(r.new).toBe(changeCount(a));
    expect(fieldIndexSql(b)).toBe(made);
    expect(planOfRowRead(b)).toContain('changes_by_field');
    expect(storeDigest(b)).toEqual(storeDigest(a));
    expect(b.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('merges a row met in two laptops’ spans as an import into a filled store does', () => {
    let t = 1_800_000_000_000;
    const now = () => t;
    const [a, b, c, d] = [0, 1, 2, 3].map(() => tempStore({ now }));
    const { session, schools } = seedRegion(a!);
    carry(a!, b!, { kind: 'full' });
    t += 1000;
    // B edits rows A made: they sit in A's span and in B's, so C meets them twice.
    b!.write((w) => {
      w.update('sessions', session, { notes: 'notes from B' });
      w.update('schools', schools[0]!, { learners: 512 });
    });
    t += 1000;
    const full = carry(b!, c!, { kind: 'full' });
    expect(full.new).toBe(changeCount(b!));
    expect(full.superseded).toBe(2);
    expect(storeDigest(c!)).toEqual(storeDigest(b!));
    expect(fieldIndexSql(c!)).toBe(fieldIndexSql(b!));
    // The same changes taken in two steps into a store whose log is not empty the second time.
    carry(a!, d!, { kind: 'full' });
    const rest = carry(b!, d!, { kind: 'full' });
    expect(rest.new).toBe(2);
    expect(storeDigest(d!)).toEqual(storeDigest(c!));
  });

  it('holds back changes from a clock far ahead and still builds the index', () => {
    let t = 1_800_000_000_000;
    const a = tempStore({ now: () => t + 365 * DAY });
    const b = tempStore({ now: () => t });
    seedRegion(a);
    const r = carry(a, b, { kind: 'full' });
    expect(r.held).toBe(changeCount(a));
    expect(changeCount(b)).toBe(0);
    expect(fieldIndexSql(b)).toBe(fieldIndexSql(a));
    t += 366 * DAY;
    const later = carry(a, b, { kind: 'full' });
    expect(later.released).toBe(changeCount(a));
    expect(storeDigest(b)).toEqual(storeDigest(a));
  });

  it('a cancelled first import leaves the store as it was, index included', () => {
    const a = tempStore();
    const b = tempStore();
    const c = tempStore();
    const { session } = seedRegion(a);
    carry(a, b, { kind: 'full' });
    b.write((w) => w.update('sessions', session, { notes: 'notes from B' }));
    const made = fieldIndexSql(c);
    const before = storeDigest(c);
    const payload = payloadFor(b, { kind: 'full' });
    let spans = 0;
    expect(() =>
      applyPayload(c, payload, sourceOf(b, 'full'), () => {
        // Cancelled after the first span is in (the runner's cancel throws from progress).
        if (++spans === 1) throw new Error('cancelled');
      }),
    ).toThrow('cancelled');
    expect(changeCount(c)).toBe(0);
    expect(fieldIndexSql(c)).toBe(made);
    expect(storeDigest(c)).toEqual(before);
    carry(b, c, { kind: 'full' });
    expect(storeDigest(c)).toEqual(storeDigest(b));
  });
});

/** Every word of a search index where it stands: by row id (not the local seq), column and offset. */
function searchWords(s: Store, fts: string, table: string): string[] {
  s.db.exec(
    `CREATE VIRTUAL TABLE IF NOT EXISTS temp.${fts}_instances USING fts5vocab(main, ${fts}, 'instance')`,
  );
  return s.db
    .prepare(
      `SELECT t.id || ' ' || v.col || ' ' || v.offset || ' ' || v.term AS w
         FROM temp.${fts}_instances v JOIN ${table} t ON t.seq = v.doc ORDER BY w`,
    )
    .pluck()
    .all() as string[];
}

const triggersOf = (s: Store) =>
  s.db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all();

describe('the search indexes of a first import (filled once from the finished tables)', () => {
  it('hold the same words as indexes kept row by row, and their triggers keep them current after', () => {
    const a = tempStore();
    const b = tempStore();
    generateDemo(a, { seed: 3, scale: 'small' });
    carry(a, b, { kind: 'full' });
    for (const { fts, table } of searchIndexes) {
      const words = searchWords(a, fts, table);
      expect(words.length).toBeGreaterThan(100);
      expect(searchWords(b, fts, table)).toEqual(words);
    }
    for (const fts of ['practices_fts', 'session_notes_fts'])
      b.db.prepare(`INSERT INTO ${fts}(${fts}, rank) VALUES ('integrity-check', 1)`).run();
    expect(triggersOf(b)).toEqual(triggersOf(a));
    // The triggers are back: an edit after the import is found, the old words are gone.
    const practice = b.db.prepare('SELECT id, seq FROM practices ORDER BY seq LIMIT 1').get() as {
      id: string;
      seq: number;
    };
    b.write((w) => w.update('practices', practice.id, { title: 'Zebrafish reading corners' }));
    const found = (q: string, fts: string) =>
      b.db.prepare(`SELECT rowid FROM ${fts} WHERE ${fts} MATCH ?`).pluck().all(q) as number[];
    expect(found('zebrafish', 'practices_fts')).toEqual([practice.seq]);
    expect(found('title:zebrafish', 'practice_words')).toEqual([practice.seq]);
  });

  it('are left as they are when their table holds rows already', () => {
    const a = tempStore();
    generateDemo(a, { seed: 3, scale: 'small' });
    a.db.transaction(() => {
      const search = new DeferredSearch(a.db);
      search.defer();
      expect(search.deferred).toEqual([]);
    })();
    const empty = tempStore();
    empty.db.transaction(() => {
      const search = new DeferredSearch(empty.db);
      search.defer();
      expect(search.deferred).toEqual(['practices_fts', 'practice_words', 'session_notes_fts']);
      expect(triggersOf(empty)).toEqual([]);
      search.restore();
    })();
    expect(triggersOf(empty)).toEqual(triggersOf(a));
  });
});

describe('DeferredIndex', () => {
  it('drops an index inside a transaction and builds the same one back; a rollback restores it', () => {
    const s = tempStore();
    const made = fieldIndexSql(s);
    const index = new DeferredIndex(s.db, 'changes_by_field');
    expect(() => index.defer()).toThrow('only inside a transaction');
    s.db.transaction(() => {
      index.defer();
      expect(index.deferred).toBe(true);
      expect(fieldIndexSql(s)).toBeUndefined();
      index.restore();
      expect(index.deferred).toBe(false);
    })();
    expect(fieldIndexSql(s)).toBe(made);
    expect(() =>
      s.db.transaction(() => {
        new DeferredIndex(s.db, 'changes_by_field').defer();
        throw new Error('import refused');
      })(),
    ).toThrow('import refused');
    expect(fieldIndexSql(s)).toBe(made);
  });
});
