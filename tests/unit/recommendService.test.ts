import { describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../electron/db/store.ts';
import { createContext } from '../../electron/services/context.ts';
import { dispatch } from '../../electron/services/dispatch.ts';
import { handlers } from '../../electron/services/index.ts';
import {
  adopt,
  clusterAdoptions,
  giveFeedback,
  recordOutcome,
  undoFeedback,
  whyNot,
} from '../../electron/services/recommend/feedback.ts';
import { recommend } from '../../electron/services/recommend/service.ts';
import { RecommendationResult, type RecommendQuery } from '../../shared/contract/recommend.ts';
import { PamojaError } from '../../shared/errors.ts';
import { tempDir, tempStore } from './helpers.ts';
import { buildRegion } from './recommendRegion.ts';
import { join } from 'node:path';

const today = '2026-07-01';
const ask = (store: Store, q: RecommendQuery) => recommend(store, { today, ...q });
const ids = (r: ReturnType<typeof recommend>) => r.results.map((x) => x.practiceId);
const count = (store: Store, sql: string, ...params: unknown[]) =>
  store.db
    .prepare(sql)
    .pluck()
    .get(...params) as number;

function thrown(fn: () => unknown): PamojaError {
  try {
    fn();
  } catch (e) {
    if (e instanceof PamojaError) return e;
    throw e;
  }
  throw new Error('expected an error');
}

describe('recommend (service)', () => {
  it('asks about the weakest indicator against the neighbours when no problem is typed', () => {
    const store = tempStore();
    const r = buildRegion(store);
    const result = ask(store, { clusterId: r.clusters.kilifi });
    expect(result.question).toMatchObject({
      problem: '',
      tags: ['attendance'],
      tagsFrom: 'priorities',
      weakIndicators: [{ indicator: 'dropout_rate', own: 9, neighbours: 3, term: '2026-T1', gap: 2 }],
    });
    expect(result.question.words).toContain('dropout');
    // The proven dropout practice answers that question best; the harmful one is left out.
    expect(ids(result)[0]).toBe(r.practices.visitation);
    expect(ids(result)).not.toContain(r.practices.caning);
    expect(result.excludedWorse).toBe(1);
    const top = result.results[0]!;
    expect(top.reasons).toContainEqual({
      code: 'measured',
      indicator: 'dropout_rate',
      before: 8.4,
      after: 3,
      schools: 3,
      place: 'Mtwapa CoP',
      km: 37,
      where: 'away',
    });
    expect(top.reasons).toContainEqual({ code: 'weak_indicator', indicators: ['dropout_rate'] });
    expect(RecommendationResult.safeParse(result).success).toBe(true);
  });

  it('answers a problem typed in Kiswahili, and leaves out practices that do not match it', () => {
    const store = tempStore();
    const r = buildRegion(store);
    const result = ask(store, { clusterId: r.clusters.kilifi, problem: 'Watoro na wazazi?' });
    // The Kiswahili write-up holds both words; English practices about parents meet "wazazi" too.
    expect(ids(result)[0]).toBe(r.practices.kamati);
    for (const id of ids(result).slice(1)) expect([r.practices.visitation, r.practices.radio]).toContain(id);
    const english = result.results.find((x) => x.practiceId !== r.practices.kamati)!;
    const matched = english.reasons.find((x) => x.code === 'matched_words');
    expect(matched?.code === 'matched_words' && matched.words).toContain('wazazi');
    expect(matched?.code === 'matched_words' && matched.via).toContainEqual({
      word: 'wazazi',
      as: expect.stringMatching(/^parent/),
    });
    const reasons = result.results[0]!.reasons;
    expect(reasons).toContainEqual({ code: 'matched_words', words: ['watoro', 'wazazi'], via: [] });
    expect(reasons).toContainEqual({
      code: 'story',
      place: 'Takaungu CoP',
      km: 7,
      where: 'neighbour',
    });
    // FTS5 syntax in the question is only words.
    expect(() =>
      ask(store, { clusterId: r.clusters.kilifi, problem: 'radio" OR title:* NEAR(' }),
    ).not.toThrow();
  });

  it('says why a matching practice is not recommended', () => {
    const store = tempStore();
    const r = buildRegion(store);
    const result = ask(store, { clusterId: r.clusters.kilifi, problem: 'caning latecomers' });
    // Practices on the priorities the words name may follow; the harmful one is not among them.
    expect(ids(result)).not.toContain(r.practices.caning);
    expect(result.excludedWorse).toBe(1);
    expect(whyNot(store, [r.practices.caning, r.practices.radio])).toEqual([
      {
        practiceId: r.practices.caning,
        reason: 'net_worse',
        worse: 2,
        better: 0,
        example: { indicator: 'attendance_rate', before: 85, after: 78, schools: 2 },
      },
    ]);
  });

  it('demotes a practice marked not relevant for the cluster until the mark is undone', () => {
    const store = tempStore();
    const r = buildRegion(store);
    const q = { clusterId: r.clusters.kilifi, problem: 'parents' };
    const before = ids(ask(store, q));
    const elsewhere = ids(ask(store, { ...q, clusterId: r.clusters.takaungu }));
    expect(before.length).toBeGreaterThan(2);
    const top = before[0]!;
    const changes = count(store, 'SELECT count(*) FROM changes');
    const { id } = giveFeedback(store, {
      clusterId: q.clusterId,
      practiceId: top,
      kind: 'not_relevant',
      on: today,
    });
    // One change per field of the new feedback row, through the write path.
    expect(count(store, 'SELECT count(*) FROM changes') - changes).toBe(7);
    const marked = ask(store, q);
    expect(ids(marked).at(-1)).toBe(top);
    expect(marked.results.at(-1)!.feedback).toEqual({
      sharedOn: null,
      notRelevant: true,
      notRelevantId: id,
      adoptedBy: [],
    });
    expect(marked.markedNotRelevant).toEqual([
      { practiceId: top, title: marked.results.at(-1)!.title, feedbackId: id, on: today },
    ]);
    expect(whyNot(store, [top], q.clusterId)).toMatchObject([
      { practiceId: top, reason: 'not_relevant_here' },
    ]);
    // Other clusters are not affected.
    expect(ids(ask(store, { ...q, clusterId: r.clusters.takaungu }))).toEqual(elsewhere);
    // Marking again revives the same row; undoing restores the order.
    expect(giveFeedback(store, { clusterId: q.clusterId, practiceId: top, kind: 'not_relevant' }).id).toBe(
      id,
    );
    undoFeedback(store, id, today);
    expect(ids(ask(store, q))).toEqual(before);
  });

  it('marks a practice shared at a session', () => {
    const store = tempStore();
    const r = buildRegion(store);
    giveFeedback(store, {
      clusterId: r.clusters.kilifi,
      practiceId: r.practices.radio,
      kind: 'shared',
      on: '2026-06-20',
    });
    const item = ask(store, { clusterId: r.clusters.kilifi, problem: 'radio' }).results[0]!;
    expect(item.feedback.sharedOn).toBe('2026-06-20');
    expect(item.reasons).toContainEqual({ code: 'shared_here', on: '2026-06-20' });
    expect(item.factor).toBeLessThan(1);
  });

  it('records adoptions by schools of the cluster and counts them', () => {
    const store = tempStore();
    const r = buildRegion(store);
    const { adoptionIds } = adopt(store, {
      clusterId: r.clusters.kilifi,
      practiceId: r.practices.radio,
      schoolIds: r.schools.kilifi.slice(0, 2),
      on: today,
    });
    expect(adoptionIds).toHaveLength(2);
    expect(clusterAdoptions(store, r.clusters.kilifi).map((a) => [a.schoolName, a.outcome])).toEqual([
      ['Kilifi Primary 1', 'pending'],
      ['Kilifi Primary 2', 'pending'],
    ]);
    const item = ask(store, { clusterId: r.clusters.kilifi, problem: 'radio' }).results[0]!;
    expect(item.reasons).toContainEqual({
      code: 'adopted_here',
      schools: 2,
      improved: 0,
      noChange: 0,
      worse: 0,
      pending: 2,
    });

    expect(item.feedback.adoptedBy.sort()).toEqual(r.schools.kilifi.slice(0, 2).sort());
    const adoptions = count(store, 'SELECT count(*) FROM adoptions');
    const again = thrown(() =>
      adopt(store, {
        clusterId: r.clusters.kilifi,
        practiceId: r.practices.radio,
        schoolIds: [r.schools.kilifi[2]!, r.schools.kilifi[0]!],
      }),
    );
    expect(again.code).toBe('conflict');
    expect(again.message).toBe(`Kilifi Primary 1 already adopted this practice on ${today}`);
    const elsewhere = thrown(() =>
      adopt(store, {
        clusterId: r.clusters.kilifi,
        practiceId: r.practices.radio,
        schoolIds: [r.schools.takaungu[0]!],
      }),
    );
    expect(elsewhere.message).toBe('Takaungu Primary 1 is not a school of this cluster');
    expect(count(store, 'SELECT count(*) FROM adoptions')).toBe(adoptions);
  });

  it('ranks a practice lower once an adoption turns out worse, and higher when it improved', () => {
    const store = tempStore();
    const r = buildRegion(store);
    const q = { clusterId: r.clusters.takaungu, problem: 'parents' };
    const scoreOf = () => ask(store, q).results.find((x) => x.practiceId === r.practices.radio)!.score;
    const { adoptionIds } = adopt(store, {
      clusterId: r.clusters.kilifi,
      practiceId: r.practices.radio,
      schoolIds: [r.schools.kilifi[0]!],
      on: today,
    });
    const pending = scoreOf();
    recordOutcome(store, {
      adoptionId: adoptionIds[0]!,
      outcome: 'worse',
      indicator: 'literacy_rate',
      note: 'fewer readers',
    });
    const worse = scoreOf();
    recordOutcome(store, { adoptionId: adoptionIds[0]!, outcome: 'improved' });
    const improved = scoreOf();
    expect(worse).toBeLessThan(pending);
    expect(improved).toBeGreaterThan(pending);
    expect(clusterAdoptions(store, r.clusters.kilifi)[0]).toMatchObject({
      outcome: 'improved',
      indicator: 'literacy_rate',
      outcomeNote: 'fewer readers',
    });
  });

  it('keeps its facts current when evidence and adoptions are removed', () => {
    const store = tempStore();
    const r = buildRegion(store);
    const q = { clusterId: r.clusters.kilifi, problem: 'caning latecomers' };
    expect(ask(store, q).excludedWorse).toBe(1);
    const harm = store.db
      .prepare(
        `SELECT 'practice_evidence' AS t, id FROM practice_evidence WHERE practice_id = ?
         UNION ALL SELECT 'adoptions', id FROM adoptions WHERE practice_id = ?`,
      )
      .all(r.practices.caning, r.practices.caning) as { t: 'adoptions' | 'practice_evidence'; id: string }[];
    expect(harm).toHaveLength(2);
    store.write((w) => harm.forEach((h) => w.remove(h.t, h.id)));
    const after = ask(store, q);
    expect(after.excludedWorse).toBe(0);
    expect(ids(after)[0]).toBe(r.practices.caning);
    expect(after.results[0]!.reasons).toContainEqual({ code: 'little_evidence', dataPoints: 0 });
  });

  it('sees changes written by another connection to the same store', () => {
    const file = join(tempDir(), 'shared.sqlite');
    const store = openStore(file);
    const r = buildRegion(store);
    const q = { clusterId: r.clusters.kilifi, problem: 'radio' };
    expect(ask(store, q).results[0]!.reasons.some((x) => x.code === 'adopted_here')).toBe(false);
    const other = openStore(file);
    adopt(other, {
      clusterId: r.clusters.kilifi,
      practiceId: r.practices.radio,
      schoolIds: [r.schools.kilifi[0]!],
    });
    other.close();
    expect(ask(store, q).results[0]!.reasons.some((x) => x.code === 'adopted_here')).toBe(true);
    store.close();
  });

  it('refuses bad input with a clear message and writes nothing', async () => {
    const store = tempStore();
    const r = buildRegion(store);
    const ctx = createContext(store, tempDir(), 'http');
    const unknown = await dispatch(handlers, ctx, 'recommend.list', { clusterId: r.practices.radio });
    expect(unknown).toEqual({
      ok: false,
      error: { code: 'not_found', message: `No cluster with id ${r.practices.radio}`, path: 'clusterId' },
    });
    const changes = count(store, 'SELECT count(*) FROM changes');
    const bad = await dispatch(handlers, ctx, 'recommend.adopt', {
      clusterId: r.clusters.kilifi,
      practiceId: r.practices.radio,
      schoolIds: [],
    });
    expect(bad).toEqual({
      ok: false,
      error: { code: 'invalid', message: 'schoolIds: choose at least one school', path: 'schoolIds' },
    });
    const outcome = await dispatch(handlers, ctx, 'recommend.recordOutcome', {
      adoptionId: r.practices.radio,
      outcome: 'improved',
    });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(count(store, 'SELECT count(*) FROM changes')).toBe(changes);
    const ok = await dispatch(handlers, ctx, 'recommend.list', {
      clusterId: r.clusters.kilifi,
      limit: 2,
      today,
    });
    expect(ok.ok && RecommendationResult.parse(ok.value).results).toHaveLength(2);
  });
});
