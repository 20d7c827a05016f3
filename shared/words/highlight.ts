import { isStopword } from './stopwords.ts';
import { textLanguage, tokens, wordKeys, type TextWord } from './forms.ts';
import { conceptMatches, conceptToken } from './vocabulary.ts';
import type { QuestionTerm } from './question.ts';

/**
 * A short piece of text around the first word that matches one of the terms, with every
 * matching word wrapped in «…» (as the UI highlights them). A word matches by its keys
 * or as part of a phrase of a concept asked for ("kuacha shule" for "drop out").
 */
export function snippetFor(
  texts: readonly string[],
  terms: readonly QuestionTerm[],
  language = 'en',
  size = 14,
): string | null {
  const lang = textLanguage(language);
  const wanted = new Set(terms.flatMap((t) => t.tokens));
  if (wanted.size === 0) return null;
  for (const text of texts) {
    const parts = text.split(/\s+/).filter(Boolean);
    const words: TextWord[] = [];
    const partOf: number[] = [];
    parts.forEach((p, i) => {
      for (const word of tokens(p)) {
        words.push({ word, keys: wordKeys(word, lang), stop: isStopword(word) });
        partOf.push(i);
      }
    });
    const hit = new Set<number>();
    words.forEach((w, i) => {
      if (!w.stop && w.keys.some((k) => wanted.has(k))) hit.add(partOf[i]!);
    });
    for (const m of conceptMatches(words))
      if (wanted.has(conceptToken(m.concept.id))) for (let i = m.start; i < m.end; i++) hit.add(partOf[i]!);
    if (hit.size === 0) continue;
    const first = Math.min(...hit);
    const start = Math.max(0, first - Math.floor(size / 3));
    const end = Math.min(parts.length, start + size);
    const body = parts
      .slice(start, end)
      .map((w, i) => (hit.has(start + i) ? `«${w}»` : w))
      .join(' ');
    return `${start > 0 ? '…' : ''}${body}${end < parts.length ? '…' : ''}`;
  }
  return null;
}
