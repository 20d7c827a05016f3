import {
  RecommendQuery,
  type Question,
  type Reason,
  type Recommendation,
  type RecommendationResult,
} from '../../../shared/contract/recommend.ts';
import { fromZodError } from '../../../shared/errors.ts';
import { groupByTitleThenText } from '../../../shared/practices/samePractice.ts';
import { placesFrom } from '../../../shared/recommend/places.ts';
import { indicatorTags, indicatorWords, weakestIndicators } from '../../../shared/recommend/question.ts';
import {
  otherLanguage,
  rank,
  type PracticeFacts,
  type RankContext,
  type Scored,
} from '../../../shared/recommend/rank.ts';
import { reasonsFor } from '../../../shared/recommend/reasons.ts';
import type { PriorityTag } from '../../../shared/schema/enums.ts';
import { todayIso } from '../../../shared/today.ts';
import { matchedTerms } from '../../../shared/words/practiceText.ts';
import { tagsNamed } from '../../../shared/words/vocabulary.ts';
import type { Store } from '../../db/store.ts';
import { writtenLanguages } from '../practices/languages.ts';
import { readingOf, titleOf } from '../practices/readings.ts';
import { askedTerms, type AskedTerm } from '../practices/vocabulary.ts';
import { clusterView, indicatorComparison, type ClusterView } from './cluster.ts';
import { practiceIndex, type PracticeIndex } from './facts.ts';
import { textMatches } from './textSearch.ts';

const DEFAULT_LIMIT = 10;
/** Candidates ranked beyond the limit, so that write-ups of the same practice shown once still fill it. */
const SPARE = 8;
/** Fewer practices than this hold the words of a typed problem: it is narrow (see tagsStandIn). */
const NARROW = 20;

/** The languages a cluster uses: its own, its region's, and those its region's practices are written in. */
function languagesOf(index: PracticeIndex, view: ClusterView): Set<string> {
  return new Set([...view.languages, ...writtenLanguages(index)]);
}

interface Asked {
  question: Question;
  terms: AskedTerm[];
  requireText: boolean;
  requireTags: boolean;
}

/**
 * The question actually asked: the problem typed (its words by their forms and concepts;
 * the priorities its words name count as its tags), or, with none, the cluster's priorities
 * and the indicators where it trails its neighbours most (their words are searched for).
 */
function askQuestion(
  store: Store,
  view: ClusterView,
  index: PracticeIndex,
  problem: string,
  tags: PriorityTag[] | undefined,
  lang: string | undefined,
): Asked {
  const typed = askedTerms(store, index, problem, lang ? { lang } : {});
  const typedAny = typed.terms.length + typed.unknown.length > 0;
  const chosen = tags && tags.length > 0;
  const named = tagsNamed(typed.terms.flatMap((t) => t.concepts));
  const question: Question = {
    problem,
    words: [],
    tags: chosen ? [...new Set(tags)] : named.length ? named : view.priorities,
    tagsFrom: chosen ? 'query' : named.length ? 'problem' : view.priorities.length ? 'priorities' : 'none',
    weakIndicators: [],
    unknownWords: typed.unknown,
    corrected: typed.corrected,
  };
  let terms = typed.terms;
  if (!typedAny) {
    const compared = indicatorComparison(store, view, index.clusters);
    if (compared)
      question.weakIndicators = weakestIndicators(compared.own, compared.neighbours, compared.term);
    const words = question.weakIndicators.map((w) => indicatorWords[w.indicator]).join(' ');
    terms = askedTerms(store, index, words, { max: 16 }).terms;
  }
  return { question, terms, requireText: typedAny, requireTags: chosen === true };
}

interface ShownText {
  title: string;
  summary: string;
  problem: string;
  steps: string;
  language: string;
}

