import { hlcToIso } from '../../../shared/clock.ts';
import { PamojaError } from '../../../shared/errors.ts';
import {
  reportIndicators,
  type ClusterFacts,
  type IndicatorValues,
  type PracticeFacts,
  type Provenance,
  type ReportFacts,
  type ReportIndicator,
  type SchoolFacts,
} from '../../../shared/reports/facts.ts';
import {
  periodDates,
  previousTerm,
  termsOverlapping,
  termsUpTo,
  type ReportPeriod,
  type ReportScope,
} from '../../../shared/reports/period.ts';
import { sessionModes } from '../../../shared/schema/enums.ts';
import type { Store } from '../../db/store.ts';
import { appVersion } from '../../version.ts';
import { storeDigest } from '../sync/digest.ts';

/** How many terms the trend charts show. */
const TREND_TERMS = 6;

interface ScopeClusters {
  ids: string[];
  name: string;
}

/** The clusters a scope covers, or a clear message when it names none. */
export function scopeClusters(store: Store, scope: ReportScope): ScopeClusters {
  const s = store.statements;
  if (scope.kind === 'region') {
    const ids = (s.get('SELECT id FROM clusters ORDER BY name').all() as { id: string }[]).map((r) => r.id);
    return { ids, name: '' };
  }
  if (scope.kind === 'cluster') {
    const row = s.get('SELECT id, name FROM clusters WHERE id = ?').get(scope.clusterId) as
      { id: string; name: string } | undefined;
    if (!row) throw new PamojaError('not_found', `No cluster with id ${scope.clusterId}`, 'cluster');
    return { ids: [row.id], name: row.name };
  }
  const rows = s
    .get(
      'SELECT id, coach_name AS coach FROM clusters WHERE lower(trim(coach_name)) = lower(trim(?)) ORDER BY name',
    )
    .all(scope.coach) as { id: string; coach: string }[];
  if (rows.length === 0)
    throw new PamojaError('not_found', `No CoP has a coach called "${scope.coach}"`, 'coach');
  return { ids: rows.map((r) => r.id), name: rows[0]!.coach };
}

/**
 * The latest term with anything to report for the scope (sessions held or indicator
 * figures), so a report opens on a period that has data; null for an empty store.
 */
export function latestTermWithData(store: Store, scope: ReportScope): string | null {
  const ids = JSON.stringify(scopeClusters(store, scope).ids);
  const row = store.statements
    .get(
      `SELECT max(t) AS term FROM (
         SELECT max(i.term) AS t FROM indicators i JOIN schools sc ON sc.id = i.school_id
           WHERE sc.cluster_id IN (SELECT value FROM json_each(?))
         UNION ALL
         SELECT substr(max(date), 1, 4) || '-T' ||
           CASE WHEN substr(max(date), 6, 2) <= '04' THEN 1 WHEN substr(max(date), 6, 2) <= '08' THEN 2 ELSE 3 END
           FROM sessions WHERE status = 'held' AND cluster_id IN (SELECT value FROM json_each(?)))`,
    )
    .get(ids, ids) as { term: string | null };
  return row.term;
}

/** Every term with indicator figures or held sessions anywhere in the store, newest first. */
export function termsWithData(store: Store): string[] {
  const rows = store.statements
    .get(
      `SELECT DISTINCT term FROM indicators
       UNION SELECT DISTINCT substr(date, 1, 4) || '-T' ||
         CASE WHEN substr(date, 6, 2) <= '04' THEN 1 WHEN substr(date, 6, 2) <= '08' THEN 2 ELSE 3 END
       FROM sessions WHERE status = 'held'
       ORDER BY 1 DESC`,
    )
    .all() as { term: string }[];
  return rows.map((r) => r.term);
}

const emptyValues = (): IndicatorValues =>
  Object.fromEntries(reportIndicators.map((k) => [k, null])) as IndicatorValues;
const outcomes = () => ({ improved: 0, no_change: 0, worse: 0, pending: 0 });

type Sums = Record<ReportIndicator, { sum: number; n: number }>;

/**
 * Gathers what a report needs for a scope and period: grouped queries, one per measure,
 * so a region of hundreds of clusters stays quick. The figures are worked out from these
 * facts by shared/reports/figures.ts.
 */
