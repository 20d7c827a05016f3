import { describe, expect, it } from 'vitest';
import type { Store } from '../../electron/db/store.ts';
import { adopt, recordOutcome } from '../../electron/services/recommend/feedback.ts';
import { getPractice } from '../../electron/services/practices/detail.ts';
import { addEvidence } from '../../electron/services/practices/evidence.ts';
import { writeUpFromSession } from '../../electron/services/practices/fromSession.ts';
import { mergePractices } from '../../electron/services/practices/merge.ts';
import { removeRecord, restoreRemoval } from '../../electron/services/removals/service.ts';
import { searchPractices } from '../../electron/services/practices/search.ts';
import { createPractice, updatePractice } from '../../electron/services/practices/writeUp.ts';
import { PracticeFilters } from '../../shared/contract/practices.ts';
import type { PamojaError } from '../../shared/errors.ts';
import type { EvidenceInput, PracticeWriteUp } from '../../shared/practices/writeUp.ts';
import { tempStore } from './helpers.ts';
import { changeCount, smallRegion, type SmallRegion } from './sessionsRegion.ts';
import { carry } from './syncHelpers.ts';

const TODAY = '2026-03-12';

const refused = (fn: () => unknown): PamojaError => {
  try {
    fn();
  } catch (e) {
    return e as PamojaError;
  }
  throw new Error('expected a refusal');
};
const lastSeq = (store: Store): number =>
  (store.db.prepare('SELECT coalesce(max(seq), 0) AS s FROM changes').get() as { s: number }).s;
const changesSince = (store: Store, seq: number) =>
  store.db.prepare('SELECT tbl, row_id, col FROM changes WHERE seq > ? ORDER BY seq').all(seq) as {
    tbl: string;
    row_id: string;
    col: string;
  }[];

function writeUp(r: SmallRegion, patch: Partial<PracticeWriteUp> = {}): PracticeWriteUp {
  return {
    title: 'Reading buddies across grades',
    problem: 'Grade 2 learners cannot read a short story',
    summary: 'Older learners read with younger ones',
    tags: ['early_literacy'],
    steps: [
      'Pair each Grade 5 learner with a Grade 2 learner',
      '',
      '  Read together for 20 minutes on Fridays ',
    ],
    resources: 'Story books from the library corner; 20 minutes a week of a teacher’s time',
    timeNeeded: '20 minutes on Fridays; a term before reading shows it',
    cost: 'none',
    setting: 'rural',
    schoolSize: 'any',
    language: 'en',
    originClusterId: r.mtwapa,
    originSchoolId: r.schools.jumba,
    originPlace: '',
    startedOn: '2026-01-15',
    ...patch,
  };
}

