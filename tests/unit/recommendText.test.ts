import { describe, expect, it } from 'vitest';
import type { Question, Reason } from '../../shared/contract/recommend.ts';
import { describeQuestion, explain, explainWhyNot } from '../../shared/recommend/explain.ts';
import { weakestIndicators } from '../../shared/recommend/question.ts';
import { ftsMatch, matchedWords, questionWords } from '../../shared/recommend/text.ts';
import { tempStore } from './helpers.ts';

describe('question words', () => {
  it('keeps the meaningful words of any language, folded, once each', () => {
    expect(questionWords('How do we keep the GIRLS in school?').map((w) => w.word)).toEqual([
      'keep',
      'girls',
      'school',
    ]);
    expect(questionWords('Wazazi na watoto wa kijiji').map((w) => w.word)).toEqual([
      'wazazi',
      'watoto',
      'kijiji',
    ]);
    expect(questionWords("Abandon scolaire des élèves à l'école")).toEqual([
      { word: 'abandon', stem: 'abandon' },
      { word: 'scolaire', stem: 'scolaire' },
      { word: 'eleves', stem: 'eleve' },
      { word: 'ecole', stem: 'ecole' },
    ]);
    expect(questionWords('parents parent').map((w) => w.stem)).toEqual(['parent']);
    expect(questionWords('the of and')).toEqual([]);
  });

  it('builds an FTS5 query that never passes the coach’s syntax through', () => {
    const store = tempStore();
    const search = (text: string) => {
      const match = ftsMatch(questionWords(text));
      return match === null
        ? null
        : store.db
            .prepare('SELECT count(*) FROM practices_fts WHERE practices_fts MATCH ?')
            .pluck()
            .get(match);
    };
    expect(ftsMatch(questionWords('radio lessons'))).toBe('"radio"* OR "lesson"*');
    for (const hostile of [
      '"',
      'title: radio',
      'NEAR(a b)',
      'radio*',
      'a AND OR NOT',
      '-radio',
      '^x',
      '{title}: x',
    ])
      expect(() => search(hostile)).not.toThrow();
    expect(search('   ')).toBeNull();
  });

  it('finds which words a practice text contains, by prefix', () => {
    const words = questionWords('parents radio girls');
    expect(matchedWords(words, 'Radio lessons designed for a parent and child')).toEqual([
      'parents',
      'radio',
    ]);
  });
});

describe('default question', () => {
  it('picks the indicators furthest behind the neighbours, direction-aware', () => {
    const own = { dropout_rate: 8, attendance_rate: 95, literacy_rate: 30, numeracy_rate: 44 };
    const neighbours = { dropout_rate: 4, attendance_rate: 88, literacy_rate: 40, numeracy_rate: 45 };
    expect(weakestIndicators(own, neighbours, '2026-T2')).toEqual([
      { indicator: 'dropout_rate', own: 8, neighbours: 4, term: '2026-T2', gap: 1 },
      { indicator: 'literacy_rate', own: 30, neighbours: 40, term: '2026-T2', gap: 0.25 },
    ]);
    // Numeracy is only 2% behind: not a weakness. Attendance is ahead.
    expect(weakestIndicators(own, neighbours, '2026-T2', 5).map((w) => w.indicator)).toEqual([
      'dropout_rate',
      'literacy_rate',
    ]);
    expect(weakestIndicators({ dropout_rate: null }, { dropout_rate: 3 }, '2026-T2')).toEqual([]);
  });
});

describe('explanations', () => {
  const reasons: Reason[] = [
    { code: 'from_this_cluster' },
    {
      code: 'measured',
      indicator: 'dropout_rate',
      before: 8.4,
      after: 3,
      schools: 3,
      place: 'Mtwapa CoP',
      km: 12,
      where: 'away',
    },
    { code: 'adoptions', total: 10, improved: 8, noChange: 1, worse: 1, pending: 0, clusters: 4 },
    { code: 'adopted_here', schools: 2, improved: 0, noChange: 0, worse: 0, pending: 2 },
    { code: 'matched_words', words: ['radio', 'wazazi'], via: [{ word: 'wazazi', as: 'parents' }] },
    { code: 'matched_priorities', tags: ['girls_transition'] },
    { code: 'story', place: 'Takaungu CoP', km: 7, where: 'neighbour' },
    { code: 'other_language', language: 'fr' },
    {
      code: 'also_tried_in',
      places: [
        { practiceId: 'b', place: 'Gede CoP', km: 31 },
        { practiceId: 'c', place: 'Gicumbi', km: null },
      ],
      dataPoints: 7.5,
    },
  ];

  it('words each reason in English', () => {
    expect(explain(reasons, 'en')).toEqual([
      'From this cluster',
      'Dropout rate 8.4% → 3.0% in 3 schools of Mtwapa CoP, 12 km away',
      'Adopted 10 times elsewhere, in 4 other clusters: 8 improved, 1 no change, 1 worse',
      'Adopted by 2 of this cluster’s schools: 2 waiting for results',
      'Matches your words: radio, wazazi (“parents”)',
      "Fits the priorities: Girls' transition",
      'A story of it working at Takaungu CoP, a neighbouring cluster 7 km away',
      'Written in French, a language this cluster does not use',
      'Also tried in Gede CoP (31 km), Gicumbi; 7.5 data points together',
    ]);
  });

  it('words each reason in Kiswahili', () => {
    expect(explain(reasons, 'sw')).toEqual([
      'Kutoka klasta hii',
      'Kiwango cha kuacha shule 8.4% → 3.0% katika shule 3 za Mtwapa CoP, umbali wa km 12',
      'Imeigwa mara 10 kwingineko, katika klasta nyingine 4: 8 zimeboreka, 1 hakuna mabadiliko, 1 zimezorota',
      'Imeigwa na shule 2 za klasta hii: 2 zinasubiri matokeo',
      'Inalingana na maneno yako: radio, wazazi (“parents”)',
      'Inaendana na vipaumbele: Mpito wa wasichana',
      'Hadithi ya mafanikio kutoka Takaungu CoP, klasta jirani umbali wa km 7',
      'Imeandikwa kwa Kifaransa, lugha ambayo klasta hii haitumii',
      'Imejaribiwa pia Gede CoP (km 31), Gicumbi; vipimo 7.5 kwa pamoja',
    ]);
  });

  it('describes the question and why a practice is not recommended', () => {
    const q: Question = {
      problem: '',
      words: ['dropout'],
      tags: ['attendance'],
      tagsFrom: 'priorities',
      weakIndicators: [{ indicator: 'dropout_rate', own: 9, neighbours: 3, term: '2026-T1', gap: 2 }],
      unknownWords: [],
      corrected: [],
    };
    expect(describeQuestion(q, 'en')).toEqual([
      'Priorities: Attendance',
      'Weakest against neighbours: Dropout rate 9.0% vs 3.0% (2026-T1)',
    ]);
    expect(describeQuestion({ ...q, tags: [], weakIndicators: [] }, 'sw')).toEqual([
      'Bado hakuna swali: andika tatizo au kubalianeni vipaumbele vya klasta',
    ]);
    expect(
      explainWhyNot(
        {
          practiceId: 'x',
          reason: 'net_worse',
          worse: 2,
          better: 0,
          example: { indicator: 'attendance_rate', before: 85, after: 78, schools: 2 },
        },
        'en',
      ),
    ).toBe(
      'Not recommended: it made things worse more often than better (2 worse, 0 better). Attendance rate went from 85.0% to 78.0%',
    );
  });
});
