import { PamojaError } from '../../../shared/errors.ts';
import { practiceProblemText } from '../../../shared/practices/messages.ts';
import { evidenceProblems, type EvidenceInput } from '../../../shared/practices/writeUp.ts';
import { todayIso } from '../../../shared/today.ts';
import type { Store } from '../../db/store.ts';

/** Adds evidence to a practice after checking it with the shared rules. */
export function addEvidence(store: Store, e: EvidenceInput, today = todayIso()): { id: string } {
  const st = store.statements;
  if (!st.get('SELECT 1 FROM practices WHERE id = ?').get(e.practiceId))
    throw new PamojaError('not_found', `No practice with id ${e.practiceId}`, 'practiceId');
  if (e.clusterId && !st.get('SELECT 1 FROM clusters WHERE id = ?').get(e.clusterId))
    throw new PamojaError('not_found', `No cluster with id ${e.clusterId}`, 'clusterId');
  const first = evidenceProblems(e, today)[0];
  if (first) throw new PamojaError('invalid', practiceProblemText(first.code, 'en'), first.field);
  const indicator = e.kind === 'indicator';
  const id = store.write((w) =>
    w.insert('practice_evidence', {
      practice_id: e.practiceId,
      kind: e.kind,
      indicator: indicator ? e.indicator : null,
      before_value: indicator ? e.beforeValue : null,
      after_value: indicator ? e.afterValue : null,
      before_period: indicator ? e.beforePeriod : '',
      after_period: indicator ? e.afterPeriod : '',
      schools_count: e.schoolsCount,
      cluster_id: e.clusterId,
      story: e.story.trim(),
      recorded_on: e.recordedOn,
    }),
  );
  return { id };
}