describe('writing down a practice', () => {
  it('stores every field through the write path, with the place and position of its school', () => {
    const store = tempStore();
    const r = smallRegion(store);
    const since = lastSeq(store);
    const { id } = createPractice(store, writeUp(r), TODAY);
    const p = getPractice(store, id);
    expect(p).toMatchObject({
      title: 'Reading buddies across grades',
      tags: ['early_literacy'],
      steps: ['Pair each Grade 5 learner with a Grade 2 learner', 'Read together for 20 minutes on Fridays'],
      cost: 'none',
      timeNeeded: '20 minutes on Fridays; a term before reading shows it',
      originPlace: 'Jumba Primary',
      originCluster: { id: r.mtwapa, name: 'Mtwapa CoP' },
      originSchool: { id: r.schools.jumba, name: 'Jumba Primary' },
      startedOn: '2026-01-15',
      origins: [],
      mergedFrom: null,
    });
    expect(p.writeUp).toEqual({ ...writeUp(r), steps: p.steps, originPlace: 'Jumba Primary' });
    const row = store.db.prepare('SELECT origin_lat, origin_lon FROM practices WHERE id = ?').get(id);
    expect(row).toEqual({ origin_lat: -3.94, origin_lon: 39.74 });
    const changes = changesSince(store, since);
    expect(new Set(changes.map((c) => c.row_id))).toEqual(new Set([id]));
    expect(changes).toHaveLength(17);
    // Found by the library search at once.
    const found = searchPractices(store, PracticeFilters.parse({ query: 'reading buddies' }));
    expect(found.results.map((x) => x.id)).toContain(id);
  });

  it('refuses a write-up missing what another school needs, writing nothing', () => {
    const store = tempStore();
    const r = smallRegion(store);
    const other = store.db
      .prepare('SELECT id FROM schools WHERE cluster_id = ?')
      .pluck()
      .get(r.shimo) as string;
    const count = changeCount(store);
    const cases: [Partial<PracticeWriteUp>, string, string][] = [
      [{ title: '  ' }, 'title', 'Give the practice a short title.'],
      [{ problem: '' }, 'problem', 'Say what problem it solves.'],
      [{ tags: [] }, 'tags', 'Choose at least one priority it helps with.'],
      [{ steps: ['', ' '] }, 'steps', 'Write at least one step, so another school can do it.'],
      [
        { originClusterId: null, originSchoolId: null, originPlace: '' },
        'originClusterId',
        'Say where it comes from: a CoP, or a place.',
      ],
      [{ startedOn: '2026-03-13' }, 'startedOn', 'It cannot have started on a date that has not come yet.'],
      [{ originSchoolId: other }, 'originSchoolId', 'This school is not in the CoP chosen.'],
    ];
    for (const [patch, path, message] of cases) {
      const e = refused(() => createPractice(store, writeUp(r, patch), TODAY));
      expect([e.code, e.path, e.message]).toEqual(['invalid', path, message]);
    }
    expect(
      refused(() =>
        createPractice(store, writeUp(r, { originSchoolId: '00000000-0000-4000-8000-000000000000' }), TODAY),
      ).code,
    ).toBe('not_found');
    expect(changeCount(store)).toBe(count);
  });

  it('a write-up from a laptop that did not yet know the time it takes arrives whole, with no time given', () => {
    const a = tempStore();
    const b = tempStore();
    const r = smallRegion(a);
    carry(a, b, { kind: 'full' });
    const { id } = createPractice(a, writeUp(r), TODAY);
    // An older laptop's log has no change for the column (added by migration 0150).
    a.db.prepare("DELETE FROM changes WHERE tbl = 'practices' AND col = 'time_needed'").run();
    carry(a, b);
    expect(getPractice(b, id)).toMatchObject({ title: 'Reading buddies across grades', timeNeeded: '' });
  });

  it('an edit records exactly the fields that changed; a rejected edit writes nothing', () => {
    const store = tempStore();
    const r = smallRegion(store);
    const { id } = createPractice(store, writeUp(r), TODAY);
    const since = lastSeq(store);
    const edited = writeUp(r, {
      title: 'Reading buddies',
      steps: [
        'Pair each Grade 5 learner with a Grade 2 learner',
        'Read together for 20 minutes on Fridays',
        'Swap books monthly',
      ],
    });
    expect(updatePractice(store, id, edited, TODAY)).toEqual({ changed: 2 });
    expect(changesSince(store, since).map((c) => c.col)).toEqual(['title', 'steps']);
    expect(updatePractice(store, id, edited, TODAY)).toEqual({ changed: 0 });
    const timed = { ...edited, timeNeeded: '  30 minutes on Fridays ' };
    expect(updatePractice(store, id, timed, TODAY)).toEqual({ changed: 1 });
    expect(getPractice(store, id).timeNeeded).toBe('30 minutes on Fridays');
    const count = changeCount(store);
    expect(refused(() => updatePractice(store, id, { ...edited, tags: [] }, TODAY)).path).toBe('tags');
    expect(refused(() => updatePractice(store, r.mtwapa, edited, TODAY)).code).toBe('not_found');
    expect(changeCount(store)).toBe(count);
    expect(getPractice(store, id).title).toBe('Reading buddies');
  });

  it('a session prefills the write-up: its cluster, host school, date, place and priorities', () => {
    const store = tempStore();
    const r = smallRegion(store);
    const w = writeUpFromSession(store, r.pastSession);
    expect(w).toMatchObject({
      title: '',
      tags: ['girls_transition', 'attendance'],
      originClusterId: r.mtwapa,
      originSchoolId: null,
      originPlace: 'Jumba Primary',
      startedOn: '2026-01-20',
      language: 'en',
    });
    // A meeting recorded before its planned date: the practice started today at the latest.
    expect(writeUpFromSession(store, r.pastSession, '2026-01-18').startedOn).toBe('2026-01-18');
    expect(refused(() => writeUpFromSession(store, r.mtwapa)).code).toBe('not_found');
  });
});

