import { indicatorDefs, indicatorNames, type IndicatorName } from '../schema/enums.ts';

/**
 * What makes a school's termly figure impossible (an error: it cannot be saved) or
 * unlikely (a warning: saved once the coach confirms she means it). Pure and shared:
 * the figures grid checks as the coach types, the service checks again before writing,
 * and the spreadsheet import checks every row with the same rules.
 */
export type Severity = 'error' | 'warning';

export const figureProblemCodes = [
  // impossible
  'not_a_number',
  'negative',
  'over_100',
  'not_whole',
  'too_large',
  'reached_over_identified',
  // unlikely
  'looks_like_fraction',
  'unusually_high',
  'unusually_low',
  'unusually_large',
  'big_change',
  'identified_over_enrolled',
] as const;
export type FigureProblemCode = (typeof figureProblemCodes)[number];

const severityOf: Record<FigureProblemCode, Severity> = {
  not_a_number: 'error',
  negative: 'error',
  over_100: 'error',
  not_whole: 'error',
  too_large: 'error',
  reached_over_identified: 'error',
  looks_like_fraction: 'warning',
  unusually_high: 'warning',
  unusually_low: 'warning',
  unusually_large: 'warning',
  big_change: 'warning',
  identified_over_enrolled: 'warning',
};

export interface FigureProblem {
  /** The cell the problem is shown at. */
  indicator: IndicatorName;
  severity: Severity;
  code: FigureProblemCode;
  /** Numbers the message names (the value, the other figure, the previous term's). */
  vars: Record<string, string | number>;
}

/** The thresholds, in one place so the grid, the service and the import agree. */
export const figureLimits = {
  /** The store's limit for a count; no school has a million learners. */
  maxCount: 1_000_000,
  /** A count above this for one school is possible but rare (a very large school). */
  largeCount: 10_000,
  /** A rate moving this many percentage points in one term is unusual. */
  rateChangePoints: 20,
  /** A count changing by more than this share of last term's, and by at least `countChangeMin`. */
  countChangeShare: 0.5,
  countChangeMin: 50,
  /** Rates where more than this is rare in a term (dropout, repetition). */
  highRate: 30,
  /** Attendance below this is rare. */
  lowAttendance: 40,
} as const;

/** One school's figures for a term: a number, null for "not collected", absent for not entered. */
export type TermFigures = Partial<Record<IndicatorName, number | null>>;

const isRate = (indicator: IndicatorName): boolean => indicatorDefs[indicator].kind === 'rate';
const highIsRare: ReadonlySet<IndicatorName> = new Set([
  'dropout_rate',
  'dropout_rate_girls',
  'repetition_rate',
]);

function problem(
  indicator: IndicatorName,
  code: FigureProblemCode,
  vars: Record<string, string | number> = {},
): FigureProblem {
  return { indicator, severity: severityOf[code], code, vars };
}

const round1 = (v: number): number => Math.round(v * 10) / 10;

/** Problems of one value on its own (no other figures needed). */
export function checkFigure(indicator: IndicatorName, value: number): FigureProblem[] {
  if (!Number.isFinite(value)) return [problem(indicator, 'not_a_number')];
  if (value < 0) return [problem(indicator, 'negative', { value })];
  if (isRate(indicator)) {
    if (value > 100) return [problem(indicator, 'over_100', { value })];
    const out: FigureProblem[] = [];
    // 0.85 typed for 85 %: a spreadsheet cell formatted as a percentage gives the fraction.
    if (value > 0 && value < 1)
      out.push(problem(indicator, 'looks_like_fraction', { value, percent: round1(value * 100) }));
    if (highIsRare.has(indicator) && value > figureLimits.highRate)
      out.push(problem(indicator, 'unusually_high', { value, limit: figureLimits.highRate }));
    if (indicator === 'attendance_rate' && !(value > 0 && value < 1) && value < figureLimits.lowAttendance)
      out.push(problem(indicator, 'unusually_low', { value, limit: figureLimits.lowAttendance }));
    return out;
  }
  if (!Number.isInteger(value)) return [problem(indicator, 'not_whole', { value })];
  if (value > figureLimits.maxCount)
    return [problem(indicator, 'too_large', { value, limit: figureLimits.maxCount })];
  if (value > figureLimits.largeCount)
    return [problem(indicator, 'unusually_large', { value, limit: figureLimits.largeCount })];
  return [];
}

