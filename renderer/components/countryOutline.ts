import type { GeoPermissibleObjects } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/**
 * A country's outline from Natural Earth (world-atlas, 1:50m), bundled with the app so the
 * map works with no network. Loaded on first use only: the file is ~750 kB.
 */
let atlas: Promise<Topology> | null = null;

export async function countryOutline(country: string): Promise<GeoPermissibleObjects | null> {
  atlas ??= import('world-atlas/countries-50m.json').then((m) => m.default as unknown as Topology);
  const topology = await atlas;
  const countries = feature(topology, topology.objects.countries as GeometryCollection<{ name: string }>);
  const wanted = country.trim().toLowerCase();
  return countries.features.find((f) => f.properties.name.toLowerCase() === wanted) ?? null;
}
