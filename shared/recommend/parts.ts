import type { EvidenceSummary } from './evidence.ts';
import { dayOf, type PracticeDerived, type PracticeFacts } from './derive.ts';
import type { Nearest } from './places.ts';
import { rankWeights } from './weights.ts';

/** The asking cluster's schools: share per setting and size band (zeros when it has none). */
export interface ClusterMix {
  settingShare: Record<'rural' | 'peri_urban' | 'urban', number>;
  sizeShare: Record<'small' | 'medium' | 'large', number>;
}

const settingOrder = ['rural', 'peri_urban', 'urban'] as const;
const sizeOrder = ['small', 'medium', 'large'] as const;

/** 1 for the same band, `adjacent` for the next one, 0 further away, weighted by the cluster's shares. */
function bandMatch<B extends string>(
  value: B | 'any',
  order: readonly B[],
  share: Record<B, number>,
  adjacent: number,
): number {
  if (value === 'any') return 1;
  let total = 0;
  let match = 0;
  const at = order.indexOf(value);
  for (let i = 0; i < order.length; i++) {
    const v = share[order[i]!];
    const d = Math.abs(i - at);
    total += v;
    match += v * (d === 0 ? 1 : d === 1 ? adjacent : 0);
  }
  return total > 0 ? match / total : 0.5;
}

/** Similarity of context: setting and school size against the cluster's schools, and cost. */
export function contextPart(p: PracticeFacts, mix: ClusterMix): number {
  const c = rankWeights.context;
  const setting = bandMatch(p.setting, settingOrder, mix.settingShare, c.adjacentSetting);
  const size = bandMatch(p.schoolSize, sizeOrder, mix.sizeShare, c.adjacentSize);
  return (setting + size + c.cost[p.cost]) / 3;
}

/** 1 where it worked in this cluster, halving every `halfKm`; a declared neighbour is never far. */
export function nearnessPart(n: Nearest | null): number {
  if (!n) return 0;
  return Math.pow(0.5, n.effectiveKm / rankWeights.nearness.halfKm);
}

export function recencyPart(d: PracticeDerived, today: string | number): number {
  const day = typeof today === 'number' ? today : dayOf(today);
  const years = Math.max(0, day - d.lastActiveDay) / 365.25;
  return Math.pow(0.5, years / rankWeights.recencyHalfLifeYears);
}

export function evidencePart(s: EvidenceSummary): number {
  return Math.max(0, Math.min(1, s.strength / rankWeights.evidence.fullStrength));
}
