import { PamojaError } from '../../../shared/errors.ts';
import { priorityTags, type PriorityTag } from '../../../shared/schema/enums.ts';
import type { Row } from '../../../shared/schema/tables.ts';
import { todayIso } from '../../../shared/today.ts';
import type { Store } from '../../db/store.ts';

type PracticeRow = Row<'practices'>;

/**
 * Merges two write-ups of the same practice into the one the coach keeps. Everything
 * that belongs to the other moves over (evidence, adoptions, recommendation feedback,
 * origins it had itself gathered); its own origin and words are recorded as an origin of
 * the kept practice; the kept one serves every priority either served and counts from
 * the earlier start. Then the other is removed. One transaction, through the write path.
 */
export function mergePractices(
  store: Store,
  keepId: string,
  mergeId: string,
  today = todayIso(),
): { id: string; evidence: number; adoptions: number; origins: number } {
  if (keepId === mergeId)
    throw new PamojaError('invalid', 'Choose two different practices to merge.', 'mergeId');
  const st = store.statements;
  const get = (id: string, path: string): PracticeRow => {
    const row = st.get('SELECT * FROM practices WHERE id = ?').get(id) as PracticeRow | undefined;
    if (!row) throw new PamojaError('not_found', `No practice with id ${id}`, path);
    return row;
  };
  const keep = get(keepId, 'keepId');
  const other = get(mergeId, 'mergeId');
  const ids = (table: string) =>
    st.get(`SELECT id FROM ${table} WHERE practice_id = ?`).pluck().all(mergeId) as string[];
  const moving = {
    practice_evidence: ids('practice_evidence'),
    adoptions: ids('adoptions'),
    recommendation_feedback: ids('recommendation_feedback'),
    practice_origins: ids('practice_origins'),
  };
  const tags = new Set([
    ...(JSON.parse(keep.tags) as PriorityTag[]),
    ...(JSON.parse(other.tags) as PriorityTag[]),
  ]);

  return store.write((w) => {
    for (const [table, rows] of Object.entries(moving) as [keyof typeof moving, string[]][])
      for (const id of rows) w.update(table, id, { practice_id: keepId });
    w.insert('practice_origins', {
      practice_id: keepId,
      merged_practice_id: mergeId,
      title: other.title,
      problem: other.problem,
      steps: other.steps,
      origin_cluster_id: other.origin_cluster_id,
      origin_school_id: other.origin_school_id,
      origin_place: other.origin_place,
      started_on: other.started_on,
      merged_on: today,
    });
    w.update('practices', keepId, {
      tags: JSON.stringify(priorityTags.filter((t) => tags.has(t))),
      started_on: other.started_on < keep.started_on ? other.started_on : keep.started_on,
    });
    w.remove('practices', mergeId);
    return {
      id: keepId,
      evidence: moving.practice_evidence.length,
      adoptions: moving.adoptions.length,
      origins: moving.practice_origins.length + 1,
    };
  });
}
