import { describe, expect, it } from 'vitest';
import { attendanceId } from '../../electron/db/ids.ts';
import type { Store } from '../../electron/db/store.ts';
import {
  listRemovals,
  previewRemoval,
  removeRecord,
  restoreRemoval,
} from '../../electron/services/removals/service.ts';
import { storeDigest } from '../../electron/services/sync/digest.ts';
import { applyPayload } from '../../electron/services/sync/importChanges.ts';
import { PamojaError } from '../../shared/errors.ts';
import { tempStore } from './helpers.ts';
import { changeCount } from './storeState.ts';
import { carry, payloadFor, seedRegion, sourceOf } from './syncHelpers.ts';

type Seeded = ReturnType<typeof seedRegion>;

function withAttendance(store: Store, s: Seeded) {
  store.write((w) => {
    for (const member_id of s.members.slice(0, 2))
      w.insert('attendance', {
        id: attendanceId(s.session, member_id),
        session_id: s.session,
        member_id,
        status: 'present',
      });
  });
}

const changesSince = (store: Store, seq: number) =>
  store.db.prepare('SELECT tbl, row_id, col, value FROM changes WHERE seq > ? ORDER BY seq').all(seq) as {
    tbl: string;
    row_id: string;
    col: string;
    value: unknown;
  }[];
const lastSeq = (store: Store) =>
  (store.db.prepare('SELECT coalesce(max(seq), 0) AS s FROM changes').get() as { s: number }).s;
const row = (store: Store, table: string, id: string) =>
  store.db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;

function expectRefused(fn: () => unknown, code: PamojaError['code'], words: RegExp) {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(PamojaError);
    expect((e as PamojaError).code).toBe(code);
    expect((e as PamojaError).message).toMatch(words);
    return;
  }
  throw new Error('expected a refusal');
}

describe('removing a record and restoring it', () => {
  it('removes a member with their attendance, lists it, and restores all of it as it was', () => {
    const store = tempStore();
    const s = seedRegion(store);
    withAttendance(store, s);
    const member = s.members[0]!;
    const before = row(store, 'members', member);

    expect(previewRemoval(store, 'members', member)).toEqual({
      removed: { members: 1, attendance: 1 },
      unlinked: {},
    });
    const seq = lastSeq(store);
    const removal = removeRecord(store, 'members', member);
    expect(removal).toMatchObject({
      table: 'members',
      rowId: member,
      label: 'Member 0-0',
      clusterName: 'Mnarani',
    });
    expect(row(store, 'members', member)).toBeUndefined();
    expect(row(store, 'attendance', attendanceId(s.session, member))).toBeUndefined();
    // Exactly one tombstone per removed row, nothing else.
    expect(changesSince(store, seq)).toEqual([
      { tbl: 'attendance', row_id: attendanceId(s.session, member), col: '_deleted', value: 1 },
      { tbl: 'members', row_id: member, col: '_deleted', value: 1 },
    ]);
    expect(listRemovals(store, 10).map((r) => r.id)).toEqual([removal.id]);

    const seq2 = lastSeq(store);
    expect(restoreRemoval(store, removal.id)).toEqual({ table: 'members', rowId: member, restored: 2 });
    expect(row(store, 'members', member)).toEqual(before);
    expect(row(store, 'attendance', attendanceId(s.session, member))).toMatchObject({ status: 'present' });
    // A restore is a revival per row, and writes no field.
    expect(changesSince(store, seq2)).toEqual([
      { tbl: 'members', row_id: member, col: '_deleted', value: 0 },
      { tbl: 'attendance', row_id: attendanceId(s.session, member), col: '_deleted', value: 0 },
    ]);
    expect(listRemovals(store, 10)).toEqual([]);
  });

  it('empties the links of rows that only point at a removed school, and puts them back', () => {
    const store = tempStore();
    const s = seedRegion(store);
    const school = s.schools[0]!;
    expect(previewRemoval(store, 'schools', school)).toEqual({
      removed: { schools: 1 },
      unlinked: { members: 1, sessions: 1 },
    });
    const removal = removeRecord(store, 'schools', school);
    expect(row(store, 'members', s.members[0]!)).toMatchObject({ school_id: null });
    expect(row(store, 'sessions', s.session)).toMatchObject({ host_school_id: null });
    restoreRemoval(store, removal.id);
    expect(row(store, 'members', s.members[0]!)).toMatchObject({ school_id: school });
    expect(row(store, 'sessions', s.session)).toMatchObject({ host_school_id: school });
  });

  it('does not undo a link the coach set again after the removal', () => {
    const store = tempStore();
    const s = seedRegion(store);
    const removal = removeRecord(store, 'schools', s.schools[0]!);
    store.write((w) => w.update('members', s.members[0]!, { school_id: s.schools[1]! }));
    restoreRemoval(store, removal.id);
    expect(row(store, 'members', s.members[0]!)).toMatchObject({ school_id: s.schools[1]! });
  });

  it('refuses what cannot be done, and writes nothing when it does', () => {
    const store = tempStore();
    const s = seedRegion(store);
    const changes = changeCount(store);
    expectRefused(
      () => removeRecord(store, 'members', '00000000-0000-4000-8000-000000000000'),
      'not_found',
      /not here/,
    );
    expect(changeCount(store)).toBe(changes);

    const member = removeRecord(store, 'members', s.members[2]!);
    const cluster = removeRecord(store, 'clusters', s.clusters[1]!);
    // The member belonged to the cluster removed after it: it cannot come back first.
    const held = changeCount(store);
    expectRefused(
      () => restoreRemoval(store, member.id),
      'conflict',
      /CoP it belongs to .* Restore that first/,
    );
    expect(changeCount(store)).toBe(held);
    restoreRemoval(store, cluster.id);
    restoreRemoval(store, member.id);
    expect(row(store, 'members', s.members[2]!)).toBeDefined();
    expectRefused(() => restoreRemoval(store, member.id), 'conflict', /restored already/);
    expectRefused(() => restoreRemoval(store, 9999), 'not_found', /Nothing was removed/);
  });

  it('leaves out of the list what came back another way', () => {
    const store = tempStore();
    const s = seedRegion(store);
    removeRecord(store, 'members', s.members[0]!);
    // e.g. another laptop restored it and its bundle arrived.
    store.write((w) => w.restore('members', s.members[0]!));
    expect(listRemovals(store, 10)).toEqual([]);
  });
});

