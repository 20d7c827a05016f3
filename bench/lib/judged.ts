import { PracticeFilters } from '../../shared/contract/practices.ts';
import type { Store } from '../../electron/db/store.ts';
import { practiceLibrary } from '../../electron/demo/library/index.ts';
import { searchPractices } from '../../electron/services/practices/search.ts';
import { recommend } from '../../electron/services/recommend/service.ts';
import { judgedQuestions, type JudgedQuestion } from '../../tests/fixtures/judgedQuestions.ts';

/**
 * The judged test collection (tests/fixtures/judgedQuestions.ts) scored on a demo store:
 * precision@5 — of the first five, the share a coach expects, out of at most as many as she
 * expects (a question with three expected practices is perfect with those three) — and
 * nDCG@5 with binary gains. Recommendations ask as the question's cluster; the library
 * search asks the same words.
 */
export interface JudgedScore {
  question: JudgedQuestion;
  got: string[];
  precision: number;
  ndcg: number;
}

export interface JudgedSummary {
  precision: number;
  ndcg: number;
  scores: JudgedScore[];
}

const K = 5;

export function scoreRanking(
  got: readonly string[],
  expected: readonly string[],
): { precision: number; ndcg: number } {
  const want = new Set(expected);
  const top = got.slice(0, K);
  const hits = top.filter((k) => want.has(k)).length;
  const precision = hits / Math.min(K, want.size);
  let dcg = 0;
  top.forEach((k, i) => {
    if (want.has(k)) dcg += 1 / Math.log2(i + 2);
  });
  let ideal = 0;
  for (let i = 0; i < Math.min(K, want.size); i++) ideal += 1 / Math.log2(i + 2);
  return { precision, ndcg: ideal ? dcg / ideal : 0 };
}

function summarise(scores: JudgedScore[]): JudgedSummary {
  const mean = (f: (s: JudgedScore) => number) => scores.reduce((n, s) => n + f(s), 0) / scores.length;
  return { precision: mean((s) => s.precision), ndcg: mean((s) => s.ndcg), scores };
}

/** Demo-library keys of the practices in a store, by practice id (titles are unique in the library). */
function keysById(store: Store): Map<string, string> {
  const byTitle = new Map(practiceLibrary.map((p) => [p.title, p.key]));
  const rows = store.db.prepare('SELECT id, title FROM practices').all() as { id: string; title: string }[];
  return new Map(rows.flatMap((r) => (byTitle.has(r.title) ? [[r.id, byTitle.get(r.title)!]] : [])));
}

export function judgeRecommendations(store: Store, today = '2026-07-01'): JudgedSummary {
  const keys = keysById(store);
  const clusterIds = new Map(
    (store.db.prepare('SELECT id, name FROM clusters').all() as { id: string; name: string }[]).map((c) => [
      c.name,
      c.id,
    ]),
  );
  return summarise(
    judgedQuestions.map((question) => {
      const clusterId = clusterIds.get(question.cluster);
      if (!clusterId) throw new Error(`No cluster named ${question.cluster} in the store`);
      const result = recommend(store, {
        clusterId,
        problem: question.text,
        lang: question.lang,
        today,
        limit: K,
      });
      const got = result.results.map((r) => keys.get(r.practiceId) ?? r.practiceId);
      return { question, got, ...scoreRanking(got, question.expected) };
    }),
  );
}

export function judgeSearch(store: Store): JudgedSummary {
  const keys = keysById(store);
  return summarise(
    judgedQuestions.map((question) => {
      const result = searchPractices(
        store,
        PracticeFilters.parse({ query: question.text, lang: question.lang, limit: K }),
      );
      const got = result.results.map((r) => keys.get(r.id) ?? r.id);
      return { question, got, ...scoreRanking(got, question.expected) };
    }),
  );
}

/** The summary as the bench prints it, with the weakest questions named. */
export function judgedLines(label: string, s: JudgedSummary, worst = 5): string[] {
  const lines = [
    `${label.padEnd(34)} precision@5 ${s.precision.toFixed(3)}   nDCG@5 ${s.ndcg.toFixed(3)}   (${s.scores.length} questions)`,
  ];
  for (const x of [...s.scores].sort((a, b) => a.precision - b.precision).slice(0, worst))
    if (x.precision < 1)
      lines.push(
        `    ${x.precision.toFixed(2)}  [${x.question.lang}] ${x.question.text} → ${x.got.join(', ')}`,
      );
  return lines;
}
