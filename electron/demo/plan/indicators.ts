import type { IndicatorName } from '../../../shared/schema/enums.ts';
import { round } from '../places.ts';
import type { Rng } from '../prng.ts';

/**
 * The indicator model. Each school has a "quality" q in [0, 1] per measure, where 0 is
 * the worst of the struggling range in DATA.md and 1 the best of the typical range, so
 * up is always better whichever way the indicator itself runs. Terms move q by a slow
 * drift, a little noise, and the effects of practices the school adopted: that is how a
 * school that adopted a practice that worked improves over the following terms.
 */
const scales = {
  attendance_rate: { bad: 65, good: 95 },
  dropout_rate: { bad: 12, good: 1 },
  dropout_rate_girls: { bad: 14, good: 1.2 },
  repetition_rate: { bad: 15, good: 2 },
  transition_rate: { bad: 60, good: 98 },
  transition_rate_girls: { bad: 55, good: 97 },
  literacy_rate: { bad: 10, good: 70 },
  numeracy_rate: { bad: 10, good: 65 },
} as const;

/** The measures modelled as a quality, in a fixed order; vulnerable_reached is a share reached. */
export const qualityMeasures = [
  'attendance_rate',
  'dropout_rate',
  'dropout_rate_girls',
  'repetition_rate',
  'transition_rate',
  'transition_rate_girls',
  'literacy_rate',
  'numeracy_rate',
  'vulnerable_reached',
] as const satisfies readonly IndicatorName[];
export type QualityMeasure = (typeof qualityMeasures)[number];
const DIMS = qualityMeasures.length;
const dimOf = new Map<string, number>(qualityMeasures.map((m, i) => [m, i]));

/** A change of quality, from the term after `from` on (ramping in over two terms). */
export interface Effect {
  measure: QualityMeasure;
  from: number;
  size: number;
}

/** Effects on a girls' measure spill partly to the overall one and back. */
const spill: Partial<Record<QualityMeasure, [QualityMeasure, number]>> = {
  dropout_rate: ['dropout_rate_girls', 0.7],
  dropout_rate_girls: ['dropout_rate', 0.5],
  transition_rate: ['transition_rate_girls', 0.7],
  transition_rate_girls: ['transition_rate', 0.5],
};

export interface SchoolModel {
  q0: Float64Array;
  drift: number;
  learners: number;
  girlsShare: number;
  growth: number;
  identified: number;
}

export type Health = 'struggling' | 'typical' | 'bright';

export function isQualityMeasure(name: string): name is QualityMeasure {
  return dimOf.has(name);
}

const clamp = (x: number, lo = 0.01, hi = 0.995): number => Math.min(hi, Math.max(lo, x));

/** A school's starting point: its cluster's health, the cluster's weak measures, its size. */
export function schoolModel(
  rng: Rng,
  health: Health,
  weak: readonly QualityMeasure[],
  learners: number,
): SchoolModel {
  const level =
    health === 'struggling'
      ? rng.float(0.15, 0.45)
      : health === 'bright'
        ? rng.float(0.8, 0.95)
        : rng.float(0.55, 0.85);
  const q0 = new Float64Array(DIMS);
  for (let d = 0; d < DIMS; d++) q0[d] = clamp(level + rng.normal() * 0.07);
  // Girls fare worse than boys on dropout and transition.
  q0[2] = clamp(q0[1]! - rng.float(0.03, 0.12));
  q0[5] = clamp(q0[4]! - rng.float(0.02, 0.1));
  const weakChance = health === 'struggling' ? 0.9 : health === 'typical' ? 0.45 : 0;
  for (const m of weak) {
    if (rng.chance(weakChance)) q0[dimOf.get(m)!] = Math.min(q0[dimOf.get(m)!]!, rng.float(0.06, 0.36));
  }
  return {
    q0,
    drift: 0.002 + rng.normal() * 0.003,
    learners,
    girlsShare: rng.float(0.47, 0.52),
    growth: rng.float(-0.004, 0.01),
    identified: Math.max(4, Math.round(rng.float(20, 80) * (learners / 700) * (1.3 - level))),
  };
}

