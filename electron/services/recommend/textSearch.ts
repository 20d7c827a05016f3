import { rankWeights } from '../../../shared/recommend/weights.ts';
import { anyOfScores, partsReady, RANK } from '../practices/tokenScores.ts';
import type { Store } from '../../db/store.ts';
import { termMatch, weighingTerms, type AskedTerm } from '../practices/vocabulary.ts';
import type { PracticeIndex } from './facts.ts';

const TEXT_CACHE_SIZE = 64;

export interface TextMatches {
  /** Practice seq → relevance relative to the best match (0..1]. */
  scores: Map<number, number>;
  /** The terms actually searched for. */
  searched: AskedTerm[];
}

/**
 * Full-text relevance (weighted bm25 over title, problem, summary, steps and tags of the
 * word index, `practice_words`) of the practices matching any of the terms: a rarer term
 * counts more. Terms with no weight in bm25 (held by more than half the library) are
 * left out while others remain; nothing else is cut.
 */
export function textMatches(store: Store, index: PracticeIndex, terms: readonly AskedTerm[]): TextMatches {
  const searched = weighingTerms(terms, index.byId.size);
  if (searched.length === 0) return { scores: new Map(), searched };
  const match = searched.map(termMatch).join(' OR ');
  const cached = index.textCache.get(match);
  if (cached) return { scores: cached, searched };
  const scores = new Map<number, number>();
  const rows = partsReady(store, index, searched)
    ? summedRows(store, index, searched)
    : askedRows(store, match);
  const best = rows[0]?.[1] ?? 0;
  for (const [seq, relevance] of rows) scores.set(seq, best > 0 ? Math.max(relevance / best, 1e-6) : 1);
  if (index.textCache.size >= TEXT_CACHE_SIZE) index.textCache.delete(index.textCache.keys().next().value!);
  index.textCache.set(match, scores);
  return { scores, searched };
}

/** The best matches as FTS5 gives them, relevance (−bm25) first. */
function askedRows(store: Store, match: string): [number, number][] {
  return store.statements
    .get(
      `SELECT rowid, -${RANK} AS relevance FROM practice_words
       WHERE practice_words MATCH ? ORDER BY relevance DESC LIMIT ?`,
    )
    .raw()
    .all(match, rankWeights.maxTextMatches) as [number, number][];
}

/** The same from the tokens' kept bm25 parts (equal relevance: the earlier practice first). */
function summedRows(store: Store, index: PracticeIndex, terms: readonly AskedTerm[]): [number, number][] {
  const { seqs, ranks } = anyOfScores(store, index, terms);
  const order = seqs.map((_, i) => i).sort((a, b) => ranks[a]! - ranks[b]! || a - b);
  return order.slice(0, rankWeights.maxTextMatches).map((i) => [seqs[i]!, -ranks[i]!]);
}
