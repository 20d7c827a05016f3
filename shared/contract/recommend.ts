import { z } from 'zod';
import {
  AdoptionOutcome,
  CostLevel,
  IndicatorName,
  IsoDate,
  PracticeSetting,
  PriorityTag,
} from '../schema/enums.ts';
import { Id } from '../schema/tables.ts';
import { op } from './define.ts';

/** What a coach asks: a cluster, and optionally a problem in her words, priorities and filters. */
export const RecommendQuery = z.object({
  clusterId: Id,
  problem: z.string().max(500).optional(),
  tags: z.array(PriorityTag).max(8).optional(),
  limit: z.number().int().min(1).max(50).optional(),
  maxDistanceKm: z.number().positive().max(5000).optional(),
  maxCost: CostLevel.optional(),
  today: IsoDate.optional(),
  /** The coach's language: a mistyped word is matched to a library word of it first. */
  lang: z.enum(['en', 'sw']).optional(),
});
export type RecommendQuery = z.input<typeof RecommendQuery>;

/** Where something happened, seen from the cluster asking. */
const Where = z.enum(['here', 'neighbour', 'away']);
const Place = { place: z.string(), km: z.number().nullable(), where: Where };

/** One reason a practice is recommended, as codes and numbers; shared/recommend/explain.ts words it. */
export const Reason = z.discriminatedUnion('code', [
  z.object({
    code: z.literal('measured'),
    indicator: IndicatorName,
    before: z.number(),
    after: z.number(),
    schools: z.number(),
    ...Place,
  }),
  z.object({ code: z.literal('story'), ...Place }),
  z.object({ code: z.literal('worked_near'), ...Place }),
  z.object({
    code: z.literal('adoptions'),
    total: z.number(),
    improved: z.number(),
    noChange: z.number(),
    worse: z.number(),
    pending: z.number(),
    clusters: z.number(),
  }),
  z.object({
    code: z.literal('adopted_here'),
    schools: z.number(),
    improved: z.number(),
    noChange: z.number(),
    worse: z.number(),
    pending: z.number(),
  }),
  z.object({
    code: z.literal('matched_words'),
    /** Exactly the coach's words (or phrases) that the practice matched. */
    words: z.array(z.string()),
    /** Where the practice says it in other words: "wasichana" matched through "girls". */
    via: z.array(z.object({ word: z.string(), as: z.string() })).default([]),
  }),
  /** Written in a language the cluster does not use (ranked below equal ones). */
  z.object({ code: z.literal('other_language'), language: z.string() }),
  /** The same practice written up elsewhere too, shown once: where, and all their evidence. */
  z.object({
    code: z.literal('also_tried_in'),
    places: z.array(z.object({ practiceId: z.string(), place: z.string(), km: z.number().nullable() })),
    dataPoints: z.number(),
  }),
  z.object({ code: z.literal('matched_priorities'), tags: z.array(PriorityTag) }),
  z.object({ code: z.literal('weak_indicator'), indicators: z.array(IndicatorName) }),
  z.object({ code: z.literal('from_this_cluster') }),
  z.object({ code: z.literal('shared_here'), on: z.string() }),
  z.object({ code: z.literal('not_relevant_here') }),
  z.object({ code: z.literal('little_evidence'), dataPoints: z.number() }),
]);
export type Reason = z.infer<typeof Reason>;

export const ScoreParts = z.object({
  fit: z.number(),
  evidence: z.number(),
  nearness: z.number(),
  context: z.number(),
  recency: z.number(),
});
export type ScoreParts = z.infer<typeof ScoreParts>;

export const Recommendation = z.object({
  practiceId: z.string(),
  title: z.string(),
  summary: z.string(),
  tags: z.array(PriorityTag),
  cost: CostLevel,
  setting: PracticeSetting,
  originPlace: z.string(),
  fromThisCluster: z.boolean(),
  /** Weighted sum of the parts, times `factor`. */
  score: z.number(),
  parts: ScoreParts,
  /** This cluster's feedback: 1, or less when marked not relevant or already shared. */
  factor: z.number(),
  /** Shrunk evidence strength, -1..1, and the data points behind it. */
  strength: z.number(),
  dataPoints: z.number(),
  nearestKm: z.number().nullable(),
  /** The language it is written in. */
  language: z.string(),
  /** Other write-ups of the same practice (shared/practices/samePractice.ts), each openable. */
  alsoTriedIn: z.array(
    z.object({
      practiceId: z.string(),
      title: z.string(),
      place: z.string(),
      km: z.number().nullable(),
      dataPoints: z.number(),
    }),
  ),
  reasons: z.array(Reason),
  feedback: z.object({
    sharedOn: z.string().nullable(),
    notRelevant: z.boolean(),
    /** The feedback row to undo "not relevant" with. */
    notRelevantId: z.string().nullable(),
    /** Schools of this cluster that already adopted it. */
    adoptedBy: z.array(z.string()),
  }),
});
export type Recommendation = z.infer<typeof Recommendation>;