/** Title, summary and the searchable text of the few practices shown. */
function texts(store: Store, ids: string[]): Map<string, ShownText & { id: string }> {
  const rows = store.statements
    .get(
      `SELECT id, title, summary, problem, steps, language FROM practices
       WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as (ShownText & { id: string })[];
  return new Map(rows.map((r) => [r.id, r]));
}

interface Group {
  lead: Scored;
  others: Scored[];
}

function toRecommendation(
  g: Group,
  shown: Map<string, ShownText>,
  index: PracticeIndex,
  ctx: RankContext,
  terms: readonly AskedTerm[],
): Recommendation {
  const s = g.lead;
  const p = s.practice;
  const text = shown.get(p.id);
  const matched = text ? matchedTerms(terms, readingOf(index, p.id, text)) : { words: [], via: [] };
  const fb = ctx.feedback.get(p.id);
  const alsoTriedIn = g.others.map((o) => ({
    practiceId: o.practice.id,
    title: shown.get(o.practice.id)?.title ?? '',
    place: o.nearest?.place || o.practice.originPlace,
    km: o.nearest ? Math.round(o.nearest.km) : null,
    dataPoints: o.derived.summary.dataPoints,
  }));
  const extra: Reason[] = [];
  if (otherLanguage(p, ctx)) extra.push({ code: 'other_language', language: p.language! });
  if (alsoTriedIn.length)
    extra.push({
      code: 'also_tried_in',
      places: alsoTriedIn.map((a) => ({ practiceId: a.practiceId, place: a.place, km: a.km })),
      dataPoints: [s, ...g.others].reduce((n, x) => n + x.derived.summary.dataPoints, 0),
    });
  return {
    practiceId: p.id,
    title: text?.title ?? '',
    summary: text?.summary ?? '',
    tags: [...p.tags],
    cost: p.cost,
    setting: p.setting,
    originPlace: p.originPlace,
    fromThisCluster: p.originClusterId === ctx.clusterId,
    score: s.score,
    parts: s.parts,
    factor: s.factor,
    strength: s.derived.summary.strength,
    dataPoints: s.derived.summary.dataPoints,
    nearestKm: s.nearest ? s.nearest.km : null,
    language: p.language ?? '',
    alsoTriedIn,
    reasons: [...reasonsFor(s, ctx, matched.words, matched.via), ...extra],
    feedback: {
      sharedOn: fb?.sharedOn ?? null,
      notRelevant: fb?.notRelevant ?? false,
      notRelevantId: fb?.notRelevantId ?? null,
      adoptedBy: p.adoptions.flatMap((a) =>
        a.clusterId === ctx.clusterId && a.schoolId ? [a.schoolId] : [],
      ),
    },
  };
}

/**
 * Write-ups of the same practice (shared/practices/samePractice.ts) among the ranked ones,
 * shown once: the best ranked leads, the others are named with it.
 */
function sameOnce(
  ranked: Scored[],
  shown: Map<string, ShownText>,
  index: PracticeIndex,
  limit: number,
): Group[] {
  const withText = ranked.filter((s) => shown.has(s.practice.id));
  const groups = groupByTitleThenText(
    withText,
    (s) => titleOf(index, s.practice.id, shown.get(s.practice.id)!),
    (s) => readingOf(index, s.practice.id, shown.get(s.practice.id)!).print,
  );
  return groups.slice(0, limit).map((g) => ({ lead: g[0]!, others: g.slice(1) }));
}

/**
 * Practices most likely to help a cluster with its problem, ranked by fit, evidence,
 * nearness of where they worked, similarity of context and recency (weights in
 * shared/recommend/weights.ts), each with its reasons. Practices whose evidence says
 * they made things worse are left out and counted.
 */
export function recommend(store: Store, query: RecommendQuery): RecommendationResult {
  const parsed = RecommendQuery.safeParse(query);
  if (!parsed.success) throw fromZodError(parsed.error);
  const q = parsed.data;
  const index = practiceIndex(store);
  const view = clusterView(store, q.clusterId);
  const asked = askQuestion(store, view, index, (q.problem ?? '').trim(), q.tags, q.lang);
  const text = asked.terms.length ? textMatches(store, index, asked.terms) : null;
  asked.question.words = (text?.searched ?? []).map((t) => t.words);

  const ctx: RankContext = {
    ...placesFrom(view.id, index.clusters, view.neighbourIds),
    question: {
      hasText: text !== null && text.searched.length > 0,
      requireText: asked.requireText,
      tags: asked.question.tags,
      requireTags: asked.requireTags,
      weakIndicators: asked.question.weakIndicators.map((w) => w.indicator),
      weakIndicatorTags: [
        ...new Set(asked.question.weakIndicators.flatMap((w) => indicatorTags[w.indicator])),
      ],
    },
    settingShare: view.settingShare,
    sizeShare: view.sizeShare,
    filters: { maxDistanceKm: q.maxDistanceKm, maxCost: q.maxCost },
    feedback: view.feedback,
    today: q.today ?? todayIso(),
    languages: languagesOf(index, view),
    clusterSchools: view.schoolCount,
  };
  const empty =
    !ctx.question.hasText && ctx.question.tags.length === 0 && ctx.question.weakIndicators.length === 0;
  const scores = text?.scores ?? new Map<number, number>();
  const relevance = new Map<PracticeFacts, number>();
  for (const [seq, r] of scores) {
    const practice = index.bySeq.get(seq);
    if (practice) relevance.set(practice, r);
  }
  const limit = q.limit ?? DEFAULT_LIMIT;
  // Few practices hold the words of the problem typed: those on the priorities its words name follow them.
  ctx.question.tagsStandIn =
    asked.requireText && asked.question.tagsFrom === 'problem' && relevance.size < NARROW;
  const ranking = empty
    ? { top: [], considered: 0, excludedWorse: 0, excludedEverywhere: 0 }
    : rank(
        asked.requireText && !ctx.question.tagsStandIn ? relevance.keys() : index.all(),
        relevance.size ? (p) => relevance.get(p) ?? 0 : () => 0,
        ctx,
        limit + SPARE,
      );
  const marked = [...view.feedback].filter(([, f]) => f.notRelevant);
  const shown = texts(store, [...ranking.top.map((s) => s.practice.id), ...marked.map(([id]) => id)]);
  const groups = sameOnce(ranking.top, shown, index, limit);
  return {
    cluster: { id: view.id, name: view.name },
    question: asked.question,
    considered: ranking.considered,
    excludedWorse: ranking.excludedWorse,
    excludedEverywhere: ranking.excludedEverywhere,
    results: groups.map((g) => toRecommendation(g, shown, index, ctx, text?.searched ?? [])),
    markedNotRelevant: marked.map(([practiceId, f]) => ({
      practiceId,
      title: shown.get(practiceId)?.title ?? '',
      feedbackId: f.notRelevantId!,
      on: f.notRelevantOn!,
    })),
  };
}
