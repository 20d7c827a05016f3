import type { ClusterAdoption, FeedbackKind, WhyNot } from '../../../shared/contract/recommend.ts';
import { PamojaError } from '../../../shared/errors.ts';
import { newId } from '../../../shared/ids.ts';
import { notRecommendedReason } from '../../../shared/recommend/evidence.ts';
import { usedEverywhere } from '../../../shared/recommend/rank.ts';
import type { AdoptionOutcome, IndicatorName } from '../../../shared/schema/enums.ts';
import { todayIso } from '../../../shared/today.ts';
import { derivedId } from '../../db/ids.ts';
import type { Store } from '../../db/store.ts';
import { practiceIndex } from './facts.ts';

function mustExist(
  store: Store,
  table: 'clusters' | 'practices',
  id: string,
  what: string,
  path: string,
): void {
  const found = store.statements.get(`SELECT 1 FROM ${table} WHERE id = ?`).get(id);
  if (!found) throw new PamojaError('not_found', `No ${what} with id ${id}`, path);
}

export interface FeedbackInput {
  clusterId: string;
  practiceId: string;
  kind: FeedbackKind;
  sessionId?: string | undefined;
  note?: string | undefined;
  on?: string | undefined;
}

/**
 * Records "shared at session" or "not relevant" for a cluster. The id is derived from
 * what the mark is about (cluster, practice, kind, and the session for "shared"), so the
 * same mark made on two laptops merges into one row, and marking again after an undo
 * revives the row instead of adding another.
 */
export function giveFeedback(store: Store, f: FeedbackInput): { id: string } {
  mustExist(store, 'clusters', f.clusterId, 'cluster', 'clusterId');
  mustExist(store, 'practices', f.practiceId, 'practice', 'practiceId');
  const on = f.on ?? todayIso();
  const id =
    f.kind === 'not_relevant' || f.sessionId
      ? derivedId('recommendation_feedback', f.clusterId, f.practiceId, f.kind, f.sessionId ?? '')
      : newId();
  return store.write((w) => {
    const had = store.statements.get('SELECT id FROM recommendation_feedback WHERE id = ?').get(id);
    if (had)
      w.update('recommendation_feedback', id, { given_on: on, retracted_on: null, note: f.note ?? '' });
    else
      w.insert('recommendation_feedback', {
        id,
        cluster_id: f.clusterId,
        practice_id: f.practiceId,
        kind: f.kind,
        session_id: f.sessionId ?? null,
        given_on: on,
        retracted_on: null,
        note: f.note ?? '',
      });
    return { id };
  });
}

/** Takes a mark back. It stays on record as retracted, so the undo syncs like any edit. */
export function undoFeedback(store: Store, id: string, on?: string): void {
  store.write((w) => {
    const had = store.statements
      .get('SELECT retracted_on FROM recommendation_feedback WHERE id = ?')
      .get(id) as { retracted_on: string | null } | undefined;
    if (!had) throw new PamojaError('not_found', `No recommendation feedback with id ${id}`, 'id');
    if (had.retracted_on === null)
      w.update('recommendation_feedback', id, { retracted_on: on ?? todayIso() });
  });
}

/**
 * Schools of the cluster adopt a practice: one adoption each, outcome pending. A school
 * that already adopted it is refused with its name, and nothing is written.
 */
