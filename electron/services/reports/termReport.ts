import {
  clusterTermRow,
  previousTerm,
  regionTotals,
  reportIndicators,
  termDates,
  type ClusterTermFacts,
  type ClusterTermRow,
  type RegionTotals,
} from '../../../shared/reports/termReport.ts';
import { termOf } from '../../../shared/sessions/completion.ts';
import { todayIso } from '../../../shared/today.ts';
import type { Store } from '../../db/store.ts';

export interface TermReport {
  term: string;
  previousTerm: string;
  from: string;
  to: string;
  regionName: string;
  terms: string[];
  rows: ClusterTermRow[];
  totals: RegionTotals;
}

type ById<T> = Map<string, T>;
function byCluster<T extends { id: string }>(rows: T[]): ById<T> {
  return new Map(rows.map((r) => [r.id, r]));
}

/** The terms a report can be made for: any with indicators or sessions, newest first. */
export function reportTerms(store: Store, today = todayIso()): string[] {
  const terms = new Set(
    (store.statements.get('SELECT DISTINCT term FROM indicators').all() as { term: string }[]).map(
      (r) => r.term,
    ),
  );
  for (const { date } of store.statements
    .get("SELECT DISTINCT substr(date, 1, 7) || '-01' AS date FROM sessions")
    .all() as {
    date: string;
  }[]) {
    terms.add(termOf(date));
  }
  terms.add(termOf(today));
  return [...terms].sort().reverse();
}

/**
 * A term's report for every cluster: sessions held and their attendance, commitments
 * due and completed, adoptions, and headline indicators against the term before.
 * Grouped queries, one per measure, so a region of hundreds of clusters stays quick.
 */
export function termReport(store: Store, term: string, today = todayIso()): TermReport {
  const s = store.statements;
  const { from, to } = termDates(term);
  const before = previousTerm(term);
  const dueUntil = to < today ? to : today;

  const clusters = s
    .get(
      `SELECT c.id, c.name, c.coach_name AS coach, (SELECT count(*) FROM schools WHERE cluster_id = c.id) AS schools
       FROM clusters c ORDER BY c.name`,
    )
    .all() as { id: string; name: string; coach: string; schools: number }[];
  const sessions = byCluster(
    s
      .get(
        `SELECT cluster_id AS id, count(*) AS held, sum(kind = 'peer_review') AS reviews
         FROM sessions WHERE status = 'held' AND date BETWEEN ? AND ? GROUP BY cluster_id`,
      )
      .all(from, to) as { id: string; held: number; reviews: number }[],
  );
  const attendance = byCluster(
    s
      .get(
        `SELECT se.cluster_id AS id, sum(a.status = 'present') AS present, count(*) AS expected
         FROM attendance a JOIN sessions se ON se.id = a.session_id
         WHERE se.status = 'held' AND se.date BETWEEN ? AND ? GROUP BY se.cluster_id`,
      )
      .all(from, to) as { id: string; present: number; expected: number }[],
  );
  const due = byCluster(
    s
      .get(
        `SELECT cluster_id AS id, count(*) AS due, sum(status = 'done') AS done, sum(status = 'partly') AS partly,
           sum(status = 'dropped') AS dropped
         FROM commitments WHERE due_date >= ? AND due_date <= ? AND due_date < ? GROUP BY cluster_id`,
      )
      .all(from, dueUntil, today) as {
      id: string;
      due: number;
      done: number;
      partly: number;
      dropped: number;
    }[],
  );
  const made = byCluster(
    s
      .get(
        `SELECT c.cluster_id AS id, count(*) AS made FROM commitments c JOIN sessions se ON se.id = c.session_id
         WHERE se.date BETWEEN ? AND ? GROUP BY c.cluster_id`,
      )
      .all(from, to) as { id: string; made: number }[],
  );
  const adoptions = byCluster(
    s
      .get(
        `SELECT cluster_id AS id, count(*) AS n, sum(outcome = 'improved') AS improved
         FROM adoptions WHERE cluster_id IS NOT NULL AND adopted_on BETWEEN ? AND ? GROUP BY cluster_id`,
      )
      .all(from, to) as { id: string; n: number; improved: number }[],
  );
  const averages = (t: string) =>
    byCluster(
      s
        .get(
          `SELECT sc.cluster_id AS id, ${reportIndicators.map((k) => `avg(i.${k}) AS ${k}`).join(', ')}
           FROM indicators i JOIN schools sc ON sc.id = i.school_id WHERE i.term = ? GROUP BY sc.cluster_id`,
        )
        .all(t) as ({ id: string } & Record<(typeof reportIndicators)[number], number | null>)[],
    );
  const [now, prev] = [averages(term), averages(before)];

  const rows = clusters.map((c) => {
    const facts: ClusterTermFacts = {
      clusterId: c.id,
      clusterName: c.name,
      coachName: c.coach,
      schools: c.schools,
      sessionsHeld: sessions.get(c.id)?.held ?? 0,
      peerReviews: sessions.get(c.id)?.reviews ?? 0,
      attendancePresent: attendance.get(c.id)?.present ?? 0,
      attendanceExpected: attendance.get(c.id)?.expected ?? 0,
      commitmentsDue: due.get(c.id)?.due ?? 0,
      commitmentsDone: due.get(c.id)?.done ?? 0,
      commitmentsPartly: due.get(c.id)?.partly ?? 0,
      commitmentsDropped: due.get(c.id)?.dropped ?? 0,
      commitmentsMade: made.get(c.id)?.made ?? 0,
      adoptions: adoptions.get(c.id)?.n ?? 0,
      adoptionsImproved: adoptions.get(c.id)?.improved ?? 0,
      indicators: Object.fromEntries(
        reportIndicators.map((k) => [
          k,
          { now: now.get(c.id)?.[k] ?? null, before: prev.get(c.id)?.[k] ?? null },
        ]),
      ) as ClusterTermFacts['indicators'],
    };
    return clusterTermRow(facts);
  });
  const region = s.get('SELECT name FROM regions ORDER BY name LIMIT 1').get() as
    { name: string } | undefined;
  return {
    term,
    previousTerm: before,
    from,
    to,
    regionName: region?.name ?? '',
    terms: reportTerms(store, today),
    rows,
    totals: regionTotals(rows),
  };
}
