import type { ScoreParts } from '../contract/recommend.ts';
import { costLevels, type CostLevel, type IndicatorName, type PriorityTag } from '../schema/enums.ts';
import {
  bitCount,
  dayOf,
  derive,
  indicatorsMask,
  indicatorsOf,
  tagsMask,
  type PracticeDerived,
  type PracticeFacts,
} from './derive.ts';
import { contextPart, evidencePart, nearnessPart, recencyPart, type ClusterMix } from './parts.ts';
import { nearestWorked, type Nearest, type RankPlaces } from './places.ts';
import { rankWeights } from './weights.ts';

/**
 * The ranking, as pure functions of plain data: no database. The service gathers the
 * facts (full-text relevance, evidence, adoptions, places, feedback) and calls `rank`.
 * Every weight lives in ./weights.ts. The loop runs over tens of thousands of practices
 * per question, so the per-practice work is bit masks and numbers.
 */
export type { PracticeDerived, PracticeFacts } from './derive.ts';

/** The question as the ranking needs it. */
export interface RankQuestion {
  /** The question has words (typed, or the weak indicators' words). */
  hasText: boolean;
  /** A problem was typed: only practices whose text matches it are candidates. */
  requireText: boolean;
  /**
   * A narrow typed problem (few practices hold its words): a practice carrying one of the
   * priorities its words name is a candidate too, its text counting as no match.
   */
  tagsStandIn?: boolean;
  tags: readonly PriorityTag[];
  /** Tags were chosen as a filter: a practice must carry one of them. */
  requireTags: boolean;
  weakIndicators: readonly IndicatorName[];
  /** Priorities that usually move the weak indicators. */
  weakIndicatorTags: readonly PriorityTag[];
}

export interface ClusterFeedback {
  sharedOn: string | null;
  notRelevant: boolean;
  notRelevantId: string | null;
  notRelevantOn: string | null;
}

export interface RankContext extends RankPlaces, ClusterMix {
  question: RankQuestion;
  /** Languages the cluster uses: a practice written in another ranks below equal ones. Empty: any. */
  languages?: ReadonlySet<string>;
  /** How many schools the cluster has: a practice every one of them has adopted is not recommended. */
  clusterSchools?: number;
  filters: { maxDistanceKm?: number | undefined; maxCost?: CostLevel | undefined };
  feedback: ReadonlyMap<string, ClusterFeedback>;
  today: string;
}

export interface Scored {
  practice: PracticeFacts;
  derived: PracticeDerived;
  text: number;
  parts: ScoreParts;
  factor: number;
  score: number;
  nearest: Nearest | null;
  matchedTags: PriorityTag[];
  matchedIndicators: IndicatorName[];
}

/** The question turned into masks and numbers once, before the loop. */
interface Plan {
  ctx: RankContext;
  tagMask: number;
  weakMask: number;
  weakTagMask: number;
  tagsForFull: number;
  maxCostRank: number;
  today: number;
  /** Context part by `contextKey`, worked out on first need (NaN until then). */
  context: Float64Array;
}

function plan(ctx: RankContext): Plan {
  const q = ctx.question;
  return {
    ctx,
    tagMask: tagsMask(q.tags),
    weakMask: indicatorsMask(q.weakIndicators),
    weakTagMask: tagsMask(q.weakIndicatorTags),
    tagsForFull: Math.min(rankWeights.tagsForFullOverlap, q.tags.length),
    maxCostRank: ctx.filters.maxCost ? costLevels.indexOf(ctx.filters.maxCost) : Infinity,
    today: dayOf(ctx.today),
    context: new Float64Array(64).fill(NaN),
  };
}

/** The context part, the same for every practice of one setting, size and cost. */
function contextOf(p: PracticeFacts, d: PracticeDerived, pl: Plan): number {
  let v = pl.context[d.contextKey]!;
  if (Number.isNaN(v)) v = pl.context[d.contextKey] = contextPart(p, pl.ctx);
  return v;
}

const UNFIT = -1;
const WORSE = -2;
const EVERYWHERE = -3;

/** Every school of the asking cluster has adopted it already. */
export function usedEverywhere(
  p: PracticeFacts,
  ctx: Pick<RankContext, 'clusterId' | 'clusterSchools'>,
): boolean {
  const n = ctx.clusterSchools ?? 0;
  if (n === 0 || p.adoptions.length < n) return false;
  const schools = new Set<string>();
  for (const a of p.adoptions) if (a.clusterId === ctx.clusterId && a.schoolId) schools.add(a.schoolId);
  return schools.size >= n;
}