export function reportFacts(
  store: Store,
  scope: ReportScope,
  period: ReportPeriod,
  today: string,
  madeAt: string,
): ReportFacts {
  const s = store.statements;
  const { from, to } = periodDates(period);
  if (from > to)
    throw new PamojaError('invalid', `The period starts (${from}) after it ends (${to})`, 'from');
  const inScope = scopeClusters(store, scope);
  const ids = JSON.stringify(inScope.ids);
  const IN = 'IN (SELECT value FROM json_each(?))';

  const clusters = s
    .get(
      `SELECT c.id, c.name, c.coach_name AS coach, (SELECT count(*) FROM schools WHERE cluster_id = c.id) AS schools
       FROM clusters c WHERE c.id ${IN} ORDER BY c.name`,
    )
    .all(ids) as { id: string; name: string; coach: string; schools: number }[];
  const byId = new Map<string, ClusterFacts>();
  for (const c of clusters) {
    byId.set(c.id, {
      id: c.id,
      name: c.name,
      coach: c.coach,
      schoolCount: c.schools,
      sessionsByMode: { in_person: 0, phone: 0, whatsapp: 0 },
      peerReviews: 0,
      attendancePresent: 0,
      attendanceExpected: 0,
      commitmentsMade: 0,
      due: { total: 0, done: 0, partly: 0, notDone: 0, dropped: 0, open: 0 },
      practicesShared: 0,
      adoptions: outcomes(),
      trend: {},
      schools: [],
    });
  }

  for (const r of s
    .get(
      `SELECT cluster_id AS id, mode, count(*) AS n, sum(kind = 'peer_review') AS reviews FROM sessions
       WHERE status = 'held' AND date BETWEEN ? AND ? AND cluster_id ${IN} GROUP BY cluster_id, mode`,
    )
    .all(from, to, ids) as { id: string; mode: string; n: number; reviews: number }[]) {
    const c = byId.get(r.id)!;
    if ((sessionModes as readonly string[]).includes(r.mode))
      c.sessionsByMode[r.mode as keyof ClusterFacts['sessionsByMode']] += r.n;
    c.peerReviews += r.reviews;
  }

  for (const r of s
    .get(
      `SELECT se.cluster_id AS id, sum(a.status = 'present') AS present, count(*) AS expected
       FROM attendance a JOIN sessions se ON se.id = a.session_id
       WHERE se.status = 'held' AND se.date BETWEEN ? AND ? AND se.cluster_id ${IN} GROUP BY se.cluster_id`,
    )
    .all(from, to, ids) as { id: string; present: number; expected: number }[]) {
    const c = byId.get(r.id)!;
    c.attendancePresent = r.present;
    c.attendanceExpected = r.expected;
  }

  for (const r of s
    .get(
      `SELECT cluster_id AS id, count(*) AS total, sum(status = 'done') AS done, sum(status = 'partly') AS partly,
         sum(status = 'not_done') AS notDone, sum(status = 'dropped') AS dropped, sum(status = 'open') AS open
       FROM commitments WHERE due_date BETWEEN ? AND ? AND due_date < ? AND cluster_id ${IN} GROUP BY cluster_id`,
    )
    .all(from, to, today, ids) as ({ id: string } & ClusterFacts['due'])[]) {
    const { id, ...due } = r;
    byId.get(id)!.due = due;
  }

  for (const r of s
    .get(
      `SELECT c.cluster_id AS id, count(*) AS made FROM commitments c JOIN sessions se ON se.id = c.session_id
       WHERE se.date BETWEEN ? AND ? AND c.cluster_id ${IN} GROUP BY c.cluster_id`,
    )
    .all(from, to, ids) as { id: string; made: number }[]) {
    byId.get(r.id)!.commitmentsMade = r.made;
  }

  // A practice shared at a session: recorded as the recommendations' "shared" feedback,
  // and in the session's agenda (records written before feedback existed).
  const sharedRows = s
    .get(
      `SELECT cluster_id AS clusterId, practice_id AS practiceId, count(*) AS n FROM (
         SELECT cluster_id, practice_id, coalesce(session_id, id) AS occasion FROM recommendation_feedback
           WHERE kind = 'shared' AND retracted_on IS NULL AND given_on BETWEEN ? AND ? AND cluster_id ${IN}
         UNION
         SELECT se.cluster_id, j.value, se.id FROM sessions se,
           json_each(CASE WHEN substr(se.agenda, 1, 1) = '{' AND json_valid(se.agenda) THEN se.agenda ELSE '{}' END,
             '$.practicesShared') j
           WHERE se.status = 'held' AND se.date BETWEEN ? AND ? AND se.cluster_id ${IN})
       GROUP BY cluster_id, practice_id`,
    )
    .all(from, to, ids, from, to, ids) as { clusterId: string; practiceId: string; n: number }[];
  const adoptionRows = s
    .get(
      `SELECT coalesce(a.cluster_id, sc.cluster_id) AS clusterId, a.practice_id AS practiceId, a.outcome, count(*) AS n
       FROM adoptions a LEFT JOIN schools sc ON sc.id = a.school_id
       WHERE a.adopted_on BETWEEN ? AND ? AND coalesce(a.cluster_id, sc.cluster_id) ${IN}
       GROUP BY 1, 2, 3`,
    )
    .all(from, to, ids) as { clusterId: string; practiceId: string; outcome: string; n: number }[];
  const practices = new Map<string, PracticeFacts>();
  const practice = (id: string): PracticeFacts => {
    let p = practices.get(id);
    if (!p) {
      p = { id, title: '', shared: 0, adoptions: outcomes() };
      practices.set(id, p);
    }
    return p;
  };
  for (const r of sharedRows) {
    byId.get(r.clusterId)!.practicesShared += r.n;
    practice(r.practiceId).shared += r.n;
  }
  for (const r of adoptionRows) {
    const outcome = r.outcome as keyof PracticeFacts['adoptions'];
    if (!(outcome in outcomes())) continue;
    byId.get(r.clusterId)!.adoptions[outcome] += r.n;
    practice(r.practiceId).adoptions[outcome] += r.n;
  }
  const titles = s.get('SELECT id, title FROM practices WHERE id IN (SELECT value FROM json_each(?))');
  for (const r of titles.all(JSON.stringify([...practices.keys()])) as { id: string; title: string }[]) {
    practices.get(r.id)!.title = r.title;
  }
  // A practice known only by id (carried without its record) keeps a recognisable name.
  for (const p of practices.values()) if (!p.title) p.title = p.id;

  // Indicators: the latest term in the period with figures for the scope's schools.
  const periodTerms = termsOverlapping(from, to);
  const termRow = s
    .get(
      `SELECT max(i.term) AS term FROM indicators i JOIN schools sc ON sc.id = i.school_id
       WHERE i.term IN (SELECT value FROM json_each(?)) AND sc.cluster_id ${IN}`,
    )
    .get(JSON.stringify(periodTerms), ids) as { term: string | null };
  const term = termRow.term;
  const before = term ? previousTerm(term) : null;
  const earliest = (s.get('SELECT min(term) AS t FROM indicators').get() as { t: string | null }).t;
  const trendTerms = term
    ? termsUpTo(term, TREND_TERMS).filter((x) => earliest !== null && x >= earliest)
    : [];

  const regionTrend: Record<string, IndicatorValues> = {};
  if (term) {
    const sums = new Map<string, Map<string, Sums>>();
    const cols = reportIndicators.map((k) => `sum(i.${k}) AS ${k}_sum, count(i.${k}) AS ${k}_n`).join(', ');
    for (const r of s
      .get(
        `SELECT sc.cluster_id AS id, i.term, ${cols} FROM indicators i JOIN schools sc ON sc.id = i.school_id
         WHERE i.term IN (SELECT value FROM json_each(?)) GROUP BY sc.cluster_id, i.term`,
      )
      .all(JSON.stringify(trendTerms)) as Record<string, string | number | null>[]) {
      const perTerm = sums.get(r.term as string) ?? new Map<string, Sums>();
      sums.set(r.term as string, perTerm);
      perTerm.set(
        r.id as string,
        Object.fromEntries(
          reportIndicators.map((k) => [k, { sum: Number(r[`${k}_sum`] ?? 0), n: Number(r[`${k}_n`] ?? 0) }]),
        ) as Sums,
      );
    }
    const average = (
      perTerm: Map<string, Sums> | undefined,
      clusterIds: Iterable<string>,
    ): IndicatorValues => {
      const out = emptyValues();
      if (!perTerm) return out;
      for (const k of reportIndicators) {
        let sum = 0;
        let n = 0;
        for (const id of clusterIds) {
          const v = perTerm.get(id)?.[k];
          if (v) {
            sum += v.sum;
            n += v.n;
          }
        }
        out[k] = n > 0 ? sum / n : null;
      }
      return out;
    };
    const neighbours = new Map<string, string[]>();
    for (const r of s.get('SELECT cluster_id AS a, neighbour_id AS b FROM cluster_neighbours').all() as {
      a: string;
      b: string;
    }[]) {
      neighbours.set(r.a, [...(neighbours.get(r.a) ?? []), r.b]);
      neighbours.set(r.b, [...(neighbours.get(r.b) ?? []), r.a]);
    }
    for (const x of trendTerms) {
      const perTerm = sums.get(x);
      regionTrend[x] = average(perTerm, perTerm?.keys() ?? []);
      for (const c of byId.values()) {
        c.trend[x] = {
          cluster: average(perTerm, [c.id]),
          neighbours: average(perTerm, neighbours.get(c.id) ?? []),
        };
      }
    }

    const pick = reportIndicators.map((k) => `i.${k}`).join(', ');
    const schoolTerm = s.get(
      `SELECT sc.id, sc.cluster_id AS clusterId, sc.name, ${pick}, i.vulnerable_identified AS vi, i.vulnerable_reached AS vr
       FROM schools sc LEFT JOIN indicators i ON i.school_id = sc.id AND i.term = ?
       WHERE sc.cluster_id ${IN} ORDER BY sc.name, sc.id`,
    );
    const previous = new Map(
      (schoolTerm.all(before, ids) as Record<string, string | number | null>[]).map((r) => [
        r.id as string,
        r,
      ]),
    );
    for (const r of schoolTerm.all(term, ids) as Record<string, string | number | null>[]) {
      const values = (row: Record<string, string | number | null> | undefined): IndicatorValues =>
        Object.fromEntries(
          reportIndicators.map((k) => [k, (row?.[k] as number | null) ?? null]),
        ) as IndicatorValues;
      const school: SchoolFacts = {
        id: r.id as string,
        name: r.name as string,
        current: values(r),
        previous: values(previous.get(r.id as string)),
        vulnerableIdentified: r.vi as number | null,
        vulnerableReached: r.vr as number | null,
      };
      byId.get(r.clusterId as string)!.schools.push(school);
    }
  }

  const region = s.get('SELECT name FROM regions ORDER BY name LIMIT 1').get() as
    { name: string } | undefined;
  return {
    regionName: region?.name ?? '',
    scope,
    scopeName: inScope.name,
    period,
    from,
    to,
    today,
    term,
    previousTerm: before,
    trendTerms,
    clusters: [...byId.values()],
    regionTrend,
    practices: [...practices.values()],
    provenance: provenance(store, madeAt),
  };
}

/** The store's digest and each laptop whose changes it holds, with the day of its latest one. */
export function provenance(store: Store, madeAt: string): Provenance {
  const devices = store.statements
    .get(
      `SELECT d.device_id AS id, d.name, d.is_self AS self, (SELECT max(hlc) FROM changes WHERE device = d.idx) AS hlc
       FROM devices d ORDER BY d.is_self DESC, d.name, d.device_id`,
    )
    .all() as { id: string; name: string; self: number; hlc: number | null }[];
  return {
    digest: storeDigest(store).digest,
    devices: devices
      .filter((d) => d.hlc !== null)
      .map((d) => ({
        id: d.id,
        name: d.name,
        self: d.self === 1,
        latestChange: hlcToIso(d.hlc!).slice(0, 10),
      })),
    madeAt,
    version: appVersion,
  };
}