export function adopt(
  store: Store,
  a: { clusterId: string; practiceId: string; schoolIds: string[]; on?: string | undefined },
): { adoptionIds: string[] } {
  mustExist(store, 'clusters', a.clusterId, 'cluster', 'clusterId');
  mustExist(store, 'practices', a.practiceId, 'practice', 'practiceId');
  const st = store.statements;
  const schoolIds = [...new Set(a.schoolIds)];
  schoolIds.forEach((schoolId, i) => {
    const school = st.get('SELECT name, cluster_id FROM schools WHERE id = ?').get(schoolId) as
      { name: string; cluster_id: string } | undefined;
    if (!school) throw new PamojaError('not_found', `No school with id ${schoolId}`, `schoolIds[${i}]`);
    if (school.cluster_id !== a.clusterId)
      throw new PamojaError('invalid', `${school.name} is not a school of this cluster`, `schoolIds[${i}]`);
    const earlier = st
      .get(
        'SELECT adopted_on FROM adoptions WHERE school_id = ? AND practice_id = ? ORDER BY adopted_on LIMIT 1',
      )
      .get(schoolId, a.practiceId) as { adopted_on: string } | undefined;
    if (earlier)
      throw new PamojaError(
        'conflict',
        `${school.name} already adopted this practice on ${earlier.adopted_on}`,
        `schoolIds[${i}]`,
      );
  });
  const on = a.on ?? todayIso();
  const adoptionIds = store.write((w) =>
    schoolIds.map((schoolId) =>
      w.insert('adoptions', {
        practice_id: a.practiceId,
        cluster_id: a.clusterId,
        school_id: schoolId,
        adopted_on: on,
        outcome: 'pending',
        outcome_note: '',
        indicator: null,
      }),
    ),
  );
  return { adoptionIds };
}

/** What came of an adoption; the indicator and note change only when given. */
export function recordOutcome(
  store: Store,
  o: {
    adoptionId: string;
    outcome: AdoptionOutcome;
    indicator?: IndicatorName | null | undefined;
    note?: string | undefined;
  },
): void {
  store.write((w) => {
    const had = store.statements.get('SELECT 1 FROM adoptions WHERE id = ?').get(o.adoptionId);
    if (!had) throw new PamojaError('not_found', `No adoption with id ${o.adoptionId}`, 'adoptionId');
    w.update('adoptions', o.adoptionId, {
      outcome: o.outcome,
      ...(o.indicator !== undefined ? { indicator: o.indicator } : {}),
      ...(o.note !== undefined ? { outcome_note: o.note } : {}),
    });
  });
}

/** The cluster's adoptions, newest first (at most 200), for recording outcomes. */
export function clusterAdoptions(store: Store, clusterId: string): ClusterAdoption[] {
  mustExist(store, 'clusters', clusterId, 'cluster', 'clusterId');
  const rows = store.statements
    .get(
      `SELECT a.id, a.practice_id AS practiceId, p.title AS practiceTitle, a.school_id AS schoolId,
         s.name AS schoolName, a.adopted_on AS adoptedOn, a.outcome, a.indicator, a.outcome_note AS outcomeNote
       FROM adoptions a JOIN practices p ON p.id = a.practice_id LEFT JOIN schools s ON s.id = a.school_id
       WHERE a.cluster_id = ? ORDER BY a.adopted_on DESC, p.title, s.name LIMIT 200`,
    )
    .all(clusterId) as ClusterAdoption[];
  return rows;
}

/**
 * For practices a search found, those that recommendations leave out and why: evidence
 * that they made things worse, or (for a cluster) already used in all its schools or
 * marked not relevant there.
 */
export function whyNot(store: Store, practiceIds: string[], clusterId?: string): WhyNot[] {
  const index = practiceIndex(store);
  const notRelevant = new Set(
    clusterId
      ? (store.statements
          .get(
            `SELECT practice_id FROM recommendation_feedback
             WHERE cluster_id = ? AND kind = 'not_relevant' AND retracted_on IS NULL`,
          )
          .pluck()
          .all(clusterId) as string[])
      : [],
  );
  const schools = clusterId
    ? (store.statements
        .get('SELECT count(*) FROM schools WHERE cluster_id = ?')
        .pluck()
        .get(clusterId) as number)
    : 0;
  const out: WhyNot[] = [];
  for (const id of new Set(practiceIds)) {
    const p = index.byId.get(id);
    if (!p) continue;
    const everywhere = clusterId !== undefined && usedEverywhere(p, { clusterId, clusterSchools: schools });
    const reason = notRecommendedReason(p.evidence, p.adoptions);
    if (reason)
      out.push({
        practiceId: id,
        reason: 'net_worse',
        worse: reason.worse,
        better: reason.better,
        example: reason.example,
      });
    else if (everywhere)
      out.push({ practiceId: id, reason: 'used_in_all_schools', worse: 0, better: 0, example: null });
    else if (notRelevant.has(id))
      out.push({ practiceId: id, reason: 'not_relevant_here', worse: 0, better: 0, example: null });
  }
  return out;
}
