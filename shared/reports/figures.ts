import { completionBars } from '../charts/completion.ts';
import { alignTrend } from '../charts/trend.ts';
import type { TrendPoint } from '../contract/clusters.ts';
import { translator, type Lang } from '../i18n.ts';
import { indicatorLabel } from '../labels.ts';
import { sessionModes } from '../schema/enums.ts';
import { completionRate } from '../sessions/completion.ts';
import {
  reportIndicators,
  type ClusterFacts,
  type IndicatorValues,
  type ReportFacts,
  type ReportIndicator,
} from './facts.ts';
import { reportMessages } from './messages.ts';
import { protectColumn, type ProtectedCell } from './suppression.ts';

/**
 * Every number a report shows, worked out from the store's facts in one place: the HTML,
 * PDF, XLSX and CSV files and the Reports screen all draw these figures, so they agree.
 * Pure: no database, no clock, no files.
 */
export type ColumnType = 'text' | 'count' | 'percent' | 'change' | 'date';
export type SuppressedCell = { suppressed: 'small' | 'complementary' };
/** Percent cells hold fractions (0.85 = 85%); change cells hold percentage points. */
export type ReportCell = string | number | null | SuppressedCell;
export interface ReportColumn {
  label: string;
  type: ColumnType;
}
export interface ReportRow {
  cells: ReportCell[];
  kind?: 'subtotal' | 'total';
}
export interface ReportTable {
  key: string;
  title: string;
  columns: ReportColumn[];
  rows: ReportRow[];
  note?: string;
}
export interface SummaryFigure {
  key: string;
  label: string;
  value: ReportCell;
  type: ColumnType;
}
export interface TrendChart {
  clusterName: string;
  indicator: ReportIndicator;
  label: string;
  points: TrendPoint[];
}
export interface ReportFigures {
  lang: Lang;
  /** What the report covers, in words: the region's, a cluster's or a coach's name. */
  scope: string;
  title: string;
  dates: string;
  clustersMet: string;
  summary: SummaryFigure[];
  /** The one-page overview table; `tables` holds the detail, one spreadsheet sheet each. */
  overview: ReportTable;
  tables: ReportTable[];
  completionBars: { name: string; completion: number }[];
  trends: TrendChart[];
  notes: string[];
  provenance: { title: string; made: string; digest: string; lines: SummaryFigure[]; devices: ReportTable };
}

export const isSuppressed = (c: ReportCell): c is SuppressedCell =>
  typeof c === 'object' && c !== null && 'suppressed' in c;

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);
const round1 = (v: number): number => Math.round(v * 10) / 10;
const asFraction = (v: number | null): number | null => (v === null ? null : v / 100);
const changeOf = (now: number | null, before: number | null): number | null =>
  now !== null && before !== null ? round1(now - before) : null;
const cellOf = (c: ProtectedCell): ReportCell =>
  c.state === 'shown' ? c.value : { suppressed: c.state === 'small' ? 'small' : 'complementary' };

function totalsOf(clusters: readonly ClusterFacts[]) {
  const sum = (pick: (c: ClusterFacts) => number): number => clusters.reduce((a, c) => a + pick(c), 0);
  const due = {
    total: sum((c) => c.due.total),
    done: sum((c) => c.due.done),
    partly: sum((c) => c.due.partly),
    notDone: sum((c) => c.due.notDone),
    dropped: sum((c) => c.due.dropped),
    open: sum((c) => c.due.open),
  };
  const byMode = Object.fromEntries(
    sessionModes.map((m) => [m, sum((c) => c.sessionsByMode[m])]),
  ) as ClusterFacts['sessionsByMode'];
  return {
    sessionsByMode: byMode,
    sessions: sessionModes.reduce((a, m) => a + byMode[m], 0),
    peerReviews: sum((c) => c.peerReviews),
    present: sum((c) => c.attendancePresent),
    expected: sum((c) => c.attendanceExpected),
    made: sum((c) => c.commitmentsMade),
    due,
    shared: sum((c) => c.practicesShared),
    adoptions: {
      improved: sum((c) => c.adoptions.improved),
      no_change: sum((c) => c.adoptions.no_change),
      worse: sum((c) => c.adoptions.worse),
      pending: sum((c) => c.adoptions.pending),
    },
  };
}

const sessionsHeld = (c: ClusterFacts): number => sessionModes.reduce((a, m) => a + c.sessionsByMode[m], 0);
/** Due, and not reported done, partly done or dropped. */
const overdue = (d: ClusterFacts['due']): number => d.open + d.notDone;
const completion = (d: ClusterFacts['due']): number | null =>
  completionRate({ due: d.total, done: d.done, partly: d.partly, dropped: d.dropped });
