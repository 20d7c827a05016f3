import type { z } from 'zod';
import type { PracticeCard, PracticeFilters } from '../../../shared/contract/practices.ts';
import { bitCount, tagsMask } from '../../../shared/recommend/derive.ts';
import { evidenceEffect } from '../../../shared/recommend/evidence.ts';
import { tagsNamed } from '../../../shared/words/vocabulary.ts';
import { distanceKm } from '../../../shared/geo.ts';
import { rankWeights } from '../../../shared/recommend/weights.ts';
import { groupByTitleThenText } from '../../../shared/practices/samePractice.ts';
import { snippetFor } from '../../../shared/words/highlight.ts';
import type { QuestionTerm } from '../../../shared/words/question.ts';
import { indicatorDefs, indicatorNames, type PriorityTag } from '../../../shared/schema/enums.ts';
import { smallest } from '../../../shared/snippet.ts';
import type { Store } from '../../db/store.ts';
import { practiceIndex, type PracticeIndex } from '../recommend/facts.ts';
import { countTags, filterTable, madeWorse, otherLanguages, passes } from './filterTable.ts';
import { writtenLanguages } from './languages.ts';
import { readingOf, titleOf } from './readings.ts';
import { anyOfScores, partsReady, RANK, tokenScores } from './tokenScores.ts';
import { askedTerms, termMatch, weighingTerms, type AskedTerm } from './vocabulary.ts';

type Filters = z.output<typeof PracticeFilters>;

/** SQL true when a measured evidence row moved its indicator the wrong way. */
const lowerIsBetter = indicatorNames.filter((n) => indicatorDefs[n].better === 'down');
export const worsenedSql = `(CASE WHEN indicator IN (${lowerIsBetter.map((n) => `'${n}'`).join(', ')})
  THEN after_value > before_value ELSE after_value < before_value END)`;

interface CardRow {
  seq: number;
  id: string;
  title: string;
  summary: string;
  problem: string;
  steps: string;
  tags: string;
  cost: PracticeCard['cost'];
  setting: PracticeCard['setting'];
  originPlace: string;
  language: string;
  originClusterId: string | null;
  originLat: number | null;
  originLon: number | null;
}

/** Full-text answers kept per library text version: "More" and filter changes ask again. */
const answers = new WeakMap<PracticeIndex, { textVersion: number; byMatch: Map<string, TextAnswer> }>();
const ANSWERS_KEPT = 8;

interface TextAnswer {
  /** Matching practices' seq, in index order (typed arrays: an answer may hold 50,000). */
  seqs: Int32Array;
  /** Their bm25, lower is better. */
  ranks: Float64Array;
  /** The best (lowest) bm25 of them. */
  best: number;
  /** The words searched for when practices holding only some of them were added (any was enough). */
  anyOf: string[] | null;
  /** How many hold all the words (they come first). */
  allWords: number;
}

function remembered(index: PracticeIndex): Map<string, TextAnswer> {
  let kept = answers.get(index);
  if (!kept || kept.textVersion !== index.textVersion) {
    kept = { textVersion: index.textVersion, byMatch: new Map() };
    answers.set(index, kept);
  }
  return kept.byMatch;
}

/** Forgets remembered answers, so the benchmark can time questions asked for the first time. */
export function forgetSearches(index: PracticeIndex): void {
  answers.delete(index);
}

/**
 * Added to the rank of a practice whose evidence says it made things worse: it is shown
 * apart, after every other match (issue 14, evidence before nearness), never hidden —
 * the coach may be looking for what happened with it.
 */
const SHOWN_APART = 1e7;
/** Matches read past the page, so that write-ups of the same practice shown once still fill it. */
const SAME_SPARE = 8;
/** Subtracted from the rank of practices holding every word: they come first. */
const ALL_WORDS = 10;
/**
 * What carrying the priorities the question's words name adds to a match (its text relevance
 * runs from 0 to 1): it orders practices holding the same common words, and brings in those
 * holding none of the words of a narrow question after those that do.
 */
const NAMED_TAGS = 0.3;

/** Fewer practices than this hold all the terms: those holding some of them follow. */
const FILL_BELOW = 20;

/** Matching practices (seq order within each part) and their bm25, before typed arrays. */
interface Found {
  seqs: number[];
  ranks: number[];
  anyOf: string[] | null;
  allWords: number;
}

/**
 * Practices holding all the terms (each by its forms and, for a concept, its words in any
 * language), with their bm25; when fewer than FILL_BELOW hold them all, those holding any
 * of the terms that weigh (see weighingTerms) follow them, with the bm25 of those terms.
 * Summed from each token's kept bm25 parts (./tokenScores.ts) once the warm-up has read
 * them; until then a question with a common token not yet read asks FTS5 itself (reading
 * that token's parts would cost more than the question).
 */
