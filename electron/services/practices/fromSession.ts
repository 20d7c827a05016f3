import { PamojaError } from '../../../shared/errors.ts';
import type { PracticeWriteUp } from '../../../shared/practices/writeUp.ts';
import type { PriorityTag, SchoolSetting } from '../../../shared/schema/enums.ts';
import { todayIso } from '../../../shared/today.ts';
import type { Store } from '../../db/store.ts';

/**
 * A new write-up prefilled from a session where a practice was shared: it comes from the
 * session's cluster (and the host school of a visit), started by the session's date at
 * the latest (today, for a meeting recorded before its planned date), in the cluster's language, serving the cluster's priorities. The coach
 * adds the title, the problem and the steps.
 */
export function writeUpFromSession(store: Store, sessionId: string, today = todayIso()): PracticeWriteUp {
  const st = store.statements;
  const s = st
    .get(
      `SELECT se.cluster_id, se.date, se.place, se.host_school_id, c.place AS cluster_place, c.language
       FROM sessions se JOIN clusters c ON c.id = se.cluster_id WHERE se.id = ?`,
    )
    .get(sessionId) as
    | {
        cluster_id: string;
        date: string;
        place: string;
        host_school_id: string | null;
        cluster_place: string;
        language: string;
      }
    | undefined;
  if (!s) throw new PamojaError('not_found', `No session with id ${sessionId}`, 'sessionId');
  const tags = st
    .get('SELECT tag FROM priorities WHERE cluster_id = ? ORDER BY rank')
    .pluck()
    .all(s.cluster_id) as PriorityTag[];
  const host = s.host_school_id
    ? (st.get('SELECT setting FROM schools WHERE id = ?').get(s.host_school_id) as
        { setting: SchoolSetting } | undefined)
    : undefined;
  return {
    title: '',
    problem: '',
    summary: '',
    tags: [...new Set(tags)].slice(0, 3),
    steps: [''],
    resources: '',
    timeNeeded: '',
    cost: 'low',
    setting: host?.setting ?? 'any',
    schoolSize: 'any',
    language: /^[a-z]{2,3}$/.test(s.language) ? s.language : 'en',
    originClusterId: s.cluster_id,
    originSchoolId: host ? s.host_school_id : null,
    originPlace: s.place || s.cluster_place,
    startedOn: s.date < today ? s.date : today,
  };
}
