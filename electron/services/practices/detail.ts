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

export function getPractice(store: Store, id: string): PracticeDetail {
  const s = store.statements;
  const p = s.get('SELECT * FROM practices WHERE id = ?').get(id) as Record<string, unknown> | undefined;
  if (!p) throw new PamojaError('not_found', `No practice with id ${id}`);
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
      `SELECT a.id, c.name AS clusterName, sc.name AS schoolName, a.adopted_on AS adoptedOn,
         a.outcome, a.outcome_note AS outcomeNote
       FROM adoptions a LEFT JOIN clusters c ON c.id = a.cluster_id LEFT JOIN schools sc ON sc.id = a.school_id
       WHERE a.practice_id = ? ORDER BY a.adopted_on DESC`,
    )
    .all(id) as PracticeDetail['adoptions'];
  return {
    id,
    title: p.title as string,
    problem: p.problem as string,
    summary: p.summary as string,
    tags: JSON.parse(p.tags as string) as PriorityTag[],
    steps: splitSteps(p.steps as string),
    resources: p.resources as string,
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