export function textMatches(store: Store, index: PracticeIndex, terms: AskedTerm[]): TextAnswer {
  const byRarity = [...terms].sort((a, b) => a.docs - b.docs);
  const all = byRarity.map(termMatch).join(' AND ');
  const kept = remembered(index);
  const had = kept.get(all);
  if (had) return had;
  const summed = partsReady(store, index, terms);
  const found = summed ? summedMatches(store, index, byRarity) : askedMatches(store, index, byRarity, all);
  let best = 0;
  for (const r of found.ranks) if (r < best) best = r;
  const answer: TextAnswer = {
    seqs: Int32Array.from(found.seqs),
    ranks: Float64Array.from(found.ranks),
    best,
    anyOf: found.anyOf,
    allWords: found.anyOf === null ? found.seqs.length : found.allWords,
  };
  if (kept.size >= ANSWERS_KEPT) kept.delete(kept.keys().next().value!);
  kept.set(all, answer);
  return answer;
}

/** The matches as FTS5 gives them: terms rarest first, so it walks the short lists and seeks in the long. */
function askedMatches(store: Store, index: PracticeIndex, byRarity: AskedTerm[], all: string): Found {
  const rows = (expr: string) =>
    store.statements
      .get(`SELECT rowid, ${RANK} FROM practice_words WHERE practice_words MATCH ?`)
      .raw()
      .all(expr) as [number, number][];
  const found = rows(all);
  const allWords = found.length;
  let anyOf: string[] | null = null;
  if (found.length < FILL_BELOW && byRarity.length > 1) {
    const any = weighingTerms(byRarity, index.byId.size);
    const holdsAll = new Set(found.map(([seq]) => seq));
    const more = rows(any.map(termMatch).join(' OR ')).filter(([seq]) => !holdsAll.has(seq));
    if (more.length) {
      found.push(...more);
      anyOf = any.map((t) => t.words);
    }
  }
  return { seqs: found.map(([seq]) => seq), ranks: found.map(([, rank]) => rank), anyOf, allWords };
}

/** The same matches summed from the tokens' bm25 parts, as FTS5 would compute them. */
function summedMatches(store: Store, index: PracticeIndex, terms: AskedTerm[]): Found {
  const lists = terms.map((t) => t.tokens.map((token) => tokenScores(store, index, token)));
  let size = 1;
  for (const term of lists) for (const l of term) size = Math.max(size, (l.seqs.at(-1) ?? 0) + 1);
  // Per practice: how many of the terms it holds, and the sum of its tokens' parts.
  const held = new Uint8Array(size);
  const last = new Int8Array(size);
  const sum = new Float64Array(size);
  lists.forEach((term, t) => {
    for (const l of term)
      for (let i = 0; i < l.seqs.length; i++) {
        const seq = l.seqs[i]!;
        sum[seq] = sum[seq]! + l.ranks[i]!;
        if (last[seq] !== t + 1) {
          last[seq] = t + 1;
          held[seq]!++;
        }
      }
  });
  const seqs: number[] = [];
  const ranks: number[] = [];
  for (let seq = 1; seq < size; seq++)
    if (held[seq] === terms.length) {
      seqs.push(seq);
      ranks.push(sum[seq]!);
    }
  const allWords = seqs.length;
  let anyOf: string[] | null = null;
  if (allWords < FILL_BELOW && terms.length > 1) {
    // The bm25 of the terms that weigh alone, as the query `a OR b` gives it.
    const any = weighingTerms(terms, index.byId.size);
    const more = anyOfScores(store, index, any);
    more.seqs.forEach((seq, i) => {
      if (held[seq] === terms.length) return;
      seqs.push(seq);
      ranks.push(more.ranks[i]!);
    });
    if (seqs.length > allWords) anyOf = any.map((t) => t.words);
  }
  return { seqs, ranks, anyOf, allWords };
}

/**
 * The practice library search: words (by their forms, across languages through the
 * vocabulary, typos taken as the nearest library word), priority tags (any of those
 * chosen), cost, setting and "with evidence"; ranked by bm25 with the title weighing most,
 * newest first without words. Full-text matching and bm25 are one pass over the index; filters and the
 * per-priority counts use a compact table of the practice facts kept in memory for
 * recommendations, and only the page's rows are read from the table — so a country's
 * library answers quickly. Words no practice holds are named rather than searched for.
 */
