import type { RegionMapData } from '../../../shared/contract/map.ts';
import type { IndicatorName } from '../../../shared/schema/enums.ts';
import type { Store } from '../../db/store.ts';

/**
 * The region map's data in three queries, whatever the region's size: the CoPs, their
 * declared neighbour links, and (when an indicator is chosen) each CoP's average of it
 * over its open schools in the latest term that has it.
 */
export function regionMap(store: Store, indicator: IndicatorName | null): RegionMapData {
  const s = store.statements;
  const region = (s.get('SELECT name, country FROM regions ORDER BY name LIMIT 1').get() ?? {
    name: '',
    country: '',
  }) as { name: string; country: string };
  const clusters = s.get('SELECT id, name, lat, lon FROM clusters ORDER BY name').all() as {
    id: string;
    name: string;
    lat: number;
    lon: number;
  }[];
  const links = (
    s.get('SELECT cluster_id AS a, neighbour_id AS b FROM cluster_neighbours').all() as {
      a: string;
      b: string;
    }[]
  ).map((l): [string, string] => [l.a, l.b]);

  let term: string | null = null;
  const values = new Map<string, number>();
  if (indicator) {
    // `indicator` is an enum member (validated by the contract), so naming the column is safe.
    term =
      (
        s.get(`SELECT max(term) AS term FROM indicators WHERE ${indicator} IS NOT NULL`).get() as {
          term: string | null;
        }
      ).term ?? null;
    if (term) {
      const rows = s
        .get(
          `SELECT sc.cluster_id AS id, avg(i.${indicator}) AS value
           FROM indicators i JOIN schools sc ON sc.id = i.school_id
           WHERE i.term = ? AND i.${indicator} IS NOT NULL AND sc.closed_on IS NULL
           GROUP BY sc.cluster_id`,
        )
        .all(term) as { id: string; value: number }[];
      for (const r of rows) values.set(r.id, Math.round(r.value * 10) / 10);
    }
  }
  return {
    regionName: region.name,
    country: region.country,
    indicator,
    term,
    clusters: clusters.map((c) => ({ ...c, value: values.get(c.id) ?? null })),
    links,
  };
}
