import { z } from 'zod';
import { PamojaError } from '../../shared/errors.ts';
import { tableNames, type TableName } from '../../shared/schema/tables.ts';
import { attendanceId, indicatorsId, neighbourPair } from '../db/ids.ts';
import type { Store } from '../db/store.ts';
import { addDays } from './calendar.ts';
import { planGeography, priorityTitle, type Geography } from './plan/geography.ts';
import { computeSeries, indicatorValues, type Series } from './plan/indicators.ts';
import { settleOutcomes } from './plan/outcomes.ts';
import { planPractices, type PracticePlan } from './plan/practices.ts';
import { planSessions, type SessionsPlan } from './plan/sessions.ts';
import { createRng, type Rng } from './prng.ts';
import { demoScales, scaleSpecs, type DemoScale, type ScaleSpec } from './scales.ts';
import { createSink, type Progress, type RowSink } from './sink.ts';

export { demoScales, type DemoScale } from './scales.ts';

/** What a demo wrote: rows per synced table. */
export interface DemoSummary {
  scale: DemoScale;
  seed: number;
  counts: Record<TableName, number>;
}

export const DemoOptions = z.object({
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1),
  scale: z.enum(demoScales),
});
export type DemoOptions = z.infer<typeof DemoOptions> & { progress?: Progress };

/**
 * Fills an empty store with a demo: the Kilifi region (`region`), a quick cut of it for
 * tests (`small`), or for load tests a country of ~500 CoPs (`country`) or a quarter of it
 * (`counties`, about a million changes). Everything goes
 * through the change-recording write path, so the demo syncs like a coach's own data,
 * and everything is drawn from the seed: the same seed gives the same content.
 */
export function generateDemo(store: Store, options: DemoOptions): DemoSummary {
  const parsed = DemoOptions.safeParse(options);
  if (!parsed.success)
    throw new PamojaError('invalid', `demo: ${parsed.error.issues[0]?.message ?? 'bad options'}`);
  const held = store.db.prepare('SELECT name FROM regions ORDER BY name LIMIT 1').get() as
    { name: string } | undefined;
  if (held)
    throw new PamojaError(
      'conflict',
      `This store already holds a region (${held.name}); the demo goes only into an empty store.`,
    );
  const spec = scaleSpecs[parsed.data.scale];
  const root = createRng(parsed.data.seed);

  const geo = planGeography(root.fork('geography'), spec);
  const practices = planPractices(root.fork('practices'), spec, geo);
  const seriesRng = root.fork('series');
  const series = geo.schools.map((s) => computeSeries(s.model, s.effects, spec.terms.length, seriesRng));
  settleOutcomes(practices, geo, series, spec.terms);
  const sessions = planSessions(root.fork('sessions'), spec, geo, practices, series);

  // A national change log runs to gigabytes: a bigger page cache and bigger transactions
  // keep its indexes' hot pages in memory and write each page fewer times.
  const big = spec.national;
  const cacheSize = store.db.pragma('cache_size', { simple: true }) as number;
  if (big) store.db.pragma('cache_size = -262144');
  try {
    const total = plannedRows(spec, geo, practices, sessions);
    const sink = createSink(store, total, options.progress, big ? 20_000 : 1000);
    writeGeography(sink, root.fork('priorities'), spec, geo);
    writePractices(sink, geo, practices);
    writeIndicators(sink, spec, geo, series);
    writeSessions(sink, geo, sessions);
    const counts = sink.finish();
    return {
      scale: spec.scale,
      seed: parsed.data.seed,
      counts: Object.fromEntries(tableNames.map((t) => [t, counts[t] ?? 0])) as Record<TableName, number>,
    };
  } finally {
    store.db.pragma(`cache_size = ${cacheSize}`);
  }
}

function plannedRows(spec: ScaleSpec, geo: Geography, practices: PracticePlan[], s: SessionsPlan): number {
  let rows = geo.regions.length + geo.clusters.length + geo.neighbourPairs.length + geo.schools.length;
  rows += geo.members.length + geo.clusters.reduce((n, c) => n + c.priorities.length, 0);
  for (const p of practices) rows += 1 + p.evidence.length + p.adoptions.length;
  rows += geo.schools.length * spec.terms.length;
  for (const x of s.sessions) rows += 1 + x.attendance.length;
  for (const c of s.commitments) rows += 1 + c.reviews.length;
  return rows;
}