const adoptionCount = (a: ClusterFacts['adoptions']): number =>
  a.improved + a.no_change + a.worse + a.pending;

export function reportFigures(facts: ReportFacts, lang: Lang): ReportFigures {
  const t = translator(reportMessages, lang);
  const totals = totalsOf(facts.clusters);
  const ind = (k: ReportIndicator): string => indicatorLabel(lang, k);
  const scope =
    facts.scope.kind === 'region'
      ? t('report.scope.region', { region: facts.regionName })
      : facts.scope.kind === 'coach'
        ? t('report.scope.coach', { coach: facts.scopeName })
        : facts.scopeName;
  const periodName =
    facts.period.kind === 'term' ? facts.period.term : t('report.range', { from: facts.from, to: facts.to });
  const dates = !facts.term
    ? t('report.datesNoTerm', { from: facts.from, to: facts.to })
    : facts.previousTerm
      ? t('report.dates', { from: facts.from, to: facts.to, term: facts.term, previous: facts.previousTerm })
      : t('report.datesNoPrevious', { from: facts.from, to: facts.to, term: facts.term });

  const vulnerable = vulnerableTable(facts, t);
  const summary: SummaryFigure[] = [
    { key: 'sessions', label: t('report.sessions'), value: totals.sessions, type: 'count' },
    { key: 'peerReviews', label: t('report.peerReviews'), value: totals.peerReviews, type: 'count' },
    {
      key: 'attendance',
      label: t('report.attendance'),
      value: ratio(totals.present, totals.expected),
      type: 'percent',
    },
    { key: 'commitmentsMade', label: t('report.commitmentsMade'), value: totals.made, type: 'count' },
    { key: 'commitmentsDone', label: t('report.commitmentsDone'), value: totals.due.done, type: 'count' },
    {
      key: 'commitmentsOverdue',
      label: t('report.commitmentsOverdue'),
      value: overdue(totals.due),
      type: 'count',
    },
    { key: 'completion', label: t('report.completion'), value: completion(totals.due), type: 'percent' },
    { key: 'practicesShared', label: t('report.practicesShared'), value: totals.shared, type: 'count' },
    { key: 'adoptions', label: t('report.adoptions'), value: adoptionCount(totals.adoptions), type: 'count' },
    {
      key: 'adoptionsImproved',
      label: t('report.outcome.improved'),
      value: totals.adoptions.improved,
      type: 'count',
    },
    {
      key: 'vulnerableIdentified',
      label: t('report.vulnerableIdentified'),
      value: vulnerable.totals[0],
      type: 'count',
    },
    {
      key: 'vulnerableReached',
      label: t('report.vulnerableReached'),
      value: vulnerable.totals[1],
      type: 'count',
    },
  ];

  const cluster = (c: ClusterFacts) => c.name;
  const totalLabel = t('report.total');
  const overview: ReportTable = {
    key: 'clusters',
    title: t('report.table.clusters'),
    columns: [
      { label: t('report.cluster'), type: 'text' },
      { label: t('report.coach'), type: 'text' },
      { label: t('report.schools'), type: 'count' },
      { label: t('report.sessions'), type: 'count' },
      { label: t('report.attendance'), type: 'percent' },
      { label: t('report.commitmentsMade'), type: 'count' },
      { label: t('report.completion'), type: 'percent' },
      { label: t('report.adoptions'), type: 'count' },
    ],
    rows: [
      ...facts.clusters.map((c) => ({
        cells: [
          cluster(c),
          c.coach,
          c.schoolCount,
          sessionsHeld(c),
          ratio(c.attendancePresent, c.attendanceExpected),
          c.commitmentsMade,
          completion(c.due),
          adoptionCount(c.adoptions),
        ],
      })),
      {
        kind: 'total' as const,
        cells: [
          totalLabel,
          '',
          facts.clusters.reduce((a, c) => a + c.schoolCount, 0),
          totals.sessions,
          ratio(totals.present, totals.expected),
          totals.made,
          completion(totals.due),
          adoptionCount(totals.adoptions),
        ],
      },
    ],
  };

  const sessions: ReportTable = {
    key: 'sessions',
    title: t('report.table.sessions'),
    columns: [
      { label: t('report.cluster'), type: 'text' },
      ...sessionModes.map((m) => ({ label: t(`report.mode.${m}`), type: 'count' as const })),
      { label: t('report.sessions'), type: 'count' },
      { label: t('report.peerReviews'), type: 'count' },
    ],
    rows: [
      ...facts.clusters.map((c) => ({
        cells: [cluster(c), ...sessionModes.map((m) => c.sessionsByMode[m]), sessionsHeld(c), c.peerReviews],
      })),
      {
        kind: 'total' as const,
        cells: [
          totalLabel,
          ...sessionModes.map((m) => totals.sessionsByMode[m]),
          totals.sessions,
          totals.peerReviews,
        ],
      },
    ],
  };

  const attendance: ReportTable = {
    key: 'attendance',
    title: t('report.table.attendance'),
    columns: [
      { label: t('report.cluster'), type: 'text' },
      { label: t('report.present'), type: 'count' },
      { label: t('report.expected'), type: 'count' },
      { label: t('report.attendance'), type: 'percent' },
    ],
    rows: [
      ...facts.clusters.map((c) => ({
        cells: [
          cluster(c),
          c.attendancePresent,
          c.attendanceExpected,
          ratio(c.attendancePresent, c.attendanceExpected),
        ],
      })),
      {
        kind: 'total' as const,
        cells: [totalLabel, totals.present, totals.expected, ratio(totals.present, totals.expected)],
      },
    ],
  };

  const commitmentCells = (d: ClusterFacts['due'], made: number): ReportCell[] => [
    made,
    d.total,
    d.done,
    d.partly,
    overdue(d),
    d.dropped,
    completion(d),
  ];
  const commitments: ReportTable = {
    key: 'commitments',
    title: t('report.table.commitments'),
    columns: [
      { label: t('report.cluster'), type: 'text' },
      { label: t('report.commitmentsMade'), type: 'count' },
      { label: t('report.commitmentsDue'), type: 'count' },
      { label: t('report.commitmentsDone'), type: 'count' },
      { label: t('report.commitmentsPartly'), type: 'count' },
      { label: t('report.commitmentsOverdue'), type: 'count' },
      { label: t('report.commitmentsDropped'), type: 'count' },
      { label: t('report.completion'), type: 'percent' },
    ],
    rows: [
      ...facts.clusters.map((c) => ({ cells: [cluster(c), ...commitmentCells(c.due, c.commitmentsMade)] })),
      { kind: 'total' as const, cells: [totalLabel, ...commitmentCells(totals.due, totals.made)] },
    ],
    note: t('report.rateNote'),
  };

  const term = facts.term;
  const before = facts.previousTerm;
  const valueAt = (series: Record<string, IndicatorValues>, at: string | null, k: ReportIndicator) =>
    at ? (series[at]?.[k] ?? null) : null;
  const indicators: ReportTable = {
    key: 'indicators',
    title: t('report.table.indicators'),
    columns: [
      { label: t('report.cluster'), type: 'text' },
      { label: t('report.indicator'), type: 'text' },
      { label: term ?? '–', type: 'percent' },
      { label: before ?? '–', type: 'percent' },
      { label: t('report.change'), type: 'change' },
      { label: t('report.neighbours'), type: 'percent' },
      { label: t('report.region'), type: 'percent' },
    ],
    rows: facts.clusters.flatMap((c) =>
      reportIndicators.map((k) => {
        const now = term ? (c.trend[term]?.cluster[k] ?? null) : null;
        const prev = before ? (c.trend[before]?.cluster[k] ?? null) : null;
        return {
          cells: [
            cluster(c),
            ind(k),
            asFraction(now),
            asFraction(prev),
            changeOf(now, prev),
            asFraction(term ? (c.trend[term]?.neighbours[k] ?? null) : null),
            asFraction(valueAt(facts.regionTrend, term, k)),
          ],
        };
      }),
    ),
  };

  const schools: ReportTable = {
    key: 'schools',
    title: t('report.table.schools'),
    columns: [
      { label: t('report.cluster'), type: 'text' },
      { label: t('report.school'), type: 'text' },
      ...reportIndicators.flatMap((k) => [
        { label: `${ind(k)} ${term ?? ''}`.trim(), type: 'percent' as const },
        { label: `${ind(k)} ±`, type: 'change' as const },
      ]),
    ],
    rows: facts.clusters.flatMap((c) =>
      c.schools.map((s) => ({
        cells: [
          cluster(c),
          s.name,
          ...reportIndicators.flatMap((k) => [
            asFraction(s.current[k]),
            changeOf(s.current[k], s.previous[k]),
          ]),
        ],
      })),
    ),
  };

  const practices: ReportTable = {
    key: 'practices',
    title: t('report.table.practices'),
    columns: [
      { label: t('report.practice'), type: 'text' },
      { label: t('report.timesShared'), type: 'count' },
      { label: t('report.adoptions'), type: 'count' },
      { label: t('report.outcome.improved'), type: 'count' },
      { label: t('report.outcome.no_change'), type: 'count' },
      { label: t('report.outcome.worse'), type: 'count' },
      { label: t('report.outcome.pending'), type: 'count' },
    ],
    rows: [...facts.practices]
      .sort((a, b) => adoptionCount(b.adoptions) - adoptionCount(a.adoptions) || b.shared - a.shared)
      .map((p) => ({
        cells: [
          p.title,
          p.shared,
          adoptionCount(p.adoptions),
          p.adoptions.improved,
          p.adoptions.no_change,
          p.adoptions.worse,
          p.adoptions.pending,
        ],
      })),
  };

  const trends: TrendChart[] = term
    ? facts.clusters.flatMap((c) =>
        reportIndicators.map((k) => ({
          clusterName: c.name,
          indicator: k,
          label: ind(k),
          points: alignTrend(
            facts.trendTerms.map((x) => ({ term: x, value: c.trend[x]?.cluster[k] ?? null })),
            facts.trendTerms.map((x) => ({ term: x, value: c.trend[x]?.neighbours[k] ?? null })),
            facts.trendTerms.map((x) => ({ term: x, value: valueAt(facts.regionTrend, x, k) })),
          ),
        })),
      )
    : [];

  const met = facts.clusters.filter((c) => sessionsHeld(c) > 0).length;
  const p = facts.provenance;
  return {
    lang,
    scope,
    title: t('report.title', { scope, period: periodName }),
    dates,
    clustersMet: t('report.clustersMet', { met, all: facts.clusters.length }),
    summary,
    overview,
    tables: [sessions, attendance, commitments, indicators, schools, practices, vulnerable.table],
    completionBars: completionBars(facts.clusters.map((c) => ({ name: c.name, rate: completion(c.due) }))),
    trends,
    notes: [t('report.rateNote'), t('report.suppressedNote')],
    provenance: {
      title: t('report.provenance'),
      made: t('report.provenance.made', { at: p.madeAt, version: p.version }),
      digest: p.digest,
      lines: [
        { key: 'digest', label: t('report.provenance.digest'), value: p.digest, type: 'text' },
        { key: 'madeAt', label: t('report.provenance.madeAt'), value: p.madeAt, type: 'text' },
        { key: 'version', label: t('report.provenance.version'), value: p.version, type: 'text' },
      ],
      devices: {
        key: 'laptops',
        title: t('report.provenance.laptops'),
        columns: [
          { label: t('report.provenance.laptop'), type: 'text' },
          { label: t('report.provenance.latest'), type: 'date' },
        ],
        rows: p.devices.map((d) => ({
          cells: [
            `${d.name || d.id.slice(0, 8)}${d.self ? ` ${t('report.provenance.self')}` : ''}`,
            d.latestChange,
          ],
        })),
      },
    },
  };
}

