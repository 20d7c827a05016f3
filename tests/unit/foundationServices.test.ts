import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { alignTrend } from '../../shared/charts/trend.ts';
import { clusterTrend, getCluster, listClusters } from '../../electron/services/clusters/service.ts';
import { getPractice, splitSteps } from '../../electron/services/practices/detail.ts';
import { searchPractices } from '../../electron/services/practices/search.ts';
import { regionOverview } from '../../electron/services/region/overview.ts';
import { loadRegionFile } from '../../electron/services/regionFile/load.ts';
import { PracticeFilters } from '../../shared/contract/practices.ts';
import { ftsQuery } from '../../shared/ftsQuery.ts';
import { smallest, snippetAround } from '../../shared/snippet.ts';
import { distanceKm } from '../../shared/geo.ts';
import { tempStore } from './helpers.ts';

const fixture = JSON.parse(readFileSync('tests/fixtures/region-small.json', 'utf8')) as Record<
  string,
  unknown
>;

function loaded() {
  const store = tempStore();
  loadRegionFile(store, fixture);
  return store;
}
const clusterId = (store: ReturnType<typeof tempStore>, name: string): string =>
  (store.db.prepare('SELECT id FROM clusters WHERE name = ?').get(name) as { id: string }).id;
const search = (store: ReturnType<typeof tempStore>, filters: Record<string, unknown>) =>
  searchPractices(store, PracticeFilters.parse(filters));

describe('region overview', () => {
  it('sums the region and summarises every cluster', () => {
    const store = loaded();
    const o = regionOverview(store, '2026-11-20');
    expect(o.region?.name).toBe('Kilifi County');
    expect(o.totals.clusters).toBe(3);
    expect(o.totals.schools).toBe(8);
    expect(o.clusters.map((c) => c.schools).reduce((a, b) => a + b, 0)).toBe(8);
    expect(o.latestTerm).toBe(
      (store.db.prepare('SELECT max(term) AS t FROM indicators').get() as { t: string }).t,
    );
    const kt = o.clusters.find((c) => c.name === 'Kilifi Town CoP')!;
    expect(kt.priorities.length).toBeGreaterThan(0);
    expect(kt.latest.attendance_rate).not.toBeNull();
  });

  it('counts a commitment as overdue only once its due date has passed', () => {
    const store = loaded();
    const open = store.db
      .prepare("SELECT due_date FROM commitments WHERE status IN ('open','partly')")
      .all() as {
      due_date: string;
    }[];
    expect(open.length).toBeGreaterThan(0);
    const due = open.map((c) => c.due_date).sort()[0]!;
    expect(regionOverview(store, due).totals.overdueCommitments).toBe(
      open.filter((c) => c.due_date < due).length,
    );
    expect(regionOverview(store, '2999-01-01').totals.overdueCommitments).toBe(open.length);
    expect(regionOverview(store, '2000-01-01').totals.overdueCommitments).toBe(0);
  });

  it('is empty but valid for a new store', () => {
    const o = regionOverview(tempStore());
    expect(o.region).toBeNull();
    expect(o.clusters).toEqual([]);
    expect(o.totals.schools).toBe(0);
  });
});

describe('clusters', () => {
  it('lists clusters by name and gives one with its neighbours, schools and members', () => {
    const store = loaded();
    expect(listClusters(store).map((c) => c.name)).toEqual(
      [...listClusters(store).map((c) => c.name)].sort(),
    );
    const c = getCluster(store, clusterId(store, 'Kilifi Town CoP'), '2026-11-20');
    expect(c.regionName).toBe('Kilifi County');
    expect(c.neighbours.length).toBe(2);
    for (const n of c.neighbours) expect(n.distanceKm).toBeGreaterThan(0);
    expect(c.neighbours[0]!.distanceKm).toBeLessThanOrEqual(c.neighbours[1]!.distanceKm);
    expect(c.schools.length).toBeGreaterThan(0);
    expect(c.members.length).toBeGreaterThan(0);
  });

  it('says which cluster id does not exist', () => {
    const store = loaded();
    expect(() => getCluster(store, '00000000-0000-4000-8000-000000000000')).toThrow(/No cluster/);
  });

  it('gives a trend for the cluster, its neighbours and the region', () => {
    const store = loaded();
    const points = clusterTrend(store, clusterId(store, 'Kilifi Town CoP'), 'attendance_rate');
    expect(points.length).toBe(2);
    for (const p of points) {
      expect(p.cluster).not.toBeNull();
      expect(p.region).not.toBeNull();
    }
  });

  it('aligns series on one term axis, leaving gaps where a series has no figure', () => {
    const points = alignTrend(
      [{ term: '2026-T1', value: 80.04 }],
      [
        { term: '2025-T3', value: 70 },
        { term: '2026-T1', value: 75 },
      ],
      [{ term: '2026-T2', value: 90 }],
    );
    expect(points).toEqual([
      { term: '2025-T3', cluster: null, neighbours: 70, region: null },
      { term: '2026-T1', cluster: 80, neighbours: 75, region: null },
      { term: '2026-T2', cluster: null, neighbours: null, region: 90 },
    ]);
  });

  it('measures distance on the globe', () => {
    // Kilifi town to Mtwapa, about 38 km.
    expect(distanceKm(-3.63, 39.85, -3.94, 39.74)).toBeGreaterThan(35);
    expect(distanceKm(-3.63, 39.85, -3.94, 39.74)).toBeLessThan(40);
  });
});

