import { describe, expect, it } from 'vitest';
import {
  measuredEffect,
  notRecommendedReason,
  summariseEvidence,
  type AdoptionFact,
  type EvidenceFact,
} from '../../shared/recommend/evidence.ts';
import { placesFrom, type ClusterPlace } from '../../shared/recommend/places.ts';
import {
  rank,
  scorePractice,
  type PracticeFacts,
  type RankContext,
  type Scored,
} from '../../shared/recommend/rank.ts';
import { reasonsFor } from '../../shared/recommend/reasons.ts';
import { contextPart } from '../../shared/recommend/parts.ts';
import {
  costLevels,
  practiceSettings,
  schoolSizes,
  type AdoptionOutcome,
} from '../../shared/schema/enums.ts';

/*
 * Small constructed regions where the right order is known. Clusters lie on the equator
 * (0.1° of longitude ≈ 11 km), so distances are easy to read.
 */
const at = (km: number, name: string): ClusterPlace => ({ name, lat: 0, lon: km / 111.19 });
const clusters = new Map<string, ClusterPlace>([
  ['home', at(0, 'Home CoP')],
  ['near', at(10, 'Near CoP')],
  ['mid', at(40, 'Mid CoP')],
  ['far', at(150, 'Far CoP')],
]);

function context(over: Partial<RankContext> & { neighbours?: string[] } = {}): RankContext {
  const { neighbours = [], ...rest } = over;
  return {
    ...placesFrom('home', clusters, new Set(neighbours)),
    question: {
      hasText: true,
      requireText: true,
      tags: ['girls_transition'],
      requireTags: false,
      weakIndicators: [],
      weakIndicatorTags: [],
    },
    settingShare: { rural: 1, peri_urban: 0, urban: 0 },
    sizeShare: { small: 0, medium: 1, large: 0 },
    filters: {},
    feedback: new Map(),
    today: '2026-07-01',
    ...rest,
  };
}

const measured = (clusterId: string | null, before = 8.4, after = 3.0, schools = 3): EvidenceFact => ({
  kind: 'indicator',
  indicator: 'dropout_rate',
  before,
  after,
  schools,
  clusterId,
  recordedOn: '2025-06-01',
});
const story = (clusterId: string | null): EvidenceFact => ({
  kind: 'story',
  indicator: null,
  before: null,
  after: null,
  schools: 0,
  clusterId,
  recordedOn: '2025-06-01',
});
const adoption = (clusterId: string, outcome: AdoptionOutcome): AdoptionFact => ({
  clusterId,
  schoolId: null,
  outcome,
  indicator: 'dropout_rate',
  adoptedOn: '2025-03-01',
});

function practice(id: string, over: Partial<PracticeFacts> = {}): PracticeFacts {
  return {
    id,
    tags: ['girls_transition'],
    cost: 'low',
    setting: 'rural',
    schoolSize: 'any',
    startedOn: '2025-01-10',
    originClusterId: 'mid',
    originPlace: 'Mid',
    originLat: null,
    originLon: null,
    evidence: [],
    adoptions: [],
    ...over,
  };
}

const scored = (p: PracticeFacts, text: number, ctx: RankContext): Scored => {
  const s = scorePractice(p, text, ctx);
  if (typeof s === 'string') throw new Error(`${p.id} is ${s}`);
  return s;
};
const order = (practices: PracticeFacts[], ctx: RankContext, text: (p: PracticeFacts) => number = () => 1) =>
  rank(practices, text, ctx, 10).top.map((s) => s.practice.id);

