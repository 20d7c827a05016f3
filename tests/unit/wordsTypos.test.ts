import { describe, expect, it } from 'vitest';
import { allowedEdits, editDistance, nearestWord, questionLanguage } from '../../shared/words/typos.ts';

const library = (words: Record<string, number>) => {
  const terms = Object.keys(words).sort();
  return { terms, docs: terms.map((t) => words[t]!) };
};

describe('typos', () => {
  it('counts edits, a swap of two neighbours as one, and stops past the limit', () => {
    expect(editDistance('atendance', 'attendance', 2)).toBe(1);
    expect(editDistance('attednance', 'attendance', 2)).toBe(1);
    expect(editDistance('wazaz', 'wazazi', 2)).toBe(1);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('abc', 'xyzabc', 1)).toBe(2);
    expect(editDistance('same', 'same', 0)).toBe(0);
  });

  it('allows no edit in short words, one in middling, two in long', () => {
    expect(allowedEdits(3)).toBe(0);
    expect(allowedEdits(5)).toBe(1);
    expect(allowedEdits(10)).toBe(2);
  });

  it('takes the nearest library word, then one of the question’s language, then the commoner', () => {
    const lib = library({ attendance: 20, attendant: 1, abundance: 3, wazazi: 9, wazee: 4, mzazi: 2 });
    expect(nearestWord('atendance', lib, 'en')).toBe('attendance');
    expect(nearestWord('attendence', lib, 'en')).toBe('attendance');
    expect(nearestWord('wazaz', lib, 'sw')).toBe('wazazi');
    expect(nearestWord('zzzzzzzz', lib, 'en')).toBeNull();
    expect(nearestWord('cat', lib, 'en')).toBeNull();
    // "kusome" is one edit from both; the Kiswahili one wins for a Kiswahili question.
    const mixed = library({ kusoma: 1, kusome: 0, kuseme: 5 });
    expect(nearestWord('kusomx', mixed, 'sw')).toBe('kusoma');
    const tie = library({ reading: 3, readings: 9 });
    expect(nearestWord('readinga', tie, 'en')).toBe('readings');
    const lang = library({ shule: 2, shoe: 9 });
    expect(editDistance('shue', 'shule', 1)).toBe(1);
    expect(editDistance('shue', 'shoe', 1)).toBe(1);
    expect(nearestWord('shue', lang, 'sw')).toBe('shule');
  });

  it('tells a Kiswahili question from an English one', () => {
    expect(questionLanguage(['wasichana', 'wanaacha', 'shule'])).toBe('sw');
    expect(questionLanguage(['girls', 'dropping', 'out'])).toBe('en');
  });
});
