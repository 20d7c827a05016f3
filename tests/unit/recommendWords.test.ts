import { describe, expect, it } from 'vitest';
import type { Store } from '../../electron/db/store.ts';
import { searchPractices } from '../../electron/services/practices/search.ts';
import { weighingTerms, type AskedTerm } from '../../electron/services/practices/vocabulary.ts';
import { adopt, whyNot } from '../../electron/services/recommend/feedback.ts';
import { recommend } from '../../electron/services/recommend/service.ts';
import { PracticeFilters } from '../../shared/contract/practices.ts';
import type { RecommendQuery } from '../../shared/contract/recommend.ts';
import { explain } from '../../shared/recommend/explain.ts';
import type { RowInput } from '../../shared/schema/tables.ts';
import { tempStore } from './helpers.ts';
import { buildRegion, type TestRegion } from './recommendRegion.ts';

const today = '2026-07-01';
const ask = (store: Store, q: RecommendQuery) => recommend(store, { today, ...q });
const ids = (r: ReturnType<typeof recommend>) => r.results.map((x) => x.practiceId);
const search = (store: Store, query: string, lang?: 'en' | 'sw') =>
  searchPractices(store, PracticeFilters.parse({ query, ...(lang ? { lang } : {}) }));

function addPractice(
  store: Store,
  row: Partial<RowInput<'practices'>> & Pick<RowInput<'practices'>, 'title'>,
) {
  return store.write((w) =>
    w.insert('practices', {
      problem: '',
      summary: '',
      steps: '',
      resources: '',
      tags: '[]',
      cost: 'low',
      setting: 'any',
      school_size: 'any',
      language: 'en',
      origin_cluster_id: null,
      origin_school_id: null,
      origin_place: '',
      origin_lat: null,
      origin_lon: null,
      started_on: '2025-01-10',
      ...row,
    }),
  );
}

const wordsMatched = (r: ReturnType<typeof recommend>['results'][number]) =>
  r.reasons.find((x) => x.code === 'matched_words');

