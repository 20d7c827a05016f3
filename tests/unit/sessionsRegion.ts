import { derivedId } from '../../electron/db/ids.ts';
import type { Store } from '../../electron/db/store.ts';
import type { Writer } from '../../electron/db/writer.ts';
import { draftPlan, savePlan, type PracticeSource } from '../../electron/services/sessions/plan.ts';
import type { PlanDraft } from '../../shared/contract/sessions.ts';
import type { IndicatorName, PriorityTag } from '../../shared/schema/enums.ts';
import { indicatorNames } from '../../shared/schema/enums.ts';
import type { RecordInput } from '../../shared/sessions/record.ts';

/**
 * A small constructed region for the sessions tests, where the right answers are known:
 * Mtwapa CoP (girls' transition first, attendance second) with three schools and four
 * members, two neighbours with their own figures, a held session with three commitments
 * (one long overdue, one just overdue, one not yet due on 2026-03-10), and two practices.
 */
export interface SmallRegion {
  mtwapa: string;
  shimo: string;
  rabai: string;
  far: string;
  schools: { jumba: string; kidutani: string; mzambarauni: string };
  members: { amina: string; baraka: string; chausiku: string; coach: string; other: string };
  pastSession: string;
  commitments: { longOverdue: string; justOverdue: string; notDue: string };
  practices: { radio: string; visits: string };
}

const blankIndicators = Object.fromEntries(indicatorNames.map((n) => [n, null])) as Record<
  IndicatorName,
  null
>;

export function indicator(
  w: Writer,
  schoolId: string,
  term: string,
  values: Partial<Record<IndicatorName, number>>,
): void {
  w.insert('indicators', {
    id: derivedId('indicators', schoolId, term),
    school_id: schoolId,
    term,
    ...blankIndicators,
    ...values,
  });
}

