import { describe, expect, it } from 'vitest';
import { priorityTags } from '../../shared/schema/enums.ts';
import { concepts, vocabularyVersion } from '../../shared/words/concepts.ts';
import { textWords, type TextLanguage } from '../../shared/words/forms.ts';
import { questionTerms } from '../../shared/words/question.ts';
import {
  conceptById,
  conceptMatches,
  conceptsIn,
  conceptToken,
  tagsNamed,
} from '../../shared/words/vocabulary.ts';

const named = (text: string, lang: TextLanguage = 'en') => conceptsIn(textWords(text, lang));
const termsOf = (c: (typeof concepts)[number]): [string, TextLanguage][] => [
  ...c.en.map((t): [string, TextLanguage] => [t, 'en']),
  ...c.sw.map((t): [string, TextLanguage] => [t, 'sw']),
  ...[...(c.rw ?? []), ...(c.fr ?? [])].map((t): [string, TextLanguage] => [t, 'other']),
];

describe('domain vocabulary', () => {
  it('has at least 150 concepts with unique ids and a version', () => {
    expect(concepts.length).toBeGreaterThanOrEqual(150);
    expect(new Set(concepts.map((c) => c.id)).size).toBe(concepts.length);
    for (const c of concepts) expect(c.id).toMatch(/^[a-z][a-z0-9_]*$/);
    expect(Number.isInteger(vocabularyVersion)).toBe(true);
  });

  it('gives every concept English and Kiswahili words, and some Kinyarwanda and French', () => {
    for (const c of concepts) {
      expect(c.en.length, c.id).toBeGreaterThan(0);
      expect(c.sw.length, c.id).toBeGreaterThan(0);
      for (const t of [...c.en, ...c.sw, ...(c.rw ?? []), ...(c.fr ?? [])])
        expect(textWords(t).length, `${c.id}: "${t}"`).toBeGreaterThan(0);
    }
    expect(concepts.filter((c) => c.rw?.length).length).toBeGreaterThanOrEqual(20);
    expect(concepts.filter((c) => c.fr?.length).length).toBeGreaterThanOrEqual(20);
  });

  it('leaves no priority tag without words', () => {
    for (const tag of priorityTags)
      expect(
        concepts.some((c) => c.tags.includes(tag)),
        tag,
      ).toBe(true);
  });

  it('finds every term of a concept in a text holding it', () => {
    for (const c of concepts)
      for (const [t, lang] of termsOf(c))
        expect(named(`we talked about ${t} today`, lang), `${c.id}: "${t}"`).toContain(c.id);
  });

  it('links English, Kiswahili, Kinyarwanda and French words to one concept', () => {
    for (const text of ['girls', 'wasichana', 'msichana']) expect(named(text)).toContain('girls');
    for (const text of ['abakobwa', 'filles']) expect(named(text, 'other')).toContain('girls');
    expect(named('fill in the forms')).not.toContain('girls');
    for (const text of ['drop out', 'dropping out', 'kuacha shule', 'wameacha shule'])
      expect(named(text, 'sw')).toContain('dropout');
    expect(named('abandon scolaire', 'other')).toContain('dropout');
    for (const text of ['attendance', 'mahudhurio', 'kuhudhuria'])
      expect(named(text)).toContain('attendance');
    for (const text of ['absent', 'utoro', 'watoro']) expect(named(text)).toContain('absence');
    for (const text of ['parents', 'wazazi', 'mzazi']) expect(named(text)).toContain('parents');
    expect(named('ababyeyi', 'other')).toContain('parents');
    for (const text of ['reading', 'kusoma']) expect(named(text)).toContain('reading');
    expect(named('wanasoma', 'sw')).toContain('reading');
  });

  it('matches phrases of whole words only: "sound out" is not "drop out"', () => {
    expect(named('ten minutes of letter sounds; children sound out words')).not.toContain('dropout');
    expect(named('the girls dropped out')).toContain('dropout');
    const m = conceptMatches(textWords('girls drop out of school'));
    expect(m.find((x) => x.concept.id === 'dropout')).toMatchObject({ start: 1, end: 3 });
  });

  it('names the priority tags a typed problem is about', () => {
    expect(tagsNamed(named('Grade 3 learners cannot read'))).toContain('early_literacy');
    expect(tagsNamed(named('girls dropping out before secondary'))).toEqual(
      expect.arrayContaining(['girls_transition', 'attendance']),
    );
    expect(tagsNamed(named('watoto hawaji shuleni, utoro umezidi'))).toContain('attendance');
  });

  it('does not name a concept inside its "unless" phrases: "found too late" is not lateness', () => {
    expect(named('hard cases were found too late')).not.toContain('lateness');
    expect(named('learners come late every morning')).toContain('lateness');
    for (const c of concepts) for (const id of c.also ?? []) expect(conceptById.has(id), c.id).toBe(true);
  });

  it('asks for the narrower concepts a phrase names on its priorities, and for what a concept asks too', () => {
    const tokensOf = (text: string, lang = 'en') => questionTerms(text, 12, lang).map((t) => t.tokens);
    // "involve parents" is about parents; "school fees" is not about every school.
    expect(tokensOf('involve parents')[0]).toEqual(
      expect.arrayContaining([conceptToken('parent_engagement'), conceptToken('parents')]),
    );
    expect(tokensOf('school fees')[0]).toEqual([conceptToken('fees')]);
    expect(tokensOf('kuacha shule', 'sw')[0]).toEqual([conceptToken('dropout')]);
    // Asking about attendance is asking about absences; not the other way round.
    expect(tokensOf('attendance')[0]).toEqual([conceptToken('attendance'), conceptToken('absence')]);
    expect(tokensOf('absent')[0]).toEqual([conceptToken('absence')]);
  });
});