describe('recommendations that understand a coach’s words', () => {
  it('finds an English practice for a Kiswahili question and names the concept it matched', () => {
    const store = tempStore();
    const r = buildRegion(store);
    const result = ask(store, { clusterId: r.clusters.kilifi, problem: 'wasichana wanaoacha shule' });
    const visitation = result.results.find((x) => x.practiceId === r.practices.visitation);
    expect(visitation).toBeDefined();
    const matched = wordsMatched(visitation!);
    expect(matched).toMatchObject({ code: 'matched_words' });
    expect(explain([matched!], 'en')[0]).toMatch(/wasichana \(“girls”\)/);
    expect(explain([matched!], 'en')[0]).toMatch(/wanaoacha shule \(“drop ?out”\)/);
  });

  it('never matches a word inside another, and the explanation lists exactly the words matched', () => {
    const store = tempStore();
    const r = buildRegion(store);
    const bread = addPractice(store, {
      title: 'Bread and tea for early comers',
      origin_cluster_id: r.clusters.malindi,
    });
    const found = search(store, 'bread');
    expect(found.results.map((p) => p.id)).toEqual([bread]);
    expect(search(store, 'read').results.map((p) => p.id)).not.toContain(bread);
    const rec = ask(store, { clusterId: r.clusters.kilifi, problem: 'read sounds outside' });
    expect(ids(rec)).not.toContain(bread);
    for (const x of rec.results) {
      const m = wordsMatched(x);
      expect(
        m && m.code === 'matched_words' && m.words.every((w) => ['read', 'sounds', 'outside'].includes(w)),
      ).toBe(true);
    }
  });

  it('counts a typed problem toward the priorities it names', () => {
    const store = tempStore();
    const r = buildRegion(store);
    const result = ask(store, { clusterId: r.clusters.kilifi, problem: 'Grade 3 learners cannot read' });
    expect(result.question.tagsFrom).toBe('problem');
    expect(result.question.tags).toContain('early_literacy');
    const reading = result.results.find((x) => x.practiceId === r.practices.reading)!;
    expect(reading.reasons).toContainEqual({ code: 'matched_priorities', tags: ['early_literacy'] });
    // Asked with the cluster's own priorities instead, reading fits them less.
    const byPriorities = ask(store, {
      clusterId: r.clusters.kilifi,
      problem: 'Grade 3 learners cannot read',
      tags: ['attendance'],
    });
    expect(
      byPriorities.results.find((x) => x.practiceId === r.practices.reading)?.parts.fit ?? 0,
    ).toBeLessThan(reading.parts.fit);
  });

  it('answers a narrow problem with the practices holding its words first, then those on the priorities it names', () => {
    const store = tempStore();
    const r = buildRegion(store);
    const says = addPractice(store, {
      title: 'Bringing back learners who dropped out',
      tags: '["attendance"]',
    });
    const onPriority = addPractice(store, { title: 'Quokka roll call', tags: '["attendance"]' });
    const elsewhere = addPractice(store, { title: 'Morning songs about the quokka', tags: '["numeracy"]' });
    const result = ask(store, { clusterId: r.clusters.kilifi, problem: 'kuacha shule' });
    expect(result.question.tags).toContain('attendance');
    const got = ids(result);
    expect(got[0]).toBe(says);
    expect(got).toContain(onPriority);
    expect(got).not.toContain(elsewhere);
    // It says which words it matched: none for the one found through its priority.
    const stand = result.results.find((x) => x.practiceId === onPriority)!;
    expect(wordsMatched(stand)).toBeUndefined();
    expect(stand.reasons).toContainEqual({ code: 'matched_priorities', tags: ['attendance'] });
    // The library search does the same, and says through which priorities.
    const found = search(store, 'kuacha shule');
    expect(found.results[0]!.id).toBe(says);
    expect(found.results.map((p) => p.id)).toContain(onPriority);
    expect(found.results.map((p) => p.id)).not.toContain(elsewhere);
    expect(found.relatedTags).toEqual(['attendance', 'vulnerable_learners']);
    // Words that name no priority are not widened.
    expect(search(store, 'quokka').relatedTags).toBeNull();
    expect(
      search(store, 'quokka')
        .results.map((p) => p.id)
        .sort(),
    ).toEqual([onPriority, elsewhere].sort());
  });

  it('reads words that only say there is a problem as saying nothing about the answer', () => {
    const store = tempStore();
    buildRegion(store);
    const a = search(store, 'numeracy is weak, learners struggle with maths');
    const b = search(store, 'numeracy learners maths');
    expect(a.results.map((p) => p.id)).toEqual(b.results.map((p) => p.id));
    expect(search(store, 'changamoto ya hesabu', 'sw').results.map((p) => p.id)).toEqual(
      search(store, 'hesabu', 'sw').results.map((p) => p.id),
    );
  });

  it('takes a mistyped word as the nearest library word and says so', () => {
    const store = tempStore();
    const r = buildRegion(store);
    const result = ask(store, { clusterId: r.clusters.kilifi, problem: 'atendance' });
    expect(result.question.corrected).toEqual([{ from: 'atendance', to: 'attendance' }]);
    expect(result.results.length).toBeGreaterThan(0);
    const s = search(store, 'wazaz', 'sw');
    expect(s.corrected).toEqual([{ from: 'wazaz', to: 'wazazi' }]);
    expect(s.results.map((p) => p.id)).toContain(r.practices.kamati);
  });

  it('ranks a practice in a language the cluster does not use below an equal one, and says so', () => {
    const store = tempStore();
    const r = buildRegion(store);
    // The same write-up, one in English and one in French: "absence" is a word of both.
    const same = { problem: 'Absence.', tags: '["attendance"]', origin_cluster_id: null };
    const english = addPractice(store, { ...same, title: 'Absence rota' });
    const french = addPractice(store, { ...same, title: 'Absence club', language: 'fr' });
    const result = ask(store, { clusterId: r.clusters.kilifi, problem: 'absence', limit: 10 });
    expect(ids(result)).toEqual(expect.arrayContaining([english, french]));
    const order = ids(result);
    expect(order.indexOf(english)).toBeLessThan(order.indexOf(french));
    const fr = result.results.find((x) => x.practiceId === french)!;
    expect(explain(fr.reasons, 'en')).toContain('Written in French, a language this cluster does not use');
    // Kiswahili is written in this region (Takaungu's practice), so it is not foreign here.
    const kamati = ask(store, { clusterId: r.clusters.kilifi, problem: 'watoro' }).results[0]!;
    expect(kamati.reasons.some((x) => x.code === 'other_language')).toBe(false);
  });

  it('shows near-identical write-ups once, with where else it was tried and their evidence together', () => {
    const store = tempStore();
    const r = buildRegion(store);
    const original = store.db
      .prepare('SELECT title, problem, summary, steps, tags FROM practices WHERE id = ?')
      .get(r.practices.visitation) as Pick<
      RowInput<'practices'>,
      'title' | 'problem' | 'summary' | 'steps' | 'tags'
    >;
    const twin = addPractice(store, {
      ...original,
      title: `${original.title} (Takaungu)`,
      origin_cluster_id: r.clusters.takaungu,
      origin_place: 'Takaungu',
    });
    const result = ask(store, { clusterId: r.clusters.kilifi, problem: 'girls drop out' });
    const shown = ids(result);
    expect(shown.filter((id) => id === r.practices.visitation || id === twin)).toHaveLength(1);
    const lead = result.results.find(
      (x) => x.practiceId === r.practices.visitation || x.practiceId === twin,
    )!;
    expect(lead.alsoTriedIn).toHaveLength(1);
    expect([r.practices.visitation, twin]).toContain(lead.alsoTriedIn[0]!.practiceId);
    const also = lead.reasons.find((x) => x.code === 'also_tried_in');
    expect(also).toMatchObject({ code: 'also_tried_in' });
    expect(also?.code === 'also_tried_in' && also.dataPoints).toBeGreaterThanOrEqual(lead.dataPoints);
    // The library search shows it once too, naming the other write-up (each can be opened).
    const found = search(store, 'visitation');
    const cards = found.results.filter((p) => p.id === r.practices.visitation || p.id === twin);
    expect(cards).toHaveLength(1);
    const card = cards[0]!;
    const other = card.id === twin ? r.practices.visitation : twin;
    expect(card.alsoTriedIn).toEqual([
      expect.objectContaining({ id: other, place: expect.any(String), evidence: expect.any(Number) }),
    ]);
    expect(card.alsoTriedIn[0]!.place).toMatch(/Takaungu|Kilifi/);
    expect(card.alsoTriedIn[0]!.km).toBeGreaterThan(0);
    expect(card.together).toEqual({
      evidence: card.evidence + card.alsoTriedIn[0]!.evidence,
      adoptions: card.adoptions + card.alsoTriedIn[0]!.adoptions,
      improved: card.improved + card.alsoTriedIn[0]!.improved,
    });
    // Practices written up once carry no others.
    for (const p of found.results.filter((x) => x !== card)) {
      expect(p.alsoTriedIn).toEqual([]);
      expect(p.together).toBeNull();
    }
    // The total counts write-ups; nothing more to show when all fit on the page.
    expect(found.total).toBe(found.results.length + 1);
    expect(found.more).toBe(false);
  });

  it('marks a cluster’s own practices and leaves out one all its schools already run', () => {
    const store = tempStore();
    const r: TestRegion = buildRegion(store);
    const own = addPractice(store, {
      title: 'Zebu herding rota',
      problem: 'Zebu herding keeps boys away.',
      origin_cluster_id: r.clusters.kilifi,
    });
    let result = ask(store, { clusterId: r.clusters.kilifi, problem: 'zebu herding' });
    const mine = result.results.find((x) => x.practiceId === own)!;
    expect(mine.fromThisCluster).toBe(true);
    expect(explain(mine.reasons, 'en')).toContain('From this cluster');
    adopt(store, {
      clusterId: r.clusters.kilifi,
      practiceId: own,
      schoolIds: r.schools.kilifi.slice(0, 2),
      on: today,
    });
    expect(ids(ask(store, { clusterId: r.clusters.kilifi, problem: 'zebu herding' }))).toContain(own);
    adopt(store, {
      clusterId: r.clusters.kilifi,
      practiceId: own,
      schoolIds: r.schools.kilifi.slice(2),
      on: today,
    });
    result = ask(store, { clusterId: r.clusters.kilifi, problem: 'zebu herding' });
    expect(ids(result)).not.toContain(own);
    expect(result.excludedEverywhere).toBe(1);
    expect(whyNot(store, [own], r.clusters.kilifi)).toEqual([
      { practiceId: own, reason: 'used_in_all_schools', worse: 0, better: 0, example: null },
    ]);
    // Another cluster is still offered it.
    expect(ids(ask(store, { clusterId: r.clusters.takaungu, problem: 'zebu herding' }))).toContain(own);
  });
});

describe('weighting from five practices to fifty thousand', () => {
  const term = (words: string, docs: number): AskedTerm => ({
    words,
    tokens: [words],
    concepts: [],
    docs,
    least: docs,
  });

  it('asks for every term in a small library, and in a large one leaves out only terms without weight', () => {
    const terms = [term('school', 4), term('radio', 1)];
    expect(weighingTerms(terms, 5)).toEqual(terms);
    const big = [term('school', 40_000), term('radio', 120), term('learners', 24_000)];
    expect(weighingTerms(big, 50_000).map((t) => t.words)).toEqual(['radio', 'learners']);
    expect(weighingTerms([term('school', 40_000)], 50_000).map((t) => t.words)).toEqual(['school']);
  });

  it('lists every word of the question a practice holds, even words most of a small library holds', () => {
    const store = tempStore();
    const r = buildRegion(store);
    const result = ask(store, { clusterId: r.clusters.kilifi, problem: 'wazazi watoro' });
    const kamati = result.results.find((x) => x.practiceId === r.practices.kamati)!;
    expect(wordsMatched(kamati)).toMatchObject({ words: ['wazazi', 'watoro'] });
    expect(result.question.words).toEqual(['wazazi', 'watoro']);
  });
});