export function smallRegion(
  store: Store,
  priorities: PriorityTag[] = ['girls_transition', 'attendance'],
): SmallRegion {
  return store.write((w) => {
    const region = w.insert('regions', { name: 'Kilifi County', country: 'Kenya', language: 'en' });
    const cluster = (name: string, lat: number, lon: number): string =>
      w.insert('clusters', {
        region_id: region,
        name,
        place: name,
        lat,
        lon,
        coach_name: 'Grace',
        language: 'en',
      });
    const mtwapa = cluster('Mtwapa CoP', -3.94, 39.74);
    const shimo = cluster('Shimo la Tewa CoP', -3.97, 39.73);
    const rabai = cluster('Rabai CoP', -3.93, 39.57);
    const far = cluster('Malindi CoP', -3.22, 40.12);
    for (const n of [shimo, rabai]) {
      w.insert('cluster_neighbours', {
        id: derivedId('cluster_neighbours', mtwapa, n),
        cluster_id: mtwapa,
        neighbour_id: n,
      });
    }
    const school = (clusterId: string, name: string): string =>
      w.insert('schools', {
        cluster_id: clusterId,
        name,
        head_name: '',
        lat: -3.94,
        lon: 39.74,
        setting: 'rural',
        learners: 600,
        teachers: 14,
      });
    const jumba = school(mtwapa, 'Jumba Primary');
    const kidutani = school(mtwapa, 'Kidutani Primary');
    const mzambarauni = school(mtwapa, 'Mzambarauni Primary');
    const shimoSchool = school(shimo, 'Shimo Primary');
    const rabaiSchool = school(rabai, 'Rabai Primary');
    const farSchool = school(far, 'Malindi Central');

    const member = (
      clusterId: string,
      name: string,
      schoolId: string | null,
      role: 'headteacher' | 'coach',
    ) =>
      w.insert('members', { cluster_id: clusterId, school_id: schoolId, name, role, phone: '', gender: 'f' });
    const amina = member(mtwapa, 'Amina Said', jumba, 'headteacher');
    const baraka = member(mtwapa, 'Baraka Mwangi', kidutani, 'headteacher');
    const chausiku = member(mtwapa, 'Chausiku Ali', mzambarauni, 'headteacher');
    const coach = member(mtwapa, 'Grace Coach', null, 'coach');
    const other = member(shimo, 'Dama Shimo', shimoSchool, 'headteacher');

    priorities.forEach((tag, i) =>
      w.insert('priorities', { cluster_id: mtwapa, tag, title: tag, rank: i + 1, agreed_on: '2025-01-20' }),
    );

    // Girls' transition: Jumba best, Mzambarauni weakest; neighbours for the same terms.
    indicator(w, jumba, '2025-T3', { transition_rate_girls: 80, attendance_rate: 90 });
    indicator(w, jumba, '2026-T1', { transition_rate_girls: 84, attendance_rate: 91 });
    indicator(w, kidutani, '2025-T3', { transition_rate_girls: 70, attendance_rate: 85 });
    indicator(w, kidutani, '2026-T1', { transition_rate_girls: 72, attendance_rate: 86 });
    indicator(w, mzambarauni, '2025-T2', { transition_rate_girls: 50 });
    indicator(w, mzambarauni, '2025-T3', { transition_rate_girls: 60, attendance_rate: 70 });
    indicator(w, mzambarauni, '2026-T1', { transition_rate_girls: 63, attendance_rate: 75 });
    indicator(w, shimoSchool, '2025-T3', { transition_rate_girls: 75 });
    indicator(w, shimoSchool, '2026-T1', { transition_rate_girls: 78 });
    indicator(w, rabaiSchool, '2026-T1', { transition_rate_girls: 66 });
    indicator(w, farSchool, '2026-T1', { transition_rate_girls: 99 });

    const pastSession = w.insert('sessions', {
      cluster_id: mtwapa,
      kind: 'meeting',
      mode: 'in_person',
      status: 'held',
      date: '2026-01-20',
      place: 'Jumba Primary',
      title: 'January meeting',
      agenda: '',
      notes: '',
      host_school_id: null,
      enquiry_question: '',
      evidence: '',
      findings: '',
    });
    const commitment = (owner: string, action: string, due: string): string =>
      w.insert('commitments', {
        cluster_id: mtwapa,
        session_id: pastSession,
        owner_member_id: owner,
        action,
        due_date: due,
        witnesses: JSON.stringify([coach]),
        status: 'open',
      });
    const notDue = commitment(amina, 'Share the radio timetable on the noticeboard', '2026-04-01');
    const justOverdue = commitment(baraka, 'Visit the families of absent girls', '2026-03-01');
    const longOverdue = commitment(chausiku, 'Map where Grade 7 girls live', '2026-02-01');

    const practice = (title: string, tags: PriorityTag[]): string =>
      w.insert('practices', {
        title,
        problem: 'girls drop out before secondary',
        summary: `${title} in short`,
        tags: JSON.stringify(tags),
        steps: 'one\ntwo',
        resources: '',
        cost: 'low',
        setting: 'rural',
        school_size: 'any',
        language: 'en',
        origin_cluster_id: shimo,
        origin_school_id: null,
        origin_place: 'Shimo la Tewa',
        origin_lat: -3.97,
        origin_lon: 39.73,
        started_on: '2025-01-10',
      });
    const radio = practice('Radio lessons for parents and children', [
      'girls_transition',
      'parent_engagement',
    ]);
    const visits = practice('Parent visitation groups', ['girls_transition', 'attendance']);

    return {
      mtwapa,
      shimo,
      rabai,
      far,
      schools: { jumba, kidutani, mzambarauni },
      members: { amina, baraka, chausiku, coach, other },
      pastSession,
      commitments: { longOverdue, justOverdue, notDue },
      practices: { radio, visits },
    };
  });
}

/** The number of rows in the change log: a rejected write must leave it unchanged. */
export const changeCount = (store: Store): number =>
  (store.db.prepare('SELECT count(*) AS n FROM changes').get() as { n: number }).n;

/** Records what the plan asked for, and answers with the region's two practices. */
export function fakeSource(r: SmallRegion, asked: unknown[]): PracticeSource {
  return (_store, query) => {
    asked.push(query);
    return [
      { id: r.practices.visits, title: 'Parent visitation groups', summary: 's', why: ['Worked 4 km away'] },
      { id: r.practices.radio, title: 'Radio lessons', summary: 's', why: [] },
    ];
  };
}

export function plan(store: Store, r: SmallRegion, date = '2026-03-10'): PlanDraft {
  return draftPlan(
    store,
    { clusterId: r.mtwapa, date, kind: 'meeting', mode: 'in_person', problem: 'girls leave', lang: 'en' },
    fakeSource(r, []),
  );
}

export function planned(store: Store, r: SmallRegion, date = '2026-03-10'): string {
  const { problem: _p, ...input } = plan(store, r, date);
  return savePlan(store, input).id;
}

export const emptyRecord = (sessionId: string): RecordInput => ({
  sessionId,
  attendance: [],
  reviews: [],
  commitments: [],
  practicesShared: [],
  adoptions: [],
  notes: '',
  peerReview: null,
});
