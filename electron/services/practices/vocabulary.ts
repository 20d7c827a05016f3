import { questionTerms, termsOf, type QuestionTerm } from '../../../shared/words/question.ts';
import { textLanguage, textWords, tokens } from '../../../shared/words/forms.ts';
import { nearestWord, questionLanguage } from '../../../shared/words/typos.ts';
import type { Store } from '../../db/store.ts';
import type { PracticeIndex } from '../recommend/facts.ts';
import { runAll, runInBackground } from '../slices.ts';

/**
 * The practice library's words, read from the full-text indexes' own vocabularies
 * (`fts5vocab`): `practice_words` holds word keys and concept tokens with how many
 * practices hold each (for telling rare words from common ones and unknown ones without a
 * query each); `practices_fts` holds the words as written, the candidates a typo is
 * matched to. Read once, and again only after a practice's text changed.
 */
export interface Vocabulary {
  /** Indexed words in JavaScript's sort order. */
  terms: string[];
  /** Practices holding each word, same order. */
  docs: Int32Array;
}

type Table = 'practice_words' | 'practices_fts';
const tables: readonly Table[] = ['practice_words', 'practices_fts'];

const loaded = new WeakMap<PracticeIndex, Map<Table, { textVersion: number; vocabulary: Vocabulary }>>();

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

/** Reads a table's words `slice` at a time (-1: all at once), pausing between slices. */
function* loadSteps(store: Store, table: Table, slice: number): Generator<void, Vocabulary> {
  store.db.exec(
    `CREATE VIRTUAL TABLE IF NOT EXISTS temp.${table}_vocab USING fts5vocab(main, ${table}, 'row')`,
  );
  const next = store.statements
    .get(`SELECT term, doc FROM temp.${table}_vocab WHERE term > ? ORDER BY term LIMIT ?`)
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

function kept(index: PracticeIndex) {
  let m = loaded.get(index);
  if (!m) loaded.set(index, (m = new Map()));
  return m;
}

/** A table's words, read once and again only after a practice's text changed. */
export function vocabulary(store: Store, index: PracticeIndex, table: Table = 'practice_words'): Vocabulary {
  const m = kept(index);
  const had = m.get(table);
  if (had && had.textVersion === index.textVersion) return had.vocabulary;
  const words = runAll(loadSteps(store, table, -1));
  m.set(table, { textVersion: index.textVersion, vocabulary: words });
  return words;
}

/** Reads the library's words in the background, a slice at a time (see warmPracticeIndex). */
export async function warmVocabulary(store: Store, index: PracticeIndex, slice = 250): Promise<void> {
  for (const table of tables) {
    const textVersion = index.textVersion;
    const m = kept(index);
    const words = await runInBackground(loadSteps(store, table, slice), () => m.has(table) || !store.db.open);
    // Words read while a practice's text changed may be a mix: the next search reads them again.
    if (words && index.textVersion === textVersion) m.set(table, { textVersion, vocabulary: words });
  }
}

/** Practices holding one indexed word (binary search; 0 when none). */
export function docsOf(v: Vocabulary, term: string): number {
  let lo = 0;
  let hi = v.terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v.terms[mid]! < term) lo = mid + 1;
    else hi = mid;
  }
  return v.terms[lo] === term ? v.docs[lo]! : 0;
}

const quoted = (s: string) => `"${s.replaceAll('"', '""')}"`;

/** A term of the question as the library knows it. */
export interface AskedTerm extends QuestionTerm {
  /** Practices holding its most common token: at least this many hold the term. */
  docs: number;
  /** Practices holding its rarest token held by any (its weight in bm25 goes by its tokens). */
  least: number;
}

export interface AskedWords {
  terms: AskedTerm[];
  /** Words no practice holds and no library word is near. */
  unknown: string[];
  /** Typed words taken as the library word nearest to them ("showing results for …"). */
  corrected: { from: string; to: string }[];
}

/**
 * One term as an FTS5 expression over `practice_words`: any of its tokens, each quoted so
 * nothing typed is ever read as FTS5 syntax; whole tokens only (no prefix), so a word
 * never matches inside another.
 */
