import type { Store } from '../../electron/db/store.ts';
import type { RowInput } from '../../shared/schema/tables.ts';

/**
 * A small Kilifi region built for the recommendation tests, where the right answers are
 * known: Kilifi CoP trails its neighbours on dropout (9% against 3%), Takaungu is its
 * declared neighbour, and the library holds a proven dropout practice from Mtwapa, a
 * Kiswahili practice from Takaungu, a harmful one, and two that answer other problems.
 */
export interface TestRegion {
  clusters: { kilifi: string; takaungu: string; mtwapa: string; malindi: string };
  schools: { kilifi: string[]; takaungu: string[] };
  practices: { visitation: string; radio: string; kamati: string; caning: string; reading: string };
}

const practiceDefaults = {
  summary: '',
  steps: '',
  resources: '',
  cost: 'low',
  setting: 'any',
  school_size: 'any',
  language: 'en',
  origin_school_id: null,
  origin_lat: null,
  origin_lon: null,
  started_on: '2025-01-10',
} as const;

export function buildRegion(store: Store): TestRegion {
  return store.write((w) => {
    const region = w.insert('regions', { name: 'Kilifi County', country: 'Kenya', language: 'en' });
    const cluster = (name: string, lat: number, lon: number) =>
      w.insert('clusters', {
        region_id: region,
        name,
        place: name,
        lat,
        lon,
        coach_name: 'Amina',
        language: 'en',
      });
    const clusters = {
      kilifi: cluster('Kilifi CoP', -3.63, 39.85),
      takaungu: cluster('Takaungu CoP', -3.69, 39.86),
      mtwapa: cluster('Mtwapa CoP', -3.94, 39.74),
      malindi: cluster('Malindi CoP', -3.22, 40.12),
    };
    w.insert('cluster_neighbours', { cluster_id: clusters.kilifi, neighbour_id: clusters.takaungu });

    const schoolsOf = (clusterId: string, prefix: string) =>
      [1, 2, 3].map((i) =>
        w.insert('schools', {
          cluster_id: clusterId,
          name: `${prefix} Primary ${i}`,
          head_name: '',
          lat: -3.6,
          lon: 39.8,
          setting: 'rural',
          learners: 500,
          teachers: 12,
        }),
      );
    const schools = {
      kilifi: schoolsOf(clusters.kilifi, 'Kilifi'),
      takaungu: schoolsOf(clusters.takaungu, 'Takaungu'),
    };
    const figures = (schoolId: string, dropout: number) =>
      w.insert('indicators', {
        school_id: schoolId,
        term: '2026-T1',
        enrolment_girls: 250,
        enrolment_boys: 250,
        attendance_rate: 90,
        dropout_rate: dropout,
        dropout_rate_girls: null,
        repetition_rate: 5,
        transition_rate: null,
        transition_rate_girls: null,
        literacy_rate: 50,
        numeracy_rate: 45,
        vulnerable_identified: null,
        vulnerable_reached: null,
      });
    schools.kilifi.forEach((s) => figures(s, 9));
    schools.takaungu.forEach((s) => figures(s, 3));
    w.insert('priorities', {
      cluster_id: clusters.kilifi,
      tag: 'attendance',
      title: 'Every child in class every day',
      rank: 1,
      agreed_on: '2026-01-15',
    });

    const practice = (row: Partial<RowInput<'practices'>> & Pick<RowInput<'practices'>, 'title' | 'tags'>) =>
      w.insert('practices', {
        ...practiceDefaults,
        problem: '',
        origin_cluster_id: null,
        origin_place: '',
        ...row,
      });
    const practices = {
      visitation: practice({
        title: 'Parent visitation groups',
        problem: 'Girls drop out in the upper grades and nobody visits their homes.',
        summary: 'Parents visit the homes of learners who miss school; dropout fell.',
        tags: '["girls_transition","parent_engagement"]',
        origin_cluster_id: clusters.mtwapa,
        origin_place: 'Mtwapa',
      }),
      radio: practice({
        title: 'Radio lessons for parents and children together',
        problem: 'Children could not read at home during closures.',
        tags: '["early_literacy","parent_engagement"]',
        origin_cluster_id: clusters.malindi,
        origin_place: 'Malindi',
      }),
      kamati: practice({
        title: 'Kamati ya wazazi ya kufuatilia watoro',
        problem: 'Watoto wengi hawaji shuleni siku za soko.',
        summary: 'Wazazi wanatembelea nyumba za watoro kila wiki.',
        tags: '["attendance","parent_engagement"]',
        language: 'sw',
        origin_cluster_id: clusters.takaungu,
        origin_place: 'Takaungu',
      }),
      caning: practice({
        title: 'Caning latecomers at the gate',
        problem: 'Learners arrive late and attendance is poor.',
        tags: '["attendance"]',
        cost: 'none',
        origin_cluster_id: clusters.malindi,
        origin_place: 'Malindi',
      }),
      reading: practice({
        title: 'Reading corners with local-language books',
        problem: 'Few books in the classroom.',
        tags: '["early_literacy"]',
        origin_cluster_id: clusters.malindi,
        origin_place: 'Malindi',
      }),
    };
    const evidence = (
      practiceId: string,
      clusterId: string,
      indicator: 'dropout_rate' | 'attendance_rate' | 'literacy_rate',
      before: number,
      after: number,
      schools: number,
    ) =>
      w.insert('practice_evidence', {
        practice_id: practiceId,
        kind: 'indicator',
        indicator,
        before_value: before,
        after_value: after,
        before_period: '2024',
        after_period: '2025',
        schools_count: schools,
        cluster_id: clusterId,
        story: '',
        recorded_on: '2025-09-01',
      });
    evidence(practices.visitation, clusters.mtwapa, 'dropout_rate', 8.4, 3.0, 3);
    evidence(practices.radio, clusters.malindi, 'literacy_rate', 20, 32, 4);
    evidence(practices.caning, clusters.malindi, 'attendance_rate', 85, 78, 2);
    w.insert('practice_evidence', {
      practice_id: practices.kamati,
      kind: 'story',
      indicator: null,
      before_value: null,
      after_value: null,
      before_period: '',
      after_period: '',
      schools_count: 0,
      cluster_id: clusters.takaungu,
      story: 'Mama Zawadi alisema watoto wake sasa wanakwenda shule kila siku.',
      recorded_on: '2025-10-01',
    });
    w.insert('adoptions', {
      practice_id: practices.caning,
      cluster_id: clusters.mtwapa,
      school_id: null,
      adopted_on: '2025-05-01',
      outcome: 'worse',
      outcome_note: '',
      indicator: 'attendance_rate',
    });
    return { clusters, schools, practices };
  });
}
