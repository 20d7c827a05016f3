import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../electron/db/store.ts';
import { DELETED } from '../../electron/db/writer.ts';
import { hlcWall } from '../../shared/clock.ts';
import { PamojaError } from '../../shared/errors.ts';
import { columnsOf, type RowInput } from '../../shared/schema/tables.ts';
import { tempDir, tempStore } from './helpers.ts';
import { changeCount, contentHash } from './storeState.ts';

type Change = { tbl: string; row_id: string; col: string; value: unknown; hlc: number; device: number };
const changesOf = (store: Store, rowId: string): Change[] =>
  store.db
    .prepare('SELECT tbl, row_id, col, value, hlc, device FROM changes WHERE row_id = ? ORDER BY seq')
    .all(rowId) as Change[];

const school = (clusterId: string): RowInput<'schools'> => ({
  cluster_id: clusterId,
  name: 'Mnarani Primary',
  head_name: 'Peter Baya',
  lat: -3.642,
  lon: 39.838,
  setting: 'peri_urban',
  learners: 930,
  teachers: 21,
});

/** A region with one cluster and one school, written through the write path. */
function seeded(store: Store) {
  return store.write((w) => {
    const region = w.insert('regions', { name: 'Kilifi County', country: 'Kenya', language: 'en' });
    const cluster = w.insert('clusters', {
      region_id: region,
      name: 'Mnarani CoP',
      place: 'Mnarani',
      lat: -3.64,
      lon: 39.84,
      coach_name: 'Grace Mwambire',
      language: 'en',
    });
    return { region, cluster, school: w.insert('schools', school(cluster)) };
  });
}

describe('the write path', () => {
  it('records every column of an insert once, with one timestamp and this device', () => {
    const store = tempStore();
    const { cluster } = seeded(store);
    const id = store.write((w) => w.insert('schools', { ...school(cluster), name: 'Majaoni Primary' }));
    const recorded = changesOf(store, id);
    expect(recorded.map((c) => c.col).sort()).toEqual([...columnsOf('schools')].sort());
    expect(new Set(recorded.map((c) => c.hlc)).size).toBe(1);
    expect(new Set(recorded.map((c) => c.device))).toEqual(new Set([store.deviceIdx]));
    expect(recorded.find((c) => c.col === 'name')?.value).toBe('Majaoni Primary');
    expect(recorded.find((c) => c.col === 'lat')?.value).toBe(-3.642);
  });

  it('records exactly the fields an update changes', () => {
    const store = tempStore();
    const { school: id } = seeded(store);
    const before = changeCount(store);
    const n = store.write((w) =>
      w.update('schools', id, { learners: 950, teachers: 21, name: 'Mnarani Primary' }),
    );
    expect(n).toBe(1);
    const recorded = store.db
      .prepare('SELECT tbl, row_id, col, value FROM changes WHERE seq > ?')
      .all(before);
    expect(recorded).toEqual([{ tbl: 'schools', row_id: id, col: 'learners', value: 950 }]);
    expect(store.db.prepare('SELECT learners FROM schools WHERE id = ?').pluck().get(id)).toBe(950);
  });

  it('records nothing for an update that changes nothing', () => {
    const store = tempStore();
    const { school: id } = seeded(store);
    const [hash, clock] = [contentHash(store), store.clock.last];
    expect(store.write((w) => w.update('schools', id, { learners: 930, head_name: 'Peter Baya' }))).toBe(0);
    expect(contentHash(store)).toBe(hash);
    expect(store.clock.last).toBe(clock);
  });

  it('records a tombstone for a removal', () => {
    const store = tempStore();
    const { cluster } = seeded(store);
    const id = store.write((w) => w.insert('schools', school(cluster)));
    expect(store.write((w) => w.remove('schools', id))).toBe(true);
    expect(store.db.prepare('SELECT 1 FROM schools WHERE id = ?').get(id)).toBeUndefined();
    const last = changesOf(store, id).at(-1)!;
    expect(last).toMatchObject({ tbl: 'schools', col: DELETED, value: 1, device: store.deviceIdx });
    const before = changeCount(store);
    expect(store.write((w) => w.remove('schools', id))).toBe(false);
    expect(changeCount(store)).toBe(before);
  });
});