/** Written in a language the cluster does not use. */
export function otherLanguage(p: PracticeFacts, ctx: RankContext): boolean {
  return !!p.language && !!ctx.languages && ctx.languages.size > 0 && !ctx.languages.has(p.language);
}

/**
 * The cheap first look at a practice: its fit (0..1], or UNFIT (does not answer the
 * question or fails a filter other than distance), or WORSE (evidence of harm). Returns
 * a number so that the loop over every practice allocates nothing.
 */
function admit(p: PracticeFacts, d: PracticeDerived, text: number, pl: Plan): number {
  const q = pl.ctx.question;
  const shared = pl.tagMask & d.tagMask;
  if (q.requireText && text <= 0 && !(q.tagsStandIn && shared)) return UNFIT;
  if (q.requireTags && shared === 0) return UNFIT;
  if (d.costRank > pl.maxCostRank) return UNFIT;

  const fw = rankWeights.fit;
  let fit = 0;
  let fitWeight = 0;
  if (q.hasText) {
    fit += fw.text * text;
    fitWeight += fw.text;
  }
  if (pl.tagMask) {
    fit += fw.tags * Math.min(1, bitCount(shared) / pl.tagsForFull);
    fitWeight += fw.tags;
  }
  if (pl.weakMask) {
    const related = pl.weakMask & d.improvesMask ? 1 : pl.weakTagMask & d.tagMask ? 0.5 : 0;
    fit += fw.indicator * related;
    fitWeight += fw.indicator;
  }
  if (fit <= 0) return UNFIT;
  if (d.summary.netWorse) return WORSE;
  if (usedEverywhere(p, pl.ctx)) return EVERYWHERE;
  return fit / fitWeight;
}

/**
 * This cluster's own view as a multiplier: "not relevant" and "already shared" push a
 * practice down, and so does a language the cluster does not use.
 */
function feedbackFactor(p: PracticeFacts, ctx: RankContext): number {
  const language = otherLanguage(p, ctx) ? rankWeights.otherLanguage : 1;
  if (ctx.feedback.size === 0) return language;
  const fb = ctx.feedback.get(p.id);
  if (!fb) return language;
  return (
    language *
    (fb.notRelevant ? rankWeights.feedback.notRelevant : 1) *
    (fb.sharedOn ? rankWeights.feedback.sharedHere : 1)
  );
}

/** How fit scales the score: a power above 1 lets the better answer lead among well-proven practices. */
const fitScale = (fit: number) => fit ** rankWeights.fitPower;

/**
 * Nearness counts by how much evidence stands behind it: a practice proven in many
 * schools does not lose to a single story from next door for being a few km farther;
 * between practices of similar evidence, the nearer wins.
 */
const nearnessWeight = (evidence: number) =>
  rankWeights.parts.nearness * (1 - rankWeights.nearnessNeedsEvidence * (1 - evidence));

/** The distance filter, which needs the nearest place where the practice worked. */
function withinReach(
  p: PracticeFacts,
  d: PracticeDerived,
  ctx: RankContext,
): Nearest | null | undefined | false {
  if (ctx.filters.maxDistanceKm === undefined) return undefined;
  const nearest = nearestWorked(p, d.worked, ctx);
  return nearest && nearest.km <= ctx.filters.maxDistanceKm ? nearest : false;
}

interface Admitted {
  fit: number;
  derived: PracticeDerived;
  factor: number;
  /** Already worked out when a distance filter needed it. */
  nearest: Nearest | null | undefined;
}

function complete(p: PracticeFacts, text: number, a: Admitted, pl: Plan): Scored {
  const { ctx } = pl;
  const d = a.derived;
  const nearest = a.nearest === undefined ? nearestWorked(p, d.worked, ctx) : a.nearest;
  const parts: ScoreParts = {
    fit: a.fit,
    evidence: evidencePart(d.summary),
    nearness: nearnessPart(nearest),
    context: contextOf(p, d, pl),
    recency: recencyPart(d, pl.today),
  };
  const w = rankWeights.parts;
  // Fit scales the whole: a practice that hardly answers the question cannot climb on
  // evidence and nearness alone (see weights.ts).
  const score =
    a.factor *
    fitScale(parts.fit) *
    (w.fit +
      w.evidence * parts.evidence +
      nearnessWeight(parts.evidence) * parts.nearness +
      w.context * parts.context +
      w.recency * parts.recency);
  return {
    practice: p,
    derived: d,
    text,
    parts,
    factor: a.factor,
    score,
    nearest,
    matchedTags: [],
    matchedIndicators: [],
  };
}