const known = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** Problems between figures of the same school and term. */
function checkTogether(f: TermFigures): FigureProblem[] {
  const out: FigureProblem[] = [];
  const { vulnerable_identified: identified, vulnerable_reached: reached } = f;
  if (known(identified) && known(reached) && reached > identified)
    out.push(problem('vulnerable_reached', 'reached_over_identified', { value: reached, identified }));
  const { enrolment_girls: girls, enrolment_boys: boys } = f;
  if (known(identified) && known(girls) && known(boys) && identified > girls + boys)
    out.push(
      problem('vulnerable_identified', 'identified_over_enrolled', {
        value: identified,
        enrolled: girls + boys,
      }),
    );
  return out;
}

/** Warnings for a figure that moved far from the school's previous term. */
function checkChange(
  indicator: IndicatorName,
  value: number,
  before: number,
  previousTerm: string,
): FigureProblem[] {
  const change = value - before;
  const vars = { value, previous: before, previousTerm, change: round1(Math.abs(change)) };
  if (isRate(indicator)) {
    return Math.abs(change) >= figureLimits.rateChangePoints
      ? [problem(indicator, 'big_change', { ...vars, direction: change > 0 ? 'up' : 'down' })]
      : [];
  }
  const big =
    Math.abs(change) >= figureLimits.countChangeMin &&
    Math.abs(change) > before * figureLimits.countChangeShare;
  return big ? [problem(indicator, 'big_change', { ...vars, direction: change > 0 ? 'up' : 'down' })] : [];
}

/**
 * Every problem with one school's figures for a term, errors first. `previous` is the same
 * school's figures for the term before (or null), used for the "changed a lot" warning.
 * A null (not collected) or absent figure is never a problem.
 */
export function checkTermFigures(
  figures: TermFigures,
  previous: { term: string; figures: TermFigures } | null = null,
): FigureProblem[] {
  const out: FigureProblem[] = [];
  const hasOwnError = new Set<IndicatorName>();
  for (const indicator of indicatorNames) {
    const value = figures[indicator];
    if (value === null || value === undefined) continue;
    const own = checkFigure(indicator, value);
    if (own.some((p) => p.severity === 'error')) hasOwnError.add(indicator);
    out.push(...own);
    const before = previous?.figures[indicator];
    if (!hasOwnError.has(indicator) && known(before) && previous)
      out.push(...checkChange(indicator, value, before, previous.term));
  }
  // Cross-figure rules only between values that are each possible on their own.
  const usable = Object.fromEntries(
    Object.entries(figures).filter(([k]) => !hasOwnError.has(k as IndicatorName)),
  ) as TermFigures;
  out.push(...checkTogether(usable));
  return out.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}

/** A warning's identity, for "the coach confirmed this one" (school + indicator + code). */
export const warningKey = (schoolId: string, p: Pick<FigureProblem, 'indicator' | 'code'>): string =>
  `${schoolId}:${p.indicator}:${p.code}`;

export const errorsOf = (problems: readonly FigureProblem[]): FigureProblem[] =>
  problems.filter((p) => p.severity === 'error');
export const warningsOf = (problems: readonly FigureProblem[]): FigureProblem[] =>
  problems.filter((p) => p.severity === 'warning');

/** The figures a problem is about: editing any of them may cause or clear it. */
export function cellsOf(p: FigureProblem): IndicatorName[] {
  if (p.code === 'reached_over_identified') return ['vulnerable_reached', 'vulnerable_identified'];
  if (p.code === 'identified_over_enrolled')
    return ['vulnerable_identified', 'enrolment_girls', 'enrolment_boys'];
  return [p.indicator];
}
