import type { CostLevel } from '../schema/enums.ts';

/**
 * Every number that shapes the recommendation ranking, in one place. Each part of a
 * score is a number from 0 to 1, and
 *
 *   score = feedback × fit × (parts.fit + parts.evidence × evidence + parts.nearness × nearness
 *                              + parts.context × context + parts.recency × recency)
 *
 * so fit both counts and gates: a practice that hardly answers the question cannot climb
 * on evidence alone. Change a weight here and the unit tests (tests/unit/recommend*.test.ts)
 * say which promised orders still hold.
 */
export const rankWeights = {
  /** How the five parts add up (they sum to 1, so a perfect practice scores 1). */
  parts: { fit: 0.35, evidence: 0.25, nearness: 0.2, context: 0.1, recency: 0.1 },

  /**
   * Fit to the question. `text`: full-text relevance (bm25, relative to the best match of
   * this question); `tags`: shared priority tags; `indicator`: the practice has evidence
   * on one of the cluster's weakest indicators. Only the parts the question has count.
   */
  fit: { text: 0.6, tags: 0.25, indicator: 0.15 },
  /**
   * The score scales with fit to this power: with 1 a practice answering half the question
   * but proven near here ties with one answering all of it; with 2 the fuller answer leads.
   */
  fitPower: 2,
  /** Tag overlap is full when this many of the question's tags are shared. */
  tagsForFullOverlap: 2,
  /**
   * bm25 weight of each full-text column: title, problem, summary, steps, tags. The library
   * search weighs them the same, so both use one set of kept bm25 parts
   * (electron/services/practices/tokenScores.ts).
   */
  textColumns: [10, 4, 3, 1, 2] as const,
  /** At most this many full-text matches are considered (best first). */
  maxTextMatches: 1000,

  evidence: {
    /**
     * Shrinkage: this many imaginary data points with no effect join every practice's
     * data, so one glowing result is pulled toward neutral and ten solid ones are not.
     */
    priorWeight: 3,
    /** A measured change counts for one data point per school, up to this many. */
    maxSchoolsPerMeasure: 5,
    /** A story (no figures) counts as half a data point with a modest positive effect. */
    storyWeight: 0.5,
    storyEffect: 0.3,
    /** An adoption with a known outcome is one data point with this effect. */
    adoptionEffect: { improved: 0.5, no_change: 0, worse: -0.5 },
    /**
     * With no measured fall behind it, a practice counts as having made things worse (and is
     * left out) only when at least this many adoptions went worse and harm outweighs help.
     */
    worseAdoptionsForVerdict: 2,
    /** The evidence part is full at this shrunk strength (strength runs from -1 to 1). */
    fullStrength: 0.5,
  },

  /**
   * How much nearness depends on evidence: its weight is `parts.nearness × (1 − this × (1 −
   * evidence))`, so with no evidence nearness counts for 40% of its weight and with full
   * evidence for all of it (a practice proven in many schools is not beaten by a single story
   * next door; between equals the nearer wins).
   */
  nearnessNeedsEvidence: 0.6,
  /** A practice written in a language the cluster does not use: its score times this. */
  otherLanguage: 0.8,

  nearness: {
    /** Nearness halves every this many km between the cluster and where it worked. */
    halfKm: 25,
    /** A declared neighbour counts as at most this far, whatever the map says. */
    neighbourKm: 10,
  },

  /** Recency halves every this many years since the practice was last started, measured or adopted. */
  recencyHalfLifeYears: 3,

  context: {
    /** Cheaper practices suit the schools Pamoja serves better. */
    cost: { none: 1, low: 0.85, medium: 0.55, high: 0.25 } satisfies Record<CostLevel, number>,
    /** Rural vs peri-urban, or peri-urban vs urban: half a match. */
    adjacentSetting: 0.5,
    adjacentSize: 0.5,
    /** School size bands by learners: small below, large from. */
    smallBelow: 400,
    largeFrom: 800,
  },

  feedback: {
    /** "Not relevant" for this cluster multiplies the score by this. */
    notRelevant: 0.2,
    /** Already shared at one of this cluster's sessions: make room for the others. */
    sharedHere: 0.85,
  },
} as const;
