import { describe, expect, it } from 'vitest';
import type { Store } from '../../electron/db/store.ts';
import {
  addNeighbour,
  createCluster,
  nearestClusters,
  removeNeighbour,
  setCriteria,
  setPriorities,
  updateCluster,
} from '../../electron/services/clusters/edit.ts';
import { getCluster } from '../../electron/services/clusters/service.ts';
import { addMember, leaveCop, rejoinCop, updateMember } from '../../electron/services/members/service.ts';
import {
  addSchool,
  closeSchool,
  moveSchool,
  reopenSchool,
  schoolHistory,
  updateSchool,
} from '../../electron/services/schools/service.ts';
import { PamojaError } from '../../shared/errors.ts';
import { tempStore } from './helpers.ts';
import { seedRegion } from './syncHelpers.ts';

const lastSeq = (store: Store) =>
  (store.db.prepare('SELECT coalesce(max(seq), 0) AS s FROM changes').get() as { s: number }).s;
/** The fields the change log recorded since `seq`, as "table.column". */
const loggedSince = (store: Store, seq: number) =>
  (
    store.db.prepare('SELECT tbl, col FROM changes WHERE seq > ? ORDER BY seq').all(seq) as {
      tbl: string;
      col: string;
    }[]
  ).map((c) => `${c.tbl}.${c.col}`);

/** Runs a refused edit: checks the code, the field named, and that nothing was written. */
function refused(store: Store, fn: () => unknown, code: PamojaError['code'], path?: string, words?: RegExp) {
  const seq = lastSeq(store);
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  expect(error, 'expected a refusal').toBeInstanceOf(PamojaError);
  expect((error as PamojaError).code).toBe(code);
  if (path) expect((error as PamojaError).path).toBe(path);
  if (words) expect((error as PamojaError).message).toMatch(words);
  expect(lastSeq(store)).toBe(seq);
}

const clusterFields = {
  name: 'Kaloleni',
  place: 'Kaloleni DEO office',
  lat: -3.8,
  lon: 39.63,
  coachName: 'Amina',
};
const schoolFields = {
  name: 'Mwijo Primary',
  headName: 'Grace Mwaka',
  setting: 'rural' as const,
  learners: 520,
  teachers: 14,
  lat: -3.81,
  lon: 39.62,
  officialCode: 'KLF-0041',
};
const memberFields = {
  name: 'Salim Baya',
  role: 'headteacher' as const,
  schoolId: null,
  phone: '0712 345 678',
  gender: 'm' as const,
};