/** The question actually asked: typed, or built from the cluster's priorities and weakest indicators. */
export const Question = z.object({
  problem: z.string(),
  words: z.array(z.string()),
  tags: z.array(PriorityTag),
  /** Chosen as a filter, named by the typed problem's words, the cluster's priorities, or none. */
  tagsFrom: z.enum(['query', 'problem', 'priorities', 'none']),
  /** Typed words no practice holds and no library word is near. */
  unknownWords: z.array(z.string()),
  /** Typed words taken as the nearest library word ("showing results for …"). */
  corrected: z.array(z.object({ from: z.string(), to: z.string() })),
  weakIndicators: z.array(
    z.object({
      indicator: IndicatorName,
      own: z.number(),
      neighbours: z.number(),
      term: z.string(),
      gap: z.number(),
    }),
  ),
});
export type Question = z.infer<typeof Question>;

export const RecommendationResult = z.object({
  cluster: z.object({ id: z.string(), name: z.string() }),
  question: Question,
  /** Practices that fit the question and pass the filters. */
  considered: z.number(),
  /** Practices that fit but are left out because their evidence says they made things worse. */
  excludedWorse: z.number(),
  /** Practices that fit but that every school of the cluster already runs. */
  excludedEverywhere: z.number(),
  results: z.array(Recommendation),
  /** Practices this cluster marked not relevant (demoted, perhaps out of the list), to undo. */
  markedNotRelevant: z.array(
    z.object({ practiceId: z.string(), title: z.string(), feedbackId: z.string(), on: z.string() }),
  ),
});
export type RecommendationResult = z.infer<typeof RecommendationResult>;

export const FeedbackKind = z.enum(['shared', 'not_relevant']);
export type FeedbackKind = z.infer<typeof FeedbackKind>;

export const WhyNot = z.object({
  practiceId: z.string(),
  reason: z.enum(['net_worse', 'not_relevant_here', 'used_in_all_schools']),
  worse: z.number(),
  better: z.number(),
  example: z
    .object({ indicator: IndicatorName, before: z.number(), after: z.number(), schools: z.number() })
    .nullable(),
});
export type WhyNot = z.infer<typeof WhyNot>;

export const ClusterAdoption = z.object({
  id: z.string(),
  practiceId: z.string(),
  practiceTitle: z.string(),
  schoolId: z.string().nullable(),
  schoolName: z.string().nullable(),
  adoptedOn: z.string(),
  outcome: AdoptionOutcome,
  indicator: IndicatorName.nullable(),
  outcomeNote: z.string(),
});
export type ClusterAdoption = z.infer<typeof ClusterAdoption>;

export const recommendOps = {
  'recommend.list': op(RecommendQuery, RecommendationResult),
  /** "Shared at session" or "not relevant" for this cluster, from a recommendation. */
  'recommend.feedback': op(
    z.object({
      clusterId: Id,
      practiceId: Id,
      kind: FeedbackKind,
      sessionId: Id.optional(),
      note: z.string().max(2000).optional(),
      on: IsoDate.optional(),
    }),
    z.object({ id: z.string() }),
  ),
  /** Takes back a "shared" or "not relevant" mark. */
  'recommend.undoFeedback': op(
    z.object({ id: Id, on: IsoDate.optional() }),
    z.object({ ok: z.literal(true) }),
  ),
  /** Schools of the cluster adopt the practice: one adoption each, outcome pending. */
  'recommend.adopt': op(
    z.object({
      clusterId: Id,
      practiceId: Id,
      schoolIds: z.array(Id).min(1, 'choose at least one school').max(50),
      on: IsoDate.optional(),
    }),
    z.object({ adoptionIds: z.array(z.string()) }),
  ),
  /** The cluster's adoptions, newest first, for recording outcomes. */
  'recommend.adoptions': op(z.object({ clusterId: Id }), z.array(ClusterAdoption)),
  /** What came of an adoption (with the indicator it was judged on, if any). */
  'recommend.recordOutcome': op(
    z.object({
      adoptionId: Id,
      outcome: AdoptionOutcome,
      indicator: IndicatorName.nullable().optional(),
      note: z.string().max(2000).optional(),
    }),
    z.object({ ok: z.literal(true) }),
  ),
  /** For practices a search found: which are not recommended (to this cluster) and why. */
  'recommend.whyNot': op(
    z.object({ practiceIds: z.array(Id).max(200), clusterId: Id.optional() }),
    z.array(WhyNot),
  ),
};
