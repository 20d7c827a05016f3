import type { QuestionWord } from '../../../shared/recommend/text.ts';
import { rankWeights } from '../../../shared/recommend/weights.ts';
import type { Store } from '../../db/store.ts';
import { libraryWords, rarerWords, wordMatch } from '../practices/vocabulary.ts';
import type { PracticeIndex } from './facts.ts';

const TEXT_CACHE_SIZE = 64;

export interface TextMatches {
  /** Practice seq → relevance relative to the best match (0..1]. */
  scores: Map<number, number>;
  /** The words actually searched for. */
  searched: QuestionWord[];
}

/**
 * Full-text relevance (weighted bm25 over title, problem, summary, steps and tags) of the
 * practices matching any of the words. Words no practice holds are left out; words found
 * in most practices ("school", "learners") say little and cost much, so they are left
 * out too when rarer words remain. Each word is asked for by the indexed words it
 * prefixes (see ../practices/vocabulary.ts).
 */
export function textMatches(store: Store, index: PracticeIndex, words: readonly QuestionWord[]): TextMatches {
  const chosen = rarerWords(libraryWords(store, index, words).known, index.byId.size);
  const searched = chosen.map(({ word, stem }) => ({ word, stem }));
  if (chosen.length === 0) return { scores: new Map(), searched };
  const match = chosen.map(wordMatch).join(' OR ');
  const cached = index.textCache.get(match);
  if (cached) return { scores: cached, searched };
  const scores = new Map<number, number>();
  const [t, p, s, st, tg] = rankWeights.textColumns;
  const rows = store.statements
    .get(
      `SELECT rowid, -bm25(practices_fts, ?, ?, ?, ?, ?) AS relevance FROM practices_fts
       WHERE practices_fts MATCH ? ORDER BY relevance DESC LIMIT ?`,
    )
    .raw()
    .all(t, p, s, st, tg, match, rankWeights.maxTextMatches) as [number, number][];
  const best = rows[0]?.[1] ?? 0;
  for (const [seq, relevance] of rows) scores.set(seq, best > 0 ? Math.max(relevance / best, 1e-6) : 1);
  if (index.textCache.size >= TEXT_CACHE_SIZE) index.textCache.delete(index.textCache.keys().next().value!);
  index.textCache.set(match, scores);
  return { scores, searched };
}
