import type { Reason } from '../contract/recommend.ts';
import { evidenceEffect } from './evidence.ts';
import { clusterDistance, type Nearest } from './places.ts';
import { nearnessPart } from './parts.ts';
import type { RankContext, Scored } from './rank.ts';

/** Below this many data points the evidence is called thin. */
const THIN_EVIDENCE = 2;

/** Where a piece of evidence was gathered, seen from the asking cluster. */
function evidencePlace(clusterId: string | null, s: Scored, ctx: RankContext): Nearest | null {
  if (clusterId) return clusterDistance(clusterId, ctx);
  const p = s.practice;
  if (p.originClusterId) return clusterDistance(p.originClusterId, ctx);
  if (p.originLat !== null && p.originLon !== null) {
    const km = ctx.pointKm(p.originLat, p.originLon);
    return { km, effectiveKm: km, place: p.originPlace, where: 'away' };
  }
  return null;
}

const at = (n: Nearest | null, fallback: string) =>
  n
    ? { place: n.place || fallback, km: n.where === 'here' ? 0 : Math.round(n.km), where: n.where }
    : { place: fallback, km: null, where: 'away' as const };

/**
 * The structured "why this" of one recommendation: the best measured change (weighing
 * its size by how near it was), stories, adoptions elsewhere and here, what matched the
 * question, and this cluster's own feedback. Codes and numbers only; explain.ts words them.
 */
export function reasonsFor(
  s: Scored,
  ctx: RankContext,
  matchedWords: readonly string[],
  via: readonly { word: string; as: string }[] = [],
): Reason[] {
  const p = s.practice;
  const reasons: Reason[] = [];
  if (p.originClusterId === ctx.clusterId) reasons.push({ code: 'from_this_cluster' });

  let best: { reason: Reason; value: number } | null = null;
  let story: Nearest | null | undefined;
  for (const e of p.evidence) {
    const effect = evidenceEffect(e);
    if (effect !== null && effect > 0) {
      const place = evidencePlace(e.clusterId, s, ctx);
      const value = effect * (0.25 + nearnessPart(place));
      if (!best || value > best.value)
        best = {
          value,
          reason: {
            code: 'measured',
            indicator: e.indicator!,
            before: e.before!,
            after: e.after!,
            schools: e.schools,
            ...at(place, p.originPlace),
          },
        };
    } else if (e.kind === 'story' && story === undefined) story = evidencePlace(e.clusterId, s, ctx);
  }
  if (best) reasons.push(best.reason);
  else if (story !== undefined) reasons.push({ code: 'story', ...at(story, p.originPlace) });
  else if (s.nearest) reasons.push({ code: 'worked_near', ...at(s.nearest, p.originPlace) });

  const elsewhere = { total: 0, improved: 0, noChange: 0, worse: 0, pending: 0 };
  const here = { schools: 0, improved: 0, noChange: 0, worse: 0, pending: 0 };
  const clusters = new Set<string>();
  for (const a of p.adoptions) {
    const bucket = a.clusterId === ctx.clusterId ? here : elsewhere;
    if (bucket === here) here.schools++;
    else {
      elsewhere.total++;
      if (a.clusterId) clusters.add(a.clusterId);
    }
    if (a.outcome === 'improved') bucket.improved++;
    else if (a.outcome === 'no_change') bucket.noChange++;
    else if (a.outcome === 'worse') bucket.worse++;
    else bucket.pending++;
  }
  if (elsewhere.total > 0) reasons.push({ code: 'adoptions', ...elsewhere, clusters: clusters.size });
  if (here.schools > 0) reasons.push({ code: 'adopted_here', ...here });
  if (s.derived.summary.dataPoints < THIN_EVIDENCE)
    reasons.push({ code: 'little_evidence', dataPoints: s.derived.summary.dataPoints });

  if (matchedWords.length) reasons.push({ code: 'matched_words', words: [...matchedWords], via: [...via] });
  if (s.matchedTags.length) reasons.push({ code: 'matched_priorities', tags: [...s.matchedTags] });
  if (s.matchedIndicators.length)
    reasons.push({ code: 'weak_indicator', indicators: [...s.matchedIndicators] });

  const fb = ctx.feedback.get(p.id);
  if (fb?.sharedOn) reasons.push({ code: 'shared_here', on: fb.sharedOn });
  if (fb?.notRelevant) reasons.push({ code: 'not_relevant_here' });
  return reasons;
}
