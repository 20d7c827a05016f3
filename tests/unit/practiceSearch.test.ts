import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../electron/demo/generate.ts';
import {
  forgetSearches,
  searchPractices,
  textMatches,
  worsenedSql,
} from '../../electron/services/practices/search.ts';
import { askedTerms, docsOf, termMatch, vocabulary } from '../../electron/services/practices/vocabulary.ts';
import {
  keptTokenScores,
  RANK,
  tokenScores,
  warmTokenScores,
} from '../../electron/services/practices/tokenScores.ts';
import { practiceIndex } from '../../electron/services/recommend/facts.ts';
import { PracticeFilters } from '../../shared/contract/practices.ts';
import { notRecommendedReason } from '../../shared/recommend/evidence.ts';
import { indexedText, tagWords } from '../../shared/words/indexText.ts';
import { questionTerms } from '../../shared/words/question.ts';
import { tokens } from '../../shared/words/forms.ts';
import { questionLanguage } from '../../shared/words/typos.ts';
import { costLevels, practiceSettings, priorityTags } from '../../shared/schema/enums.ts';
import type { Store } from '../../electron/db/store.ts';
import { practiceWordsCurrent, refreshPracticeWords, reindexPracticeWords } from '../../electron/db/words.ts';
import { warmUp } from '../../electron/services/recommend/warm.ts';
import { textMatches as recommendTextMatches } from '../../electron/services/recommend/textSearch.ts';
import { tempStore } from './helpers.ts';

const search = (store: Store, filters: Record<string, unknown>) =>
  searchPractices(store, PracticeFilters.parse(filters));

function demoStore(): Store {
  const store = tempStore();
  generateDemo(store, { seed: 5, scale: 'small' });
  return store;
}

interface PracticeRow {
  seq: number;
  id: string;
  tags: string;
  cost: string;
  setting: string;
  evidence: number;
}

/** The search done the slow, obvious way: one FTS5 query per term, sets joined, every row read. */
function naive(store: Store, f: ReturnType<typeof PracticeFilters.parse>) {
  const seqsOf = (expr: string) =>
    new Set(
      store.db
        .prepare('SELECT rowid FROM practice_words WHERE practice_words MATCH ?')
        .pluck()
        .all(expr) as number[],
    );
  const asked = questionTerms(f.query, 16, questionLanguage(tokens(f.query))).map((t) =>
    seqsOf(termMatch(t)),
  );
  // Terms no practice holds are left out of the search.
  const held = asked.filter((seqs) => seqs.size > 0);
  if (asked.length > 0 && held.length === 0) return { total: 0, counts: new Map(), ids: new Set() };
  const matched = held.length ? held.reduce((a, b) => new Set([...a].filter((x) => b.has(x)))) : null;
  const rows = store.db
    .prepare(
      `SELECT seq, id, tags, cost, setting,
         (SELECT count(*) FROM practice_evidence e WHERE e.practice_id = p.id) AS evidence
       FROM practices p`,
    )
    .all() as PracticeRow[];
  const kept = rows.filter(
    (r) =>
      (!matched || matched.has(r.seq)) &&
      (f.cost.length === 0 || (f.cost as string[]).includes(r.cost)) &&
      (!f.setting || r.setting === f.setting || r.setting === 'any') &&
      (!f.withEvidence || r.evidence > 0),
  );
  const tagsOf = (r: PracticeRow) => JSON.parse(r.tags) as string[];
  const counts = new Map<string, number>();
  for (const r of kept) for (const t of tagsOf(r)) counts.set(t, (counts.get(t) ?? 0) + 1);
  const shown = f.tags.length
    ? kept.filter((r) => tagsOf(r).some((t) => (f.tags as string[]).includes(t)))
    : kept;
  return { total: shown.length, counts, ids: new Set(shown.map((r) => r.id)) };
}

