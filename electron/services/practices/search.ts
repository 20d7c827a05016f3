import type { z } from 'zod';
import type { PracticeCard, PracticeFilters } from '../../../shared/contract/practices.ts';
import { ftsQuery } from '../../../shared/ftsQuery.ts';
import { indicatorDefs, indicatorNames, type PriorityTag } from '../../../shared/schema/enums.ts';
import type { Store } from '../../db/store.ts';

type Filters = z.output<typeof PracticeFilters>;

/** SQL true when a measured evidence row moved its indicator the wrong way. */
const lowerIsBetter = indicatorNames.filter((n) => indicatorDefs[n].better === 'down');
export const worsenedSql = `(CASE WHEN indicator IN (${lowerIsBetter.map((n) => `'${n}'`).join(', ')})
  THEN after_value > before_value ELSE after_value < before_value END)`;

interface CardRow {
  id: string;
  title: string;
  summary: string;
  tags: string;
  cost: PracticeCard['cost'];
  setting: PracticeCard['setting'];
  originPlace: string;
  language: string;
  snippet: string | null;
}

/** The WHERE clause and parameters for the non-text filters. */
function filterClause(f: Filters): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (f.tags.length) {
    parts.push(
      'EXISTS (SELECT 1 FROM json_each(p.tags) t WHERE t.value IN (SELECT value FROM json_each(?)))',
    );
    params.push(JSON.stringify(f.tags));
  }
  if (f.cost.length) {
    parts.push('p.cost IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(f.cost));
  }
  if (f.setting) {
    parts.push("(p.setting = ? OR p.setting = 'any')");
    params.push(f.setting);
  }
  if (f.withEvidence) parts.push('EXISTS (SELECT 1 FROM practice_evidence e WHERE e.practice_id = p.id)');
  return { sql: parts.length ? parts.join(' AND ') : '1', params };
}

function run(store: Store, f: Filters, match: string | null) {
  const filter = filterClause(f);
  const from = match
    ? `practices_fts JOIN practices p ON p.seq = practices_fts.rowid WHERE practices_fts MATCH ? AND ${filter.sql}`
    : `practices p WHERE ${filter.sql}`;
  const params = match ? [match, ...filter.params] : filter.params;
  const snippet = match ? "snippet(practices_fts, -1, '«', '»', '…', 14)" : 'NULL';
  const order = match ? 'bm25(practices_fts, 10.0, 4.0, 3.0, 1.0, 2.0)' : 'p.title';
  const total = (store.statements.get(`SELECT count(*) AS n FROM ${from}`).get(...params) as { n: number }).n;
  const rows = store.statements
    .get(
      `SELECT p.id, p.title, p.summary, p.tags, p.cost, p.setting, p.origin_place AS originPlace,
         p.language, ${snippet} AS snippet
       FROM ${from} ORDER BY ${order} LIMIT ? OFFSET ?`,
    )
    .all(...params, f.limit, f.offset) as CardRow[];
  return { total, rows, from, params };
}

/**
 * The practice library search: words (all of them first; any of them if that finds
 * nothing), priority tags, cost, setting and "with evidence" filters, ranked by bm25
 * with the title weighing most.
 */
export function searchPractices(store: Store, f: Filters) {
  let result = run(store, f, ftsQuery(f.query, 'AND'));
  if (result.total === 0 && f.query.trim()) {
    const any = ftsQuery(f.query, 'OR');
    if (any) result = run(store, f, any);
  }
  const stats = store.statements.get(
    `SELECT
       (SELECT count(*) FROM practice_evidence WHERE practice_id = @id) AS evidence,
       (SELECT count(*) FROM adoptions WHERE practice_id = @id) AS adoptions,
       (SELECT count(*) FROM adoptions WHERE practice_id = @id AND outcome = 'improved') AS improved,
       (SELECT count(*) FROM adoptions WHERE practice_id = @id AND outcome = 'worse')
         + (SELECT count(*) FROM practice_evidence WHERE practice_id = @id AND kind = 'indicator'
              AND ${worsenedSql}) AS worse`,
  );
  const results: PracticeCard[] = result.rows.map((r) => {
    const s = stats.get({ id: r.id }) as {
      evidence: number;
      adoptions: number;
      improved: number;
      worse: number;
    };
    return {
      id: r.id,
      title: r.title,
      summary: r.summary,
      tags: JSON.parse(r.tags) as PriorityTag[],
      cost: r.cost,
      setting: r.setting,
      originPlace: r.originPlace,
      language: r.language,
      ...s,
      snippet: r.snippet ?? (r.summary.length > 180 ? `${r.summary.slice(0, 177)}…` : r.summary),
    };
  });
  const tagCounts = store.statements
    .get(
      `SELECT t.value AS tag, count(*) AS count FROM (SELECT p.tags FROM ${result.from}) q, json_each(q.tags) t
       GROUP BY t.value ORDER BY count DESC`,
    )
    .all(...result.params) as { tag: PriorityTag; count: number }[];
  return { total: result.total, results, tagCounts };
}
