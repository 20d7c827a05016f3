import { indicatorDefs, type AdoptionOutcome, type IndicatorName } from '../schema/enums.ts';
import { rankWeights } from './weights.ts';

/** One piece of a practice's evidence, as the ranking sees it. */
export interface EvidenceFact {
  kind: 'indicator' | 'story';
  indicator: IndicatorName | null;
  before: number | null;
  after: number | null;
  schools: number;
  clusterId: string | null;
  recordedOn: string;
}

/** One adoption of a practice by a school or cluster. */
export interface AdoptionFact {
  clusterId: string | null;
  schoolId: string | null;
  outcome: AdoptionOutcome;
  indicator: IndicatorName | null;
  adoptedOn: string;
}

/**
 * How much an indicator moved toward better, as a share of where it started, from -1
 * (as bad again, or worse) to 1: dropout 8.4% → 3.0% is 0.64; attendance 70% → 84% is
 * 0.2. Which way is better comes from `indicatorDefs`.
 */
export function measuredEffect(indicator: IndicatorName, before: number, after: number): number {
  const change = indicatorDefs[indicator].better === 'up' ? after - before : before - after;
  const effect = change / Math.max(Math.abs(before), 0.5);
  return Math.max(-1, Math.min(1, effect));
}

/** The effect of one evidence row, or null when it is not a usable measurement. */
export function evidenceEffect(e: EvidenceFact): number | null {
  if (e.kind !== 'indicator' || e.indicator === null || e.before === null || e.after === null) return null;
  return measuredEffect(e.indicator, e.before, e.after);
}

export interface EvidenceSummary {
  /** Shrunk mean effect of all data points, -1..1 (0: neutral or no data). */
  strength: number;
  /** Data points behind it (schools measured, stories at half, adoptions with an outcome). */
  dataPoints: number;
  /** Measured indicator changes that went the right way, and the wrong way. */
  measuredBetter: number;
  measuredWorse: number;
  stories: number;
  adoptions: { total: number; improved: number; noChange: number; worse: number; pending: number };
  /** Measurements and adoption outcomes add up to harm: the practice is not recommended. */
  netWorse: boolean;
}

/**
 * Strength of evidence: every measured change (one data point per school, capped),
 * every story (half a point) and every adoption outcome, averaged together with
 * `priorWeight` imaginary neutral points, so a practice needs several good results
 * before it counts as proven.
 */
export function summariseEvidence(
  evidence: readonly EvidenceFact[],
  adoptions: readonly AdoptionFact[],
): EvidenceSummary {
  const w = rankWeights.evidence;
  let sum = 0;
  let weight = 0;
  let measuredSum = 0;
  let negatives = 0;
  let measuredBetter = 0;
  let measuredWorse = 0;
  let stories = 0;
  for (const e of evidence) {
    const effect = evidenceEffect(e);
    if (effect !== null) {
      const points = Math.min(Math.max(e.schools, 1), w.maxSchoolsPerMeasure);
      sum += points * effect;
      weight += points;
      measuredSum += points * effect;
      if (effect < 0) {
        negatives++;
        measuredWorse++;
      } else if (effect > 0) measuredBetter++;
    } else if (e.kind === 'story') {
      stories++;
      sum += w.storyWeight * w.storyEffect;
      weight += w.storyWeight;
    }
  }
  const counts = { total: adoptions.length, improved: 0, noChange: 0, worse: 0, pending: 0 };
  for (const a of adoptions) {
    if (a.outcome === 'pending') {
      counts.pending++;
      continue;
    }
    if (a.outcome === 'improved') counts.improved++;
    else if (a.outcome === 'no_change') counts.noChange++;
    else {
      counts.worse++;
      negatives++;
    }
    const effect = w.adoptionEffect[a.outcome];
    sum += effect;
    weight += 1;
    measuredSum += effect;
  }
  return {
    strength: sum / (weight + w.priorWeight),
    dataPoints: weight,
    measuredBetter,
    measuredWorse,
    stories,
    adoptions: counts,
    // Harm is judged as help is: one school's term that went worse, with nothing measured
    // against it, lowers the evidence but is not yet a verdict (outcomes are noisy); a
    // measured fall, or several adoptions gone worse, is.
    netWorse:
      negatives > 0 && measuredSum < 0 && (measuredWorse > 0 || counts.worse >= w.worseAdoptionsForVerdict),
  };
}

/** Why a practice is left out of recommendations, for a search result that matched it. */
export interface NotRecommended {
  code: 'net_worse';
  /** Measured changes and adoption outcomes that went the wrong way, and the right way. */
  worse: number;
  better: number;
  /** The clearest measured harm, if any. */
  example: { indicator: IndicatorName; before: number; after: number; schools: number } | null;
}

/**
 * Null when the practice may be recommended; otherwise the reason it is not (evidence
 * that it made things worse outweighs evidence that it helped). The practice library's
 * search calls this to say why a match carries a warning.
 */
export function notRecommendedReason(
  evidence: readonly EvidenceFact[],
  adoptions: readonly AdoptionFact[],
): NotRecommended | null {
  const s = summariseEvidence(evidence, adoptions);
  if (!s.netWorse) return null;
  let example: NotRecommended['example'] = null;
  let worst = 0;
  for (const e of evidence) {
    const effect = evidenceEffect(e);
    if (effect !== null && effect < worst) {
      worst = effect;
      example = { indicator: e.indicator!, before: e.before!, after: e.after!, schools: e.schools };
    }
  }
  return {
    code: 'net_worse',
    worse: s.measuredWorse + s.adoptions.worse,
    better: s.measuredBetter + s.adoptions.improved,
    example,
  };
}
