import type { Store } from '../../db/store.ts';
import type { PracticeIndex } from '../recommend/facts.ts';
import { rankWeights } from '../../../shared/recommend/weights.ts';
import { conceptToken } from '../../../shared/words/vocabulary.ts';
import { runAll, runInBackground } from '../slices.ts';
import { docsOf, vocabulary, type AskedTerm, type Vocabulary } from './vocabulary.ts';

/**
 * Each index token's bm25 part for every practice holding it, read once per library text
 * version. FTS5's bm25 is a sum over the query's phrases of a part that depends only on
 * the phrase, the practice and the library (idf, the practice's weighted count of the
 * phrase, its length against the average), so a question's bm25 is the sum of its tokens'
 * parts, whatever AND and OR join them. Computing bm25 cost FTS5 ~2 µs per matching row,
 * 80% of a country-scale search; summing kept parts costs a few ms at most.
 */
export interface TokenScores {
  /** Practices holding the token (seq, ascending). */
  seqs: Int32Array;
  /** Their bm25 part (lower is better), same order. */
  ranks: Float64Array;
}

/** bm25 with the weight of each column of practice_words (title, problem, summary, steps, tags). */
export const RANK = `bm25(practice_words, ${rankWeights.textColumns.map((w) => w.toFixed(1)).join(', ')})`;

/** Rows kept at most (~12 bytes each): every concept token of a country's library is ~1.3 M. */
const KEPT_ROWS = 3_000_000;

interface Kept {
  textVersion: number;
  byToken: Map<string, TokenScores>;
  rows: number;
}

const kept = new WeakMap<PracticeIndex, Kept>();

function keptFor(index: PracticeIndex): Kept {
  let k = kept.get(index);
  if (!k || k.textVersion !== index.textVersion) {
    k = { textVersion: index.textVersion, byToken: new Map(), rows: 0 };
    kept.set(index, k);
  }
  return k;
}

/** A token as an FTS5 phrase: quoted, so nothing in it is read as syntax. */
export const phrase = (token: string) => `"${token.replaceAll('"', '""')}"`;

/** Reads a token's parts `slice` rows at a time (-1: at once), pausing between slices. */
function* readSteps(store: Store, token: string, slice: number): Generator<void, TokenScores> {
  const seqs: number[] = [];
  const ranks: number[] = [];
  const next = store.statements
    .get(
      `SELECT rowid, ${RANK} FROM practice_words WHERE practice_words MATCH ? AND rowid > ?
       ORDER BY rowid LIMIT ?`,
    )
    .raw();
  for (;;) {
    const rows = next.all(phrase(token), seqs.at(-1) ?? 0, slice) as [number, number][];
    for (const [seq, rank] of rows) {
      seqs.push(seq);
      ranks.push(rank);
    }
    if (slice < 0 || rows.length < slice)
      return { seqs: Int32Array.from(seqs), ranks: Float64Array.from(ranks) };
    yield;
  }
}

function keep(k: Kept, token: string, scores: TokenScores): void {
  // The oldest read go first (a Map keeps insertion order).
  for (const [old, s] of k.byToken) {
    if (k.rows + scores.seqs.length <= KEPT_ROWS) break;
    k.byToken.delete(old);
    k.rows -= s.seqs.length;
  }
  k.byToken.set(token, scores);
  k.rows += scores.seqs.length;
}

/** A token's bm25 parts, read when not yet kept. */
export function tokenScores(store: Store, index: PracticeIndex, token: string): TokenScores {
  const k = keptFor(index);
  const had = k.byToken.get(token);
  if (had) return had;
  const scores = runAll(readSteps(store, token, -1));
  keep(k, token, scores);
  return scores;
}

/**
 * Reads the parts of some tokens (the vocabulary's concepts) in the background, 2,000 rows
 * a slice (~5 ms), so the library search is as fast for the first question as for the next.
 */
export async function warmTokenScores(
  store: Store,
  index: PracticeIndex,
  tokens: readonly string[],
  slice = 2000,
): Promise<void> {
  for (const token of tokens) {
    const textVersion = index.textVersion;
    if (!store.db.open || keptFor(index).byToken.has(token)) continue;
    const scores = await runInBackground(
      readSteps(store, token, slice),
      () => !store.db.open || index.textVersion !== textVersion || keptFor(index).byToken.has(token),
    );
    // Parts read while a practice's text changed may be a mix: the next question reads them again.
    if (scores && index.textVersion === textVersion) keep(keptFor(index), token, scores);
  }
}

/**
 * Whether the warm-up reads a token's parts before the first question: every concept (a
 * coach's words mostly name one) and the words held by a fifth of the library or more —
 * those a question would otherwise wait longest for (~2 µs a practice). Rarer words are
 * read when first asked.
 */
export const warmedToken = (token: string, docs: number, practices: number): boolean =>
  token.startsWith(conceptToken('')) || docs * 5 >= practices;

/** The tokens the warm-up reads, commonest first. */
export function tokensToWarm(words: Vocabulary, practices: number): string[] {
  const out: { token: string; docs: number }[] = [];
  words.terms.forEach((token, i) => {
    if (warmedToken(token, words.docs[i]!, practices)) out.push({ token, docs: words.docs[i]! });
  });
  return out.sort((a, b) => b.docs - a.docs).map((t) => t.token);
}

/** A token's parts when kept (read by the warm-up or an earlier question). */
export function keptTokenScores(index: PracticeIndex, token: string): TokenScores | undefined {
  return keptFor(index).byToken.get(token);
}

/**
 * Whether a question's bm25 is best summed from kept parts: every token's parts are kept,
 * or cheap to read now (a rare word). Until the warm-up has read a common token's parts,
 * asking FTS5 for the question costs less than reading them.
 */
export function partsReady(store: Store, index: PracticeIndex, terms: readonly AskedTerm[]): boolean {
  const words = vocabulary(store, index);
  const practices = index.byId.size;
  return terms.every((t) =>
    t.tokens.every(
      (token) => keptTokenScores(index, token) || !warmedToken(token, docsOf(words, token), practices),
    ),
  );
}

/**
 * Practices holding any of the terms, with the sum of their tokens' parts: the bm25 FTS5
 * gives the query `a OR b` (seq order).
 */
export function anyOfScores(
  store: Store,
  index: PracticeIndex,
  terms: readonly AskedTerm[],
): { seqs: number[]; ranks: number[] } {
  const lists = terms.flatMap((t) => t.tokens.map((token) => tokenScores(store, index, token)));
  let size = 1;
  for (const l of lists) size = Math.max(size, (l.seqs.at(-1) ?? 0) + 1);
  const sum = new Float64Array(size);
  const holds = new Uint8Array(size);
  for (const l of lists)
    for (let i = 0; i < l.seqs.length; i++) {
      const seq = l.seqs[i]!;
      sum[seq] = sum[seq]! + l.ranks[i]!;
      holds[seq] = 1;
    }
  const seqs: number[] = [];
  const ranks: number[] = [];
  for (let seq = 1; seq < size; seq++)
    if (holds[seq]) {
      seqs.push(seq);
      ranks.push(sum[seq]!);
    }
  return { seqs, ranks };
}

/** Forgets every token's parts (the benchmark times a search before any are kept). */
export function forgetTokenScores(index: PracticeIndex): void {
  kept.delete(index);
}
