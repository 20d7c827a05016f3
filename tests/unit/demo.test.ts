import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../electron/db/store.ts';
import { distanceKm } from '../../electron/demo/places.ts';
import { generateDemo } from '../../electron/demo/generate.ts';
import { practiceLibrary, seedPracticeKeys } from '../../electron/demo/library/index.ts';
import { memberRoles } from '../../shared/schema/enums.ts';
import { PamojaError } from '../../shared/errors.ts';
import { tempStore } from './helpers.ts';
import { contentHash, count, fieldsMissingFromLog, foreignKeyProblems } from './demoHelpers.ts';

const TODAY = '2026-11-20';

describe('generateDemo, small scale', () => {
  it('writes the small numbers with every reference intact', () => {
    const store = tempStore();
    const progress: [number, number][] = [];
    const summary = generateDemo(store, {
      seed: 1,
      scale: 'small',
      progress: (d, t) => progress.push([d, t]),
    });
    expect(summary.counts).toMatchObject({
      regions: 1,
      clusters: 4,
      schools: 20,
      members: 40,
      indicators: 60,
      practices: 12,
    });
    expect(summary.counts.sessions).toBeGreaterThanOrEqual(8);
    expect(summary.counts.sessions).toBeLessThanOrEqual(12);
    for (const [table, n] of Object.entries(summary.counts)) {
      expect(count(store, `SELECT count(*) AS n FROM ${table}`), table).toBe(n);
    }
    expect(foreignKeyProblems(store)).toEqual([]);
    expect(count(store, 'SELECT count(DISTINCT term) AS n FROM indicators')).toBe(3);
    // progress ends at the total
    const [done, total] = progress.at(-1)!;
    expect(done).toBe(total);
  });

  it('records every field of every row in the change log', () => {
    const store = tempStore();
    generateDemo(store, { seed: 3, scale: 'small' });
    expect(fieldsMissingFromLog(store)).toEqual([]);
  });

  it('gives the same content for the same seed and different content for another', () => {
    const a = tempStore({}, 'a.sqlite');
    const b = tempStore({}, 'b.sqlite');
    const c = tempStore({}, 'c.sqlite');
    generateDemo(a, { seed: 42, scale: 'small' });
    generateDemo(b, { seed: 42, scale: 'small' });
    generateDemo(c, { seed: 43, scale: 'small' });
    expect(contentHash(a)).toBe(contentHash(b));
    expect(contentHash(a)).not.toBe(contentHash(c));
  });

  it('refuses a store that already holds a region and leaves it untouched', () => {
    const store = tempStore();
    generateDemo(store, { seed: 1, scale: 'small' });
    const before = [contentHash(store), count(store, 'SELECT count(*) AS n FROM changes')];
    expect(() => generateDemo(store, { seed: 2, scale: 'small' })).toThrow(/already holds a region/);
    expect([contentHash(store), count(store, 'SELECT count(*) AS n FROM changes')]).toEqual(before);
  });

  it('rejects a bad seed with a clear message', () => {
    const store = tempStore();
    const call = () => generateDemo(store, { seed: -1, scale: 'small' });
    expect(call).toThrow(PamojaError);
    expect(call).toThrow(/demo: /);
  });
});

