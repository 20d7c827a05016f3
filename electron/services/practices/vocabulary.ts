import type { QuestionWord } from '../../../shared/recommend/text.ts';
import { rankWeights } from '../../../shared/recommend/weights.ts';
import type { Store } from '../../db/store.ts';
import type { PracticeIndex } from '../recommend/facts.ts';
import { runAll, runInBackground } from '../slices.ts';

/**
 * Every word of the practice library's full-text index, with how many practices hold
 * it. A coach's word is a prefix ("teacher" finds "teachers"); FTS5 answers a prefix
 * query by merging the lists of every word with that prefix on each query, which costs
 * more than the search itself for common words. Knowing the words lets the search ask
 * for them by name instead, skip words no practice has, and tell common words from rare
 * ones without a query each.
 */
export interface Vocabulary {
  /** Indexed words in sort order (as FTS5 folds them: lower case, no accents). */
  terms: string[];
  /** Practices holding each word, same order. */
  docs: Int32Array;
}

/** A coach's word as the library knows it. */
export interface KnownWord extends QuestionWord {
  /** Indexed words starting with the stem (empty when a prefix query is cheaper). */
  terms: string[];
  /** Practices holding any of them, at most (a practice may hold several). */
  docs: number;
}

/** More indexed words than this behind one stem ("re…"): let FTS5 merge them. */
const MAX_EXPANSION = 24;

const loaded = new WeakMap<PracticeIndex, { textVersion: number; vocabulary: Vocabulary }>();

/**
 * SQLite orders terms by their UTF-8 bytes, JavaScript by UTF-16 units; they differ only for
 * letters beyond U+FFFF, and the binary search below needs JavaScript's order.
 */
function inJsOrder(terms: string[], docs: number[]): Vocabulary {
  const sorted = terms.every((t, i) => i === 0 || terms[i - 1]! < t);
  if (sorted) return { terms, docs: Int32Array.from(docs) };
  const order = terms.map((_, i) => i).sort((a, b) => (terms[a]! < terms[b]! ? -1 : 1));
  return { terms: order.map((i) => terms[i]!), docs: Int32Array.from(order, (i) => docs[i]!) };
}

/** Reads the words `slice` at a time (-1: all at once), pausing between slices. */
function* loadSteps(store: Store, slice: number): Generator<void, Vocabulary> {
  store.db.exec(
    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.practices_vocab USING fts5vocab(main, practices_fts, 'row')",
  );
  const next = store.statements
    .get('SELECT term, doc FROM temp.practices_vocab WHERE term > ? ORDER BY term LIMIT ?')
    .raw();
  const terms: string[] = [];
  const docs: number[] = [];
  for (;;) {
    const rows = next.all(terms.at(-1) ?? '', slice) as [string, number][];
    for (const [term, doc] of rows) {
      terms.push(term);
      docs.push(doc);
    }
    if (slice < 0 || rows.length < slice) return inJsOrder(terms, docs);
    yield;
  }
}

/** The library's words, read once and again only after a practice's text changed. */
export function vocabulary(store: Store, index: PracticeIndex): Vocabulary {
  const had = loaded.get(index);
  if (had && had.textVersion === index.textVersion) return had.vocabulary;
  const words = runAll(loadSteps(store, -1));
  loaded.set(index, { textVersion: index.textVersion, vocabulary: words });
  return words;
}

/** Reads the library's words in the background, a slice at a time (see warmPracticeIndex). */
export async function warmVocabulary(store: Store, index: PracticeIndex, slice = 250): Promise<void> {
  const textVersion = index.textVersion;
  const words = await runInBackground(loadSteps(store, slice), () => loaded.has(index) || !store.db.open);
  // Words read while a practice's text changed may be a mix: the next search reads them again.
  if (words && index.textVersion === textVersion) loaded.set(index, { textVersion, vocabulary: words });
}

/** Position of the first term not below `s` (binary search). */
function lowerBound(terms: readonly string[], s: string): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (terms[mid]! < s) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const quoted = (s: string) => `"${s.replaceAll('"', '""')}"`;

/** The indexed words a coach's word stands for, and how many practices hold them. */
export function knownWord(v: Vocabulary, w: QuestionWord): KnownWord {
  const terms: string[] = [];
  let docs = 0;
  for (let i = lowerBound(v.terms, w.stem); i < v.terms.length && v.terms[i]!.startsWith(w.stem); i++) {
    terms.push(v.terms[i]!);
    docs += v.docs[i]!;
  }
  return { ...w, terms: terms.length > MAX_EXPANSION ? [] : terms, docs };
}

/**
 * One word as an FTS5 expression: its indexed words by name, any of them, or the quoted
 * prefix when it stands for very many. Quoting keeps anything typed from being read as
 * FTS5 syntax.
 */
export function wordMatch(w: KnownWord): string {
  if (w.terms.length === 0) return `${quoted(w.stem)}*`;
  if (w.terms.length === 1) return quoted(w.terms[0]!);
  return `(${w.terms.map(quoted).join(' OR ')})`;
}

/**
 * A coach's words as the library knows them, and those no practice holds. The words are
 * looked up in the vocabulary; one not found there is asked of FTS5 itself before it is
 * called unknown, because our folding of a word and FTS5's differ for a few letters (Greek
 * final sigma, some scripts unicode61 reads as separators).
 */
export function libraryWords(
  store: Store,
  index: PracticeIndex,
  words: readonly QuestionWord[],
): { known: KnownWord[]; unknown: QuestionWord[] } {
  const library = vocabulary(store, index);
  const known: KnownWord[] = [];
  const unknown: QuestionWord[] = [];
  for (const w of words) {
    const k = knownWord(library, w);
    const docs =
      k.docs ||
      (store.statements
        .get('SELECT count(*) FROM practices_fts WHERE practices_fts MATCH ?')
        .pluck()
        .get(`${quoted(w.stem)}*`) as number);
    if (docs > 0) known.push({ ...k, docs });
    else unknown.push(w);
  }
  return { known, unknown };
}

/** The words not found in most practices ("school", "learners" say little), or all when none is rarer. */
export function rarerWords(words: readonly KnownWord[], practices: number): KnownWord[] {
  const rare = words.filter((w) => w.docs <= rankWeights.commonWordShare * practices);
  return rare.length ? rare : [...words];
}
