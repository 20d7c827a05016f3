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

/** Re-indexes the library's words when they were indexed by another version (in one transaction). */
export function refreshPracticeWords(db: Database): boolean {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'practice_words_version'").get() as
    { value: string } | undefined;
  if (row?.value === practiceWordsVersion) return false;
  db.transaction(() => {
    db.exec(`INSERT INTO practice_words(practice_words) VALUES ('delete-all');
      INSERT INTO practice_words(rowid, title, problem, summary, steps, tags)
      SELECT seq, pamoja_words(title, language), pamoja_words(problem, language), pamoja_words(summary, language),
             pamoja_words(steps, language), pamoja_tag_words(tags) FROM practices;`);
    db.prepare(
      "INSERT INTO meta (key, value) VALUES ('practice_words_version', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    ).run(practiceWordsVersion);
  })();
  return true;
}