function writeGeography(sink: RowSink, rng: Rng, spec: ScaleSpec, geo: Geography): void {
  for (const r of geo.regions)
    sink.insert('regions', { id: r.id, name: r.name, country: r.country, language: r.language });
  for (const c of geo.clusters) {
    sink.insert('clusters', {
      id: c.id,
      region_id: geo.regions[c.region]!.id,
      name: c.name,
      place: c.place,
      lat: c.lat,
      lon: c.lon,
      coach_name: c.coachName,
      language: c.language,
    });
  }
  for (const [a, b] of geo.neighbourPairs) {
    const [id, x, y] = neighbourPair(geo.clusters[a]!.id, geo.clusters[b]!.id);
    sink.insert('cluster_neighbours', { id, cluster_id: x, neighbour_id: y });
  }
  for (const s of geo.schools) {
    sink.insert('schools', {
      id: s.id,
      cluster_id: geo.clusters[s.cluster]!.id,
      name: s.name,
      head_name: s.headName,
      lat: s.lat,
      lon: s.lon,
      setting: s.setting,
      learners: s.learners,
      teachers: s.teachers,
    });
  }
  for (const m of geo.members) {
    sink.insert('members', {
      id: m.id,
      cluster_id: geo.clusters[m.cluster]!.id,
      school_id: m.school === null ? null : geo.schools[m.school]!.id,
      name: m.name,
      role: m.role,
      phone: m.phone,
      gender: m.gender,
    });
  }
  for (const c of geo.clusters) {
    const agreedOn = addDays(spec.sessionsFrom, -rng.int(7, 60));
    c.priorities.forEach((tag, i) =>
      sink.insert('priorities', {
        id: rng.uuid(),
        cluster_id: c.id,
        tag,
        title: priorityTitle(rng, tag),
        rank: i + 1,
        agreed_on: agreedOn,
      }),
    );
  }
}

function writePractices(sink: RowSink, geo: Geography, practices: PracticePlan[]): void {
  const clusterId = (k: number | null) => (k === null ? null : geo.clusters[k]!.id);
  for (const p of practices) {
    sink.insert('practices', {
      id: p.id,
      title: p.words.title,
      problem: p.words.problem,
      summary: p.words.summary,
      tags: JSON.stringify(p.text.tags),
      steps: p.words.steps,
      resources: p.words.resources,
      cost: p.text.cost,
      setting: p.text.setting,
      school_size: p.text.size,
      language: p.text.language,
      origin_cluster_id: clusterId(p.originCluster),
      origin_school_id: p.originSchool === null ? null : geo.schools[p.originSchool]!.id,
      origin_place: p.originPlace,
      origin_lat: p.originLat,
      origin_lon: p.originLon,
      started_on: p.startedOn,
    });
  }
  for (const p of practices) {
    for (const e of p.evidence) {
      sink.insert('practice_evidence', {
        id: e.id,
        practice_id: p.id,
        kind: e.kind,
        indicator: e.indicator,
        before_value: e.before,
        after_value: e.after,
        before_period: e.beforePeriod,
        after_period: e.afterPeriod,
        schools_count: e.schoolsCount,
        cluster_id: clusterId(e.cluster),
        story: e.story,
        recorded_on: e.recordedOn,
      });
    }
    for (const a of p.adoptions) {
      sink.insert('adoptions', {
        id: a.id,
        practice_id: p.id,
        cluster_id: clusterId(a.cluster),
        school_id: a.school === null ? null : geo.schools[a.school]!.id,
        adopted_on: a.adoptedOn,
        outcome: a.outcome,
        outcome_note: a.note,
        indicator: a.indicator,
      });
    }
  }
}

function writeIndicators(sink: RowSink, spec: ScaleSpec, geo: Geography, series: readonly Series[]): void {
  geo.schools.forEach((s, i) => {
    spec.terms.forEach((term, t) => {
      sink.insert('indicators', {
        id: indicatorsId(s.id, term),
        school_id: s.id,
        term,
        ...indicatorValues(series[i]!, s.model, t),
      });
    });
  });
}

function writeSessions(sink: RowSink, geo: Geography, plan: SessionsPlan): void {
  const { sessions, commitments } = plan;
  for (const s of sessions) {
    sink.insert('sessions', {
      id: s.id,
      cluster_id: geo.clusters[s.cluster]!.id,
      kind: s.kind,
      mode: s.mode,
      status: s.status,
      date: s.date,
      place: s.place,
      title: s.title,
      agenda: s.agenda,
      notes: s.notes,
      host_school_id: s.hostSchool === null ? null : geo.schools[s.hostSchool]!.id,
      enquiry_question: s.enquiryQuestion,
      evidence: s.evidence,
      findings: s.findings,
    });
    for (const a of s.attendance) {
      const member = geo.members[a.member]!.id;
      sink.insert('attendance', {
        id: attendanceId(s.id, member),
        session_id: s.id,
        member_id: member,
        status: a.status,
      });
    }
  }
  for (const c of commitments) {
    sink.insert('commitments', {
      id: c.id,
      cluster_id: geo.clusters[c.cluster]!.id,
      session_id: sessions[c.session]!.id,
      owner_member_id: geo.members[c.owner]!.id,
      action: c.action,
      due_date: c.dueDate,
      witnesses: JSON.stringify(c.witnesses.map((m) => geo.members[m]!.id)),
      status: c.status,
    });
  }
  for (const c of commitments) {
    for (const r of c.reviews) {
      sink.insert('commitment_reviews', {
        id: r.id,
        commitment_id: c.id,
        session_id: r.session === null ? null : sessions[r.session]!.id,
        outcome: r.outcome,
        note: r.note,
        reviewed_on: r.reviewedOn,
      });
    }
  }
}