describe('the statement cache', () => {
  it('hands out a statement as rows again after another caller plucked it', () => {
    const store = tempStore();
    const sql = 'SELECT device_id AS id FROM devices';
    const plucked = store.statements.get(sql).pluck().all() as string[];
    expect(plucked.every((v) => typeof v === 'string')).toBe(true);
    expect(store.statements.get(sql).all()).toEqual(plucked.map((id) => ({ id })));
    expect(store.statements.get(sql).raw().all()).toEqual(plucked.map((id) => [id]));
    expect(store.statements.get(sql).get()).toEqual({ id: plucked[0] });
  });
});

describe('a rejected write', () => {
  const attempts: [string, (s: Store, ids: ReturnType<typeof seeded>) => void, string, RegExp][] = [
    [
      'a field out of range',
      (s, { school: id }) => s.write((w) => w.update('schools', id, { lat: 91 })),
      'invalid',
      /^schools\.lat: Too big/,
    ],
    [
      'an unknown column',
      (s, { school: id }) => s.write((w) => w.update('schools', id, { colour: 'red' } as never)),
      'invalid',
      /unknown field "schools\.colour"/,
    ],
    [
      'an insert missing a column',
      (s, { cluster }) =>
        s.write((w) => w.insert('schools', { ...school(cluster), teachers: undefined } as never)),
      'invalid',
      /^schools\.teachers/,
    ],
    [
      'an update of a missing row',
      (s) => s.write((w) => w.update('schools', randomUUID(), { learners: 1 })),
      'not_found',
      /^No schools row/,
    ],
    [
      'an insert of an existing id',
      (s, { cluster, school: id }) => s.write((w) => w.insert('schools', { ...school(cluster), id })),
      'conflict',
      /already exists/,
    ],
    [
      'a reference to a missing row, found at commit',
      (s) =>
        s.write((w) => {
          w.update('regions', s.db.prepare('SELECT id FROM regions').pluck().get() as string, {
            name: 'Kilifi',
          });
          w.insert('schools', school(randomUUID()));
        }),
      'conflict',
      /refers to a record that does not exist/,
    ],
  ];

  it.each(attempts)('%s records nothing and leaves rows unchanged', (_name, attempt, code, message) => {
    const store = tempStore();
    const ids = seeded(store);
    const [hash, changes, clock] = [contentHash(store), changeCount(store), store.clock.last];
    let error: unknown;
    try {
      attempt(store, ids);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PamojaError);
    expect((error as PamojaError).code).toBe(code);
    expect((error as PamojaError).message).toMatch(message);
    expect(changeCount(store)).toBe(changes);
    expect(contentHash(store)).toBe(hash);
    expect(store.clock.last).toBe(clock);
  });

  it('that throws after earlier writes in the same transaction undoes them all', () => {
    const store = tempStore();
    const { cluster, school: id } = seeded(store);
    const [hash, clock] = [contentHash(store), store.clock.last];
    expect(() =>
      store.write((w) => {
        w.insert('schools', { ...school(cluster), name: 'Kiwandani Primary' });
        w.update('schools', id, { learners: 1000 });
        w.remove('schools', id);
        throw new Error('power cut');
      }),
    ).toThrow('power cut');
    expect(contentHash(store)).toBe(hash);
    expect(store.clock.last).toBe(clock);
    // The next write carries on from the clock as it was.
    store.write((w) => w.update('schools', id, { learners: 940 }));
    expect(changesOf(store, id).at(-1)!.hlc).toBeGreaterThan(clock);
  });
});

