import type { SessionMode } from '../schema/enums.ts';
import type { ReportPeriod, ReportScope } from './period.ts';

/** The headline indicators a report follows. */
export const reportIndicators = [
  'attendance_rate',
  'dropout_rate',
  'literacy_rate',
  'numeracy_rate',
] as const;
export type ReportIndicator = (typeof reportIndicators)[number];
export type IndicatorValues = Record<ReportIndicator, number | null>;

/**
 * What the store says about the clusters a report covers, as plain counts and averages
 * (gathered by SQL in electron/services/reports/facts.ts). Everything a report shows is
 * worked out from this by `reportFigures`, so every format shows the same numbers.
 */
export interface ReportFacts {
  regionName: string;
  scope: ReportScope;
  /** The scope in people's words: a cluster's or a coach's name ('' for the region). */
  scopeName: string;
  period: ReportPeriod;
  from: string;
  to: string;
  /** Commitments count as due when their date passed before this day. */
  today: string;
  /** The term whose indicators are shown (the latest in the period with figures) and the one before. */
  term: string | null;
  previousTerm: string | null;
  /** The trend charts' terms, oldest first, ending with `term`. */
  trendTerms: string[];
  clusters: ClusterFacts[];
  /** The whole region's school averages per trend term. */
  regionTrend: Record<string, IndicatorValues>;
  practices: PracticeFacts[];
  provenance: Provenance;
}

export interface ClusterFacts {
  id: string;
  name: string;
  coach: string;
  schoolCount: number;
  sessionsByMode: Record<SessionMode, number>;
  peerReviews: number;
  attendancePresent: number;
  attendanceExpected: number;
  commitmentsMade: number;
  /** Commitments due in the period before `today`, by what became of them. */
  due: { total: number; done: number; partly: number; notDone: number; dropped: number; open: number };
  practicesShared: number;
  adoptions: Record<'improved' | 'no_change' | 'worse' | 'pending', number>;
  /** Averages per trend term: this cluster's schools and its neighbours' schools. */
  trend: Record<string, { cluster: IndicatorValues; neighbours: IndicatorValues }>;
  schools: SchoolFacts[];
}

export interface SchoolFacts {
  id: string;
  name: string;
  current: IndicatorValues;
  previous: IndicatorValues;
  vulnerableIdentified: number | null;
  vulnerableReached: number | null;
}

export interface PracticeFacts {
  id: string;
  title: string;
  shared: number;
  adoptions: Record<'improved' | 'no_change' | 'worse' | 'pending', number>;
}

/** Where a report's numbers come from, so two reports can be told apart. */
export interface Provenance {
  digest: string;
  /** Each laptop whose changes the store holds, with the day of its latest change. */
  devices: { id: string; name: string; self: boolean; latestChange: string }[];
  madeAt: string;
  version: string;
}
