import { describe, expect, it } from 'vitest';
import {
  englishStem,
  swahiliKey,
  swahiliRoot,
  textWords,
  tokens,
  wordKeys,
} from '../../shared/words/forms.ts';
import { isStopword } from '../../shared/words/stopwords.ts';

const meet = (a: string, b: string, lang: 'en' | 'sw' = 'sw') =>
  wordKeys(a, lang).some((k) => wordKeys(b, lang).includes(k));

describe('word forms', () => {
  it('stems English words so their forms meet (Porter)', () => {
    expect(englishStem('dropping')).toBe(englishStem('dropped'));
    expect(englishStem('parents')).toBe('parent');
    expect(englishStem('attending')).toBe(englishStem('attendance').slice(0, 6));
    expect(meet('reading', 'read', 'en')).toBe(true);
    expect(meet('learners', 'learner', 'en')).toBe(true);
    expect(englishStem('p6')).toBe('p6');
  });

  it('normalises Kiswahili verb prefixes, tenses, relatives and extensions', () => {
    const ach = swahiliKey('kuacha');
    for (const w of ['wameacha', 'walioacha', 'wanaoacha', 'kuachishwa', 'hawaachi'])
      expect(wordKeys(w, 'sw')).toContain(ach);
    for (const w of ['kusoma', 'wanasoma', 'alisoma', 'atasoma', 'kusomea', 'kusomeshwa', 'wasomaji'])
      expect(wordKeys(w, 'sw')).toContain(swahiliKey('soma'));
    expect(meet('mahudhurio', 'kuhudhuria')).toBe(true);
    // somo/masomo "lessons" is not soma "read".
    expect(meet('masomo', 'kusoma')).toBe(false);
    expect(meet('masomo', 'somo')).toBe(true);
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

  it('reads a known noun with the locative -ni as the noun, and keeps learners apart from training', () => {
    expect(meet('shuleni', 'shule')).toBe(true);
    expect(meet('darasani', 'madarasa')).toBe(true);
    expect(wordKeys('shuleni', 'en')).toEqual(wordKeys('shule', 'en'));
    // Only known nouns: mtihani "exam" is not a place.
    expect(meet('mtihani', 'mitihani')).toBe(true);
    expect(swahiliRoot('mtihani')).toBe('tihan');
    // mwanafunzi "learner" is not mafunzo "training".
    expect(meet('wanafunzi', 'mafunzo')).toBe(false);
    expect(meet('mwanafunzi', 'wanafunzi')).toBe(true);
  });

  it('keeps short roots whole rather than stripping them away', () => {
    expect(swahiliRoot('kula')).toBe('kul');
    expect(swahiliRoot('mti')).toBe('mti');
    expect(swahiliRoot('wa')).toBe('wa');
  });

  it('keeps Kiswahili roots, English stems and other languages’ words apart', () => {
    // In a Kiswahili text a word ending in a vowel may be a loanword or a name: both keys.
    expect(wordKeys('radio', 'sw')).toEqual([swahiliKey('radio'), 'radio']);
    expect(wordKeys('radio', 'en')).toEqual(['radio']);
    // A known Kiswahili word is read as Kiswahili in any text.
    expect(wordKeys('wazazi', 'en')).toEqual([swahiliKey('wazazi')]);
    // English "change" and Kiswahili "michango" share letters, not meaning.
    expect(meet('change', 'michango', 'en')).toBe(false);
    expect(wordKeys('change', 'en')).not.toContain(swahiliKey('michango'));
    // French "filles" is not English "fill".
    expect(wordKeys('filles', 'other')).toEqual(['x_fille']);
    expect(wordKeys('fill', 'en')).toEqual(['fill']);
    expect(wordKeys('girls', 'sw')).toEqual(['girl']);
  });

  it('never lets a word match inside another', () => {
    expect(meet('out', 'outside')).toBe(false);
    expect(meet('out', 'without')).toBe(false);
    expect(meet('read', 'bread')).toBe(false);
    expect(meet('acha', 'kuachana')).toBe(meet('kuacha', 'kuachana'));
    expect(meet('some', 'masomo', 'en')).toBe(false);
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
