import { priorityTags, type PriorityTag } from '../../shared/schema/enums.ts';
import { attendanceId } from '../db/ids.ts';
import type { Store } from '../db/store.ts';
import { addDays } from './calendar.ts';
import { practiceLibrary } from './library/index.ts';
import { recombinedWords } from './plan/recombine.ts';
import type { Rng } from './prng.ts';
import { commitmentActions, meetingTopics, reviewNotes } from './texts.ts';

/**
 * The edits a coach makes, one kind per function. Each reads what it needs (always in id
 * order, so a seed gives the same edits on the same content), then makes one write through
 * the change-recording path. A function returns what it did, or null when the store has
 * nothing it could apply to (the caller then tries another kind).
 */
export interface EditContext {
  store: Store;
  rng: Rng;
  /** The coach's "today". */
  now: string;
}
export type Edit = (ctx: EditContext) => string | null;

export const all = <T>(store: Store, sql: string, ...params: unknown[]): T[] =>
  store.statements.get(sql).all(...params) as T[];

/**
 * One row drawn at random, in id order, from `from` (a table and a WHERE clause written in
 * code, values as parameters), without reading every row: a country has 50,000 practices.
 */
export function pickOne<T>(
  ctx: EditContext,
  columns: string,
  from: string,
  ...params: unknown[]
): T | undefined {
  const { n } = ctx.store.statements.get(`SELECT count(*) AS n FROM ${from}`).get(...params) as { n: number };
  if (n === 0) return undefined;
  return ctx.store.statements
    .get(`SELECT ${columns} FROM ${from} ORDER BY id LIMIT 1 OFFSET ?`)
    .get(...params, ctx.rng.int(0, n - 1)) as T;
}

export function pickCluster(ctx: EditContext): string | null {
  const cluster = pickOne<{ id: string }>(
    ctx,
    'id',
    `clusters c WHERE EXISTS (SELECT 1 FROM members m WHERE m.cluster_id = c.id)
       AND EXISTS (SELECT 1 FROM schools s WHERE s.cluster_id = c.id)`,
  );
  return cluster?.id ?? null;
}

const membersOf = (store: Store, cluster: string) =>
  all<{ id: string; role: string }>(
    store,
    'SELECT id, role FROM members WHERE cluster_id = ? ORDER BY id',
    cluster,
  );

export const latestHeld = (store: Store, cluster: string) =>
  store.statements
    .get(
      `SELECT id, date FROM sessions WHERE cluster_id = ? AND status = 'held' ORDER BY date DESC, id LIMIT 1`,
    )
    .get(cluster) as { id: string; date: string } | undefined;

/** Record a session: a planned one is marked held, or a new one is added; with attendance. */
export const sessionHeld: Edit = (ctx) => {
  const { store, rng, now } = ctx;
  const cluster = pickCluster(ctx);
  if (!cluster) return null;
  const planned = all<{ id: string }>(
    store,
    `SELECT id FROM sessions WHERE cluster_id = ? AND status = 'planned' ORDER BY date, id LIMIT 1`,
    cluster,
  )[0];
  const members = rng.sample(membersOf(store, cluster), 12);
  const date = addDays(now, -rng.int(0, 6));
  const present = members.filter(() => rng.chance(0.8)).length;
  const notes = `${present} of ${members.length} present. Went through the term's attendance school by school; two heads will bring the absence book next time.`;
  const id = planned?.id ?? rng.uuid();
  const marks = members.map((m) => ({
    id: m.id,
    status: rng.weighted(['present', 'apologies', 'absent'] as const, [8, 1, 1]),
  }));
  store.write((w) => {
    if (planned) w.update('sessions', id, { status: 'held', date, notes });
    else
      w.insert('sessions', {
        id,
        cluster_id: cluster,
        kind: 'meeting',
        mode: rng.pick(['in_person', 'phone', 'whatsapp'] as const),
        status: 'held',
        date,
        place: '',
        title: rng.pick(meetingTopics).replace('{term}', 'This term'),
        agenda: '1. Welcome and apologies\n2. Review of commitments\n3. Data\n4. New commitments',
        notes,
        host_school_id: null,
        enquiry_question: '',
        evidence: '',
        findings: '',
      });
    for (const m of marks) {
      const row = attendanceId(id, m.id);
      if (store.statements.get('SELECT 1 FROM attendance WHERE id = ?').get(row))
        w.update('attendance', row, { status: m.status });
      else w.insert('attendance', { id: row, session_id: id, member_id: m.id, status: m.status });
    }
  });
  return `${planned ? 'recorded planned' : 'added'} session ${id} with ${marks.length} attendance marks`;
};

/** A head commits to an action in front of the group. */
export const commitmentMade: Edit = (ctx) => {
  const { store, rng, now } = ctx;
  const cluster = pickCluster(ctx);
  if (!cluster) return null;
  const members = membersOf(store, cluster);
  const owner = rng.pick(members);
  const witnesses = rng
    .sample(
      members.filter((m) => m.id !== owner.id),
      3,
    )
    .map((m) => m.id);
  const tag = rng.pick(priorityTags);
  const id = rng.uuid();
  store.write((w) =>
    w.insert('commitments', {
      id,
      cluster_id: cluster,
      session_id: latestHeld(store, cluster)?.id ?? null,
      owner_member_id: owner.id,
      action: rng.pick(commitmentActions[tag]),
      due_date: addDays(now, rng.int(14, 56)),
      witnesses: JSON.stringify(witnesses),
      status: 'open',
    }),
  );
  return `added commitment ${id}`;
};

