import { PamojaError } from '../../../shared/errors.ts';
import { practiceProblemText, type PracticeProblemCode } from '../../../shared/practices/messages.ts';
import { stepsText, writeUpProblems, type PracticeWriteUp } from '../../../shared/practices/writeUp.ts';
import type { Row } from '../../../shared/schema/tables.ts';
import { todayIso } from '../../../shared/today.ts';
import type { Store } from '../../db/store.ts';

const refuse = (code: PracticeProblemCode, field: string): never => {
  throw new PamojaError('invalid', practiceProblemText(code, 'en'), field);
};

/**
 * The practices row for a write-up: checked with the shared rules, the origin school
 * checked against the origin cluster, and the place and map position taken from the
 * school (or the cluster) so the practice shows where it worked.
 */
export function practiceRow(store: Store, w: PracticeWriteUp, today: string): Omit<Row<'practices'>, 'id'> {
  const first = writeUpProblems(w, today)[0];
  if (first) refuse(first.code, first.field);
  const st = store.statements;
  const cluster = w.originClusterId
    ? (st.get('SELECT name, place, lat, lon FROM clusters WHERE id = ?').get(w.originClusterId) as
        { name: string; place: string; lat: number; lon: number } | undefined)
    : undefined;
  if (w.originClusterId && !cluster)
    throw new PamojaError('not_found', `No cluster with id ${w.originClusterId}`, 'originClusterId');
  const school = w.originSchoolId
    ? (st.get('SELECT name, cluster_id, lat, lon FROM schools WHERE id = ?').get(w.originSchoolId) as
        { name: string; cluster_id: string; lat: number; lon: number } | undefined)
    : undefined;
  if (w.originSchoolId && !school)
    throw new PamojaError('not_found', `No school with id ${w.originSchoolId}`, 'originSchoolId');
  if (school && school.cluster_id !== w.originClusterId) refuse('school_not_in_cluster', 'originSchoolId');
  const where = school ?? cluster;
  return {
    title: w.title.trim(),
    problem: w.problem.trim(),
    summary: w.summary.trim(),
    tags: JSON.stringify([...new Set(w.tags)]),
    steps: stepsText(w.steps),
    resources: w.resources.trim(),
    time_needed: w.timeNeeded.trim(),
    cost: w.cost,
    setting: w.setting,
    school_size: w.schoolSize,
    language: w.language,
    origin_cluster_id: w.originClusterId,
    origin_school_id: w.originSchoolId,
    origin_place: w.originPlace.trim() || school?.name || cluster?.place || cluster?.name || '',
    origin_lat: where?.lat ?? null,
    origin_lon: where?.lon ?? null,
    started_on: w.startedOn,
  };
}

export function createPractice(store: Store, w: PracticeWriteUp, today = todayIso()): { id: string } {
  const row = practiceRow(store, w, today);
  return { id: store.write((writer) => writer.insert('practices', row)) };
}

export function updatePractice(
  store: Store,
  id: string,
  w: PracticeWriteUp,
  today = todayIso(),
): { changed: number } {
  if (!store.statements.get('SELECT 1 FROM practices WHERE id = ?').get(id))
    throw new PamojaError('not_found', `No practice with id ${id}`, 'id');
  const row = practiceRow(store, w, today);
  return { changed: store.write((writer) => writer.update('practices', id, row)) };
}