export function termMatch(t: QuestionTerm): string {
  return t.tokens.length === 1 ? quoted(t.tokens[0]!) : `(${t.tokens.map(quoted).join(' OR ')})`;
}

/**
 * A coach's words as terms the library knows, the words it does not know, and those taken
 * as a near library word. A plain word no practice holds is matched to the nearest word
 * the library holds (few edits, the question's language preferred) and read again, so a
 * corrected word meets its concept ("atendance" → "attendance" → mahudhurio too).
 */
export function askedTerms(
  store: Store,
  index: PracticeIndex,
  text: string,
  options: { max?: number; lang?: string } = {},
): AskedWords {
  const words = vocabulary(store, index);
  const docsOfTerm = (t: QuestionTerm) => {
    let docs = 0;
    let least = Infinity;
    for (const token of t.tokens) {
      const n = docsOf(words, token);
      docs = Math.max(docs, n);
      if (n > 0) least = Math.min(least, n);
    }
    // Our folding and FTS5's differ for a few letters (scripts unicode61 reads as separators): ask it.
    if (docs === 0)
      docs = store.statements
        .get('SELECT count(*) FROM practice_words WHERE practice_words MATCH ?')
        .pluck()
        .get(termMatch(t)) as number;
    return { docs, least: Math.min(least, docs) };
  };
  // The question's words say which grammar reads them (a Kiswahili question typed with the
  // screens in English is still Kiswahili); the coach's language decides between typos.
  const grammar = questionLanguage(tokens(text));
  const lang = options.lang ?? grammar;
  const typed = questionTerms(text, options.max ?? 12, grammar);
  const out: AskedWords = { terms: [], unknown: [], corrected: [] };
  for (const t of typed) {
    const counts = docsOfTerm(t);
    if (counts.docs > 0) {
      out.terms.push({ ...t, ...counts });
      continue;
    }
    const near = t.concepts.length === 0 ? nearestKnown(store, index, t.words, lang) : null;
    const again = near ? termsOf(textWords(near, textLanguage(grammar)), 1)[0] : undefined;
    const againDocs = again ? docsOfTerm(again) : { docs: 0, least: 0 };
    if (near && again && againDocs.docs > 0) {
      out.terms.push({ ...again, ...againDocs });
      out.corrected.push({ from: t.words, to: near });
    } else out.unknown.push(t.words);
  }
  return out;
}

const nearest = new WeakMap<PracticeIndex, { textVersion: number; byWord: Map<string, string | null> }>();
const NEAREST_KEPT = 5000;

/**
 * The library word nearest to a typed word no practice holds (shared/words/typos.ts),
 * remembered until the library's text changes: matching a word against every library
 * word costs a few ms, and coaches ask the same words again.
 */
function nearestKnown(store: Store, index: PracticeIndex, word: string, lang: string): string | null {
  let kept = nearest.get(index);
  if (!kept || kept.textVersion !== index.textVersion) {
    kept = { textVersion: index.textVersion, byWord: new Map() };
    nearest.set(index, kept);
  }
  const key = `${lang}:${word}`;
  let near = kept.byWord.get(key);
  if (near === undefined) {
    if (kept.byWord.size >= NEAREST_KEPT) kept.byWord.clear();
    near = nearestWord(word, vocabulary(store, index, 'practices_fts'), lang);
    kept.byWord.set(key, near);
  }
  return near;
}

/** Below this many practices every term is asked for: the cut below only saves time. */
const SMALL_LIBRARY = 5000;

/**
 * The terms that weigh in a ranking: in a large library a term held by more than half the
 * practices has no weight in bm25 (FTS5 gives such a term 1e-6), so asking for it changes
 * no score and only costs time — it is left out while terms with weight remain. In a
 * smaller library every term is asked for, so the explanation names each word matched.
 */
export function weighingTerms(terms: readonly AskedTerm[], practices: number): AskedTerm[] {
  if (practices < SMALL_LIBRARY) return [...terms];
  const weigh = terms.filter((t) => t.least * 2 <= practices);
  return weigh.length ? weigh : [...terms];
}