/** Vulnerable learners by school, with cluster subtotals and the total, small cells hidden. */
function vulnerableTable(
  facts: ReportFacts,
  t: ReturnType<typeof translator<keyof (typeof reportMessages)['en'] & string>>,
): { table: ReportTable; totals: [ReportCell, ReportCell] } {
  const identified = protectColumn(facts.clusters.map((c) => c.schools.map((s) => s.vulnerableIdentified)));
  const reached = protectColumn(facts.clusters.map((c) => c.schools.map((s) => s.vulnerableReached)));
  const share = (a: ProtectedCell, b: ProtectedCell): number | null =>
    a.state === 'shown' && b.state === 'shown' && a.value !== null && b.value !== null
      ? ratio(b.value, a.value)
      : null;
  const rows: ReportRow[] = [];
  facts.clusters.forEach((c, i) => {
    const gi = identified.groups[i]!;
    const gr = reached.groups[i]!;
    c.schools.forEach((s, j) =>
      rows.push({ cells: [c.name, s.name, cellOf(gi.cells[j]!), cellOf(gr.cells[j]!), null] }),
    );
    rows.push({
      kind: 'subtotal',
      cells: [c.name, t('report.total'), cellOf(gi.total), cellOf(gr.total), share(gi.total, gr.total)],
    });
  });
  rows.push({
    kind: 'total',
    cells: [
      t('report.total'),
      '',
      cellOf(identified.total),
      cellOf(reached.total),
      share(identified.total, reached.total),
    ],
  });
  return {
    table: {
      key: 'vulnerable',
      title: t('report.table.vulnerable'),
      columns: [
        { label: t('report.cluster'), type: 'text' },
        { label: t('report.school'), type: 'text' },
        { label: t('report.vulnerableIdentified'), type: 'count' },
        { label: t('report.vulnerableReached'), type: 'count' },
        { label: t('report.reachedRate'), type: 'percent' },
      ],
      rows,
      note: t('report.suppressedNote'),
    },
    totals: [cellOf(identified.total), cellOf(reached.total)],
  };
}
