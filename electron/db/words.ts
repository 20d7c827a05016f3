import type { Database } from 'better-sqlite3';
import { vocabularyVersion } from '../../shared/words/concepts.ts';
import { indexedText, tagWords } from '../../shared/words/indexText.ts';

/**
 * The SQL functions the word index's triggers call (migration 0130), registered on every
 * connection before anything is written, and the index's version: bump `formsVersion` when
 * shared/words/forms.ts changes what keys words get; the vocabulary has its own version.
 */
const formsVersion = 2;
export const practiceWordsVersion = `${formsVersion}.${vocabularyVersion}`;

export function registerWordFunctions(db: Database): void {
  const options = { deterministic: true, varargs: false } as const;
  db.function('pamoja_words', options, (text: unknown, language: unknown) =>
    typeof text === 'string' ? indexedText(text, typeof language === 'string' ? language : 'en') : '',
  );
  db.function('pamoja_tag_words', options, (tags: unknown) =>
    typeof tags === 'string' ? indexedText(tagWords(tags)) : '',
  );
}

/** Indexes practices' words as the insert trigger of migration 0130 does, for many at once (a WHERE may follow). */
export const fillPracticeWords = `INSERT INTO practice_words(rowid, title, problem, summary, steps, tags)
  SELECT seq, pamoja_words(title, language), pamoja_words(problem, language), pamoja_words(summary, language),
         pamoja_words(steps, language), pamoja_tag_words(tags) FROM practices`;

const VERSION_KEY = 'practice_words_version';
/** How far a re-index for a version has come: `<version>:<last seq done>`. */
const PROGRESS_KEY = 'practice_words_reindexing';
/** Up to this many practices are re-indexed at once when a store opens; a larger library is re-indexed in slices. */
const REINDEX_AT_OPEN = 1000;
const REINDEX_SLICE = 250;
/** Pages of the word index merged per step after a re-index (FTS5 'merge'). */
const MERGE_PAGES = 500;

function meta(db: Database, key: string): string | undefined {
  return (db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)
    ?.value;
}

function setMeta(db: Database, key: string, value: string): void {
  db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}

/** The word index was made by this version of the word forms and vocabulary (one indexed read). */
export function practiceWordsCurrent(db: Database): boolean {
  return meta(db, VERSION_KEY) === practiceWordsVersion;
}

/**
 * Re-indexes the library's words made by another version, `slice` practices (by seq) per
 * transaction, yielding between them, then merges the index's segments; returns whether
 * anything was re-indexed. Where it
 * has come is kept in `meta`, inside each slice's transaction, so another connection, a
 * later start or a question that needs the index now goes on from there. Practices written
 * meanwhile are indexed by the triggers with the new version already.
 */
export function* reindexPracticeWords(db: Database, slice = REINDEX_SLICE): Generator<void, boolean> {
  // One rowid at a time: FTS5 answers a rowid range by walking its whole index.
  const del = db.prepare('DELETE FROM practice_words WHERE rowid = ?');
  const seqs = db.prepare('SELECT seq FROM practices WHERE seq > ? AND seq <= ?').pluck();
  const add = db.prepare(`${fillPracticeWords} WHERE seq > ? AND seq <= ?`);
  const nth = db.prepare('SELECT seq FROM practices WHERE seq > ? ORDER BY seq LIMIT 1 OFFSET ?').pluck();
  const step = db.transaction((): boolean | null => {
    if (meta(db, VERSION_KEY) === practiceWordsVersion) return null;
    const [version, done] = (meta(db, PROGRESS_KEY) ?? '').split(':');
    const from = version === practiceWordsVersion ? Number(done) : 0;
    const upTo = nth.get(from, slice - 1) as number | undefined;
    const end = upTo ?? Number.MAX_SAFE_INTEGER;
    for (const seq of seqs.all(from, end) as number[]) del.run(seq);
    add.run(from, end);
    if (upTo !== undefined) {
      setMeta(db, PROGRESS_KEY, `${practiceWordsVersion}:${upTo}`);
      return true;
    }
    setMeta(db, VERSION_KEY, practiceWordsVersion);
    db.prepare('DELETE FROM meta WHERE key = ?').run(PROGRESS_KEY);
    return false;
  });
  let worked = false;
  for (;;) {
    const more = step.immediate();
    if (more === null) break;
    worked = true;
    if (!more) break;
    yield;
  }
  if (!worked) return false;
  // Slices leave the index in many small segments, which slow every search down (×2–3 at
  // country scale): merge them into one, a bounded amount of work per step. FTS5 says the
  // merge found nothing left to do when it changed fewer than two rows.
  const merge = db.prepare("INSERT INTO practice_words(practice_words, rank) VALUES ('merge', ?)");
  const changes = db.prepare('SELECT total_changes()').pluck();
  for (;;) {
    yield;
    const before = changes.get() as number;
    merge.run(-MERGE_PAGES);
    if ((changes.get() as number) - before < 2) break;
  }
  return true;
}

/**
 * At open, after the migrations: a small library is re-indexed at once when the word forms
 * or the vocabulary changed; a larger one is left for `reindexPracticeWords` (warm-up in the
 * background, or the first question), so opening a country's store does not wait seconds.
 */
export function refreshPracticeWords(db: Database, atOnce = REINDEX_AT_OPEN): boolean {
  if (practiceWordsCurrent(db)) return false;
  const practices = db.prepare('SELECT count(*) FROM practices').pluck().get() as number;
  if (practices > atOnce) return false;
  const steps = reindexPracticeWords(db, atOnce + 1);
  while (!steps.next().done);
  return true;
}
