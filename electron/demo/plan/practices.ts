import type { AdoptionOutcome, IndicatorName } from '../../../shared/schema/enums.ts';
import { addDays, DEMO_TODAY, randomDate, termIndexAt, termStart } from '../calendar.ts';
import { practiceLibrary, seedPracticeKeys, type PracticeText } from '../library/index.ts';
import { gicumbiPlaces, scatter } from '../places.ts';
import type { Rng } from '../prng.ts';
import type { ScaleSpec } from '../scales.ts';
import type { Geography } from './geography.ts';
import { isQualityMeasure, makeRoom, type QualityMeasure } from './indicators.ts';
import { originalWords, recombinedWords, type PracticeWords } from './recombine.ts';

export interface EvidencePlan {
  id: string;
  kind: 'indicator' | 'story';
  indicator: IndicatorName | null;
  before: number | null;
  after: number | null;
  beforePeriod: string;
  afterPeriod: string;
  schoolsCount: number;
  cluster: number | null;
  story: string;
  recordedOn: string;
  /** Filled from the origin school's own terms once the indicators are computed. */
  fromSeries?: { school: number; measure: QualityMeasure; from: number; to: number };
}

export interface AdoptionPlan {
  id: string;
  cluster: number;
  /** null when the whole cluster adopted it. */
  school: number | null;
  adoptedOn: string;
  indicator: QualityMeasure;
  /** Term index the change is measured from; null when it cannot be measured in the demo's terms. */
  from: number | null;
  outcome: AdoptionOutcome;
  note: string;
}

export interface PracticePlan {
  id: string;
  text: PracticeText;
  words: PracticeWords;
  originCluster: number | null;
  originSchool: number | null;
  originPlace: string;
  originLat: number | null;
  originLon: number | null;
  startedOn: string;
  evidence: EvidencePlan[];
  adoptions: AdoptionPlan[];
}

const LAST_ADOPTION = addDays(DEMO_TODAY, -14);

/** Which written practices a scale uses, and how many recombined ones follow. */
function chooseTexts(rng: Rng, spec: ScaleSpec): PracticeText[] {
  if (spec.practices <= practiceLibrary.length) {
    const seeds = practiceLibrary.filter((p) => (seedPracticeKeys as readonly string[]).includes(p.key));
    const rest = practiceLibrary.filter((p) => !seeds.includes(p));
    const worse = rng.pick(rest.filter((p) => p.effect.works === 'no'));
    const others = rng.sample(
      rest.filter((p) => p !== worse),
      spec.practices - seeds.length - 1,
    );
    return [...seeds, worse, ...others];
  }
  return [...practiceLibrary];
}

export function planPractices(rng: Rng, spec: ScaleSpec, geo: Geography): PracticePlan[] {
  const terms = spec.terms;
  const T = terms.length;
  const byPlace = new Map(geo.clusters.map((c, k) => [c.place, k]));
  const byLanguage = new Map<string, PracticeText[]>();
  for (const p of practiceLibrary) byLanguage.set(p.language, [...(byLanguage.get(p.language) ?? []), p]);
  const windowStart = termStart(terms[0]!);
  const plans: PracticePlan[] = [];

  const texts = chooseTexts(rng, spec);
  const usedOrigins = new Set<number>();
  for (let i = 0; i < spec.practices; i++) {
    const recombined = i >= texts.length;
    const text = recombined ? rng.pick(practiceLibrary) : texts[i]!;
    let originCluster: number | null = recombined ? rng.int(0, geo.clusters.length - 1) : null;
    if (!recombined && text.origin.area === 'kilifi')
      originCluster = byPlace.get(text.origin.place) ?? rng.int(0, geo.clusters.length - 1);
    if (!recombined && text.origin.area === 'gicumbi') originCluster = byPlace.get(text.origin.place) ?? null;
    const cluster = originCluster === null ? undefined : geo.clusters[originCluster]!;
    // Two written practices from one place start at different schools, so their measured
    // evidence does not come from the same figures.
    const fresh = cluster?.schools.filter((x) => !usedOrigins.has(x)) ?? [];
    const originSchool = cluster ? rng.pick(fresh.length ? fresh : cluster.schools) : null;
    if (originSchool !== null && !recombined) usedOrigins.add(originSchool);
    const school = originSchool === null ? undefined : geo.schools[originSchool]!;
    const gicumbi = gicumbiPlaces.find((p) => p.name === text.origin.place) ?? gicumbiPlaces[0]!;
    const at = school ?? scatter(rng, gicumbi.lat, gicumbi.lon, 0, 3);
    const startedOn = recombined ? randomDate(rng, windowStart, '2026-06-30') : text.startedOn;
    const words = recombined
      ? recombinedWords(rng, text, rng.pick(byLanguage.get(text.language)!), cluster!.place)
      : originalWords(text);
    const plan: PracticePlan = {
      id: rng.uuid(),
      text,
      words,
      originCluster,
      originSchool,
      originPlace: cluster ? cluster.place : `${text.origin.place}, Gicumbi (Rwanda)`,
      originLat: at.lat,
      originLon: at.lon,
      startedOn,
      evidence: [],
      adoptions: [],
    };
    planEvidence(rng, plan, geo, terms);
    planAdoptions(rng, plan, spec, geo, T);
    plans.push(plan);
  }
  return plans;
}

function effectSize(rng: Rng, works: PracticeText['effect']['works']): number {
  return works === 'yes'
    ? rng.float(0.12, 0.22)
    : works === 'no'
      ? -rng.float(0.12, 0.2)
      : rng.float(-0.03, 0.1);
}

