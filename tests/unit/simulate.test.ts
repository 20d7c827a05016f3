import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../electron/db/store.ts';
import { generateDemo } from '../../electron/demo/generate.ts';
import { editKinds, simulateEdits, type EditKind } from '../../electron/demo/simulate.ts';
import { PamojaError } from '../../shared/errors.ts';
import type { Row } from '../../shared/schema/tables.ts';
import { cli, contentHash, count, fieldsMissingFromLog, foreignKeyProblems } from './demoHelpers.ts';
import { tempDir, tempStore } from './helpers.ts';

const fixture = fileURLToPath(new URL('../fixtures/region-small.json', import.meta.url));
const kinds = Object.keys(editKinds) as EditKind[];

function smallDemo(name = 'store.sqlite') {
  const store = tempStore({}, name);
  generateDemo(store, { seed: 1, scale: 'small' });
  return store;
}

describe('simulateEdits', () => {
  it('makes every kind of edit and keeps every reference intact', () => {
    const store = smallDemo();
    const changesBefore = count(store, 'SELECT count(*) AS n FROM changes');
    const summary = simulateEdits(store, { edits: kinds.length * 3, seed: 5 });
    expect(summary.edits).toBe(kinds.length * 3);
    expect(summary.log).toHaveLength(summary.edits);
    for (const k of kinds) expect(summary.byKind[k], k).toBeGreaterThan(0);
    expect(foreignKeyProblems(store)).toEqual([]);
    expect(fieldsMissingFromLog(store)).toEqual([]);
    expect(count(store, 'SELECT count(*) AS n FROM changes')).toBeGreaterThan(changesBefore);
    // deletions are tombstones in the change log and the rows are gone
    const tombstones = store.db
      .prepare("SELECT tbl, row_id FROM changes WHERE col = '_deleted' ORDER BY seq")
      .all() as { tbl: string; row_id: string }[];
    // Which commitments are removed is chance (the stream is seeded from the log's size), so
    // whether one of them had reviews is too: reviews go only with their commitment.
    const removedTables = new Set(tombstones.map((t) => t.tbl));
    expect(removedTables).toContain('attendance');
    expect(removedTables).toContain('commitments');
    expect(
      [...removedTables].every((t) => ['attendance', 'commitments', 'commitment_reviews'].includes(t)),
    ).toBe(true);
    for (const t of tombstones)
      expect(count(store, `SELECT count(*) AS n FROM ${t.tbl} WHERE id = ?`, t.row_id)).toBe(0);
    expect(
      count(store, 'SELECT count(*) AS n FROM indicators WHERE vulnerable_reached > vulnerable_identified'),
    ).toBe(0);
    // an edited practice keeps valid tags
    expect(
      count(
        store,
        `SELECT count(*) AS n FROM practices WHERE json_valid(tags) = 0 OR json_array_length(tags) = 0`,
      ),
    ).toBe(0);
  });

  it('removes a commitment entered twice, with its reviews', () => {
    const store = smallDemo();
    const original = store.db
      .prepare(
        'SELECT * FROM commitments WHERE id IN (SELECT commitment_id FROM commitment_reviews) ORDER BY id LIMIT 1',
      )
      .get() as Row<'commitments'>;
    // the same commitment entered again, with a review of its own
    const twin = 'ffffffff-ffff-4fff-bfff-ffffffffffff';
    store.write((w) => {
      w.insert('commitments', { ...original, id: twin });
      w.insert('commitment_reviews', {
        id: 'ffffffff-ffff-4fff-bfff-fffffffffffe',
        commitment_id: twin,
        session_id: null,
        outcome: 'partly',
        note: 'entered twice',
        reviewed_on: '2026-11-01',
      });
    });
    const summary = simulateEdits(store, { edits: kinds.length, seed: 4 });
    expect(summary.log.join('\n')).toMatch(/removed duplicate commitment/);
    expect(count(store, 'SELECT count(*) AS n FROM commitments WHERE id IN (?, ?)', original.id, twin)).toBe(
      1,
    );
    expect(
      count(
        store,
        'SELECT count(*) AS n FROM commitment_reviews WHERE commitment_id NOT IN (SELECT id FROM commitments)',
      ),
    ).toBe(0);
    expect(foreignKeyProblems(store)).toEqual([]);
  });

  it('is deterministic given the seed and the store content', () => {
    const a = smallDemo('a.sqlite');
    const b = smallDemo('b.sqlite');
    const c = smallDemo('c.sqlite');
    const la = simulateEdits(a, { edits: 30, seed: 9 }).log;
    const lb = simulateEdits(b, { edits: 30, seed: 9 }).log;
    simulateEdits(c, { edits: 30, seed: 10 });
    expect(lb).toEqual(la);
    expect(contentHash(a)).toBe(contentHash(b));
    expect(contentHash(a)).not.toBe(contentHash(c));
  });

  it('can run again on the same store with the same seed without colliding ids', () => {
    const store = smallDemo();
    const first = simulateEdits(store, { edits: 20, seed: 1 });
    const second = simulateEdits(store, { edits: 20, seed: 1 });
    expect(second.log).not.toEqual(first.log);
    expect(foreignKeyProblems(store)).toEqual([]);
  });

  it('works on a store loaded from a small region file', async () => {
    const db = join(tempDir(), 'loaded.sqlite');
    expect((await cli('load', '--db', db, fixture)).code).toBe(0);
    const store = openStore(db);
    try {
      const summary = simulateEdits(store, { edits: 60, seed: 2, now: '2026-03-10' });
      expect(summary.edits).toBe(60);
      expect(foreignKeyProblems(store)).toEqual([]);
      expect(fieldsMissingFromLog(store)).toEqual([]);
      expect(
        count(store, "SELECT count(*) AS n FROM sessions WHERE date BETWEEN '2026-03-01' AND '2026-03-10'"),
      ).toBeGreaterThan(0);
    } finally {
      store.close();
    }
  });

  it('refuses a store with nothing to edit, and bad options', () => {
    const empty = tempStore();
    expect(() => simulateEdits(empty, { edits: 3, seed: 1 })).toThrow(/at least one cluster/);
    const store = smallDemo('x.sqlite');
    expect(() => simulateEdits(store, { edits: -1, seed: 1 })).toThrow(PamojaError);
    expect(() => simulateEdits(store, { edits: 1, seed: 1, now: '20 Nov' })).toThrow(/simulate: /);
  });
});

