import { explain } from '../../../shared/recommend/explain.ts';
import { recommend } from '../recommend/service.ts';
import type { PracticeSource } from './plan.ts';

/**
 * The practice spotlight's source: the recommendations for the cluster (its problem as
 * typed, or its priorities and weakest indicators when none is), each with its reasons
 * worded in the plan's language.
 */
export const recommendedPractices: PracticeSource = (store, { clusterId, problem, limit, lang }) =>
  recommend(store, { clusterId, limit, ...(problem.trim() ? { problem: problem.trim() } : {}) }).results.map(
    (r) => ({
      id: r.practiceId,
      title: r.title,
      summary: r.summary,
      why: explain(r.reasons, lang),
    }),
  );