/** Three laptops holding the same region. */
function threeLaptops() {
  const origin = tempStore({}, 'origin.sqlite');
  const s = seedRegion(origin);
  withAttendance(origin, s);
  const [a, b, c] = ['a', 'b', 'c'].map((n) => {
    const store = tempStore({}, `${n}.sqlite`);
    carry(origin, store, { kind: 'full' });
    return store;
  }) as [Store, Store, Store];
  return { s, a, b, c };
}

function take(to: Store, from: Store, payload: Uint8Array) {
  applyPayload(to, payload, sourceOf(from, 'peer'));
}

function freshCopy(from: Store, name: string): Store {
  const store = tempStore({}, name);
  carry(from, store, { kind: 'full' });
  return store;
}

describe('a restore travels: a later revival wins over the older tombstone', () => {
  it('on every laptop, in either order of bundles, without undoing a field edited meanwhile', () => {
    const { s, a, b, c } = threeLaptops();
    const base = freshCopy(a, 'base.sqlite');
    const member = s.members[0]!;
    // Laptop C, not having seen the removal, corrects the phone number.
    c.write((w) => w.update('members', member, { phone: '0712 000 111' }));
    // Laptop A removes the member; B takes A's bundle and restores it.
    removeRecord(a, 'members', member);
    carry(a, b);
    const removalOnB = listRemovals(b, 10);
    expect(removalOnB).toEqual([]); // the list is this laptop's own removals
    b.write((w) => {
      w.restore('members', member);
      w.restore('attendance', attendanceId(s.session, member));
    });

    const fromA = payloadFor(a, { kind: 'peer', forDevice: b.deviceId });
    const fromB = payloadFor(b, { kind: 'peer', forDevice: a.deviceId }); // only the revival
    const fromC = payloadFor(c, { kind: 'full' });
    const orders: [string, Store, Uint8Array][][] = [
      [
        ['a', a, fromA],
        ['b', b, fromB],
        ['c', c, fromC],
      ],
      [
        ['b', b, fromB],
        ['a', a, fromA],
        ['c', c, fromC],
      ],
      [
        ['c', c, fromC],
        ['b', b, fromB],
        ['a', a, fromA],
      ],
      [
        ['b', b, fromB],
        ['c', c, fromC],
        ['a', a, fromA],
      ],
    ];
    const digests = orders.map((order, i) => {
      const store = freshCopy(base, `order-${i}.sqlite`);
      for (const [, from, payload] of order) take(store, from, payload);
      expect(row(store, 'members', member), `order ${order.map((o) => o[0]).join('')}`).toMatchObject({
        phone: '0712 000 111',
        name: 'Member 0-0',
      });
      expect(row(store, 'attendance', attendanceId(s.session, member))).toBeDefined();
      return storeDigest(store).digest;
    });
    expect(new Set(digests).size).toBe(1);

    // And on the laptop that removed it, once B's bundle comes back.
    take(a, b, fromB);
    take(a, c, fromC);
    expect(row(a, 'members', member)).toMatchObject({ phone: '0712 000 111' });
    expect(storeDigest(a).digest).toBe(digests[0]);
  });

  it('a removal made after the restore wins again, in either order', () => {
    const { s, a, b } = threeLaptops();
    const base = freshCopy(a, 'base.sqlite');
    const member = s.members[1]!;
    removeRecord(a, 'members', member);
    carry(a, b);
    b.write((w) => w.restore('members', member));
    carry(b, a);
    const again = removeRecord(a, 'members', member);
    expect(again.effects.removed.members).toBe(1);
    const fromA = payloadFor(a, { kind: 'full' });
    const fromB = payloadFor(b, { kind: 'full' });
    for (const [i, order] of [
      [
        [a, fromA],
        [b, fromB],
      ],
      [
        [b, fromB],
        [a, fromA],
      ],
    ].entries()) {
      const store = freshCopy(base, `again-${i}.sqlite`);
      for (const [from, payload] of order as [Store, Uint8Array][]) take(store, from, payload);
      expect(row(store, 'members', member)).toBeUndefined();
    }
  });
});