describe('pamoja demo and pamoja simulate', () => {
  it('demo writes a store, refuses a second region, and checks its flags', async () => {
    const db = join(tempDir(), 'demo.sqlite');
    const ok = await cli('demo', '--db', db, '--scale', 'small', '--seed', '4');
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/^schools\s+20$/m);
    const again = await cli('demo', '--db', db, '--scale', 'small');
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already holds a region/);
    expect((await cli('demo', '--db', db, '--scale', 'planet')).code).toBe(2);
    expect((await cli('demo', '--scale', 'small')).code).toBe(2);
    expect((await cli('demo', '--db', db, '--seed', 'x')).code).toBe(2);
    const fresh = join(tempDir(), 'n.sqlite');
    const bad = await cli('demo', '--db', fresh, '--seed=-3', '--scale', 'small');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/--seed/);
    expect(existsSync(fresh)).toBe(false);
  });

  it('simulate prints what it did and checks its flags', async () => {
    const db = join(tempDir(), 'sim.sqlite');
    expect((await cli('demo', '--db', db, '--scale', 'small')).code).toBe(0);
    const ok = await cli('simulate', '--db', db, '--edits', '12', '--seed', '3');
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/Made 12 edits/);
    expect(ok.out.split('\n').filter((l) => /^[a-z_]+: /.test(l))).toHaveLength(12);
    expect((await cli('simulate', '--db', db, '--seed', '3')).code).toBe(2);
    expect((await cli('simulate', '--db', db, '--edits', 'many', '--seed', '3')).code).toBe(2);
    expect(
      (await cli('simulate', '--db', join(tempDir(), 'none.sqlite'), '--edits', '2', '--seed', '3')).code,
    ).toBe(1);
    const empty = join(tempDir(), 'empty.sqlite');
    openStore(empty).close();
    const refused = await cli('simulate', '--db', empty, '--edits', '2', '--seed', '3');
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/at least one cluster/);
  });
});
