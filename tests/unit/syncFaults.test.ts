import { describe, expect, it } from 'vitest';
import { PamojaError } from '../../shared/errors.ts';
import { hlcWall } from '../../shared/clock.ts';
import { MAX_CLOCK_AHEAD_MS } from '../../shared/sync/clockGuard.ts';
import { storeDigest } from '../../electron/services/sync/digest.ts';
import { applyPayload } from '../../electron/services/sync/importChanges.ts';
import { identityOf, spanPayload } from './spanHelpers.ts';
import { ownKnowledge } from '../../electron/services/sync/knowledgeStore.ts';
import { clockWarnings } from '../../electron/services/sync/service.ts';
import { tempStore } from './helpers.ts';
import { carry, payloadFor, seedRegion, sourceOf } from './syncHelpers.ts';

const DAY = 86_400_000;

function clocked(start = 1_800_000_000_000) {
  const clock = { t: start };
  return { store: tempStore({ now: () => clock.t }), clock };
}

const notesOf = (s: ReturnType<typeof tempStore>, id: string) =>
  (s.db.prepare('SELECT notes FROM sessions WHERE id = ?').get(id) as { notes: string }).notes;

describe('sync faults', () => {
  it('replaying an old bundle changes nothing', () => {
    const a = clocked();
    const b = clocked();
    const { session } = seedRegion(a.store);
    carry(a.store, b.store, { kind: 'full' });
    a.clock.t += 1000;
    a.store.write((w) => w.update('sessions', session, { notes: 'v1' }));
    const old = payloadFor(a.store, { kind: 'peer', forDevice: b.store.deviceId });
    const oldSource = sourceOf(a.store, 'peer');
    applyPayload(b.store, old, oldSource);
    a.clock.t += 1000;
    a.store.write((w) => w.update('sessions', session, { notes: 'v2' }));
    carry(a.store, b.store);
    const before = storeDigest(b.store);
    const replay = applyPayload(b.store, old, oldSource);
    expect(replay.new).toBe(0);
    expect(replay.known).toBeGreaterThan(0);
    expect(storeDigest(b.store)).toEqual(before);
    expect(notesOf(b.store, session)).toBe('v2');
  });

  it('a sender whose clock is a year ahead is held back, warned about, and does not drag the clock', () => {
    const a = clocked();
    const b = clocked(1_800_000_000_000 + 365 * DAY);
    const { session } = seedRegion(a.store);
    carry(a.store, b.store, { kind: 'full' });
    b.store.write((w) => w.update('sessions', session, { notes: 'from the future' }));
    const before = storeDigest(a.store);
    const r = carry(b.store, a.store);
    expect(r.held).toBe(1);
    expect(r.clockWarning?.deviceId).toBe(b.store.deviceId);
    expect(r.clockWarning!.aheadMs).toBeGreaterThan(300 * DAY);
    expect(storeDigest(a.store)).toEqual(before);
    expect(hlcWall(a.store.clock.last)).toBeLessThan(a.clock.t + MAX_CLOCK_AHEAD_MS);
    expect(clockWarnings(a.store)).toHaveLength(1);
    // A's own later edit wins over the held-back one while it is held.
    a.clock.t += 1000;
    a.store.write((w) => w.update('sessions', session, { notes: 'written today' }));
    expect(notesOf(a.store, session)).toBe('written today');
    // A year later the held change is considered again (with any bundle) and, being newer, applies.
    a.clock.t += 366 * DAY;
    const later = carry(b.store, a.store);
    expect(later.released).toBe(1);
    expect(notesOf(a.store, session)).toBe('from the future');
  });

  it('a lost bundle is re-sent in the next one, and stale bundles arriving late are known', () => {
    const a = clocked();
    const b = clocked();
    const { session } = seedRegion(a.store);
    carry(a.store, b.store, { kind: 'full' });
    carry(b.store, a.store);
    const edit = (notes: string) => {
      a.clock.t += 1000;
      a.store.write((w) => w.update('sessions', session, { notes }));
      return {
        payload: payloadFor(a.store, { kind: 'peer', forDevice: b.store.deviceId }),
        source: sourceOf(a.store, 'peer'),
      };
    };
    edit('e1'); // lost on the way
    const p2 = edit('e2');
    const p3 = edit('e3');
    const r3 = applyPayload(b.store, p3.payload, p3.source);
    expect(r3.new).toBe(3); // e1, e2, e3: B never declared having e1
    expect(applyPayload(b.store, p2.payload, p2.source).new).toBe(0);
    expect(storeDigest(b.store)).toEqual(storeDigest(a.store));
  });

  it('a bundle made for another laptop does not make the receiver believe it has the gap', () => {
    const a = clocked();
    const b = clocked();
    const c = clocked();
    const { session } = seedRegion(a.store);
    carry(a.store, b.store, { kind: 'full' });
    carry(a.store, c.store, { kind: 'full' });
    a.clock.t += 1000;
    a.store.write((w) => w.update('sessions', session, { notes: 'e1' }));
    carry(a.store, c.store);
    carry(c.store, a.store); // A learns C holds e1
    a.clock.t += 1000;
    a.store.write((w) =>
      w.update('schools', (a.store.db.prepare('SELECT id FROM schools LIMIT 1').get() as { id: string }).id, {
        learners: 999,
      }),
    );
    // A bundle for C (without e1) reaches B instead.
    const forC = payloadFor(a.store, { kind: 'peer', forDevice: c.store.deviceId });
    applyPayload(b.store, forC, sourceOf(a.store, 'peer'));
    expect(notesOf(b.store, session)).toBe('first notes');
    const known = ownKnowledge(b.store)[a.store.deviceId] ?? [];
    expect(known.some(([lo, hi]) => lo <= a.store.clock.last && hi >= a.store.clock.last)).toBe(false);
    carry(b.store, a.store);
    carry(a.store, b.store);
    expect(notesOf(b.store, session)).toBe('e1');
    expect(storeDigest(b.store)).toEqual(storeDigest(a.store));
  });

  it('a change that fails validation refuses the whole bundle and names table and field', () => {
    const a = clocked();
    const { schools } = seedRegion(a.store);
    const beforeDigest = storeDigest(a.store);
    const beforeChanges = a.store.db.prepare('SELECT count(*) AS n FROM changes').get();
    const other = clocked();
    const bad = spanPayload(identityOf(other.store), [
      { tbl: 'schools', row_id: schools[1]!, col: 'name', value: 'Renamed', hlc: 1_800_000_000_100 * 1024 },
      { tbl: 'schools', row_id: schools[0]!, col: 'learners', value: -5, hlc: 1_800_000_000_000 * 1024 },
    ]);
    const source = { ...sourceOf(other.store, 'peer') };
    let error: unknown;
    try {
      applyPayload(a.store, bad, source);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PamojaError);
    expect((error as PamojaError).path).toBe('schools.learners');
    expect((error as PamojaError).message).toMatch(/schools\.learners/);
    expect(storeDigest(a.store)).toEqual(beforeDigest);
    expect(a.store.db.prepare('SELECT count(*) AS n FROM changes').get()).toEqual(beforeChanges);

    const unknown = spanPayload(identityOf(other.store), [
      { tbl: 'secrets', row_id: schools[0]!, col: 'x', value: 1, hlc: 1024 },
    ]);
    expect(() => applyPayload(a.store, unknown, source)).toThrow(/unknown table "secrets"/);
  });

  it('a child whose parent was deleted on another laptop waits instead of failing the import', () => {
    const a = clocked();
    const b = clocked();
    const { session, members } = seedRegion(a.store);
    carry(a.store, b.store, { kind: 'full' });
    a.clock.t += 1000;
    a.store.write((w) => w.remove('sessions', session));
    b.clock.t += 2000;
    b.store.write((w) =>
      w.insert('attendance', { session_id: session, member_id: members[0]!, status: 'present' }),
    );
    b.store.write((w) => w.update('sessions', session, { notes: 'edited after the delete' }));
    // B's later edit brings the session back everywhere, with its attendance.
    carry(b.store, a.store);
    carry(a.store, b.store);
    expect(storeDigest(a.store)).toEqual(storeDigest(b.store));
    expect(notesOf(a.store, session)).toBe('edited after the delete');

    // A deletes it again; B adds another attendance before hearing of it: the attendance waits.
    a.clock.t += 10_000;
    a.store.write((w) => {
      for (const r of a.store.db.prepare('SELECT id FROM attendance WHERE session_id = ?').all(session) as {
        id: string;
      }[])
        w.remove('attendance', r.id);
      w.remove('sessions', session);
    });
    b.store.write((w) =>
      w.insert('attendance', { session_id: session, member_id: members[1]!, status: 'absent' }),
    );
    carry(b.store, a.store);
    carry(a.store, b.store);
    expect(storeDigest(a.store)).toEqual(storeDigest(b.store));
    expect(
      a.store.db.prepare('SELECT count(*) AS n FROM attendance WHERE session_id = ?').get(session),
    ).toEqual({ n: 0 });
    expect(a.store.db.pragma('foreign_key_check')).toEqual([]);
    expect(a.store.db.prepare('SELECT count(*) AS n FROM sync_waiting').get()).toEqual({ n: 1 });
  });

  it('an update that arrives before its insert waits for it', () => {
    const a = clocked();
    const b = clocked();
    seedRegion(a.store);
    carry(a.store, b.store, { kind: 'full' });
    const cluster = (a.store.db.prepare('SELECT id FROM clusters LIMIT 1').get() as { id: string }).id;
    a.clock.t += 1000;
    const id = a.store.write((w) =>
      w.insert('priorities', {
        cluster_id: cluster,
        tag: 'attendance',
        title: 'p',
        rank: 1,
        agreed_on: '2026-01-01',
      }),
    );
    const insert = {
      payload: payloadFor(a.store, { kind: 'peer', forDevice: b.store.deviceId }),
      source: sourceOf(a.store, 'peer'),
    };
    a.clock.t += 1000;
    a.store.write((w) => w.update('priorities', id, { title: 'renamed' }));
    // Only the update, in a span of its own signed by A (as a later bundle of A's would carry it).
    const row = a.store.db
      .prepare("SELECT value, hlc FROM changes WHERE row_id = ? AND col = 'title' ORDER BY hlc DESC LIMIT 1")
      .get(id) as { value: string; hlc: number };
    applyPayload(
      b.store,
      spanPayload(identityOf(a.store), [
        { tbl: 'priorities', row_id: id, col: 'title', value: row.value, hlc: row.hlc },
      ]),
      sourceOf(a.store, 'selective'),
    );
    expect(b.store.db.prepare('SELECT 1 FROM priorities WHERE id = ?').get(id)).toBeUndefined();
    applyPayload(b.store, insert.payload, insert.source);
    expect(b.store.db.prepare('SELECT title FROM priorities WHERE id = ?').get(id)).toEqual({
      title: 'renamed',
    });
  });
});