describe('timestamps', () => {
  it('strictly increase for this device even when the wall clock goes backwards', () => {
    let wall = Date.UTC(2026, 4, 16, 10);
    const file = join(tempDir(), 'clock.sqlite');
    let store = openStore(file, { now: () => wall });
    const { school: id } = seeded(store);
    for (let i = 0; i < 5; i++) {
      wall -= 60_000; // someone fiddles with the laptop's date
      store.write((w) => w.update('schools', id, { learners: 900 + i }));
    }
    store.close();
    wall -= 86_400_000;
    store = openStore(file, { now: () => wall });
    store.write((w) => w.update('schools', id, { teachers: 30 }));
    const stamps = store.db
      .prepare('SELECT DISTINCT hlc FROM changes WHERE device = ? ORDER BY seq')
      .pluck()
      .all(store.deviceIdx) as number[];
    expect(stamps.length).toBe(3 + 5 + 1);
    for (let i = 1; i < stamps.length; i++) expect(stamps[i]).toBeGreaterThan(stamps[i - 1]!);
    expect(hlcWall(stamps.at(-1)!)).toBe(Date.UTC(2026, 4, 16, 10));
    store.close();
  });
});

describe('full-text search', () => {
  const findPractice = (store: Store, words: string): string[] =>
    store.db
      .prepare(
        'SELECT p.id FROM practices_fts f JOIN practices p ON p.seq = f.rowid WHERE practices_fts MATCH ? ORDER BY p.id',
      )
      .pluck()
      .all(words) as string[];
  const findSession = (store: Store, words: string): string[] =>
    store.db
      .prepare(
        'SELECT s.id FROM session_notes_fts f JOIN sessions s ON s.seq = f.rowid WHERE session_notes_fts MATCH ?',
      )
      .pluck()
      .all(words) as string[];

  it('finds practices as they are inserted, updated and removed', () => {
    const store = tempStore();
    const id = store.write((w) =>
      w.insert('practices', {
        title: 'Radio lessons for parents and children',
        problem: 'Learners at home fall behind',
        summary: '',
        tags: '["parent_engagement"]',
        steps: 'Share the timetable on village noticeboards',
        resources: '',
        cost: 'low',
        setting: 'any',
        school_size: 'any',
        language: 'en',
        origin_cluster_id: null,
        origin_school_id: null,
        origin_place: 'Kilifi',
        origin_lat: null,
        origin_lon: null,
        started_on: '2024-06-03',
      }),
    );
    expect(findPractice(store, 'radio')).toEqual([id]);
    expect(findPractice(store, 'noticeboards')).toEqual([id]);
    expect(findPractice(store, 'parent_engagement')).toEqual([id]);
    store.write((w) => w.update('practices', id, { title: 'Redio za wazazi na watoto' }));
    expect(findPractice(store, 'radio')).toEqual([]);
    expect(findPractice(store, 'wazazi')).toEqual([id]);
    store.write((w) => w.remove('practices', id));
    expect(findPractice(store, 'wazazi')).toEqual([]);
    expect(findPractice(store, 'noticeboards')).toEqual([]);
  });

  it('finds session notes as they are inserted, updated and removed', () => {
    const store = tempStore();
    const { cluster } = seeded(store);
    const id = store.write((w) =>
      w.insert('sessions', {
        cluster_id: cluster,
        kind: 'peer_review',
        mode: 'in_person',
        status: 'held',
        date: '2025-07-11',
        place: 'Mkwajuni Primary',
        title: 'Peer review at Mkwajuni',
        agenda: 'agenda words are not indexed',
        notes: 'Girls read fluently in Kiswahili',
        host_school_id: null,
        enquiry_question: 'How well do Grade 3 learners read aloud?',
        evidence: '',
        findings: 'English reading lags by a year',
      }),
    );
    expect(findSession(store, 'fluently')).toEqual([id]);
    expect(findSession(store, 'aloud')).toEqual([id]);
    expect(findSession(store, 'agenda')).toEqual([]);
    store.write((w) => w.update('sessions', id, { notes: 'Boys and girls both improved' }));
    expect(findSession(store, 'fluently')).toEqual([]);
    expect(findSession(store, 'improved')).toEqual([id]);
    store.write((w) => w.remove('sessions', id));
    expect(findSession(store, 'improved')).toEqual([]);
    expect(findSession(store, 'lags')).toEqual([]);
  });
});