describe('practice library search', () => {
  it('finds, filters and counts exactly what FTS5 per-term queries and the rows say', () => {
    const store = demoStore();
    const stems = [
      'radio',
      'girls',
      'parents meeting',
      'attendance',
      'teacher',
      'reading early',
      'wazazi',
      'zzz',
      '',
    ];
    fc.assert(
      fc.property(
        fc.record({
          query: fc.constantFrom(...stems),
          tags: fc.subarray([...priorityTags], { maxLength: 2 }),
          cost: fc.subarray([...costLevels], { maxLength: 2 }),
          setting: fc.option(fc.constantFrom(...practiceSettings), { nil: undefined }),
          withEvidence: fc.boolean(),
        }),
        (raw) => {
          const f = PracticeFilters.parse({ ...raw, limit: 200 });
          const got = searchPractices(store, f);
          const want = naive(store, f);
          // any-of, the priorities named and typos: covered below and in recommendWords.test.ts
          if (got.anyOfWords || got.relatedTags || got.corrected.length) return;
          expect(got.total).toBe(want.total);
          expect(new Map(got.tagCounts.map((c) => [c.tag, c.count]))).toEqual(want.counts);
          for (const card of got.results) expect(want.ids.has(card.id)).toBe(true);
          expect(got.results.length).toBe(Math.min(200, want.total));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('matches what FTS5 per-term queries match, whatever the coach types', () => {
    const store = demoStore();
    const corpus = (store.db.prepare('SELECT title FROM practices').pluck().all() as string[])
      .join(' ')
      .split(/\s+/)
      .filter(Boolean);
    const word = fc.oneof(
      fc.constantFrom(...corpus).map((w) => w.slice(0, Math.max(2, w.length - 2))),
      fc.constantFrom(
        'Élèves',
        'ÉCOLE',
        'naïve',
        'straße',
        'ﬁsh',
        'wa-zazi',
        "l'école",
        '12',
        'x2y',
        '"',
        '*',
        'paᦰ', // unicode61 reads ᦰ as a separator: FTS5 searches "pa"
        'ΟΔΟΣ',
      ),
      fc.string({ unit: 'grapheme', maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 4 }), (words) => {
        const f = PracticeFilters.parse({ query: words.join(' '), limit: 5 });
        const got = searchPractices(store, f);
        if (got.anyOfWords || got.relatedTags || got.corrected.length) return;
        expect(got.total).toBe(naive(store, f).total);
      }),
      { numRuns: 200 },
    );
  });

  it('ranks a word in the title above the same word deep in the steps', () => {
    const store = demoStore();
    const [a, b] = store.db
      .prepare('SELECT id FROM practices ORDER BY seq LIMIT 2')
      .pluck()
      .all() as string[];
    store.write((w) => {
      w.update('practices', a!, { steps: 'Meet the families.\nPlan a zebrafinch walk to school.' });
      w.update('practices', b!, { title: 'Zebrafinch clubs for early readers' });
    });
    const r = search(store, { query: 'zebrafinch' });
    expect(r.results.map((p) => p.id)).toEqual([b, a]);
    expect(r.results[0]!.snippet).toMatch(/«Zebrafinch»/);
  });

  it('sees words of a practice as soon as it is written, even after the same question', () => {
    const store = demoStore();
    expect(search(store, { query: 'okapi' }).total).toBe(0);
    const id = store.write((w) =>
      w.insert('practices', {
        title: 'Reading corners',
        problem: 'Few books at home.',
        summary: 'A reading corner in every classroom.',
        steps: '',
        resources: '',
        tags: '["early_literacy"]',
        cost: 'low',
        setting: 'any',
        school_size: 'any',
        language: 'en',
        origin_cluster_id: null,
        origin_school_id: null,
        origin_place: '',
        origin_lat: null,
        origin_lon: null,
        started_on: '2026-02-01',
      }),
    );
    expect(search(store, { query: 'okapi' }).total).toBe(0);
    store.write((w) => w.update('practices', id, { summary: 'Okapi reading corners in every classroom.' }));
    const found = search(store, { query: 'okapis' });
    expect(found.results.map((p) => p.id)).toEqual([id]);
    expect(found.unknownWords).toEqual([]);
    store.write((w) => w.remove('practices', id));
    expect(search(store, { query: 'okapi' }).total).toBe(0);
  });

  it('ranks a practice in a language neither the coach nor the region writes in below an equal one', () => {
    const store = demoStore();
    const practice = (title: string, language: string) =>
      store.write((w) =>
        w.insert('practices', {
          title,
          problem: '',
          summary: '',
          steps: '',
          resources: '',
          tags: '[]',
          cost: 'low',
          setting: 'any',
          school_size: 'any',
          language,
          origin_cluster_id: null,
          origin_school_id: null,
          origin_place: '',
          origin_lat: null,
          origin_lon: null,
          started_on: '2026-02-01',
        }),
      );
    // The same one word, so the same bm25; the French one written first.
    const fr = practice('Filles', 'fr');
    const en = practice('Girls', 'en');
    const ids = search(store, { query: 'girls', lang: 'en', limit: 100 }).results.map((p) => p.id);
    expect(ids).toContain(fr);
    expect(ids.indexOf(en)).toBeLessThan(ids.indexOf(fr));
  });

  it('finds words in any script, letters beyond U+FFFF included', () => {
    const store = demoStore();
    const [a, b] = store.db
      .prepare('SELECT id FROM practices ORDER BY seq LIMIT 2')
      .pluck()
      .all() as string[];
    // U+FA0E sorts after U+10428 in UTF-8 (SQLite) but before it in UTF-16 (JavaScript).
    store.write((w) => {
      w.update('practices', a!, { title: 'Clubs \u{FA0E}abc' });
      w.update('practices', b!, { title: 'Clubs \u{10428}xyz' });
    });
    expect(search(store, { query: '\u{FA0E}abc' }).results.map((p) => p.id)).toEqual([a]);
    expect(search(store, { query: '\u{10428}xyz' }).results.map((p) => p.id)).toEqual([b]);
  });

  it('names words no practice holds and searches the rest', () => {
    const store = demoStore();
    const radio = search(store, { query: 'radio' });
    const r = search(store, { query: 'radio zzzznotaword' });
    expect(r.unknownWords).toEqual(['zzzznotaword']);
    expect(r.anyOfWords).toBeNull();
    expect(r.total).toBe(radio.total);
    const none = search(store, { query: 'zzzznotaword qqqqq' });
    expect(none).toMatchObject({ total: 0, results: [], unknownWords: ['zzzznotaword', 'qqqqq'] });
  });

  it('falls back to any of the rarer words when no practice holds them all, and says so', () => {
    const store = demoStore();
    const ids = store.db.prepare('SELECT id FROM practices ORDER BY seq LIMIT 2').pluck().all() as string[];
    store.write((w) => {
      w.update('practices', ids[0]!, { title: 'Quokka corner' });
      w.update('practices', ids[1]!, { title: 'Wombat walk' });
    });
    const r = search(store, { query: 'quokka wombat' });
    expect(r.anyOfWords).toEqual(['quokka', 'wombat']);
    expect(new Set(r.results.map((p) => p.id))).toEqual(new Set(ids));
  });

  it('lists practices whose evidence says they made things worse apart, after every other match', () => {
    const store = demoStore();
    const index = practiceIndex(store);
    const harmful = new Set(
      index.all().flatMap((p) => (notRecommendedReason(p.evidence, p.adoptions) ? [p.id] : [])),
    );
    expect(harmful.size).toBeGreaterThan(0);
    for (const query of ['', 'parents', 'learners', 'reading attendance']) {
      const r = search(store, { query, limit: 200 });
      const flags = r.results.map((p) => p.madeWorse);
      expect(
        r.results.map((p) => harmful.has(p.id)),
        query,
      ).toEqual(flags);
      // Once one made things worse, every one after it did too.
      expect(flags.slice(flags.indexOf(true)).every(Boolean), query).toBe(true);
    }
    expect(search(store, { query: '', limit: 200 }).results.filter((p) => p.madeWorse)).toHaveLength(
      harmful.size,
    );
    // Each card's counts are the rows' (read from the facts in memory).
    const count = (sql: string, id: string) => store.db.prepare(sql).pluck().get(id) as number;
    for (const p of search(store, { query: '', limit: 200 }).results) {
      expect(p.evidence).toBe(count('SELECT count(*) FROM practice_evidence WHERE practice_id = ?', p.id));
      expect(p.adoptions).toBe(count('SELECT count(*) FROM adoptions WHERE practice_id = ?', p.id));
      expect(p.improved).toBe(
        count("SELECT count(*) FROM adoptions WHERE practice_id = ? AND outcome = 'improved'", p.id),
      );
      expect(p.worse).toBe(
        count("SELECT count(*) FROM adoptions WHERE practice_id = ? AND outcome = 'worse'", p.id) +
          count(
            `SELECT count(*) FROM practice_evidence WHERE practice_id = ? AND kind = 'indicator' AND ${worsenedSql}`,
            p.id,
          ),
      );
    }
  });

  it('gives the same answer when asked again, remembered or not', () => {
    const store = demoStore();
    const f = { query: 'parents meeting', tags: [], limit: 10 };
    const first = search(store, f);
    const again = search(store, f);
    forgetSearches(practiceIndex(store));
    expect(search(store, f)).toEqual(first);
    expect(again).toEqual(first);
    expect(search(store, { ...f, limit: 20 }).results.slice(0, 10)).toEqual(first.results);
  });

  it('gives the same answers from FTS5 and, after the warm-up, from the kept bm25 parts', async () => {
    const store = demoStore();
    const index = practiceIndex(store);
    const questions = [
      'parents meeting',
      'girls drop out',
      'wazazi',
      'reading corner radio',
      'okapi girls',
      'attendance of girls',
      'teachers share lessons',
      'learners reading at home',
    ];
    const terms = questions.map((q) => askedTerms(store, index, q, { lang: 'en' }).terms);
    const before = questions.map((query) => search(store, { query, limit: 30 }));
    const fromFts = terms.map((t) => textMatches(store, index, t));
    await warmUp(store);
    forgetSearches(index);
    expect(keptTokenScores(index, 'concept:parents')).toBeDefined();
    expect(questions.map((query) => search(store, { query, limit: 30 }))).toEqual(before);
    forgetSearches(index);
    terms.forEach((t, i) => {
      const summed = textMatches(store, index, t);
      expect({ ...summed, seqs: [...summed.seqs], ranks: [] }).toEqual({
        ...fromFts[i]!,
        seqs: [...fromFts[i]!.seqs],
        ranks: [],
      });
      summed.ranks.forEach((r, j) => expect(r, questions[i]).toBeCloseTo(fromFts[i]!.ranks[j]!, 9));
    });
  });

  it('gives recommendations the same text relevance from FTS5 and from the kept bm25 parts', async () => {
    const store = demoStore();
    const index = practiceIndex(store);
    const questions = [
      'parents meeting',
      'girls drop out of school',
      'wazazi',
      'reading corner radio',
      'learners reading at home',
    ];
    const terms = questions.map((q) => askedTerms(store, index, q, { lang: 'en' }).terms);
    const fromFts = terms.map((t) => recommendTextMatches(store, index, t).scores);
    await warmUp(store);
    index.textCache.clear();
    terms.forEach((t, i) => {
      const summed = recommendTextMatches(store, index, t).scores;
      expect(summed).not.toBe(fromFts[i]);
      expect([...summed.keys()].sort(), questions[i]).toEqual([...fromFts[i]!.keys()].sort());
      for (const [seq, score] of summed) expect(score, questions[i]).toBeCloseTo(fromFts[i]!.get(seq)!, 9);
    });
  });

  it('ranks by the bm25 FTS5 gives the whole question, summed from each word’s kept parts', async () => {
    const store = demoStore();
    const index = practiceIndex(store);
    const questions = ['parents meeting', 'girls drop out', 'wazazi na wasichana', 'reading corner', 'radio'];
    // Read in slices in the background (as after start) for some words, when asked for the rest.
    await warmTokenScores(store, index, ['concept:parents', 'concept:girls'], 3);
    for (const q of questions) {
      const terms = askedTerms(store, index, q, { lang: 'en' }).terms;
      expect(terms.length, q).toBeGreaterThan(0);
      const fts = new Map(
        store.db
          .prepare(`SELECT rowid, ${RANK} FROM practice_words WHERE practice_words MATCH ?`)
          .raw()
          .all(terms.map(termMatch).join(' AND ')) as [number, number][],
      );
      const sums = new Map<number, { sum: number; terms: number }>();
      for (const t of terms) {
        const seen = new Set<number>();
        for (const token of t.tokens) {
          const parts = tokenScores(store, index, token);
          parts.seqs.forEach((seq, i) => {
            const s = sums.get(seq) ?? { sum: 0, terms: 0 };
            s.sum += parts.ranks[i]!;
            if (!seen.has(seq)) s.terms++;
            seen.add(seq);
            sums.set(seq, s);
          });
        }
      }
      const all = [...sums].filter(([, s]) => s.terms === terms.length);
      expect(
        all.map(([seq]) => seq).sort((a, b) => a - b),
        q,
      ).toEqual([...fts.keys()].sort((a, b) => a - b));
      for (const [seq, s] of all) expect(s.sum, q).toBeCloseTo(fts.get(seq)!, 9);
    }
    // A practice written changes every word's weight (idf, lengths): the parts are read again.
    const before = tokenScores(store, index, 'concept:parents');
    const row = store.db
      .prepare(
        'SELECT seq, id, title FROM practices WHERE seq NOT IN (SELECT value FROM json_each(?)) LIMIT 1',
      )
      .get(JSON.stringify([...before.seqs])) as { seq: number; id: string; title: string };
    store.write((w) => w.update('practices', row.id, { title: `${row.title} with parents` }));
    const after = tokenScores(store, practiceIndex(store), 'concept:parents');
    expect(after).not.toBe(before);
    expect([...after.seqs]).toContain(row.seq);
  });
});

describe('library words', () => {
  it('re-indexes a large library made by another version in slices, not when the store opens', async () => {
    const store = demoStore();
    store.db.exec(
      `CREATE VIRTUAL TABLE IF NOT EXISTS temp.practice_words_cols USING fts5vocab(main, practice_words, 'col')`,
    );
    const cols = () =>
      store.db.prepare('SELECT term, col, doc, cnt FROM temp.practice_words_cols ORDER BY term, col').all();
    const fresh = cols();
    const practices = store.db.prepare('SELECT count(*) FROM practices').pluck().get() as number;
    // As if the word forms had changed: another version, and an index that no longer fits.
    const stale = () => {
      store.db.prepare("UPDATE meta SET value = 'old' WHERE key = 'practice_words_version'").run();
      store.db.exec("INSERT INTO practice_words(practice_words) VALUES ('delete-all')");
    };
    stale();
    // Opening (the migrations' check) leaves a library larger than the limit as it is.
    expect(refreshPracticeWords(store.db, 3)).toBe(false);
    expect(practiceWordsCurrent(store.db)).toBe(false);
    // Three slices, then the work stops half-way (the app closed, say).
    const steps = reindexPracticeWords(store.db, 2);
    for (let i = 0; i < 3; i++) expect(steps.next().done).toBe(false);
    expect(
      store.db.prepare("SELECT value FROM meta WHERE key = 'practice_words_reindexing'").pluck().get(),
    ).toMatch(/:\d+$/);
    expect(practiceWordsCurrent(store.db)).toBe(false);
    // The warm-up goes on from where it had come, in slices, and the index is as if built anew.
    await warmUp(store);
    expect(practiceWordsCurrent(store.db)).toBe(true);
    expect(cols()).toEqual(fresh);
    expect(
      store.db.prepare("SELECT count(*) FROM meta WHERE key = 'practice_words_reindexing'").pluck().get(),
    ).toBe(0);
    // A question asked before any warm-up re-indexes what it needs itself.
    const before = search(store, { query: 'parents' }).total;
    stale();
    expect(search(store, { query: 'parents' }).total).toBe(before);
    expect(cols()).toEqual(fresh);
    expect(practices).toBeGreaterThan(6);
  });

  it('indexes exactly the keys and concepts of every practice text', () => {
    const store = demoStore();
    const v = vocabulary(store, practiceIndex(store));
    const rows = store.db
      .prepare('SELECT title, problem, summary, steps, tags, language FROM practices')
      .all() as {
      language: string;
      title: string;
      problem: string;
      summary: string;
      steps: string;
      tags: string;
    }[];
    const docs = new Map<string, number>();
    for (const r of rows) {
      const held = new Set(
        [
          ...[r.title, r.problem, r.summary, r.steps].map((t) => indexedText(t, r.language)),
          indexedText(tagWords(r.tags)),
        ].flatMap((t) => t.split(' ')),
      );
      for (const t of held) if (t) docs.set(t, (docs.get(t) ?? 0) + 1);
    }
    expect(v.terms.length).toBe(docs.size);
    for (const [term, n] of docs) expect(docsOf(v, term), term).toBe(n);
  });

  it('counts a coach’s terms and quotes what it sends to FTS5', () => {
    const store = demoStore();
    const asked = askedTerms(store, practiceIndex(store), 'parents zzz "drop out"');
    expect(asked.terms.map((t) => t.words)).toEqual(['parents', 'drop out']);
    expect(asked.terms[0]!.docs).toBeGreaterThan(0);
    expect(asked.unknown).toEqual(['zzz']);
    expect(termMatch({ words: 'a"b', tokens: ['a"b'], concepts: [] })).toBe('"a""b"');
    expect(termMatch({ words: 'x', tokens: ['concept:girls', 'girl'], concepts: ['girls'] })).toBe(
      '("concept:girls" OR "girl")',
    );
  });
});