describe('evidence', () => {
  const indicatorEvidence = (r: SmallRegion, patch: Partial<EvidenceInput> = {}): EvidenceInput =>
    ({
      kind: 'indicator',
      practiceId: r.practices.radio,
      indicator: 'transition_rate_girls',
      beforeValue: 60,
      afterValue: 72,
      beforePeriod: '2025-T1',
      afterPeriod: '2026-T1',
      schoolsCount: 3,
      clusterId: r.shimo,
      story: '',
      recordedOn: '2026-03-01',
      ...patch,
    }) as EvidenceInput;

  it('an indicator before and after, with its periods, or a story', () => {
    const store = tempStore();
    const r = smallRegion(store);
    addEvidence(store, indicatorEvidence(r), TODAY);
    addEvidence(
      store,
      {
        kind: 'story',
        practiceId: r.practices.radio,
        story: 'Two girls came back to school',
        clusterId: null,
        schoolsCount: 0,
        recordedOn: TODAY,
      },
      TODAY,
    );
    const p = getPractice(store, r.practices.radio);
    expect(p.evidence).toEqual([
      expect.objectContaining({ kind: 'story', story: 'Two girls came back to school', indicator: null }),
      expect.objectContaining({
        kind: 'indicator',
        indicator: 'transition_rate_girls',
        beforeValue: 60,
        afterValue: 72,
        beforePeriod: '2025-T1',
        afterPeriod: '2026-T1',
        schoolsCount: 3,
        clusterName: 'Shimo la Tewa CoP',
      }),
    ]);
  });

  it('refuses impossible values, periods out of order or to come, and an empty story', () => {
    const store = tempStore();
    const r = smallRegion(store);
    const count = changeCount(store);
    const cases: [EvidenceInput, string, string][] = [
      [
        indicatorEvidence(r, { afterValue: 130 }),
        'afterValue',
        'This value is impossible for this indicator.',
      ],
      [
        indicatorEvidence(r, { afterPeriod: '2025-T1' }),
        'afterPeriod',
        'The “after” period must come after the “before” period.',
      ],
      [indicatorEvidence(r, { afterPeriod: '2027' }), 'afterPeriod', 'This period has not happened yet.'],
      [indicatorEvidence(r, { recordedOn: '2026-04-01' }), 'recordedOn', 'This date has not come yet.'],
      [
        {
          kind: 'story',
          practiceId: r.practices.radio,
          story: ' ',
          clusterId: null,
          schoolsCount: 0,
          recordedOn: TODAY,
        },
        'story',
        'Write what happened.',
      ],
    ];
    for (const [e, path, message] of cases) {
      const err = refused(() => addEvidence(store, e, TODAY));
      expect([err.path, err.message]).toEqual([path, message]);
    }
    expect(
      refused(() => addEvidence(store, indicatorEvidence(r, { practiceId: r.mtwapa }), TODAY)).code,
    ).toBe('not_found');
    expect(changeCount(store)).toBe(count);
  });
});

