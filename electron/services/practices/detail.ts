import type { PracticeDetail } from '../../../shared/contract/practices.ts';
import { PamojaError } from '../../../shared/errors.ts';
import type { PriorityTag } from '../../../shared/schema/enums.ts';
import type { Store } from '../../db/store.ts';

/** Steps are stored as text, one per line; a leading "1." or "-" is presentation. */
export function splitSteps(steps: string): string[] {
  return steps
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*(?:\d+[.)]|[-*•])\s*/, '').trim())
    .filter((line) => line.length > 0);
}

/**
 * The practice a (possibly merged) id now lives in: a merged write-up's links (in old
 * plans, other laptops' bookmarks) lead to the practice it was merged into.
 */
function currentId(store: Store, id: string): string | null {
  let at = id;
  for (let hops = 0; hops < 20; hops++) {
    if (store.statements.get('SELECT 1 FROM practices WHERE id = ?').get(at)) return at;
    const into = store.statements
      .get('SELECT practice_id FROM practice_origins WHERE merged_practice_id = ? LIMIT 1')
      .pluck()
      .get(at) as string | undefined;
    if (!into) return null;
    at = into;
  }
  return null;
}

export function getPractice(store: Store, asked: string): PracticeDetail {
  const s = store.statements;
  const id = currentId(store, asked);
  const p = id
    ? (s.get('SELECT * FROM practices WHERE id = ?').get(id) as Record<string, unknown> | undefined)
    : undefined;
  if (!id || !p) throw new PamojaError('not_found', `No practice with id ${asked}`);
  const named = (table: string, rowId: unknown) =>
    rowId
      ? ((s.get(`SELECT id, name FROM ${table} WHERE id = ?`).get(rowId) as { id: string; name: string }) ??
        null)
      : null;
  const evidence = s
    .get(
      `SELECT e.id, e.kind, e.indicator, e.before_value AS beforeValue, e.after_value AS afterValue,
         e.before_period AS beforePeriod, e.after_period AS afterPeriod, e.schools_count AS schoolsCount,
         c.name AS clusterName, e.story, e.recorded_on AS recordedOn
       FROM practice_evidence e LEFT JOIN clusters c ON c.id = e.cluster_id
       WHERE e.practice_id = ? ORDER BY e.recorded_on DESC`,
    )
    .all(id) as PracticeDetail['evidence'];
  const adoptions = s
    .get(
      `SELECT a.id, a.cluster_id AS clusterId, a.school_id AS schoolId, a.indicator, c.name AS clusterName, sc.name AS schoolName, a.adopted_on AS adoptedOn,
         a.outcome, a.outcome_note AS outcomeNote
       FROM adoptions a LEFT JOIN clusters c ON c.id = a.cluster_id LEFT JOIN schools sc ON sc.id = a.school_id
       WHERE a.practice_id = ? ORDER BY a.adopted_on DESC`,
    )
    .all(id) as PracticeDetail['adoptions'];
  const origins = (
    s
      .get(
        `SELECT id, merged_practice_id, title, problem, steps, origin_place, origin_cluster_id,
           origin_school_id, started_on, merged_on
         FROM practice_origins WHERE practice_id = ? ORDER BY started_on`,
      )
      .all(id) as Record<string, string | null>[]
  ).map((o) => ({
    id: o.id!,
    mergedPracticeId: o.merged_practice_id!,
    title: o.title!,
    problem: o.problem!,
    steps: splitSteps(o.steps!),
    originPlace: o.origin_place!,
    originCluster: named('clusters', o.origin_cluster_id),
    originSchool: named('schools', o.origin_school_id),
    startedOn: o.started_on!,
    mergedOn: o.merged_on!,
  }));
  const tags = JSON.parse(p.tags as string) as PriorityTag[];
  const steps = splitSteps(p.steps as string);
  return {
    id,
    mergedFrom: id === asked ? null : asked,
    origins,
    writeUp: {
      title: p.title as string,
      problem: p.problem as string,
      summary: p.summary as string,
      tags,
      steps,
      resources: p.resources as string,
      timeNeeded: p.time_needed as string,
      cost: p.cost as PracticeDetail['cost'],
      setting: p.setting as PracticeDetail['setting'],
      schoolSize: p.school_size as PracticeDetail['schoolSize'],
      language: p.language as string,
      originClusterId: (p.origin_cluster_id as string | null) ?? null,
      originSchoolId: (p.origin_school_id as string | null) ?? null,
      originPlace: p.origin_place as string,
      startedOn: p.started_on as string,
    },
    title: p.title as string,
    problem: p.problem as string,
    summary: p.summary as string,
    tags,
    steps,
    resources: p.resources as string,
    timeNeeded: p.time_needed as string,
    cost: p.cost as PracticeDetail['cost'],
    setting: p.setting as PracticeDetail['setting'],
    schoolSize: p.school_size as PracticeDetail['schoolSize'],
    language: p.language as string,
    originPlace: p.origin_place as string,
    originCluster: named('clusters', p.origin_cluster_id),
    originSchool: named('schools', p.origin_school_id),
    startedOn: p.started_on as string,
    evidence,
    adoptions,
  };
}