describe('CoPs', () => {
  it('creates a CoP in the region, recording every field once', () => {
    const store = tempStore();
    seedRegion(store);
    const seq = lastSeq(store);
    const { id } = createCluster(store, clusterFields);
    expect(loggedSince(store, seq).sort()).toEqual(
      ['region_id', 'name', 'place', 'lat', 'lon', 'coach_name', 'language', 'criteria']
        .map((c) => `clusters.${c}`)
        .sort(),
    );
    expect(getCluster(store, id)).toMatchObject({ name: 'Kaloleni', coachName: 'Amina', criteria: [] });
  });

  it('renames and moves a CoP: the log holds exactly the changed fields', () => {
    const store = tempStore();
    const s = seedRegion(store);
    const seq = lastSeq(store);
    expect(
      updateCluster(store, s.clusters[0]!, {
        name: 'Mnarani East',
        place: 'Mnarani',
        lat: -3.65,
        lon: 39.85,
        coachName: 'Amina',
      }),
    ).toEqual({ changed: 2 });
    expect(loggedSince(store, seq)).toEqual(['clusters.name', 'clusters.lat']);
  });

  it('refuses a taken name, a place off the globe, an unknown CoP and a store without region', () => {
    const store = tempStore();
    const s = seedRegion(store);
    refused(
      store,
      () => createCluster(store, { ...clusterFields, name: ' takaungu ' }),
      'invalid',
      'name',
      /already has this name/,
    );
    refused(
      store,
      () => updateCluster(store, s.clusters[0]!, { ...clusterFields, lat: 95 }),
      'invalid',
      'lat',
      /-90 to 90/,
    );
    refused(
      store,
      () => updateCluster(store, s.clusters[0]!, { ...clusterFields, lon: -200 }),
      'invalid',
      'lon',
    );
    refused(
      store,
      () => updateCluster(store, '00000000-0000-4000-8000-000000000000', clusterFields),
      'not_found',
    );
    const empty = tempStore({}, 'empty.sqlite');
    refused(empty, () => createCluster(empty, clusterFields), 'conflict', undefined, /no region yet/);
  });

  it('suggests the nearest CoPs and declares or removes a neighbour (one link, both ways)', () => {
    const store = tempStore();
    const s = seedRegion(store);
    const far = createCluster(store, { ...clusterFields, name: 'Far away', lat: -1.2, lon: 36.8 }).id;
    const near = nearestClusters(store, s.clusters[0]!, 5);
    expect(near.map((n) => n.id)).toEqual([s.clusters[1], far]);
    expect(near[0]).toMatchObject({ declared: false, distanceKm: 11.1 });
    const seq = lastSeq(store);
    addNeighbour(store, s.clusters[1]!, s.clusters[0]!);
    addNeighbour(store, s.clusters[0]!, s.clusters[1]!); // already declared: nothing more
    expect(loggedSince(store, seq)).toEqual([
      'cluster_neighbours.cluster_id',
      'cluster_neighbours.neighbour_id',
    ]);
    expect(nearestClusters(store, s.clusters[0]!, 5)[0]!.declared).toBe(true);
    expect(getCluster(store, s.clusters[1]!).neighbours.map((n) => n.id)).toEqual([s.clusters[0]]);
    refused(store, () => addNeighbour(store, s.clusters[0]!, s.clusters[0]!), 'invalid', 'neighbourId');
    removeNeighbour(store, s.clusters[0]!, s.clusters[1]!);
    expect(getCluster(store, s.clusters[0]!).neighbours).toEqual([]);
    refused(store, () => removeNeighbour(store, s.clusters[0]!, s.clusters[1]!), 'not_found');
  });

  it('keeps the CoP’s own criteria of an effective school', () => {
    const store = tempStore();
    const s = seedRegion(store);
    setCriteria(store, s.clusters[0]!, [' Every child reads by Grade 3 ', 'Parents visit each term']);
    expect(getCluster(store, s.clusters[0]!).criteria).toEqual([
      'Every child reads by Grade 3',
      'Parents visit each term',
    ]);
    refused(
      store,
      () =>
        setCriteria(
          store,
          s.clusters[0]!,
          Array.from({ length: 13 }, (_, i) => `c${i}`),
        ),
      'invalid',
      'criteria',
    );
  });

  it('sets 1–3 priorities for a period, editing rows in place and removing the extra', () => {
    const store = tempStore();
    const s = seedRegion(store);
    const c = s.clusters[0]!;
    const two = [
      {
        tag: 'attendance' as const,
        title: 'Every child in school every day',
        agreedOn: '2026-01-20',
        period: '2026',
      },
      { tag: 'early_literacy' as const, title: '', agreedOn: '2026-01-20', period: '2026' },
    ];
    setPriorities(store, c, two, '2026-03-01');
    const first = getCluster(store, c).priorities;
    expect(first.map((p) => [p.tag, p.rank, p.period])).toEqual([
      ['attendance', 1, '2026'],
      ['early_literacy', 2, '2026'],
    ]);
    const seq = lastSeq(store);
    setPriorities(store, c, [{ ...two[0]!, period: 'Terms 1–2 2026' }], '2026-03-01');
    expect(loggedSince(store, seq)).toEqual(['priorities.period', 'priorities._deleted']);
    expect(getCluster(store, c).priorities.map((p) => p.id)).toEqual([first[0]!.id]);
    refused(
      store,
      () => setPriorities(store, c, [...two, two[0]!], '2026-03-01'),
      'invalid',
      'priorities[2].tag',
      /twice/,
    );
    refused(
      store,
      () => setPriorities(store, c, [{ ...two[0]!, agreedOn: '2027-01-01' }], '2026-03-01'),
      'invalid',
      'priorities[0].agreedOn',
      /future/,
    );
  });
});