describe('generateDemo, region scale (Kilifi)', () => {
  // One region for all these read-only checks (tempStore would be removed after each test).
  const dir = mkdtempSync(join(tmpdir(), 'pamoja-demo-'));
  let store: Store;
  beforeAll(() => {
    store = openStore(join(dir, 'region.sqlite'));
    generateDemo(store, { seed: 1, scale: 'region' });
  });
  afterAll(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const n = (sql: string, ...p: unknown[]) => count(store, sql, ...p);

  it('has the CoPs, schools, members and priorities of DATA.md', () => {
    expect(n('SELECT count(*) AS n FROM clusters')).toBeGreaterThanOrEqual(12);
    expect(n('SELECT count(*) AS n FROM schools')).toBe(100);
    expect(n('SELECT count(*) AS n FROM members')).toBeGreaterThanOrEqual(200);
    for (const role of memberRoles)
      expect(n('SELECT count(*) AS n FROM members WHERE role = ?', role), role).toBeGreaterThan(0);
    // a coach member in every CoP, named as the CoP's coach
    expect(
      n(`SELECT count(*) AS n FROM clusters c WHERE NOT EXISTS
           (SELECT 1 FROM members m WHERE m.cluster_id = c.id AND m.role = 'coach' AND m.name = c.coach_name)`),
    ).toBe(0);
    expect(
      n(
        'SELECT count(*) AS n FROM (SELECT count(*) AS k FROM priorities GROUP BY cluster_id HAVING k NOT BETWEEN 2 AND 3)',
      ),
    ).toBe(0);
    expect(
      n(
        'SELECT count(*) AS n FROM clusters c WHERE NOT EXISTS (SELECT 1 FROM cluster_neighbours x WHERE c.id IN (x.cluster_id, x.neighbour_id))',
      ),
    ).toBe(0);
    expect(foreignKeyProblems(store)).toEqual([]);
  });

  it('scatters schools 1-4 km around their CoP centre', () => {
    const rows = store.db
      .prepare(
        'SELECT s.lat, s.lon, c.lat AS clat, c.lon AS clon FROM schools s JOIN clusters c ON c.id = s.cluster_id',
      )
      .all() as { lat: number; lon: number; clat: number; clon: number }[];
    for (const r of rows) {
      const km = distanceKm(r.lat, r.lon, r.clat, r.clon);
      expect(km).toBeGreaterThanOrEqual(0.95);
      expect(km).toBeLessThanOrEqual(4.05);
    }
  });

  it('has three terms of indicators within plausible ranges, with struggling clusters and bright spots', () => {
    expect(store.db.prepare('SELECT DISTINCT term FROM indicators ORDER BY term').pluck().all()).toEqual([
      '2025-T3',
      '2026-T1',
      '2026-T2',
    ]);
    expect(n('SELECT count(*) AS n FROM indicators WHERE attendance_rate NOT BETWEEN 60 AND 100')).toBe(0);
    expect(n('SELECT count(*) AS n FROM indicators WHERE dropout_rate NOT BETWEEN 0 AND 15')).toBe(0);
    expect(n('SELECT count(*) AS n FROM indicators WHERE vulnerable_reached > vulnerable_identified')).toBe(
      0,
    );
    const girlsShare = store.db
      .prepare(
        'SELECT min(1.0 * enrolment_girls / (enrolment_girls + enrolment_boys)) AS lo, max(1.0 * enrolment_girls / (enrolment_girls + enrolment_boys)) AS hi FROM indicators',
      )
      .get() as { lo: number; hi: number };
    expect(girlsShare.lo).toBeGreaterThan(0.46);
    expect(girlsShare.hi).toBeLessThan(0.53);
    const averages = store.db
      .prepare(
        `SELECT avg(i.literacy_rate) AS lit, avg(i.attendance_rate) AS att FROM indicators i
           JOIN schools s ON s.id = i.school_id WHERE i.term = '2026-T2' GROUP BY s.cluster_id`,
      )
      .all() as { lit: number; att: number }[];
    const spread = (xs: number[]) => Math.max(...xs) - Math.min(...xs);
    expect(spread(averages.map((a) => a.lit)) + spread(averages.map((a) => a.att))).toBeGreaterThan(20);
  });

  it('has the seed practices, other languages, Gicumbi origins and searchable texts', () => {
    expect(n('SELECT count(*) AS n FROM practices')).toBeGreaterThanOrEqual(60);
    for (const key of seedPracticeKeys) {
      const title = practiceLibrary.find((p) => p.key === key)!.title;
      expect(n('SELECT count(*) AS n FROM practices WHERE title = ?', title), key).toBe(1);
    }
    const radio = store.db
      .prepare(
        "SELECT p.title FROM practices_fts f JOIN practices p ON p.seq = f.rowid WHERE practices_fts MATCH 'radio'",
      )
      .pluck()
      .all() as string[];
    expect(radio).toContain('Radio lessons designed for parents and children to listen to together');
    expect(radio).toContain('Radio timetables on village noticeboards');
    expect(n("SELECT count(*) AS n FROM practices WHERE language = 'sw'")).toBeGreaterThanOrEqual(3);
    expect(
      n("SELECT count(*) AS n FROM practices WHERE origin_place LIKE '%Gicumbi%'"),
    ).toBeGreaterThanOrEqual(3);
    expect(n("SELECT count(*) AS n FROM practices WHERE steps NOT LIKE '1. %'")).toBe(0);
  });

  it('has strong, story-only and harmful evidence, and adoptions with every outcome', () => {
    const visitation = store.db
      .prepare(
        `SELECT e.before_value, e.after_value FROM practice_evidence e JOIN practices p ON p.id = e.practice_id
           WHERE p.title = 'Parent visitation groups' AND e.indicator = 'dropout_rate'`,
      )
      .get();
    expect(visitation).toEqual({ before_value: 8.4, after_value: 3.0 });
    expect(n("SELECT count(*) AS n FROM practice_evidence WHERE kind = 'story'")).toBeGreaterThan(10);
    expect(
      n(`SELECT count(*) AS n FROM practice_evidence WHERE kind = 'indicator' AND indicator = 'attendance_rate'
           AND after_value < before_value`),
    ).toBeGreaterThan(0);
    for (const outcome of ['improved', 'no_change', 'worse', 'pending'])
      expect(n('SELECT count(*) AS n FROM adoptions WHERE outcome = ?', outcome), outcome).toBeGreaterThan(0);
  });

  it('tells adoption outcomes that match the schools\u2019 own figures', () => {
    const rows = store.db
      .prepare(
        `SELECT school_id, indicator, outcome, outcome_note FROM adoptions WHERE school_id IS NOT NULL AND outcome_note LIKE '% went from %'`,
      )
      .all() as { school_id: string; indicator: string; outcome: string; outcome_note: string }[];
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) {
      const m =
        /went from ([\d.]+)(?:%| learners) in (\d{4}-T\d) to ([\d.]+)(?:%| learners) in (\d{4}-T\d)/.exec(
          r.outcome_note,
        )!;
      const at = (term: string) =>
        store.db
          .prepare(`SELECT ${r.indicator} FROM indicators WHERE school_id = ? AND term = ?`)
          .pluck()
          .get(r.school_id, term) as number;
      expect(at(m[2]!)).toBeCloseTo(Number(m[1]), 1);
      expect(at(m[4]!)).toBeCloseTo(Number(m[3]), 1);
      const up = Number(m[3]) > Number(m[1]);
      const better = r.indicator.startsWith('dropout') || r.indicator === 'repetition_rate' ? !up : up;
      if (r.outcome === 'improved') expect(better, r.outcome_note).toBe(true);
      if (r.outcome === 'worse') expect(better, r.outcome_note).toBe(false);
    }
  });

  it('has 40+ past sessions with notes, peer reviews, planned sessions and commitments to follow up', () => {
    expect(
      n("SELECT count(*) AS n FROM sessions WHERE status = 'held' AND date < ? AND notes != ''", TODAY),
    ).toBeGreaterThanOrEqual(40);
    for (const mode of ['in_person', 'phone', 'whatsapp'])
      expect(
        n("SELECT count(*) AS n FROM sessions WHERE status = 'held' AND mode = ?", mode),
        mode,
      ).toBeGreaterThan(0);
    expect(
      n(`SELECT count(*) AS n FROM sessions WHERE kind = 'peer_review' AND enquiry_question != ''
           AND evidence != '' AND findings != '' AND host_school_id IS NOT NULL`),
    ).toBeGreaterThanOrEqual(2);
    expect(
      n("SELECT count(*) AS n FROM sessions WHERE status = 'planned' AND date > ?", TODAY),
    ).toBeGreaterThan(0);
    expect(n('SELECT count(*) AS n FROM attendance')).toBeGreaterThan(300);
    expect(
      n("SELECT count(*) AS n FROM commitments WHERE status = 'open' AND due_date < ?", TODAY),
    ).toBeGreaterThan(0);
    expect(n("SELECT count(*) AS n FROM commitments WHERE status = 'done'")).toBeGreaterThan(0);
    expect(n('SELECT count(*) AS n FROM commitments WHERE json_array_length(witnesses) < 1')).toBe(0);
    // every reviewed commitment carries the outcome of its latest review
    expect(
      n(`SELECT count(*) AS n FROM commitments c JOIN commitment_reviews r ON r.commitment_id = c.id
           WHERE r.reviewed_on = (SELECT max(reviewed_on) FROM commitment_reviews x WHERE x.commitment_id = c.id)
             AND r.outcome != c.status`),
    ).toBe(0);
    // witnesses were at the session
    const witnessed = store.db
      .prepare('SELECT session_id, witnesses FROM commitments WHERE session_id IS NOT NULL')
      .all() as { session_id: string; witnesses: string }[];
    for (const c of witnessed)
      for (const member of JSON.parse(c.witnesses) as string[])
        expect(
          n(
            "SELECT count(*) AS n FROM attendance WHERE session_id = ? AND member_id = ? AND status = 'present'",
            c.session_id,
            member,
          ),
        ).toBe(1);
  });
});
