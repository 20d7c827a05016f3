import { derivedId } from '../../electron/db/ids.ts';
import type { Store } from '../../electron/db/store.ts';
import { priorityTags } from '../../shared/schema/enums.ts';

/** A small seeded random source (mulberry32). */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!,
  };
}
export type Rng = ReturnType<typeof rng>;

const ids = (store: Store, table: string): string[] =>
  (store.db.prepare(`SELECT id FROM ${table} ORDER BY id`).all() as { id: string }[]).map((r) => r.id);

/**
 * Random coach-like edits through the write path: notes and figures changed, priorities
 * and attendance added and removed, sessions created and deleted (children first, as the
 * app must), indicators entered under their derived id (two laptops may create the same one).
 */
export function randomEdits(store: Store, r: Rng, edits: number, tag: string): void {
  for (let k = 0; k < edits; k++) {
    store.write((w) => {
      const sessions = ids(store, 'sessions');
      const clusters = ids(store, 'clusters');
      const schools = ids(store, 'schools');
      switch (r.int(9)) {
        case 0:
          if (sessions.length) w.update('sessions', r.pick(sessions), { notes: `note ${tag} ${k}` });
          break;
        case 1:
          if (schools.length) w.update('schools', r.pick(schools), { learners: 100 + r.int(900) });
          break;
        case 2:
          if (clusters.length)
            w.insert('priorities', {
              cluster_id: r.pick(clusters),
              tag: r.pick(priorityTags),
              title: `priority ${tag} ${k}`,
              rank: 1 + r.int(10),
              agreed_on: '2026-03-01',
            });
          break;
        case 3: {
          const priorities = ids(store, 'priorities');
          if (priorities.length) w.remove('priorities', r.pick(priorities));
          break;
        }
        case 4: {
          const members = ids(store, 'members');
          if (!sessions.length || !members.length) break;
          const session = r.pick(sessions);
          const member = r.pick(members);
          const id = derivedId('attendance', session, member);
          if (store.db.prepare('SELECT 1 FROM attendance WHERE id = ?').get(id))
            w.update('attendance', id, { status: r.pick(['present', 'apologies', 'absent'] as const) });
          else w.insert('attendance', { id, session_id: session, member_id: member, status: 'present' });
          break;
        }
        case 5: {
          if (!sessions.length) break;
          const session = r.pick(sessions);
          for (const a of store.db.prepare('SELECT id FROM attendance WHERE session_id = ?').all(session) as {
            id: string;
          }[])
            w.remove('attendance', a.id);
          w.remove('sessions', session);
          break;
        }
        case 6:
          if (clusters.length)
            w.insert('sessions', {
              cluster_id: r.pick(clusters),
              kind: 'meeting',
              mode: 'phone',
              status: 'planned',
              date: '2026-04-01',
              place: '',
              title: `session ${tag} ${k}`,
              agenda: '',
              notes: '',
              host_school_id: schools.length ? r.pick(schools) : null,
              enquiry_question: '',
              evidence: '',
              findings: '',
            });
          break;
        case 7:
          if (clusters.length) w.update('clusters', r.pick(clusters), { coach_name: `coach ${tag} ${k}` });
          break;
        default: {
          if (!schools.length) break;
          const school = r.pick(schools);
          const term = r.pick(['2026-T1', '2026-T2']);
          const id = derivedId('indicators', school, term);
          const value = Math.round(r.next() * 1000) / 10;
          if (store.db.prepare('SELECT 1 FROM indicators WHERE id = ?').get(id))
            w.update('indicators', id, { attendance_rate: value });
          else {
            const empty = {
              enrolment_girls: null,
              enrolment_boys: null,
              dropout_rate: null,
              dropout_rate_girls: null,
            };
            w.insert('indicators', {
              id,
              school_id: school,
              term,
              ...empty,
              attendance_rate: value,
              repetition_rate: null,
              transition_rate: null,
              transition_rate_girls: null,
              literacy_rate: null,
              numeracy_rate: null,
              vulnerable_identified: null,
              vulnerable_reached: null,
            });
          }
        }
      }
    });
  }
}

/** Every change a store holds, as comparable keys. */
export function changeKeys(store: Store): Set<string> {
  const rows = store.db
    .prepare(
      `SELECT c.tbl, c.row_id, c.col, c.value, c.hlc, d.device_id FROM changes c JOIN devices d ON d.idx = c.device`,
    )
    .raw(true)
    .all() as unknown[][];
  return new Set(rows.map((r) => JSON.stringify(r)));
}
