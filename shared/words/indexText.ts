import { textLanguage, textWords, type TextWord } from './forms.ts';
import { conceptMatches, conceptToken } from './vocabulary.ts';

/**
 * A practice's text as the word index holds it (`practice_words`, migration 0130): the
 * keys of its words and a token per vocabulary concept it names, separated by spaces.
 * Stop-words are left out (they are never searched for on their own; phrases such as
 * "drop out" became concept tokens first). SQLite calls this through the function
 * `pamoja_words` in the triggers that keep the index current (electron/db/words.ts).
 */
export function indexedText(text: string, language = 'en'): string {
  return indexedTokens(textWords(text, textLanguage(language))).join(' ');
}

/** The index tokens of a text's words, in order (keys, then the concepts named). */
export function indexedTokens(words: readonly TextWord[]): string[] {
  const out: string[] = [];
  for (const w of words) if (!w.stop) out.push(...w.keys);
  for (const m of conceptMatches(words)) out.push(conceptToken(m.concept.id));
  return out;
}

/** A practice's tags ('["early_literacy"]') as words ("early literacy"), to be indexed like text. */
export const tagWords = (tagsJson: string) => tagsJson.replace(/[_[\]",]+/g, ' ');
