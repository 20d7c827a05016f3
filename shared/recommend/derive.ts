import {
  costLevels,
  indicatorNames,
  practiceSettings,
  priorityTags,
  schoolSizes,
  type CostLevel,
  type IndicatorName,
  type PracticeSetting,
  type PriorityTag,
  type SchoolSize,
} from '../schema/enums.ts';
import {
  evidenceEffect,
  summariseEvidence,
  type AdoptionFact,
  type EvidenceFact,
  type EvidenceSummary,
} from './evidence.ts';
import { workedClusters } from './places.ts';

/** What the ranking knows of one practice. */
export interface PracticeFacts {
  id: string;
  tags: readonly PriorityTag[];
  cost: CostLevel;
  setting: PracticeSetting;
  schoolSize: SchoolSize;
  startedOn: string;
  originClusterId: string | null;
  originPlace: string;
  originLat: number | null;
  originLon: number | null;
  /** The language it is written in ('en', 'sw', 'fr', …); unknown counts as the cluster's. */
  language?: string;
  evidence: readonly EvidenceFact[];
  adoptions: readonly AdoptionFact[];
  /**
   * What `derive` makes of it, when the caller keeps practices between questions (the
   * service does); worked out on the spot when absent.
   */
  derived?: PracticeDerived;
}

/** Everything about a practice that does not depend on who asks: worked out once. */
export interface PracticeDerived {
  summary: EvidenceSummary;
  /** Clusters where it worked (see places.ts). */
  worked: string[];
  /** Bit per priority tag (in `priorityTags` order) it carries. */
  tagMask: number;
  /** Bit per indicator (in `indicatorNames` order) it measurably improved, by evidence or adoption. */
  improvesMask: number;
  costRank: number;
  /** Setting, school size and cost as one number (0–63): the context part depends on nothing else. */
  contextKey: number;
  /** Days since 1970 of its last start, measurement or adoption. */
  lastActiveDay: number;
}

const tagBit = new Map(priorityTags.map((t, i) => [t, 1 << i]));
const indicatorBit = new Map(indicatorNames.map((n, i) => [n, 1 << i]));

export const tagsMask = (tags: readonly PriorityTag[]): number =>
  tags.reduce((m, t) => m | tagBit.get(t)!, 0);
export const indicatorsMask = (names: readonly IndicatorName[]): number =>
  names.reduce((m, n) => m | indicatorBit.get(n)!, 0);
export const indicatorsOf = (mask: number): IndicatorName[] =>
  indicatorNames.filter((_, i) => (mask & (1 << i)) !== 0);

/** Number of bits set (masks here have at most 12). */
export function bitCount(mask: number): number {
  let n = 0;
  for (let m = mask; m; m &= m - 1) n++;
  return n;
}

export const dayOf = (iso: string): number => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / 86_400_000;

export function derive(p: PracticeFacts): PracticeDerived {
  let improvesMask = 0;
  let last = p.startedOn;
  for (const e of p.evidence) {
    const effect = evidenceEffect(e);
    if (effect !== null && effect > 0) improvesMask |= indicatorBit.get(e.indicator!)!;
    if (e.recordedOn > last) last = e.recordedOn;
  }
  for (const a of p.adoptions) {
    if (a.outcome === 'improved' && a.indicator) improvesMask |= indicatorBit.get(a.indicator)!;
    if (a.adoptedOn > last) last = a.adoptedOn;
  }
  return {
    summary: summariseEvidence(p.evidence, p.adoptions),
    worked: workedClusters(p),
    tagMask: tagsMask(p.tags),
    improvesMask,
    costRank: costLevels.indexOf(p.cost),
    contextKey:
      practiceSettings.indexOf(p.setting) * 16 +
      schoolSizes.indexOf(p.schoolSize) * 4 +
      costLevels.indexOf(p.cost),
    lastActiveDay: dayOf(last),
  };
}
