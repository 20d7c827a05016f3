import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { derivedId } from '../../electron/db/ids.ts';
import { locateJsonError, parseJsonText } from '../../electron/services/regionFile/jsonText.ts';
import { loadRegionFile, parseRegionFile } from '../../electron/services/regionFile/load.ts';
import { PamojaError } from '../../shared/errors.ts';
import { tableNames } from '../../shared/schema/tables.ts';
import { tempStore } from './helpers.ts';
import { changeCount, contentHash } from './storeState.ts';
import { regionSmallCounts } from './regionSmall.ts';

const fixtureText = readFileSync(new URL('../fixtures/region-small.json', import.meta.url), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- variants poke at arbitrary fields
const fixture = (): any => JSON.parse(fixtureText);

const expected = regionSmallCounts;

const id = (table: string, key: string): string => derivedId('region-file', table, key);
const one = (store: ReturnType<typeof tempStore>, sql: string, ...params: unknown[]) =>
  store.db.prepare(sql).get(...params) as Record<string, unknown>;
const count = (store: ReturnType<typeof tempStore>, table: string): number =>
  store.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

describe('loading a region file', () => {
  it('inserts every record of a good file, with exact counts', () => {
    const store = tempStore();
    const summary = loadRegionFile(store, fixtureText);
    expect(Object.keys(expected).sort()).toEqual([...tableNames].sort());
    for (const [table, n] of Object.entries(expected)) {
      expect(summary.tables[table as keyof typeof expected], table).toEqual({
        inserted: n,
        updated: 0,
        unchanged: 0,
      });
      expect(count(store, table), table).toBe(n);
    }
    // Every inserted row records each of its columns once.
    expect(summary.changes).toBe(changeCount(store));
  });

  it('resolves keys to rows and fills in defaults', () => {
    const store = tempStore();
    loadRegionFile(store, fixtureText);
    const kibaoni = one(store, 'SELECT * FROM schools WHERE id = ?', id('schools', 'kibaoni'));
    expect(kibaoni).toMatchObject({
      cluster_id: id('clusters', 'kilifi-town'),
      setting: 'rural',
      learners: 455,
    });
    // A cluster without a language takes the region's; one with its own keeps it.
    expect(one(store, 'SELECT language FROM clusters WHERE id = ?', id('clusters', 'mnarani'))).toEqual({
      language: 'en',
    });
    expect(one(store, 'SELECT language FROM clusters WHERE id = ?', id('clusters', 'takaungu'))).toEqual({
      language: 'sw',
    });
    const c1 = one(store, 'SELECT * FROM commitments WHERE id = ?', id('commitments', 'kt-c1'));
    expect(JSON.parse(c1.witnesses as string)).toEqual([id('members', 'amina'), id('members', 'rehema')]);
    expect(c1.owner_member_id).toBe(id('members', 'joseph'));
    const c2 = one(store, 'SELECT status FROM commitments WHERE id = ?', id('commitments', 'kt-c2'));
    expect(c2.status).toBe('open');
    const practice = one(store, 'SELECT * FROM practices WHERE id = ?', id('practices', 'parent-visits'));
    expect(JSON.parse(practice.tags as string)).toEqual([
      'girls_transition',
      'attendance',
      'parent_engagement',
    ]);
    expect(practice).toMatchObject({
      school_size: 'any',
      origin_lat: null,
      problem: expect.stringContaining('Girls'),
    });
    const statuses = store.db
      .prepare('SELECT status, count(*) AS n FROM attendance GROUP BY status ORDER BY status')
      .all();
    expect(statuses).toEqual([
      { status: 'absent', n: 1 },
      { status: 'apologies', n: 1 },
      { status: 'present', n: 7 },
    ]);
    // Indicators are identified by school and term, as the app identifies them.
    const figures = one(
      store,
      'SELECT * FROM indicators WHERE id = ?',
      derivedId('indicators', kibaoni.id as string, '2025-T2'),
    );
    expect(figures).toMatchObject({ attendance_rate: 83, numeracy_rate: null });
  });

  it('stores a neighbour link once, whichever cluster lists it', () => {
    const store = tempStore();
    loadRegionFile(store, fixtureText);
    const pairs = store.db.prepare('SELECT cluster_id, neighbour_id FROM cluster_neighbours').all();
    const [kt, mn, tk] = ['kilifi-town', 'mnarani', 'takaungu'].map((k) => id('clusters', k));
    const sorted = (a: string, b: string) => (a < b ? [a, b] : [b, a]);
    expect(pairs.map((p) => Object.values(p as object)).sort()).toEqual(
      [sorted(kt!, mn!), sorted(kt!, tk!)].sort(),
    );
  });

  it('uses a UUID key as the row id', () => {
    const store = tempStore();
    const doc = fixture();
    const uuid = '0b6f3c1e-2d4a-4f5b-8c6d-7e8f9a0b1c2d';
    doc.clusters[0].key = uuid;
    for (const s of doc.schools) if (s.cluster === 'kilifi-town') s.cluster = uuid;
    for (const list of ['members', 'priorities', 'sessions', 'commitments'])
      for (const r of doc[list]) if (r.cluster === 'kilifi-town') r.cluster = uuid;
    for (const c of doc.clusters)
      c.neighbours = (c.neighbours ?? []).map((n: string) => (n === 'kilifi-town' ? uuid : n));
    doc.practices[0].origin_cluster = uuid;
    doc.practice_evidence[0].cluster = uuid;
    doc.adoptions[1].cluster = uuid;
    loadRegionFile(store, doc);
    expect(one(store, 'SELECT name FROM clusters WHERE id = ?', uuid)).toEqual({ name: 'Kilifi Town CoP' });
    expect(count(store, 'clusters')).toBe(3);
  });

  it('changes nothing when the same file is loaded again', () => {
    const store = tempStore();
    loadRegionFile(store, fixtureText);
    const [hash, changes] = [contentHash(store), changeCount(store)];
    const again = loadRegionFile(store, fixtureText);
    for (const [table, n] of Object.entries(expected)) {
      expect(again.tables[table as keyof typeof expected]).toEqual({ inserted: 0, updated: 0, unchanged: n });
    }
    expect(again.changes).toBe(0);
    expect(changeCount(store)).toBe(changes);
    expect(contentHash(store)).toBe(hash);
  });

  it('records exactly the one field edited in the file', () => {
    const store = tempStore();
    loadRegionFile(store, fixtureText);
    const before = changeCount(store);
    const doc = fixture();
    doc.schools[1].learners = 655;
    const summary = loadRegionFile(store, doc);
    expect(summary.changes).toBe(1);
    expect(summary.tables.schools).toEqual({ inserted: 0, updated: 1, unchanged: 7 });
    const recorded = store.db
      .prepare('SELECT tbl, row_id, col, value FROM changes WHERE seq > ?')
      .all(before);
    expect(recorded).toEqual([
      { tbl: 'schools', row_id: id('schools', 'mkwajuni'), col: 'learners', value: 655 },
    ]);
  });

  it('adds a record appended to the file and leaves records left out of it alone', () => {
    const store = tempStore();
    loadRegionFile(store, fixtureText);
    const doc = fixture();
    doc.schools = [
      {
        key: 'vipingo',
        cluster: 'takaungu',
        name: 'Vipingo Primary',
        lat: -3.8,
        lon: 39.8,
        learners: 600,
        teachers: 13,
      },
    ];
    doc.members = [];
    doc.sessions = [];
    doc.commitments = [];
    doc.indicators = [];
    doc.adoptions = [];
    doc.practices[0].origin_school = null;
    doc.practices[1].origin_school = null;
    doc.practices[2].origin_school = null;
    const summary = loadRegionFile(store, doc);
    expect(summary.tables.schools).toEqual({ inserted: 1, updated: 0, unchanged: 0 });
    expect(count(store, 'schools')).toBe(9);
    expect(count(store, 'members')).toBe(10);
  });
});

describe('a bad region file', () => {
  type Case = [name: string, input: () => unknown, message: string | RegExp];
  const variant = (edit: (doc: ReturnType<typeof fixture>) => void) => (): unknown => {
    const doc = fixture();
    edit(doc);
    return doc;
  };
  const cases: Case[] = [
    [
      'wrong type',
      variant((d) => (d.schools[0].learners = '812')),
      'schools[0].learners: Invalid input: expected number, received string',
    ],
    [
      'out-of-range lat',
      variant((d) => (d.schools[3].lat = 91)),
      'schools[3].lat: Too big: expected number to be <=90',
    ],
    [
      'unknown cluster key',
      variant((d) => (d.schools[2].cluster = 'kilifi-twn')),
      'schools[2].cluster: no cluster with key "kilifi-twn" in clusters',
    ],
    [
      'duplicate key',
      variant((d) => (d.members[4].key = 'amina')),
      'members[4].key: duplicate key "amina" (already used by members[0].key)',
    ],
    [
      'missing required field',
      variant((d) => delete d.schools[5].teachers),
      'schools[5].teachers: required (number)',
    ],
    [
      'misspelt field',
      variant((d) => (d.clusters[1].coach = 'x')),
      'clusters[1].coach: unknown field (check its spelling)',
    ],
    [
      'unknown attendee',
      variant((d) => (d.sessions[1].attendance[2].member = 'nobody')),
      'sessions[1].attendance[2].member: no member with key "nobody" in members',
    ],
    [
      'same school and term twice',
      variant((d) => (d.indicators[1].term = '2025-T1')),
      'indicators[1].term: figures for school and term "bofa 2025-T1" already given at indicators[0].term',
    ],
    [
      'measured evidence without figures',
      variant((d) => delete d.practice_evidence[0].after_value),
      'practice_evidence[0].after_value: required when kind is "indicator"',
    ],
    [
      'bad enum',
      variant((d) => (d.members[0].role = 'head')),
      /^members\[0\]\.role: Invalid option: expected one of/,
    ],
    [
      'bad date',
      variant((d) => (d.sessions[0].date = '16/05/2025')),
      /^sessions\[0\]\.date: Invalid ISO date/,
    ],
    [
      'not JSON',
      () => fixtureText.replace('"learners": 812,', '"learners": 812,,'),
      /^Not valid JSON at line \d+, column \d+: expected a field name in double quotes but found ","$/,
    ],
    [
      'wrong format',
      variant((d) => (d.format = 'pamoja-bundle')),
      /^This is not a Pamoja region file: "format" is "pamoja-bundle"/,
    ],
    ['not an object', () => [1, 2, 3], /^This is not a Pamoja region file/],
    ['a newer version', variant((d) => (d.version = 2)), /^This region file is version 2; .* Update Pamoja/],
  ];

  it.each(cases)('%s: names the path and writes nothing', (_name, input, message) => {
    const store = tempStore();
    loadRegionFile(store, fixtureText);
    const [hash, changes] = [contentHash(store), changeCount(store)];
    let error: unknown;
    try {
      loadRegionFile(store, input());
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PamojaError);
    expect((error as PamojaError).code).toBe('invalid');
    if (typeof message === 'string') expect((error as PamojaError).message).toBe(message);
    else expect((error as PamojaError).message).toMatch(message);
    expect(changeCount(store)).toBe(changes);
    expect(contentHash(store)).toBe(hash);
  });

  it('is refused before an empty store is touched', () => {
    const store = tempStore();
    const hash = contentHash(store);
    expect(() => loadRegionFile(store, variant((d) => (d.clusters[2].lon = 181))())).toThrow(
      'clusters[2].lon: Too big: expected number to be <=180',
    );
    expect(contentHash(store)).toBe(hash);
    expect(changeCount(store)).toBe(0);
  });

  it('puts the path in the error for the UI to highlight', () => {
    expect(() => parseRegionFile(variant((d) => (d.schools[3].lat = 91))())).toThrow(
      expect.objectContaining({ path: 'schools[3].lat' }),
    );
  });
});

describe('JSON text', () => {
  it.each([
    ['{\n  "a": [1, 2,]\n}', 2, 13, 'remove the comma before "]"'],
    ['{"a": 1,\n}', 1, 8, 'remove the comma before "}"'],
    ['{\n "a": 1\n "b": 2\n}', 3, 2, 'expected "," or "}" but found """'],
    ["{'a': 1}", 1, 2, 'expected a field name in double quotes but found a single quote (use double quotes)'],
    ['{"a": "one\ntwo"}', 1, 11, 'a line break or tab inside text in quotes (write \\n or \\t)'],
    ['{"a": "open}', 1, 13, 'text in double quotes is never closed'],
    ['{"a": tru}', 1, 7, 'expected a value (text in double quotes, a number, true, false, null, [ or {)'],
    ['{"a": -}', 1, 7, 'not a valid number'],
    ['{"a": 1}}', 1, 9, 'unexpected "}" after the end of the document'],
    ['', 1, 1, 'expected a value but found the end of the file'],
  ])('%j: line %i, column %i', (text, line, column, problem) => {
    expect(() => parseJsonText(text)).toThrow(`Not valid JSON at line ${line}, column ${column}: ${problem}`);
  });

  it('finds nothing wrong in valid JSON and ignores a byte-order mark', () => {
    expect(locateJsonError(fixtureText)).toBeNull();
    expect(parseJsonText(`\uFEFF${fixtureText}`)).toEqual(JSON.parse(fixtureText));
  });
});