/** What of the question a shown practice matched (worked out only for those shown). */
function withMatches(s: Scored, pl: Plan): Scored {
  s.matchedTags = s.practice.tags.filter((t) => pl.ctx.question.tags.includes(t));
  s.matchedIndicators = indicatorsOf(pl.weakMask & s.derived.improvesMask);
  return s;
}

/**
 * Scores one practice for the question, or says why it is out: 'unfit' (does not answer
 * the question or fails a filter) or 'worse' (evidence says it made things worse).
 * `text` is its full-text relevance relative to the best match (0..1).
 */
export function scorePractice(
  p: PracticeFacts,
  text: number,
  ctx: RankContext,
): Scored | 'unfit' | 'worse' | 'everywhere' {
  const pl = plan(ctx);
  const d = p.derived ?? derive(p);
  const fit = admit(p, d, text, pl);
  if (fit === UNFIT) return 'unfit';
  if (fit === WORSE) return 'worse';
  if (fit === EVERYWHERE) return 'everywhere';
  const nearest = withinReach(p, d, ctx);
  if (nearest === false) return 'unfit';
  return withMatches(complete(p, text, { fit, derived: d, factor: feedbackFactor(p, ctx), nearest }, pl), pl);
}

const better = (a: Scored, b: Scored): boolean =>
  a.score > b.score || (a.score === b.score && a.practice.id < b.practice.id);

export interface Ranking {
  top: Scored[];
  /** Practices that fit the question and pass the filters. */
  considered: number;
  /** Of those that fit, how many were left out for evidence of harm. */
  excludedWorse: number;
  /** Of those that fit, how many every school of the cluster already runs. */
  excludedEverywhere: number;
}

/**
 * The best `limit` practices, best first. `textOf` gives a practice's full-text
 * relevance (0 when it did not match the words).
 */
export function rank(
  practices: Iterable<PracticeFacts>,
  textOf: (p: PracticeFacts) => number,
  ctx: RankContext,
  limit: number,
): Ranking {
  const pl = plan(ctx);
  const top: Scored[] = [];
  let considered = 0;
  let excludedWorse = 0;
  let excludedEverywhere = 0;
  for (const p of practices) {
    const text = textOf(p);
    const d = p.derived ?? derive(p);
    const fit = admit(p, d, text, pl);
    if (fit === UNFIT) continue;
    if (fit === WORSE) {
      excludedWorse++;
      continue;
    }
    if (fit === EVERYWHERE) {
      excludedEverywhere++;
      continue;
    }
    const nearest = withinReach(p, d, ctx);
    if (nearest === false) continue;
    considered++;
    const factor = feedbackFactor(p, ctx);
    // Evidence, recency and context are quick to work out; nearness is at most 1. That bounds
    // the score: skip the rest when even the bound cannot enter the list.
    if (top.length === limit) {
      const w = rankWeights.parts;
      const bound =
        factor *
        fitScale(fit) *
        (w.fit +
          nearnessWeight(evidencePart(d.summary)) +
          w.context * contextOf(p, d, pl) +
          w.evidence * evidencePart(d.summary) +
          w.recency * recencyPart(d, pl.today));
      if (bound < top[limit - 1]!.score) continue;
    }
    const s = complete(p, text, { fit, derived: d, factor, nearest }, pl);
    if (top.length === limit && !better(s, top[limit - 1]!)) continue;
    // Insertion into a short sorted list: limit is small, candidates are many.
    if (top.length < limit) top.push(s);
    else top[limit - 1] = s;
    let i = top.length - 1;
    while (i > 0 && better(s, top[i - 1]!)) {
      top[i] = top[i - 1]!;
      i--;
    }
    top[i] = s;
  }
  return { top: top.map((s) => withMatches(s, pl)), considered, excludedWorse, excludedEverywhere };
}