describe('practice library', () => {
  it('finds practices by words, with highlighted snippets', () => {
    const store = loaded();
    const all = search(store, {});
    expect(all.total).toBe(3);
    const radio = search(store, { query: 'radio' });
    expect(radio.total).toBeGreaterThan(0);
    expect(radio.total).toBeLessThan(all.total);
    expect(radio.results[0]!.snippet).toMatch(/«radio/i);
  });

  it('falls back to any word when no practice has them all', () => {
    const store = loaded();
    const r = search(store, { query: 'radio zzzznotaword' });
    expect(r.total).toBeGreaterThan(0);
  });

  it('never lets FTS syntax in the words cause an error', () => {
    const store = loaded();
    for (const q of [
      '"',
      'radio NEAR(',
      'title:radio',
      '*',
      'AND OR NOT',
      '(((',
      "'; DROP TABLE practices; --",
    ]) {
      expect(() => search(store, { query: q })).not.toThrow();
    }
    expect(ftsQuery('  ')).toBeNull();
    expect(ftsQuery('Radio "lessons" for the parents')).toBe('"radio"* AND "lesson"* AND "parent"*');
  });

  it('filters by priority, cost and evidence, and counts tags of the matches', () => {
    const store = loaded();
    const rows = store.db.prepare('SELECT tags, cost FROM practices').all() as {
      tags: string;
      cost: string;
    }[];
    const tag = (JSON.parse(rows[0]!.tags) as string[])[0]!;
    const byTag = search(store, { tags: [tag] });
    expect(byTag.total).toBe(rows.filter((r) => (JSON.parse(r.tags) as string[]).includes(tag)).length);
    const byCost = search(store, { cost: [rows[0]!.cost] });
    expect(byCost.total).toBe(rows.filter((r) => r.cost === rows[0]!.cost).length);
    const withEvidence = search(store, { withEvidence: true });
    const evidenced = (
      store.db.prepare('SELECT count(DISTINCT practice_id) AS n FROM practice_evidence').get() as {
        n: number;
      }
    ).n;
    expect(withEvidence.total).toBe(evidenced);
    expect(byTag.tagCounts.find((c) => c.tag === tag)?.count).toBe(byTag.total);
  });

  it('counts adoptions and evidence that made things worse', () => {
    const store = loaded();
    const r = search(store, {});
    const adoptions = (store.db.prepare('SELECT count(*) AS n FROM adoptions').get() as { n: number }).n;
    expect(r.results.reduce((a, p) => a + p.adoptions, 0)).toBe(adoptions);
  });

  it('gives one practice in full, steps split into a list', () => {
    const store = loaded();
    const id = (
      store.db.prepare("SELECT id FROM practices WHERE title LIKE 'Radio%'").get() as { id: string }
    ).id;
    const p = getPractice(store, id);
    expect(p.steps.length).toBeGreaterThanOrEqual(3);
    expect(p.steps[0]).not.toMatch(/^1\./);
    expect(p.evidence.length + p.adoptions.length).toBeGreaterThan(0);
    expect(splitSteps('1. One\n\n2) Two\n- Three\n• Four')).toEqual(['One', 'Two', 'Three', 'Four']);
  });
});

describe('search helpers', () => {
  it('cuts a snippet around the first matched word and marks every match', () => {
    const text =
      'Parents listen with their children to short radio lessons on the county station every evening';
    expect(snippetAround([text], ['radio'], 6)).toBe('…to short «radio» lessons on the…');
    expect(snippetAround(['nothing here', 'Radio first'], ['radio'])).toBe('«Radio» first');
    expect(snippetAround([text], ['zzz'])).toBeNull();
    expect(snippetAround([text], [])).toBeNull();
  });

  it('picks the k smallest without sorting everything, as a sort would', () => {
    const xs = Array.from({ length: 500 }, (_, i) => (i * 7919) % 1009);
    expect(smallest(xs, 30, (x) => x)).toEqual([...xs].sort((a, b) => a - b).slice(0, 30));
    expect(smallest([3, 1, 2], 5, (x) => x)).toEqual([1, 2, 3]);
    expect(smallest([3, 1, 2], 0, (x) => x)).toEqual([]);
  });

  it('lists the newest practices first when no words are given, page by page', () => {
    const store = loaded();
    const newestFirst = (
      store.db.prepare('SELECT id FROM practices ORDER BY seq DESC').all() as { id: string }[]
    ).map((r) => r.id);
    expect(search(store, { limit: 2 }).results.map((p) => p.id)).toEqual(newestFirst.slice(0, 2));
    expect(search(store, { limit: 2, offset: 2 }).results.map((p) => p.id)).toEqual(newestFirst.slice(2, 4));
  });
});