/** A commitment comes up at a meeting (or a phone call) and gets its verdict. */
export const commitmentReviewed: Edit = (ctx) => {
  const { store, rng, now } = ctx;
  const c = pickOne<{ id: string; cluster_id: string }>(
    ctx,
    'id, cluster_id',
    `commitments WHERE status IN ('open', 'partly', 'not_done')`,
  );
  if (!c) return null;
  const outcome = rng.weighted(['done', 'partly', 'not_done', 'dropped'] as const, [5, 3, 2, 1]);
  const id = rng.uuid();
  store.write((w) => {
    w.insert('commitment_reviews', {
      id,
      commitment_id: c.id,
      session_id: rng.chance(0.7) ? (latestHeld(store, c.cluster_id)?.id ?? null) : null,
      outcome,
      note: rng.pick(reviewNotes[outcome]),
      reviewed_on: now,
    });
    w.update('commitments', c.id, { status: outcome });
  });
  return `reviewed commitment ${c.id}: ${outcome}`;
};

/** The coach improves a practice's write-up or its tags. */
export const practiceEdited: Edit = (ctx) => {
  const { store, rng } = ctx;
  const p = pickOne<{ id: string; summary: string; steps: string; tags: string }>(
    ctx,
    'id, summary, steps, tags',
    'practices',
  );
  if (!p) return null;
  const tags = JSON.parse(p.tags) as PriorityTag[];
  const what = rng.pick(['summary', 'steps', 'tags'] as const);
  store.write((w) => {
    if (what === 'summary')
      w.update('practices', p.id, {
        summary: `${p.summary}\nCoach's note: works best when the village elder is told first.`,
      });
    if (what === 'steps') {
      const n = p.steps.split('\n').filter((l) => /^\d+\./.test(l)).length;
      w.update('practices', p.id, {
        steps: `${p.steps}\n${n + 1}. Share what changed at the next CoP meeting.`,
      });
    }
    if (what === 'tags') {
      const extra = rng.pick(priorityTags.filter((t) => !tags.includes(t)));
      const next = tags.length > 1 && rng.chance(0.4) ? tags.slice(1) : [...tags, extra];
      w.update('practices', p.id, { tags: JSON.stringify(next) });
    }
  });
  return `edited the ${what} of practice ${p.id}`;
};

/** A practice a cluster tried, written up by the coach. */
export const practiceAdded: Edit = (ctx) => {
  const { store, rng, now } = ctx;
  const cluster = pickCluster(ctx);
  if (!cluster) return null;
  const c = store.statements.get('SELECT place, lat, lon FROM clusters WHERE id = ?').get(cluster) as {
    place: string;
    lat: number;
    lon: number;
  };
  const school = rng.pick(
    all<{ id: string }>(store, 'SELECT id FROM schools WHERE cluster_id = ? ORDER BY id', cluster),
  );
  const text = rng.pick(practiceLibrary);
  const words = recombinedWords(rng, text, undefined, c.place || 'the cluster');
  const id = rng.uuid();
  store.write((w) =>
    w.insert('practices', {
      id,
      ...words,
      tags: JSON.stringify(text.tags),
      cost: text.cost,
      setting: text.setting,
      school_size: text.size,
      language: text.language,
      origin_cluster_id: cluster,
      origin_school_id: school.id,
      origin_place: c.place,
      origin_lat: c.lat,
      origin_lon: c.lon,
      started_on: addDays(now, -rng.int(30, 200)),
    }),
  );
  return `added practice ${id}`;
};

/** A school or a whole cluster starts a practice. */
export const adoptionMade: Edit = (ctx) => {
  const { store, rng, now } = ctx;
  const practice = pickOne<{ id: string }>(ctx, 'id', 'practices');
  const cluster = pickCluster(ctx);
  if (!practice || !cluster) return null;
  const schools = all<{ id: string }>(
    store,
    'SELECT id FROM schools WHERE cluster_id = ? ORDER BY id',
    cluster,
  );
  const id = rng.uuid();
  store.write((w) =>
    w.insert('adoptions', {
      id,
      practice_id: practice.id,
      cluster_id: cluster,
      school_id: rng.chance(0.7) ? rng.pick(schools).id : null,
      adopted_on: addDays(now, -rng.int(0, 14)),
      outcome: 'pending',
      outcome_note: '',
      indicator: rng.pick(['attendance_rate', 'literacy_rate', 'numeracy_rate', 'dropout_rate'] as const),
    }),
  );
  return `added adoption ${id}`;
};

/** A pending adoption gets its result. */
export const adoptionOutcome: Edit = (ctx) => {
  const { store, rng } = ctx;
  const a = pickOne<{ id: string }>(ctx, 'id', `adoptions WHERE outcome = 'pending'`);
  if (!a) return null;
  const outcome = rng.weighted(['improved', 'no_change', 'worse'] as const, [5, 3, 1]);
  const note = {
    improved: 'Better after a term.',
    no_change: 'No clear change yet.',
    worse: 'Worse; the school stopped.',
  }[outcome];
  store.write((w) => w.update('adoptions', a.id, { outcome, outcome_note: note }));
  return `adoption ${a.id}: ${outcome}`;
};
