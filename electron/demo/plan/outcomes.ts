import { spokenDate } from '../calendar.ts';
import type { Geography } from './geography.ts';
import {
  formatValue,
  indicatorWords,
  qualityAt,
  valueAt,
  type QualityMeasure,
  type Series,
} from './indicators.ts';
import type { AdoptionPlan, PracticePlan } from './practices.ts';

const measuredAt: Record<string, (school: string) => string> = {
  en: (s) => `Measured term by term at ${s}, where it started.`,
  sw: (s) => `Imepimwa muhula kwa muhula katika ${s}, ilipoanzia.`,
  fr: (s) => `Mesur\u00e9 trimestre apr\u00e8s trimestre \u00e0 ${s}, o\u00f9 la pratique a commenc\u00e9.`,
};

/**
 * Once every school's terms are computed, evidence measured in the demo's own terms and
 * adoption outcomes are read off them, so what a practice claims is what the data shows.
 */
export function settleOutcomes(
  practices: PracticePlan[],
  geo: Geography,
  series: readonly Series[],
  terms: readonly string[],
): void {
  const value = (school: number, m: QualityMeasure, t: number) =>
    valueAt(series[school]!, geo.schools[school]!.model, m, t);
  for (const p of practices) {
    for (const e of p.evidence) {
      if (!e.fromSeries) continue;
      const { school, measure, from, to } = e.fromSeries;
      e.indicator = measure;
      e.before = value(school, measure, from);
      e.after = value(school, measure, to);
      e.beforePeriod = terms[from]!;
      e.afterPeriod = terms[to]!;
      if (!e.story)
        e.story =
          measuredAt[p.text.language]?.(geo.schools[school]!.name) ??
          measuredAt.en!(geo.schools[school]!.name);
    }
    for (const a of p.adoptions) settleAdoption(a, geo, series, terms, value);
  }
}

function settleAdoption(
  a: AdoptionPlan,
  geo: Geography,
  series: readonly Series[],
  terms: readonly string[],
  value: (school: number, m: QualityMeasure, t: number) => number,
): void {
  const words = indicatorWords[a.indicator];
  if (a.outcome === 'pending') {
    a.note = `Started on ${spokenDate(a.adoptedOn)}; too early to see a change in ${words}.`;
    return;
  }
  if (a.from === null) {
    a.note =
      a.outcome === 'improved'
        ? `The head reported at the CoP that ${words} improved within a term.`
        : a.outcome === 'worse'
          ? `Stopped after a term: ${words} got worse.`
          : `Tried for two terms; no clear change in ${words}.`;
    return;
  }
  const last = terms.length - 1;
  const schools = a.school !== null ? [a.school] : geo.clusters[a.cluster]!.schools;
  let before = 0;
  let after = 0;
  let dq = 0;
  for (const s of schools) {
    before += value(s, a.indicator, a.from);
    after += value(s, a.indicator, last);
    dq += qualityAt(series[s]!, a.indicator, last) - qualityAt(series[s]!, a.indicator, a.from);
  }
  const n = schools.length;
  const round1 = (x: number) => Math.round((x / n) * 10) / 10;
  const [b, f] =
    a.indicator === 'vulnerable_reached'
      ? [Math.round(before / n), Math.round(after / n)]
      : [round1(before), round1(after)];
  dq /= n;
  a.outcome = dq >= 0.03 ? 'improved' : dq <= -0.03 ? 'worse' : 'no_change';
  const where =
    a.school !== null
      ? `at ${geo.schools[a.school]!.name}`
      : `across the ${n} schools of ${geo.clusters[a.cluster]!.name}`;
  const verdict =
    a.outcome === 'improved' ? 'Improved' : a.outcome === 'worse' ? 'Got worse' : 'No clear change';
  a.note = `${verdict}: ${words} ${where} went from ${formatValue(a.indicator, b)} in ${terms[a.from]} to ${formatValue(a.indicator, f)} in ${terms[last]}.`;
}
