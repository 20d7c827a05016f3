import { indicatorDefs, indicatorNames, type IndicatorName, type PriorityTag } from '../schema/enums.ts';

/**
 * The default question: with no problem typed, a cluster asks about its priorities and
 * the indicators where it trails its neighbours most. Only rates are compared (counts
 * such as enrolment depend on school size).
 */
export const comparableIndicators = indicatorNames.filter((n) => indicatorDefs[n].kind === 'rate');

export interface IndicatorGap {
  indicator: IndicatorName;
  /** The cluster's average over its schools, and its neighbours', in `term`. */
  own: number;
  neighbours: number;
  term: string;
  /** How far behind, as a share of the neighbours' value (direction-aware, > 0 is behind). */
  gap: number;
}

/**
 * The indicators where the cluster is furthest behind its neighbours in the latest term,
 * worst first: only those behind by at least `minGap`, at most `max`.
 */
export function weakestIndicators(
  own: Partial<Record<IndicatorName, number | null>>,
  neighbours: Partial<Record<IndicatorName, number | null>>,
  term: string,
  max = 2,
  minGap = 0.05,
): IndicatorGap[] {
  const gaps: IndicatorGap[] = [];
  for (const indicator of comparableIndicators) {
    const o = own[indicator];
    const n = neighbours[indicator];
    if (o === null || o === undefined || n === null || n === undefined) continue;
    const behind = indicatorDefs[indicator].better === 'up' ? n - o : o - n;
    const gap = behind / Math.max(Math.abs(n), 0.5);
    if (gap >= minGap) gaps.push({ indicator, own: o, neighbours: n, term, gap });
  }
  return gaps.sort((a, b) => b.gap - a.gap || a.indicator.localeCompare(b.indicator)).slice(0, max);
}

/** Words (English, Kiswahili, French) that practice texts use about each indicator. */
export const indicatorWords: Record<IndicatorName, string> = {
  enrolment_girls: 'enrolment enrollment girls usajili wasichana',
  enrolment_boys: 'enrolment enrollment boys usajili wavulana',
  attendance_rate: 'attendance absenteeism absent mahudhurio utoro',
  dropout_rate: 'dropout kuacha abandon',
  dropout_rate_girls: 'dropout girls kuacha wasichana',
  repetition_rate: 'repetition repeating kurudia redoublement',
  transition_rate: 'transition secondary sekondari',
  transition_rate_girls: 'transition secondary girls sekondari wasichana',
  literacy_rate: 'literacy reading kusoma lecture',
  numeracy_rate: 'numeracy maths mathematics hesabu hisabati',
  vulnerable_identified: 'vulnerable hatarini',
  vulnerable_reached: 'vulnerable hatarini',
};

/** The priorities whose practices usually move each indicator. */
export const indicatorTags: Record<IndicatorName, readonly PriorityTag[]> = {
  enrolment_girls: ['girls_transition', 'parent_engagement'],
  enrolment_boys: ['parent_engagement', 'attendance'],
  attendance_rate: ['attendance', 'wellbeing', 'parent_engagement'],
  dropout_rate: ['attendance', 'vulnerable_learners', 'girls_transition'],
  dropout_rate_girls: ['girls_transition', 'vulnerable_learners'],
  repetition_rate: ['early_literacy', 'numeracy'],
  transition_rate: ['girls_transition'],
  transition_rate_girls: ['girls_transition'],
  literacy_rate: ['early_literacy', 'teacher_collaboration'],
  numeracy_rate: ['numeracy', 'teacher_collaboration'],
  vulnerable_identified: ['vulnerable_learners'],
  vulnerable_reached: ['vulnerable_learners'],
};
