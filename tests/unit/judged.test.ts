import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../electron/demo/generate.ts';
import { judgeRecommendations, judgeSearch, scoreRanking } from '../../bench/lib/judged.ts';
import { judgedQuestions } from '../fixtures/judgedQuestions.ts';
import { tempStore } from './helpers.ts';

/**
 * The floor under the judged test collection (tests/fixtures/judgedQuestions.ts): the
 * figures `npm run bench` prints may rise, never slip below these. Raise a floor when the
 * matching gets better; the goal is precision@5 ≥ 0.8.
 */
const floor = {
  recommendations: { precision: 0.81, ndcg: 0.83 },
  search: { precision: 0.8, ndcg: 0.82 },
};

describe('the judged test collection', () => {
  it('has at least 40 questions in English and Kiswahili, each with practices expected and a reason', () => {
    expect(judgedQuestions.length).toBeGreaterThanOrEqual(40);
    expect(judgedQuestions.filter((q) => q.lang === 'sw').length).toBeGreaterThanOrEqual(20);
    expect(judgedQuestions.filter((q) => q.lang === 'en').length).toBeGreaterThanOrEqual(20);
    for (const q of judgedQuestions) {
      expect(q.expected.length, q.text).toBeGreaterThan(0);
      expect(q.reason.length, q.text).toBeGreaterThan(10);
    }
  });

  it('scores a ranking by precision@5 (out of at most as many as expected) and nDCG@5', () => {
    expect(scoreRanking(['a', 'b', 'c'], ['a', 'b', 'c'])).toEqual({ precision: 1, ndcg: 1 });
    expect(scoreRanking(['x', 'a', 'y', 'z', 'w'], ['a', 'b']).precision).toBe(0.5);
    expect(scoreRanking(['x', 'a'], ['a']).ndcg).toBeCloseTo(1 / Math.log2(3), 10);
    expect(scoreRanking([], ['a'])).toEqual({ precision: 0, ndcg: 0 });
  });

  it('holds the floor on the demo region, for recommendations and the library search', () => {
    const store = tempStore();
    generateDemo(store, { seed: 7, scale: 'region' });
    const rec = judgeRecommendations(store);
    const search = judgeSearch(store);
    expect(rec.precision).toBeGreaterThanOrEqual(floor.recommendations.precision);
    expect(rec.ndcg).toBeGreaterThanOrEqual(floor.recommendations.ndcg);
    expect(search.precision).toBeGreaterThanOrEqual(floor.search.precision);
    expect(search.ndcg).toBeGreaterThanOrEqual(floor.search.ndcg);
  });
});