function clampDate(date: string): string {
  return date > LAST_ADOPTION ? LAST_ADOPTION : date;
}

function planEvidence(rng: Rng, plan: PracticePlan, geo: Geography, terms: readonly string[]): void {
  const T = terms.length;
  const start = termIndexAt(terms, plan.startedOn);
  const school = plan.originSchool;
  for (const e of plan.text.evidence) {
    const base = {
      id: rng.uuid(),
      cluster: plan.originCluster,
      beforePeriod: '',
      afterPeriod: '',
      schoolsCount: 0,
      indicator: null,
      before: null,
      after: null,
    };
    const measure = e.kind === 'measured' ? e.indicator : plan.text.effect.indicator;
    // Measured from the demo's own terms when the origin school is in the store and the
    // change falls inside them; the origin school then really shows that change.
    const inWindow = e.kind === 'recent' || (e.kind === 'measured' && start >= 0 && start <= T - 2);
    if (e.kind !== 'story' && school !== null && inWindow && isQualityMeasure(measure)) {
      const from = Math.min(Math.max(0, start), T - 2);
      const to = Math.min(T - 1, from + 3);
      const size = effectSize(rng, plan.text.effect.works);
      if (size > 0) makeRoom(geo.schools[school]!.model, measure, rng);
      geo.schools[school]!.effects.push({ measure, from, size });
      plan.evidence.push({
        ...base,
        kind: 'indicator',
        schoolsCount: 1,
        // A 'recent' line is only a label; the story is written once the figures are known.
        story: e.kind === 'measured' ? (e.story ?? '') : '',
        recordedOn: clampDate(addDays(termStart(terms[to]!), 100)),
        fromSeries: { school, measure, from, to },
      });
    } else if (e.kind === 'measured') {
      plan.evidence.push({
        ...base,
        kind: 'indicator',
        indicator: e.indicator,
        before: e.before,
        after: e.after,
        beforePeriod: e.beforePeriod,
        afterPeriod: e.afterPeriod,
        schoolsCount: e.schools,
        story: e.story ?? '',
        recordedOn: clampDate(addDays(plan.startedOn, rng.int(200, 500))),
      });
    } else if (e.kind === 'story') {
      plan.evidence.push({
        ...base,
        kind: 'story',
        story: e.story,
        recordedOn: clampDate(addDays(plan.startedOn, rng.int(60, 400))),
      });
    }
  }
}

const plannedOutcomes = {
  yes: [0.7, 0.22, 0.08],
  unclear: [0.35, 0.45, 0.2],
  no: [0.05, 0.3, 0.65],
} as const;

function planAdoptions(rng: Rng, plan: PracticePlan, spec: ScaleSpec, geo: Geography, T: number): void {
  const works = plan.text.effect.works;
  const mean = spec.adoptionsPerPractice * (works === 'yes' ? 1.5 : works === 'no' ? 0.5 : 0.8);
  let count = Math.floor(mean + rng.next());
  if (!spec.national && (seedPracticeKeys as readonly string[]).includes(plan.text.key))
    count = Math.max(2, count);
  const measure = plan.text.effect.indicator;
  if (!isQualityMeasure(measure) || geo.clusters.length < 2) return;
  const origin = plan.originCluster;
  const windowStart = termStart(spec.terms[0]!);
  for (let n = 0; n < count; n++) {
    const near = origin !== null ? geo.clusters[origin]!.neighbours : [];
    let cluster = near.length && rng.chance(0.6) ? rng.pick(near) : rng.int(0, geo.clusters.length - 1);
    if (cluster === origin) cluster = (cluster + 1) % geo.clusters.length;
    const school = rng.chance(0.75) ? rng.pick(geo.clusters[cluster]!.schools) : null;
    // Most adoptions fall early enough in the demo's terms for a change to show; some are
    // older (reported, not measured) and some too recent to tell (pending).
    const earliest = addDays(plan.startedOn, 45);
    const historic = earliest < windowStart && rng.chance(0.2);
    const lo = historic || earliest > windowStart ? earliest : windowStart;
    const hi = historic
      ? addDays(windowStart, -1)
      : rng.chance(0.65)
        ? addDays(termStart(spec.terms[T - 1]!), -1)
        : LAST_ADOPTION;
    const adoptedOn = lo >= hi ? clampDate(lo) : randomDate(rng, lo, hi);
    const term = termIndexAt(spec.terms, adoptedOn);
    const adoption: AdoptionPlan = {
      id: rng.uuid(),
      cluster,
      school,
      adoptedOn,
      indicator: measure,
      from: term >= 0 && term <= T - 2 ? term : null,
      outcome:
        term > T - 2
          ? 'pending'
          : rng.weighted(['improved', 'no_change', 'worse'] as const, plannedOutcomes[works]),
      note: '',
    };
    if (adoption.from !== null) {
      const size =
        adoption.outcome === 'improved'
          ? rng.float(0.12, 0.25)
          : adoption.outcome === 'worse'
            ? -rng.float(0.08, 0.16)
            : 0;
      const targets = school !== null ? [school] : geo.clusters[cluster]!.schools;
      for (const s of targets) {
        if (size > 0 && school !== null) makeRoom(geo.schools[s]!.model, measure, rng);
        if (size !== 0) geo.schools[s]!.effects.push({ measure, from: adoption.from, size });
      }
    }
    plan.adoptions.push(adoption);
  }
}
