import { practiceFingerprintOf, type PracticeFingerprint } from '../practices/samePractice.ts';
import { textLanguage, textWords, type TextWord } from './forms.ts';
import { indexedTokens } from './indexText.ts';
import type { QuestionTerm } from './question.ts';
import { conceptMatches, conceptToken } from './vocabulary.ts';

/** A practice's text read once for what recommendations show of it. */
export interface PracticeReading {
  /** Every index token of its texts. */
  tokens: Set<string>;
  /** Per concept token, the words the practice says it in ("wasichana"). */
  conceptWords: Map<string, string>;
  print: PracticeFingerprint;
}

export interface PracticeTexts {
  title: string;
  summary: string;
  problem: string;
  steps: string;
  language: string;
}

export function readPractice(p: PracticeTexts): PracticeReading {
  const lang = textLanguage(p.language);
  const title = textWords(p.title, lang);
  const rest = textWords([p.summary, p.problem, p.steps].join('\n'), lang);
  const all: TextWord[] = [...title, ...rest];
  const matches = conceptMatches(all);
  const conceptWords = new Map<string, string>();
  for (const m of matches) {
    const token = conceptToken(m.concept.id);
    if (!conceptWords.has(token))
      conceptWords.set(
        token,
        all
          .slice(m.start, m.end)
          .map((w) => w.word)
          .join(' '),
      );
  }
  return {
    tokens: new Set(indexedTokens(all)),
    conceptWords,
    print: practiceFingerprintOf(title, all, matches),
  };
}

/**
 * Exactly the question's terms a practice matched, and where it matched a concept in other
 * words than the coach's ("wasichana" through "girls"), for the explanation.
 */
export function matchedTerms(
  terms: readonly QuestionTerm[],
  reading: PracticeReading,
): { words: string[]; via: { word: string; as: string }[] } {
  const words: string[] = [];
  const via: { word: string; as: string }[] = [];
  for (const t of terms) {
    const hit = t.tokens.find((k) => reading.tokens.has(k));
    if (!hit) continue;
    words.push(t.words);
    const as = reading.conceptWords.get(hit);
    if (as && as !== t.words) via.push({ word: t.words, as });
  }
  return { words, via };
}