describe('ranking', () => {
  it('gives every practice the context part of its own setting, size and cost', () => {
    const mix = {
      settingShare: { rural: 0.5, peri_urban: 0.3, urban: 0.2 },
      sizeShare: { small: 0.2, medium: 0.7, large: 0.1 },
    };
    const ctx = context(mix);
    const all = practiceSettings.flatMap((setting) =>
      schoolSizes.flatMap((schoolSize) =>
        costLevels.map((cost) => practice(`${setting}-${schoolSize}-${cost}`, { setting, schoolSize, cost })),
      ),
    );
    const top = rank(all, () => 1, ctx, all.length).top;
    expect(top).toHaveLength(64);
    for (const s of top) expect(s.parts.context).toBe(contextPart(s.practice, mix));
    expect(new Set(top.map((s) => s.parts.context)).size).toBeGreaterThan(10);
  });

  it('puts a near practice with solid evidence above a far one with the same evidence', () => {
    const near = practice('near-one', { originClusterId: 'near', evidence: [measured('near')] });
    const far = practice('far-one', { originClusterId: 'far', evidence: [measured('far')] });
    const ctx = context();
    expect(order([far, near], ctx)).toEqual(['near-one', 'far-one']);
    const [a, b] = [scored(near, 1, ctx), scored(far, 1, ctx)];
    expect(a.parts.evidence).toBe(b.parts.evidence);
    expect(a.parts.nearness).toBeGreaterThan(b.parts.nearness);
    expect(a.nearest).toMatchObject({ place: 'Near CoP', where: 'away' });
    expect(a.nearest!.km).toBeCloseTo(10, 0);
  });

  it('puts evidence before nearness: proven in many schools beats a single story from next door', () => {
    // Measured in 15 schools over three terms, 40 km away; one story from a declared neighbour
    // (counted as 10 km) and one from a cluster 10 km off, both closer by tens of km.
    const proven = practice('proven', {
      originClusterId: 'mid',
      evidence: [measured('mid', 8.4, 3.0, 5), measured('mid', 7.9, 4.1, 5), measured('far', 9.0, 5.2, 5)],
      adoptions: [adoption('mid', 'improved'), adoption('far', 'improved')],
    });
    const nextDoor = practice('next-door', { originClusterId: 'near', evidence: [story('near')] });
    const neighbourStory = practice('neighbour-story', { originClusterId: 'mid', evidence: [story('mid')] });
    const ctx = context({ neighbours: ['near'] });
    expect(order([nextDoor, proven], ctx)).toEqual(['proven', 'next-door']);
    const [p, n] = [scored(proven, 1, ctx), scored(nextDoor, 1, ctx)];
    expect(n.parts.nearness).toBeGreaterThan(p.parts.nearness);
    expect(p.parts.evidence).toBeGreaterThan(n.parts.evidence);
    // Still so when the story's fit is as good and the proven one answers a little less well.
    expect(order([nextDoor, proven], ctx, (x) => (x.id === 'proven' ? 0.9 : 1))).toEqual([
      'proven',
      'next-door',
    ]);
    // Between practices of similar evidence nearness decides: two stories, the nearer first.
    expect(order([neighbourStory, nextDoor], ctx)).toEqual(['next-door', 'neighbour-story']);
  });

  it('leaves out a practice whose adoptions made things worse, however near, and counts it', () => {
    const worsened = practice('worsened', {
      originClusterId: 'near',
      evidence: [story('near')],
      adoptions: [adoption('near', 'worse'), adoption('home', 'worse'), adoption('mid', 'improved')],
    });
    const farther = practice('farther', { originClusterId: 'far', evidence: [story('far')] });
    const r = rank([worsened, farther], () => 1, context({ neighbours: ['near'] }), 10);
    expect(r.top.map((s) => s.practice.id)).toEqual(['farther']);
    expect(r.excludedWorse).toBe(1);
    expect(scorePractice(worsened, 1, context())).toBe('worse');
    expect(notRecommendedReason(worsened.evidence, worsened.adoptions)).toMatchObject({
      code: 'net_worse',
      worse: 2,
      better: 1,
      example: null,
    });
  });

  it('takes one adoption gone worse as an outcome that lowers a practice, not yet a verdict', () => {
    const once = practice('once', { adoptions: [adoption('near', 'worse')] });
    const twice = practice('twice', { adoptions: [adoption('near', 'worse'), adoption('mid', 'worse')] });
    const measuredFall = practice('fall', { evidence: [measured('mid', 3.0, 6.5, 1)] });
    const helped = practice('helped', { adoptions: [adoption('near', 'improved')] });
    const ctx = context();
    const r = rank([once, twice, measuredFall, helped], () => 1, ctx, 10);
    expect(r.top.map((s) => s.practice.id)).toEqual(['helped', 'once']);
    expect(r.excludedWorse).toBe(2);
    expect(scored(once, 1, ctx).parts.evidence).toBe(0);
    expect(scored(once, 1, ctx).derived.summary.strength).toBeLessThan(0);
    expect(notRecommendedReason(once.evidence, once.adoptions)).toBeNull();
    expect(notRecommendedReason(twice.evidence, twice.adoptions)).toMatchObject({ worse: 2, better: 0 });
  });

  it('puts ten good adoptions above one glowing story', () => {
    const glowing = practice('glowing', {
      originClusterId: 'far',
      evidence: [measured('far', 12, 0.5, 1), story('far')],
    });
    const solid = practice('solid', {
      originClusterId: 'far',
      adoptions: Array.from({ length: 10 }, () => adoption('far', 'improved')),
    });
    const ctx = context();
    expect(order([glowing, solid], ctx)).toEqual(['solid', 'glowing']);
    expect(scored(solid, 1, ctx).parts.evidence).toBeGreaterThan(scored(glowing, 1, ctx).parts.evidence);
    // Shrinkage: the single result is strong on its own but counts little.
    const one = summariseEvidence([measured('far', 12, 0.5, 1)], []);
    expect(measuredEffect('dropout_rate', 12, 0.5)).toBeGreaterThan(0.9);
    expect(one.strength).toBeLessThan(0.25);
  });

  it('leaves out a practice that does not match the problem, whatever its evidence', () => {
    const relevant = practice('relevant', { evidence: [measured('mid')] });
    const irrelevant = practice('irrelevant', {
      originClusterId: 'home',
      adoptions: Array.from({ length: 10 }, () => adoption('home', 'improved')),
    });
    const text = (p: PracticeFacts) => (p.id === 'relevant' ? 1 : 0);
    const r = rank([relevant, irrelevant], text, context(), 10);
    expect(r.top.map((s) => s.practice.id)).toEqual(['relevant']);
    expect(r.considered).toBe(1);
  });

  it('excludes a practice whose evidence says it made things worse, and says why', () => {
    const harmful = practice('harmful', {
      originClusterId: 'home',
      evidence: [measured('home', 3.0, 6.5, 2), story('home')],
      adoptions: [adoption('near', 'worse'), adoption('mid', 'improved')],
    });
    const fine = practice('fine', { evidence: [measured('far')] });
    const r = rank([harmful, fine], () => 1, context(), 10);
    expect(r.top.map((s) => s.practice.id)).toEqual(['fine']);
    expect(r.excludedWorse).toBe(1);
    expect(notRecommendedReason(harmful.evidence, harmful.adoptions)).toEqual({
      code: 'net_worse',
      worse: 2,
      better: 1,
      example: { indicator: 'dropout_rate', before: 3.0, after: 6.5, schools: 2 },
    });
    expect(notRecommendedReason(fine.evidence, fine.adoptions)).toBeNull();
  });

  it('reads improvement in the direction each indicator is better', () => {
    expect(measuredEffect('dropout_rate', 8.4, 3.0)).toBeCloseTo(0.643, 3);
    expect(measuredEffect('attendance_rate', 70, 84)).toBeCloseTo(0.2, 3);
    expect(measuredEffect('attendance_rate', 84, 70)).toBeLessThan(0);
    expect(measuredEffect('repetition_rate', 5, 9)).toBeLessThan(0);
    const attendanceDown = { ...measured('mid', 84, 70), indicator: 'attendance_rate' as const };
    expect(summariseEvidence([attendanceDown], []).netWorse).toBe(true);
  });

  it('demotes a practice the cluster marked not relevant', () => {
    const a = practice('a', { evidence: [measured('mid')] });
    const b = practice('b', { evidence: [measured('mid')] });
    expect(order([a, b], context())).toEqual(['a', 'b']);
    const feedback = new Map([
      ['a', { sharedOn: null, notRelevant: true, notRelevantId: 'f1', notRelevantOn: '2026-06-01' }],
    ]);
    const ctx = context({ feedback });
    expect(order([a, b], ctx)).toEqual(['b', 'a']);
    expect(scored(a, 1, ctx).factor).toBeLessThan(1);
    expect(reasonsFor(scored(a, 1, ctx), ctx, [])).toContainEqual({ code: 'not_relevant_here' });
  });

  it('lowers a practice when an adoption turns out worse', () => {
    const adoptions = [adoption('near', 'improved'), adoption('mid', 'improved'), adoption('far', 'pending')];
    const before = practice('p', { evidence: [measured('mid')], adoptions });
    const after = practice('p', {
      evidence: [measured('mid')],
      adoptions: [...adoptions.slice(0, 2), { ...adoptions[2]!, outcome: 'worse' }],
    });
    const ctx = context();
    expect(scored(after, 1, ctx).score).toBeLessThan(scored(before, 1, ctx).score);
    expect(scored(after, 1, ctx).parts.evidence).toBeLessThan(scored(before, 1, ctx).parts.evidence);
  });

  it('counts a declared neighbour as near and marks practices from the cluster itself', () => {
    const fromMid = practice('mid-one', { evidence: [measured('mid')] });
    const plain = scored(fromMid, 1, context());
    const neighbour = scored(fromMid, 1, context({ neighbours: ['mid'] }));
    expect(neighbour.nearest).toMatchObject({ where: 'neighbour', effectiveKm: 10 });
    expect(neighbour.parts.nearness).toBeGreaterThan(plain.parts.nearness);

    const own = practice('own', { originClusterId: 'home' });
    const ctx = context();
    const s = scored(own, 1, ctx);
    expect(s.parts.nearness).toBe(1);
    expect(reasonsFor(s, ctx, ['radio'])).toEqual([
      { code: 'from_this_cluster' },
      { code: 'worked_near', place: 'Home CoP', km: 0, where: 'here' },
      { code: 'little_evidence', dataPoints: 0 },
      { code: 'matched_words', words: ['radio'], via: [] },
      { code: 'matched_priorities', tags: ['girls_transition'] },
    ]);
  });

  it('does not let evidence lift a practice that hardly answers the question', () => {
    const answers = practice('answers', { originClusterId: 'far' });
    const proven = practice('proven', {
      originClusterId: 'home',
      evidence: [measured('home', 9, 2, 5)],
      adoptions: Array.from({ length: 8 }, () => adoption('near', 'improved')),
    });
    const text = (p: PracticeFacts) => (p.id === 'answers' ? 1 : 0.05);
    const ctx = context({ question: { ...context().question, tags: [] } });
    expect(order([proven, answers], ctx, text)).toEqual(['answers', 'proven']);
  });

  it('applies the distance and cost filters', () => {
    const near = practice('near-cheap', { originClusterId: 'near', cost: 'none' });
    const far = practice('far-cheap', { originClusterId: 'far', cost: 'none' });
    const dear = practice('near-dear', { originClusterId: 'near', cost: 'high' });
    expect(order([near, far, dear], context({ filters: { maxDistanceKm: 50 } })).sort()).toEqual([
      'near-cheap',
      'near-dear',
    ]);
    expect(order([near, far, dear], context({ filters: { maxCost: 'low' } })).sort()).toEqual([
      'far-cheap',
      'near-cheap',
    ]);
  });

  it('answers the default question from priorities and the weak indicator', () => {
    const ctx = context({
      question: {
        hasText: false,
        requireText: false,
        tags: ['attendance'],
        requireTags: false,
        weakIndicators: ['dropout_rate'],
        weakIndicatorTags: ['vulnerable_learners'],
      },
    });
    const movesDropout = practice('moves-dropout', { tags: ['numeracy'], evidence: [measured('mid')] });
    const onPriority = practice('on-priority', { tags: ['attendance'] });
    const unrelated = practice('unrelated', { tags: ['numeracy'] });
    expect(order([unrelated, onPriority, movesDropout], ctx, () => 0)).toEqual([
      'on-priority',
      'moves-dropout',
    ]);
    expect(scored(movesDropout, 0, ctx).matchedIndicators).toEqual(['dropout_rate']);
  });
});
