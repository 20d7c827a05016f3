import type { z } from 'zod';
import type { PracticeCard, PracticeFilters } from '../../../shared/contract/practices.ts';
import { questionWords, type QuestionWord } from '../../../shared/recommend/text.ts';
import { rankWeights } from '../../../shared/recommend/weights.ts';
import {
  indicatorDefs,
  indicatorNames,
  priorityTags,
  type PriorityTag,
} from '../../../shared/schema/enums.ts';
import { smallest, snippetAround } from '../../../shared/snippet.ts';
import type { Store } from '../../db/store.ts';
import { practiceIndex, type PracticeEntry, type PracticeIndex } from '../recommend/facts.ts';
import { docFreq } from '../recommend/textSearch.ts';

type Filters = z.output<typeof PracticeFilters>;

/** SQL true when a measured evidence row moved its indicator the wrong way. */
const lowerIsBetter = indicatorNames.filter((n) => indicatorDefs[n].better === 'down');
export const worsenedSql = `(CASE WHEN indicator IN (${lowerIsBetter.map((n) => `'${n}'`).join(', ')})
  THEN after_value > before_value ELSE after_value < before_value END)`;

/** bm25 weights per column of practices_fts: title, problem, summary, steps, tags. */
const RANK = 'bm25(practices_fts, 10.0, 4.0, 3.0, 1.0, 2.0)';

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
}

/** Quoted prefix terms, so nothing a coach types is read as FTS5 syntax. */
const ftsTerms = (words: readonly QuestionWord[], join: 'AND' | 'OR'): string =>
  words.map((w) => `"${w.stem.replaceAll('"', '""')}"*`).join(` ${join} `);

/**
 * Practices matching the words, best first (seq → bm25, lower is better): all the words
 * when some practice has them all; otherwise any of the words that are not in most
 * practices ("school", "learners" say little and would match nearly everything).
 */
function textMatches(store: Store, index: PracticeIndex, words: QuestionWord[]): [number, number][] {
  const matches = (expr: string) =>
    store.statements
      .get(`SELECT rowid, ${RANK} FROM practices_fts WHERE practices_fts MATCH ?`)
      .raw()
      .all(expr) as [number, number][];
  const all = matches(ftsTerms(words, 'AND'));
  if (all.length > 0 || words.length === 1) return all;
  const rare = words.filter((w) => docFreq(store, index, w) <= rankWeights.commonWordShare * index.byId.size);
  return matches(ftsTerms(rare.length ? rare : words, 'OR'));
}

const keeps = (f: Filters) => (p: PracticeEntry) =>
  (f.cost.length === 0 || f.cost.includes(p.cost)) &&
  (!f.setting || p.setting === f.setting || p.setting === 'any') &&
  (!f.withEvidence || p.evidence.length > 0);

/**
 * The practice library search: words, priority tags (any of those chosen), cost,
 * setting and "with evidence"; ranked by bm25 with the title weighing most, newest first
 * without words. Full-text matching and bm25 are one pass over the index; filters and the
 * per-priority counts use the practice facts kept in memory for recommendations, and
 * only the page's rows are read from the table — so a country's library answers quickly.
 */
export function searchPractices(store: Store, f: Filters) {
  const index = practiceIndex(store);
  const words = questionWords(f.query, 16);
  const ranked: [PracticeEntry, number][] = [];
  if (words.length) {
    for (const [seq, rank] of textMatches(store, index, words)) {
      const p = index.bySeq.get(seq);
      if (p) ranked.push([p, rank]);
    }
  } else {
    // Newest first: walk the list from its end, so the page is found in one short pass.
    const all = index.all();
    for (let i = all.length - 1; i >= 0; i--) ranked.push([all[i]!, all.length - i]);
  }
  const keep = keeps(f);
  const kept = ranked.filter(([p]) => keep(p));

  // Facet counts leave the tag filter itself out, so each chip says what choosing it gives.
  const perTag = new Map<PriorityTag, number>();
  for (const [p] of kept) for (const tag of p.tags) perTag.set(tag, (perTag.get(tag) ?? 0) + 1);
  const tagCounts = priorityTags
    .filter((tag) => perTag.has(tag))
    .map((tag) => ({ tag, count: perTag.get(tag)! }))
    .sort((a, b) => b.count - a.count);

  const shown = f.tags.length ? kept.filter(([p]) => p.tags.some((t) => f.tags.includes(t))) : kept;
  const page = smallest(shown, f.offset + f.limit, ([, rank]) => rank)
    .slice(f.offset)
    .map(([p]) => p.seq);
  return { total: shown.length, results: cards(store, page, words), tagCounts };
}

/** The cards of one page, in the page's order, with a snippet around the matched words. */
function cards(store: Store, seqs: number[], words: QuestionWord[]): PracticeCard[] {
  if (seqs.length === 0) return [];
  const s = store.statements;
  const list = JSON.stringify(seqs);
  const rows = new Map(
    (
      s
        .get(
          `SELECT seq, id, title, summary, problem, steps, tags, cost, setting, origin_place AS originPlace, language
           FROM practices WHERE seq IN (SELECT value FROM json_each(?))`,
        )
        .all(list) as CardRow[]
    ).map((r) => [r.seq, r]),
  );
  const stems = words.map((w) => w.stem);
  const stats = s.get(
    `SELECT
       (SELECT count(*) FROM practice_evidence WHERE practice_id = @id) AS evidence,
       (SELECT count(*) FROM adoptions WHERE practice_id = @id) AS adoptions,
       (SELECT count(*) FROM adoptions WHERE practice_id = @id AND outcome = 'improved') AS improved,
       (SELECT count(*) FROM adoptions WHERE practice_id = @id AND outcome = 'worse')
         + (SELECT count(*) FROM practice_evidence WHERE practice_id = @id AND kind = 'indicator'
              AND ${worsenedSql}) AS worse`,
  );
  return seqs.flatMap((seq) => {
    const r = rows.get(seq);
    if (!r) return [];
    const counts = stats.get({ id: r.id }) as {
      evidence: number;
      adoptions: number;
      improved: number;
      worse: number;
    };
    return [
      {
        id: r.id,
        title: r.title,
        summary: r.summary,
        tags: JSON.parse(r.tags) as PriorityTag[],
        cost: r.cost,
        setting: r.setting,
        originPlace: r.originPlace,
        language: r.language,
        ...counts,
        snippet:
          snippetAround([r.summary, r.problem, r.steps, r.title], stems) ??
          (r.summary.length > 180 ? `${r.summary.slice(0, 177)}…` : r.summary),
      },
    ];
  });
}
