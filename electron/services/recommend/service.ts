import {
  RecommendQuery,
  type Question,
  type Recommendation,
  type RecommendationResult,
} from '../../../shared/contract/recommend.ts';
import { fromZodError } from '../../../shared/errors.ts';
import { placesFrom } from '../../../shared/recommend/places.ts';
import { indicatorTags, indicatorWords, weakestIndicators } from '../../../shared/recommend/question.ts';
import { rank, type PracticeFacts, type RankContext, type Scored } from '../../../shared/recommend/rank.ts';
import { reasonsFor } from '../../../shared/recommend/reasons.ts';
import { matchedWords, questionWords, type QuestionWord } from '../../../shared/recommend/text.ts';
import type { PriorityTag } from '../../../shared/schema/enums.ts';
import { todayIso } from '../../../shared/today.ts';
import type { Store } from '../../db/store.ts';
import { clusterView, indicatorComparison, type ClusterView } from './cluster.ts';
import { practiceIndex, type PracticeIndex } from './facts.ts';
import { textMatches } from './textSearch.ts';

const DEFAULT_LIMIT = 10;

interface Asked {
  question: Question;
  words: QuestionWord[];
  requireText: boolean;
  requireTags: boolean;
}

/**
 * The question actually asked: the problem typed, or, with none, the cluster's priorities
 * and the indicators where it trails its neighbours most (their words are searched for).
 */
function askQuestion(
  store: Store,
  view: ClusterView,
  index: PracticeIndex,
  problem: string,
  tags: PriorityTag[] | undefined,
): Asked {
  const typed = questionWords(problem);
  const chosen = tags && tags.length > 0;
  const question: Question = {
    problem,
    words: [],
    tags: chosen ? [...new Set(tags)] : view.priorities,
    tagsFrom: chosen ? 'query' : view.priorities.length ? 'priorities' : 'none',
    weakIndicators: [],
  };
  let words = typed;
  if (typed.length === 0) {
    const compared = indicatorComparison(store, view, index.clusters);
    if (compared)
      question.weakIndicators = weakestIndicators(compared.own, compared.neighbours, compared.term);
    words = questionWords(question.weakIndicators.map((w) => indicatorWords[w.indicator]).join(' '), 16);
  }
  return { question, words, requireText: typed.length > 0, requireTags: chosen === true };
}

/** Title, summary and the searchable text of the few practices shown. */
function texts(store: Store, ids: string[]) {
  const rows = store.statements
    .get(
      `SELECT id, title, summary, problem, steps FROM practices
       WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as {
    id: string;
    title: string;
    summary: string;
    problem: string;
    steps: string;
  }[];
  return new Map(rows.map((r) => [r.id, r]));
}

function toRecommendation(
  s: Scored,
  text: { title: string; summary: string; problem: string; steps: string } | undefined,
  ctx: RankContext,
  words: QuestionWord[],
): Recommendation {
  const p = s.practice;
  const matched = text
    ? matchedWords(words, `${text.title} ${text.problem} ${text.summary} ${text.steps}`)
    : [];
  const fb = ctx.feedback.get(p.id);
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
    reasons: reasonsFor(s, ctx, matched),
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
  const asked = askQuestion(store, view, index, (q.problem ?? '').trim(), q.tags);
  const text = asked.words.length ? textMatches(store, index, asked.words) : null;
  asked.question.words = (text?.searched ?? []).map((w) => w.word);

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
  };
  const empty =
    !ctx.question.hasText && ctx.question.tags.length === 0 && ctx.question.weakIndicators.length === 0;
  const scores = text?.scores ?? new Map<number, number>();
  const relevance = new Map<PracticeFacts, number>();
  for (const [seq, r] of scores) {
    const practice = index.bySeq.get(seq);
    if (practice) relevance.set(practice, r);
  }
  const ranking = empty
    ? { top: [], considered: 0, excludedWorse: 0 }
    : rank(
        asked.requireText ? relevance.keys() : index.all(),
        relevance.size ? (p) => relevance.get(p) ?? 0 : () => 0,
        ctx,
        q.limit ?? DEFAULT_LIMIT,
      );
  const marked = [...view.feedback].filter(([, f]) => f.notRelevant);
  const shown = texts(store, [...ranking.top.map((s) => s.practice.id), ...marked.map(([id]) => id)]);
  return {
    cluster: { id: view.id, name: view.name },
    question: asked.question,
    considered: ranking.considered,
    excludedWorse: ranking.excludedWorse,
    results: ranking.top.map((s) => toRecommendation(s, shown.get(s.practice.id), ctx, asked.words)),
    markedNotRelevant: marked.map(([practiceId, f]) => ({
      practiceId,
      title: shown.get(practiceId)?.title ?? '',
      feedbackId: f.notRelevantId!,
      on: f.notRelevantOn!,
    })),
  };
}
