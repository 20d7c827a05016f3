import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRegionFile } from '../../electron/services/regionFile/load.ts';
import { reportCsv, reportHtml } from '../../electron/services/reports/exports.ts';
import { termReport } from '../../electron/services/reports/termReport.ts';
import {
  clusterTermRow,
  csvField,
  previousTerm,
  regionTotals,
  termDates,
  toCsv,
  type ClusterTermFacts,
} from '../../shared/reports/termReport.ts';
import { termOf } from '../../shared/sessions/completion.ts';
import { tempStore } from './helpers.ts';

const facts = (over: Partial<ClusterTermFacts>): ClusterTermFacts => ({
  clusterId: 'c',
  clusterName: 'C',
  coachName: '',
  schools: 5,
  sessionsHeld: 0,
  peerReviews: 0,
  attendancePresent: 0,
  attendanceExpected: 0,
  commitmentsDue: 0,
  commitmentsDone: 0,
  commitmentsPartly: 0,
  commitmentsDropped: 0,
  commitmentsMade: 0,
  adoptions: 0,
  adoptionsImproved: 0,
  indicators: {
    attendance_rate: { now: null, before: null },
    dropout_rate: { now: null, before: null },
    literacy_rate: { now: null, before: null },
    numeracy_rate: { now: null, before: null },
  },
  ...over,
});

describe('term report maths', () => {
  it('knows the terms’ dates and order', () => {
    expect(termDates('2026-T1')).toEqual({ from: '2026-01-01', to: '2026-04-30' });
    expect(termDates('2026-T3')).toEqual({ from: '2026-09-01', to: '2026-12-31' });
    expect(previousTerm('2026-T1')).toBe('2025-T3');
    expect(previousTerm('2026-T3')).toBe('2026-T2');
  });

  it('computes rates and changes per cluster, and region rates from sums', () => {
    const a = clusterTermRow(
      facts({
        attendancePresent: 9,
        attendanceExpected: 10,
        commitmentsDue: 4,
        commitmentsDone: 2,
        commitmentsPartly: 1,
        commitmentsDropped: 0,
        sessionsHeld: 2,
        indicators: { ...facts({}).indicators, dropout_rate: { now: 3.04, before: 8.4 } },
      }),
    );
    expect(a.attendanceRate).toBeCloseTo(0.9);
    expect(a.completionRate).toBeCloseTo(2.5 / 4);
    expect(a.change.dropout_rate).toBe(-5.4);
    expect(a.change.literacy_rate).toBeNull();
    const b = clusterTermRow(
      facts({ attendancePresent: 1, attendanceExpected: 10, commitmentsDue: 2, commitmentsDropped: 2 }),
    );
    expect(b.completionRate).toBeNull();
    const totals = regionTotals([a, b]);
    expect(totals.attendanceRate).toBeCloseTo(10 / 20);
    expect(totals.completionRate).toBeCloseTo(2.5 / 4);
    expect(totals.clustersMet).toBe(1);
  });

  it('writes CSV that spreadsheets read back', () => {
    expect(csvField('Mtwapa, "north"')).toBe('"Mtwapa, ""north"""');
    expect(csvField(null)).toBe('');
    expect(toCsv(['a', 'b'], [[1, 'x\ny']])).toBe('\uFEFFa,b\r\n1,"x\ny"\r\n');
  });
});

describe('term report from the store', () => {
  const fixture = JSON.parse(readFileSync('tests/fixtures/region-small.json', 'utf8')) as unknown;

  it('reports every cluster, with sessions and commitments of the term', () => {
    const store = tempStore();
    loadRegionFile(store, fixture);
    const sessions = store.db.prepare("SELECT date FROM sessions WHERE status = 'held'").all() as {
      date: string;
    }[];
    const term = termOf(sessions[0]!.date);
    const report = termReport(store, term, '2030-01-01');
    expect(report.rows.length).toBe(3);
    const { from, to } = termDates(term);
    expect(report.totals.sessionsHeld).toBe(sessions.filter((s) => s.date >= from && s.date <= to).length);
    expect(report.terms).toContain(term);
    const csv = reportCsv(report, 'en');
    expect(csv.trim().split('\r\n').length).toBe(1 + report.rows.length);
    const html = reportHtml(report, 'sw', '2030-01-01');
    expect(html).toContain('<svg');
    expect(html).toContain('Ripoti ya muhula');
    for (const r of report.rows) expect(html).toContain(r.clusterName);
  });

  it('is empty but valid for a store with no region', () => {
    const report = termReport(tempStore(), '2026-T1', '2026-03-01');
    expect(report.rows).toEqual([]);
    expect(report.totals.completionRate).toBeNull();
  });
});

describe('pamoja report', () => {
  it('writes the CSV and HTML reports and checks its flags', async () => {
    const { runCli } = await import('../../electron/cli/main.ts');
    const { tempDir } = await import('./helpers.ts');
    const { join } = await import('node:path');
    const dir = tempDir();
    const db = join(dir, 'store.sqlite');
    const store = (await import('../../electron/db/store.ts')).openStore(db);
    loadRegionFile(store, JSON.parse(readFileSync('tests/fixtures/region-small.json', 'utf8')) as unknown);
    store.close();
    const out: string[] = [];
    const io = {
      stdout: (t: string) => out.push(t),
      stderr: (t: string) => out.push(t),
      env: {},
      progress: () => undefined,
    };
    const csv = join(dir, 'r.csv');
    expect(await runCli(['report', '--db', db, '--term', '2026-T1', '--out', csv], io)).toBe(0);
    expect(readFileSync(csv, 'utf8')).toContain('Kilifi Town CoP');
    const html = join(dir, 'r.html');
    expect(
      await runCli(['report', '--db', db, '--term', '2026-T1', '--format', 'html', '--out', html], io),
    ).toBe(0);
    expect(readFileSync(html, 'utf8')).toContain('<table>');
    expect(await runCli(['report', '--db', db, '--term', 'spring', '--out', csv], io)).toBe(2);
    expect(await runCli(['report', '--db', join(dir, 'missing.sqlite'), '--out', csv], io)).toBe(1);
  });
});