export function searchPractices(store: Store, f: Filters) {
  const index = practiceIndex(store);
  const asked = askedTerms(store, index, f.query, { max: 16, ...(f.lang ? { lang: f.lang } : {}) });
  const known = asked.terms;
  const unknownWords = asked.unknown;
  const table = filterTable(index.all());
  const ok = passes(f);
  // Kept practices and their ranks side by side (lower first): a broad word matches tens of thousands.
  const kept: number[] = [];
  const ranks: number[] = [];
  let anyOfWords: string[] | null = null;
  let allWordsIn: Set<number> | null = null;
  // The priorities the question's words name ("kuacha shule": attendance, vulnerable learners).
  const named = tagsNamed(known.flatMap((t) => t.concepts));
  const namedMask = tagsMask(named);
  const tagShare = (seq: number) =>
    namedMask ? Math.min(1, bitCount(table.tags[seq]! & namedMask) / Math.min(2, named.length)) : 0;
  let relatedTags: PriorityTag[] | null = null;
  // As in recommendations, a practice in a language neither the coach nor the library's own
  // clusters write in ranks below equal ones in theirs ("written in French" on its card).
  const other = otherLanguages(table, new Set([...writtenLanguages(index), ...(f.lang ? [f.lang] : [])]));
  const weighed = (seq: number, relevance: number) =>
    other[table.languages[seq]!] ? relevance * rankWeights.otherLanguage : relevance;
  if (known.length) {
    const answer = textMatches(store, index, known);
    anyOfWords = answer.anyOf;
    if (answer.anyOf) allWordsIn = new Set(answer.seqs.subarray(0, answer.allWords));
    for (let i = 0; i < answer.seqs.length; i++) {
      const seq = answer.seqs[i]!;
      const traits = table.traits[seq] ?? 0;
      if (!ok[traits]) continue;
      kept.push(seq);
      // bm25 relative to the best match (0..1], with the named priorities a practice carries.
      const text = answer.best < 0 ? answer.ranks[i]! / answer.best : 1;
      ranks.push(
        -weighed(seq, text + NAMED_TAGS * tagShare(seq)) -
          (i < answer.allWords ? ALL_WORDS : 0) +
          (madeWorse(traits) ? SHOWN_APART : 0),
      );
    }
    // A narrow question: practices on the priorities its words name follow those holding its words.
    if (namedMask && answer.allWords < FILL_BELOW) {
      const before = kept.length;
      const held = new Set(answer.seqs);
      for (let seq = 1; seq < table.tags.length; seq++) {
        const traits = table.traits[seq]!;
        if (!(table.tags[seq]! & namedMask) || !ok[traits] || held.has(seq)) continue;
        kept.push(seq);
        ranks.push(-weighed(seq, NAMED_TAGS * tagShare(seq)) + (madeWorse(traits) ? SHOWN_APART : 0));
      }
      if (kept.length > before) {
        relatedTags = named;
        if (!allWordsIn) allWordsIn = new Set(answer.seqs.subarray(0, answer.allWords));
      }
    }
  } else if (unknownWords.length === 0) {
    // Newest first: seqs walked from the last.
    for (let seq = table.traits.length - 1; seq > 0; seq--) {
      if (ok[table.traits[seq]!]) {
        kept.push(seq);
        ranks.push(kept.length + (madeWorse(table.traits[seq]!) ? SHOWN_APART : 0));
      }
    }
  }

  // Priority counts leave the tag filter itself out, so each chip says what choosing it gives.
  const tagCounts = countTags(table, kept);
  const chosen = tagsMask(f.tags);
  const shown: number[] = [];
  for (let i = 0; i < kept.length; i++) if (chosen === 0 || table.tags[kept[i]!]! & chosen) shown.push(i);
  // Write-ups of the same practice (shared/practices/samePractice.ts) are shown once: a window
  // a little past the page is read and grouped, the best ranked of each group leading.
  const window = smallest(shown, f.offset + f.limit + SAME_SPARE, (i) => ranks[i]!).map((i) => kept[i]!);
  const rows = cardRows(store, window);
  const groups = groupByTitleThenText(
    window.filter((seq) => rows.has(seq)),
    (seq) => titleOf(index, rows.get(seq)!.id, rows.get(seq)!),
    (seq) => readingOf(index, rows.get(seq)!.id, rows.get(seq)!).print,
  );
  const page = groups.slice(f.offset, f.offset + f.limit);
  let allWords: number | null = null;
  if (allWordsIn) {
    allWords = 0;
    for (const i of shown) if (allWordsIn.has(kept[i]!)) allWords++;
  }
  return {
    total: shown.length,
    results: cards(store, index, page, rows, known, (seq) => madeWorse(table.traits[seq] ?? 0)),
    more: groups.length > f.offset + f.limit || shown.length > window.length,
    tagCounts,
    unknownWords,
    anyOfWords,
    allWords,
    relatedTags,
    corrected: asked.corrected,
  };
}