/** Lower a school's starting quality on one measure, leaving room for a practice to show. */
export function makeRoom(model: SchoolModel, measure: QualityMeasure, rng: Rng): void {
  const d = dimOf.get(measure)!;
  if (model.q0[d]! > 0.7) model.q0[d] = rng.float(0.35, 0.7);
}

/** q per measure per term: index `t * DIMS + dim`. */
export type Series = Float64Array;

/**
 * How much of an effect shows `terms` after it starts: most of it the next term, all of it
 * for a year, then it fades to a lasting third (schools drift back when attention moves on).
 * Together with a cap on the summed shift this keeps a country's eleven years from piling
 * every school up at the top.
 */
function ramp(terms: number): number {
  if (terms <= 1) return 0.6;
  if (terms <= 4) return 1;
  return Math.max(0.35, 1 - 0.1 * (terms - 4));
}

export function computeSeries(
  model: SchoolModel,
  effects: readonly Effect[],
  terms: number,
  rng: Rng,
): Series {
  const out = new Float64Array(terms * DIMS);
  const shift = new Float64Array(terms * DIMS);
  for (const e of effects) {
    const targets: [QualityMeasure, number][] = [[e.measure, 1]];
    const s = spill[e.measure];
    if (s) targets.push(s);
    for (const [m, share] of targets) {
      const d = dimOf.get(m)!;
      for (let t = e.from + 1; t < terms; t++) shift[t * DIMS + d]! += e.size * share * ramp(t - e.from);
    }
  }
  for (let t = 0; t < terms; t++) {
    for (let d = 0; d < DIMS; d++) {
      const i = t * DIMS + d;
      const moved = Math.min(0.35, Math.max(-0.3, shift[i]!));
      out[i] = clamp(model.q0[d]! + model.drift * t + rng.normal() * 0.012 + moved);
    }
  }
  return out;
}

/** The quality of one measure in one term. */
export function qualityAt(series: Series, measure: QualityMeasure, t: number): number {
  return series[t * DIMS + dimOf.get(measure)!]!;
}

/** A quality turned into the indicator's own unit (a percentage, or learners reached). */
export function valueAt(series: Series, model: SchoolModel, measure: QualityMeasure, t: number): number {
  const q = qualityAt(series, measure, t);
  if (measure === 'vulnerable_reached') return Math.round(identifiedAt(model, t) * reachedShare(q));
  const { bad, good } = scales[measure];
  return round(bad + q * (good - bad), 1);
}

const reachedShare = (q: number): number => 0.15 + 0.85 * q;
const identifiedAt = (model: SchoolModel, t: number): number =>
  Math.max(1, Math.round(model.identified * (1 + 0.015 * Math.sin(t * 1.7 + model.learners))));

/** One term's full indicators row (without id, school and term). */
export function indicatorValues(
  series: Series,
  model: SchoolModel,
  t: number,
): Record<IndicatorName, number> {
  const size = model.learners * (1 + model.growth * t);
  const row = {
    enrolment_girls: Math.round(size * model.girlsShare),
    enrolment_boys: Math.round(size * (1 - model.girlsShare)),
    vulnerable_identified: identifiedAt(model, t),
  } as Record<IndicatorName, number>;
  for (const m of qualityMeasures) row[m] = valueAt(series, model, m, t);
  return row;
}

/** How an indicator reads in a note: "72.4%" or "31 learners". */
export function formatValue(measure: IndicatorName, value: number): string {
  return measure.endsWith('_rate') || measure.includes('_rate_')
    ? `${value.toFixed(1)}%`
    : `${value} learners`;
}

/** Plain words for an indicator, for notes and outcome texts. */
export const indicatorWords: Record<IndicatorName, string> = {
  enrolment_girls: 'girls enrolled',
  enrolment_boys: 'boys enrolled',
  attendance_rate: 'attendance',
  dropout_rate: 'dropout',
  dropout_rate_girls: 'girls\u2019 dropout',
  repetition_rate: 'repetition',
  transition_rate: 'transition to secondary',
  transition_rate_girls: 'girls\u2019 transition to secondary',
  literacy_rate: 'learners at the reading benchmark',
  numeracy_rate: 'learners at the numeracy benchmark',
  vulnerable_identified: 'vulnerable learners identified',
  vulnerable_reached: 'vulnerable learners reached',
};
