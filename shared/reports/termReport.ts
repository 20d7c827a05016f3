import { completionRate } from '../sessions/completion.ts';

/** A school term's first and last day, matching `termOf` (T1 Jan–Apr, T2 May–Aug, T3 Sep–Dec). */
export function termDates(term: string): { from: string; to: string } {
  const year = term.slice(0, 4);
  const n = Number(term.slice(-1));
  const [from, to] = n === 1 ? ['01-01', '04-30'] : n === 2 ? ['05-01', '08-31'] : ['09-01', '12-31'];
  return { from: `${year}-${from}`, to: `${year}-${to}` };
}

/** The term before, e.g. 2026-T1 → 2025-T3. */
export function previousTerm(term: string): string {
  const year = Number(term.slice(0, 4));
  const n = Number(term.slice(-1));
  return n === 1 ? `${year - 1}-T3` : `${year}-T${n - 1}`;
}

/** What the store gives per cluster for one term (see electron/services/reports). */
export interface ClusterTermFacts {
  clusterId: string;
  clusterName: string;
  coachName: string;
  schools: number;
  sessionsHeld: number;
  peerReviews: number;
  attendancePresent: number;
  attendanceExpected: number;
  commitmentsDue: number;
  commitmentsDone: number;
  commitmentsPartly: number;
  commitmentsDropped: number;
  commitmentsMade: number;
  adoptions: number;
  adoptionsImproved: number;
  indicators: Record<ReportIndicator, { now: number | null; before: number | null }>;
}

export const reportIndicators = [
  'attendance_rate',
  'dropout_rate',
  'literacy_rate',
  'numeracy_rate',
] as const;
export type ReportIndicator = (typeof reportIndicators)[number];

export interface ClusterTermRow extends ClusterTermFacts {
  /** Share of expected members present at the term's sessions, 0..1. */
  attendanceRate: number | null;
  /** Commitments completion rate, 0..1 (see shared/sessions/completion.ts). */
  completionRate: number | null;
  /** Change of each indicator from the previous term, in points. */
  change: Record<ReportIndicator, number | null>;
}

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);
const round1 = (v: number): number => Math.round(v * 10) / 10;

export function clusterTermRow(f: ClusterTermFacts): ClusterTermRow {
  const change = Object.fromEntries(
    reportIndicators.map((k) => {
      const { now, before } = f.indicators[k];
      return [k, now !== null && before !== null ? round1(now - before) : null];
    }),
  ) as Record<ReportIndicator, number | null>;
  return {
    ...f,
    attendanceRate: ratio(f.attendancePresent, f.attendanceExpected),
    completionRate: completionRate({
      due: f.commitmentsDue,
      done: f.commitmentsDone,
      partly: f.commitmentsPartly,
      dropped: f.commitmentsDropped,
    }),
    change,
  };
}

/** Region totals: sums of counts and rates recomputed from the sums (not averaged averages). */
export function regionTotals(rows: ClusterTermRow[]) {
  const sum = (pick: (r: ClusterTermRow) => number): number => rows.reduce((a, r) => a + pick(r), 0);
  return {
    clusters: rows.length,
    clustersMet: rows.filter((r) => r.sessionsHeld > 0).length,
    sessionsHeld: sum((r) => r.sessionsHeld),
    peerReviews: sum((r) => r.peerReviews),
    attendanceRate: ratio(
      sum((r) => r.attendancePresent),
      sum((r) => r.attendanceExpected),
    ),
    commitmentsMade: sum((r) => r.commitmentsMade),
    commitmentsDue: sum((r) => r.commitmentsDue),
    completionRate: completionRate({
      due: sum((r) => r.commitmentsDue),
      done: sum((r) => r.commitmentsDone),
      partly: sum((r) => r.commitmentsPartly),
      dropped: sum((r) => r.commitmentsDropped),
    }),
    adoptions: sum((r) => r.adoptions),
    adoptionsImproved: sum((r) => r.adoptionsImproved),
  };
}
export type RegionTotals = ReturnType<typeof regionTotals>;

/** One CSV field: quoted when it holds a separator, quote or line break (RFC 4180). */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  // A BOM so spreadsheet programs read the names' accents as UTF-8.
  return `\uFEFF${[header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