/** The rows of the practices a page may show, by seq. */
function cardRows(store: Store, seqs: number[]): Map<number, CardRow> {
  if (seqs.length === 0) return new Map();
  const rows = store.statements
    .get(
      `SELECT seq, id, title, summary, problem, steps, tags, cost, setting, origin_place AS originPlace, language,
              origin_cluster_id AS originClusterId, origin_lat AS originLat, origin_lon AS originLon
       FROM practices WHERE seq IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(seqs)) as CardRow[];
  return new Map(rows.map((r) => [r.seq, r]));
}

/** Where a write-up comes from on the map: its own point, else its cluster's. */
function pointOf(index: PracticeIndex, r: CardRow): { lat: number; lon: number } | null {
  if (r.originLat !== null && r.originLon !== null) return { lat: r.originLat, lon: r.originLon };
  const c = r.originClusterId ? index.clusters.get(r.originClusterId) : undefined;
  return c ? { lat: c.lat, lon: c.lon } : null;
}

/**
 * The cards of one page, one per practice, in the page's order, with a snippet around the
 * matched words; a practice written up more than once names the other write-ups (where, how
 * far from the first, their evidence) and counts their evidence together.
 */
function cards(
  store: Store,
  index: PracticeIndex,
  groups: number[][],
  rows: Map<number, CardRow>,
  terms: QuestionTerm[],
  worse: (seq: number) => boolean,
): PracticeCard[] {
  if (groups.length === 0) return [];
  const stats = store.statements.get(
    `SELECT
       (SELECT count(*) FROM practice_evidence WHERE practice_id = @id) AS evidence,
       (SELECT count(*) FROM adoptions WHERE practice_id = @id) AS adoptions,
       (SELECT count(*) FROM adoptions WHERE practice_id = @id AND outcome = 'improved') AS improved,
       (SELECT count(*) FROM adoptions WHERE practice_id = @id AND outcome = 'worse')
         + (SELECT count(*) FROM practice_evidence WHERE practice_id = @id AND kind = 'indicator'
              AND ${worsenedSql}) AS worse`,
  );
  // From the facts in memory when they hold the practice (a page may name dozens of write-ups);
  // from the tables otherwise.
  const countsOf = (id: string) => {
    const f = index.byId.get(id);
    if (!f)
      return stats.get({ id }) as { evidence: number; adoptions: number; improved: number; worse: number };
    let improved = 0;
    let worse = 0;
    for (const a of f.adoptions) {
      if (a.outcome === 'improved') improved++;
      else if (a.outcome === 'worse') worse++;
    }
    for (const e of f.evidence) if ((evidenceEffect(e) ?? 0) < 0) worse++;
    return { evidence: f.evidence.length, adoptions: f.adoptions.length, improved, worse };
  };
  return groups.map(([lead, ...others]) => {
    const r = rows.get(lead!)!;
    const counts = countsOf(r.id);
    const here = pointOf(index, r);
    const alsoTriedIn = others.map((seq) => {
      const o = rows.get(seq)!;
      const there = pointOf(index, o);
      const c = countsOf(o.id);
      return {
        id: o.id,
        title: o.title,
        place: (o.originClusterId && index.clusters.get(o.originClusterId)?.name) || o.originPlace,
        km: here && there ? Math.round(distanceKm(here.lat, here.lon, there.lat, there.lon)) : null,
        evidence: c.evidence,
        adoptions: c.adoptions,
        improved: c.improved,
      };
    });
    const sum = (k: 'evidence' | 'adoptions' | 'improved') =>
      alsoTriedIn.reduce((n, o) => n + o[k], counts[k]);
    return {
      id: r.id,
      title: r.title,
      summary: r.summary,
      tags: JSON.parse(r.tags) as PriorityTag[],
      cost: r.cost,
      setting: r.setting,
      originPlace: r.originPlace,
      language: r.language,
      ...counts,
      madeWorse: worse(lead!),
      snippet:
        snippetFor([r.summary, r.problem, r.steps, r.title], terms, r.language) ??
        (r.summary.length > 180 ? `${r.summary.slice(0, 177)}…` : r.summary),
      alsoTriedIn,
      together: alsoTriedIn.length
        ? { evidence: sum('evidence'), adoptions: sum('adoptions'), improved: sum('improved') }
        : null,
    };
  });
}
