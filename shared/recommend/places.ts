import { distanceKm } from '../geo.ts';
import { evidenceEffect, type AdoptionFact, type EvidenceFact } from './evidence.ts';
import { rankWeights } from './weights.ts';

/** A cluster as a place on the map. */
export interface ClusterPlace {
  name: string;
  lat: number;
  lon: number;
}

/** The asking cluster and the map around it. */
export interface RankPlaces {
  clusterId: string;
  /** Km from the asking cluster to another cluster, or null if unknown. */
  clusterKm: (id: string) => number | null;
  clusterName: (id: string) => string | null;
  /** Km from the asking cluster to a point. */
  pointKm: (lat: number, lon: number) => number;
  neighbourIds: ReadonlySet<string>;
}

/** The places of a region seen from one cluster; distances are worked out once each. */
export function placesFrom(
  clusterId: string,
  clusters: ReadonlyMap<string, ClusterPlace>,
  neighbourIds: ReadonlySet<string>,
): RankPlaces {
  const home = clusters.get(clusterId);
  const memo = new Map<string, number | null>();
  const pointKm = (lat: number, lon: number): number =>
    home ? distanceKm(home.lat, home.lon, lat, lon) : Infinity;
  return {
    clusterId,
    neighbourIds,
    pointKm,
    clusterName: (id) => clusters.get(id)?.name ?? null,
    clusterKm: (id) => {
      let km = memo.get(id);
      if (km === undefined) {
        const c = clusters.get(id);
        km = c && home ? pointKm(c.lat, c.lon) : null;
        memo.set(id, km);
      }
      return km;
    },
  };
}

export type Where = 'here' | 'neighbour' | 'away';

export interface Nearest {
  /** Distance on the map (0 in the cluster itself). */
  km: number;
  /** What nearness uses: 0 here, a declared neighbour at most `neighbourKm`. */
  effectiveKm: number;
  place: string;
  where: Where;
}

/** How far a cluster is, as nearness sees it; null when the cluster is unknown. */
export function clusterDistance(id: string, ctx: RankPlaces): Nearest | null {
  if (id === ctx.clusterId) return { km: 0, effectiveKm: 0, place: ctx.clusterName(id) ?? '', where: 'here' };
  const km = ctx.clusterKm(id);
  if (km === null) return null;
  const neighbour = ctx.neighbourIds.has(id);
  return {
    km,
    effectiveKm: neighbour ? Math.min(km, rankWeights.nearness.neighbourKm) : km,
    place: ctx.clusterName(id) ?? '',
    where: neighbour ? 'neighbour' : 'away',
  };
}

interface Locatable {
  originClusterId: string | null;
  originPlace: string;
  originLat: number | null;
  originLon: number | null;
  evidence: readonly EvidenceFact[];
  adoptions: readonly AdoptionFact[];
}

/**
 * The clusters where a practice worked: where it started, where evidence of it was
 * gathered (unless it measured worse there), and where an adoption improved things.
 */
export function workedClusters(p: Locatable): string[] {
  const out = new Set<string>();
  if (p.originClusterId) out.add(p.originClusterId);
  for (const e of p.evidence) {
    if (!e.clusterId) continue;
    const effect = evidenceEffect(e);
    if (effect === null ? e.kind === 'story' : effect >= 0) out.add(e.clusterId);
  }
  for (const a of p.adoptions) if (a.clusterId && a.outcome === 'improved') out.add(a.clusterId);
  return [...out];
}

/** The nearest place where the practice worked, or null when none is on the map. */
export function nearestWorked(p: Locatable, worked: readonly string[], ctx: RankPlaces): Nearest | null {
  let bestId: string | null = null;
  let bestEffective = Infinity;
  for (const id of worked) {
    let effective: number | null;
    if (id === ctx.clusterId) effective = 0;
    else {
      const km = ctx.clusterKm(id);
      effective =
        km === null ? null : ctx.neighbourIds.has(id) ? Math.min(km, rankWeights.nearness.neighbourKm) : km;
    }
    if (effective !== null && effective < bestEffective) {
      bestEffective = effective;
      bestId = id;
    }
  }
  const best = bestId === null ? null : clusterDistance(bestId, ctx);
  // An origin given as a point (e.g. a school outside any cluster of this store).
  if (p.originLat !== null && p.originLon !== null && bestEffective > 0) {
    const km = ctx.pointKm(p.originLat, p.originLon);
    if (km < bestEffective) return { km, effectiveKm: km, place: p.originPlace, where: 'away' };
  }
  return best;
}