describe('schools', () => {
  it('adds and edits a school with its official code; the log holds only what changed', () => {
    const store = tempStore();
    const s = seedRegion(store);
    const { id } = addSchool(store, s.clusters[0]!, schoolFields);
    const seq = lastSeq(store);
    expect(updateSchool(store, id, { ...schoolFields, headName: 'Grace M. Mwaka', learners: 534 })).toEqual({
      changed: 2,
    });
    expect(loggedSince(store, seq)).toEqual(['schools.head_name', 'schools.learners']);
    expect(getCluster(store, s.clusters[0]!).schools.find((x) => x.id === id)).toMatchObject({
      officialCode: 'KLF-0041',
      learners: 534,
    });
  });

  it('refuses a name taken in the CoP, a code taken in the region, bad counts, an unknown CoP', () => {
    const store = tempStore();
    const s = seedRegion(store);
    addSchool(store, s.clusters[0]!, schoolFields);
    refused(
      store,
      () => addSchool(store, s.clusters[0]!, { ...schoolFields, officialCode: '' }),
      'invalid',
      'name',
    );
    // The same name in another CoP is fine, the same official code is not.
    refused(
      store,
      () => addSchool(store, s.clusters[1]!, { ...schoolFields, officialCode: 'klf-0041' }),
      'invalid',
      'officialCode',
      /official code/,
    );
    refused(
      store,
      () => addSchool(store, s.clusters[1]!, { ...schoolFields, officialCode: '', learners: 2.5 }),
      'invalid',
      'learners',
      /whole number/,
    );
    refused(
      store,
      () => addSchool(store, '00000000-0000-4000-8000-000000000000', schoolFields),
      'not_found',
      'clusterId',
    );
  });

  it('moves a school with its members, keeping where it was in its history', () => {
    const store = tempStore();
    const s = seedRegion(store);
    const school = s.schools[0]!;
    expect(moveSchool(store, school, s.clusters[1]!, true)).toEqual({ movedMembers: 1 });
    expect(getCluster(store, s.clusters[1]!).members.map((m) => m.id)).toContain(s.members[0]);
    expect(schoolHistory(store, school).map((h) => h.clusterName)).toEqual(['Takaungu', 'Mnarani']);
    refused(store, () => moveSchool(store, school, s.clusters[1]!, true), 'invalid', 'clusterId', /already/);
  });

  it('closes a school with a reason (it stays, listed last) and reopens it', () => {
    const store = tempStore();
    const s = seedRegion(store);
    const school = s.schools[0]!;
    refused(store, () => closeSchool(store, school, '2026-02-01', '  ', '2026-03-01'), 'invalid', 'reason');
    refused(
      store,
      () => closeSchool(store, school, '2026-04-01', 'Merged', '2026-03-01'),
      'invalid',
      'closedOn',
      /future/,
    );
    const seq = lastSeq(store);
    closeSchool(store, school, '2026-02-01', 'Merged with School 0-1', '2026-03-01');
    expect(loggedSince(store, seq)).toEqual(['schools.closed_on', 'schools.closed_reason']);
    const schools = getCluster(store, s.clusters[0]!).schools;
    expect(schools.at(-1)).toMatchObject({
      id: school,
      closedOn: '2026-02-01',
      closedReason: 'Merged with School 0-1',
    });
    refused(store, () => closeSchool(store, school, '2026-02-01', 'again', '2026-03-01'), 'conflict');
    reopenSchool(store, school);
    expect(getCluster(store, s.clusters[0]!).schools.find((x) => x.id === school)?.closedOn).toBeNull();
    refused(store, () => reopenSchool(store, school), 'conflict');
  });
});

describe('members', () => {
  it('adds a member and edits role, school and phone', () => {
    const store = tempStore();
    const s = seedRegion(store);
    const seq0 = lastSeq(store);
    const { id } = addMember(store, s.clusters[0]!, memberFields);
    expect(loggedSince(store, seq0)).toHaveLength(7);
    const seq = lastSeq(store);
    expect(
      updateMember(store, id, {
        ...memberFields,
        role: 'deputy',
        schoolId: s.schools[1]!,
        phone: '+254 712 345 678',
      }),
    ).toEqual({ changed: 3 });
    expect(loggedSince(store, seq)).toEqual(['members.role', 'members.school_id', 'members.phone']);
  });

  it('refuses a school of another CoP, a bad phone, a duplicate name, an unknown CoP', () => {
    const store = tempStore();
    const s = seedRegion(store);
    refused(
      store,
      () => addMember(store, s.clusters[0]!, { ...memberFields, schoolId: s.schools[2]! }),
      'invalid',
      'schoolId',
    );
    refused(
      store,
      () => addMember(store, s.clusters[0]!, { ...memberFields, phone: '12ab' }),
      'invalid',
      'phone',
      /7 to 15 digits/,
    );
    refused(
      store,
      () => addMember(store, s.clusters[0]!, { ...memberFields, name: 'member 0-0' }),
      'invalid',
      'name',
    );
    refused(
      store,
      () => addMember(store, '00000000-0000-4000-8000-000000000000', memberFields),
      'not_found',
      'clusterId',
    );
  });

  it('a member leaves the CoP (still listed, last) and comes back', () => {
    const store = tempStore();
    const s = seedRegion(store);
    const m = s.members[0]!;
    refused(store, () => leaveCop(store, m, '2030-01-01', '2026-03-01'), 'invalid', 'leftOn', /future/);
    leaveCop(store, m, '2026-02-28', '2026-03-01');
    expect(getCluster(store, s.clusters[0]!).members.at(-1)).toMatchObject({ id: m, leftOn: '2026-02-28' });
    refused(store, () => leaveCop(store, m, '2026-02-28', '2026-03-01'), 'conflict');
    // A newcomer may take the name of someone who left.
    addMember(store, s.clusters[0]!, { ...memberFields, name: 'Member 0-0' });
    rejoinCop(store, m);
    refused(store, () => rejoinCop(store, m), 'conflict');
  });
});
