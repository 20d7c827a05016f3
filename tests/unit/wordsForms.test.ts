import { describe, expect, it } from 'vitest';
import { englishStem, swahiliRoot, textWords, tokens, wordKeys } from '../../shared/words/forms.ts';
import { isStopword } from '../../shared/words/stopwords.ts';

const meet = (a: string, b: string) => wordKeys(a).some((k) => wordKeys(b).includes(k));

describe('word forms', () => {
  it('stems English words so their forms meet (Porter)', () => {
    expect(englishStem('dropping')).toBe(englishStem('dropped'));
    expect(englishStem('parents')).toBe('parent');
    expect(englishStem('attending')).toBe(englishStem('attendance').slice(0, 6));
    expect(meet('reading', 'read')).toBe(true);
    expect(meet('learners', 'learner')).toBe(true);
    expect(englishStem('p6')).toBe('p6');
  });

  it('normalises Kiswahili verb prefixes, tenses, relatives and extensions', () => {
    const ach = swahiliRoot('kuacha');
    for (const w of ['wameacha', 'walioacha', 'wanaoacha', 'kuachishwa', 'hawaachi'])
      expect(wordKeys(w)).toContain(ach);
    for (const w of [
      'kusoma',
      'wanasoma',
      'alisoma',
      'atasoma',
      'kusomea',
      'kusomeshwa',
      'wasomaji',
      'masomo',
    ])
      expect(wordKeys(w)).toContain(swahiliRoot('soma'));
    expect(meet('mahudhurio', 'kuhudhuria')).toBe(true);
    expect(meet('kutosoma', 'kusoma')).toBe(true);
  });

  it('normalises Kiswahili noun class prefixes, singular and plural', () => {
    expect(meet('mtoto', 'watoto')).toBe(true);
    expect(meet('mzazi', 'wazazi')).toBe(true);
    expect(meet('msichana', 'wasichana')).toBe(true);
    expect(meet('mwalimu', 'walimu')).toBe(true);
    expect(meet('mwanafunzi', 'wanafunzi')).toBe(true);
    expect(meet('kitabu', 'vitabu')).toBe(true);
    expect(meet('kikundi', 'vikundi')).toBe(true);
    expect(meet('utoro', 'watoro')).toBe(true);
  });

  it('keeps short roots whole rather than stripping them away', () => {
    expect(swahiliRoot('kula')).toBe('kul');
    expect(swahiliRoot('mti')).toBe('mti');
    expect(swahiliRoot('wa')).toBe('wa');
  });

  it('gives a word ending in a vowel both keys when its language is unknown', () => {
    expect(wordKeys('radio')).toEqual(['radio', swahiliRoot('radio')]);
    expect(meet('baraza', 'baraza')).toBe(true);
    expect(wordKeys('girls')).toEqual(['girl']);
  });

  it('never lets a word match inside another', () => {
    expect(meet('out', 'outside')).toBe(false);
    expect(meet('out', 'without')).toBe(false);
    expect(meet('read', 'bread')).toBe(false);
    expect(meet('acha', 'kuachana')).toBe(meet('kuacha', 'kuachana'));
  });

  it('splits and folds like the full-text index', () => {
    expect(tokens('Élèves d’école, GRADE-3!')).toEqual(['eleves', 'd', 'ecole', 'grade', '3']);
    expect(textWords('The girls drop out').map((w) => [w.word, w.stop])).toEqual([
      ['the', true],
      ['girls', false],
      ['drop', false],
      ['out', true],
    ]);
  });

  it('knows stop-words in English, Kiswahili, French and Kinyarwanda', () => {
    for (const w of ['the', 'and', 'na', 'katika', 'les', 'pour', 'kandi', 'cyangwa'])
      expect(isStopword(w)).toBe(true);
    for (const w of ['girls', 'wasichana', 'shule', 'lecture', 'abakobwa']) expect(isStopword(w)).toBe(false);
  });
});