describe('merging two write-ups of the same practice', () => {
  function twoWriteUps(store: Store) {
    const r = smallRegion(store);
    const keep = r.practices.visits;
    const merge = r.practices.radio;
    addEvidence(
      store,
      {
        kind: 'story',
        practiceId: keep,
        story: 'Parents came',
        clusterId: null,
        schoolsCount: 0,
        recordedOn: TODAY,
      },
      TODAY,
    );
    addEvidence(
      store,
      {
        kind: 'story',
        practiceId: merge,
        story: 'Girls stayed',
        clusterId: r.shimo,
        schoolsCount: 2,
        recordedOn: TODAY,
      },
      TODAY,
    );
    const [adoption] = adopt(store, {
      clusterId: r.mtwapa,
      practiceId: merge,
      schoolIds: [r.schools.kidutani],
      on: '2026-02-01',
    }).adoptionIds;
    recordOutcome(store, {
      adoptionId: adoption!,
      outcome: 'improved',
      indicator: 'attendance_rate',
      note: 'better',
    });
    adopt(store, { clusterId: r.mtwapa, practiceId: keep, schoolIds: [r.schools.jumba], on: '2026-02-02' });
    store.write((w) => w.update('practices', merge, { started_on: '2024-06-01' }));
    return { r, keep, merge, adoption: adoption! };
  }

  it('keeps both origins, all evidence and all adoptions (with outcomes), and serves both priorities', () => {
    const store = tempStore();
    const { r, keep, merge, adoption } = twoWriteUps(store);
    expect(mergePractices(store, keep, merge, TODAY)).toEqual({
      id: keep,
      evidence: 1,
      adoptions: 1,
      origins: 1,
    });
    const p = getPractice(store, keep);
    expect(p.evidence.map((e) => e.story).sort()).toEqual(['Girls stayed', 'Parents came']);
    expect(p.adoptions.map((a) => [a.schoolName, a.outcome]).sort()).toEqual([
      ['Jumba Primary', 'pending'],
      ['Kidutani Primary', 'improved'],
    ]);
    expect(p.adoptions.find((a) => a.id === adoption)).toMatchObject({
      indicator: 'attendance_rate',
      outcomeNote: 'better',
    });
    expect(p.tags).toEqual(['girls_transition', 'attendance', 'parent_engagement']);
    expect(p.startedOn).toBe('2024-06-01');
    expect(p.originCluster?.id).toBe(r.shimo);
    expect(p.origins).toEqual([
      expect.objectContaining({
        mergedPracticeId: merge,
        title: 'Radio lessons for parents and children',
        problem: 'girls drop out before secondary',
        steps: ['one', 'two'],
        originPlace: 'Shimo la Tewa',
        originCluster: { id: r.shimo, name: 'Shimo la Tewa CoP' },
        startedOn: '2024-06-01',
        mergedOn: TODAY,
      }),
    ]);
    // The merged write-up's old links lead to the kept practice.
    expect(getPractice(store, merge)).toMatchObject({ id: keep, mergedFrom: merge });
    expect(store.db.prepare('SELECT count(*) FROM practices WHERE id = ?').pluck().get(merge)).toBe(0);
  });

  it('a practice merged earlier brings its own origins along', () => {
    const store = tempStore();
    const { r, keep, merge } = twoWriteUps(store);
    mergePractices(store, keep, merge, TODAY);
    const third = createPractice(store, writeUp(r, { title: 'Parent groups (third write-up)' }), TODAY).id;
    mergePractices(store, third, keep, TODAY);
    const p = getPractice(store, merge);
    expect(p.id).toBe(third);
    expect(p.origins.map((o) => o.mergedPracticeId).sort()).toEqual([keep, merge].sort());
    expect(p.evidence).toHaveLength(2);
  });

  it('syncs to another laptop like any edit', () => {
    const a = tempStore();
    const b = tempStore();
    const { keep, merge } = twoWriteUps(a);
    carry(a, b, { kind: 'full' });
    mergePractices(a, keep, merge, TODAY);
    carry(a, b);
    expect(getPractice(b, merge)).toMatchObject({ id: keep, mergedFrom: merge });
    expect(getPractice(b, keep).evidence).toHaveLength(2);
    expect(getPractice(b, keep).adoptions).toHaveLength(2);
  });

  it('a merged practice is removed with everything it gathered, and restored whole', () => {
    const store = tempStore();
    const { keep, merge } = twoWriteUps(store);
    mergePractices(store, keep, merge, TODAY);
    const before = getPractice(store, keep);
    const removal = removeRecord(store, 'practices', keep);
    expect(removal.effects.removed).toEqual({
      practices: 1,
      practice_evidence: before.evidence.length,
      adoptions: before.adoptions.length,
      practice_origins: 1,
    });
    expect(store.db.pragma('foreign_key_check')).toEqual([]);
    restoreRemoval(store, removal.id);
    expect(getPractice(store, keep)).toEqual(before);
  });

  it('refuses to merge a practice with itself or with one that does not exist, writing nothing', () => {
    const store = tempStore();
    const { keep } = twoWriteUps(store);
    const count = changeCount(store);
    expect(refused(() => mergePractices(store, keep, keep, TODAY)).message).toBe(
      'Choose two different practices to merge.',
    );
    expect(
      refused(() => mergePractices(store, keep, '00000000-0000-4000-8000-000000000000', TODAY)).path,
    ).toBe('mergeId');
    expect(changeCount(store)).toBe(count);
  });
});
