/**
 * Words of a coach's question, in any language the practice texts use (English,
 * Kiswahili, some French and Kinyarwanda), turned into search terms. Folding matches
 * the full-text index (`unicode61 remove_diacritics 2`): lower case, accents removed,
 * split at anything that is not a letter or digit.
 */

/** Words that carry no meaning for the search, per language. */
const stopwords = new Set(
  [
    // English
    'a an and are as at be but by can do does for from has have how i in into is it its me my no not of on or our so that the their them there they this to up us was we what when where which who why will with you your about after all also any been before more most other over some than then these those very would should could how get got make',
    // Kiswahili
    'na ya wa za la kwa ni katika kama hii hiyo huo hao ile ili au lakini pia sana bado tu je nini gani vipi wapi kuna hakuna si ndiyo hapana yake wake zake lake kwamba hata hadi tena',
    // French
    'le la les un une des du de et ou en au aux pour par sur dans avec est sont pas que qui quoi ce cette ces son sa ses leur leurs ne plus comme mais',
    // Kinyarwanda
    'na mu ku ni kandi cyangwa ariko nta iyi uyu aba ibi ubu',
  ]
    .join(' ')
    .split(' '),
);

/** Lower case, accents removed, split into letter-and-digit runs (as the index does). */
export function tokens(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
}

/**
 * A word's search stem: a trailing plural "s" goes (English and French), so "parents"
 * finds "parent" and "parental" through prefix matching.
 */
export function stem(token: string): string {
  return token.length >= 5 && token.endsWith('s') && !token.endsWith('ss') ? token.slice(0, -1) : token;
}

export interface QuestionWord {
  /** The word as the coach wrote it (folded). */
  word: string;
  /** What is searched for, as a prefix. */
  stem: string;
}

/** The meaningful words of a question, once each, at most `max`. */
export function questionWords(text: string, max = 12): QuestionWord[] {
  const seen = new Set<string>();
  const out: QuestionWord[] = [];
  for (const word of tokens(text)) {
    if (word.length < 2 || stopwords.has(word)) continue;
    const s = stem(word);
    if (seen.has(s)) continue;
    seen.add(s);
    out.push({ word, stem: s });
    if (out.length >= max) break;
  }
  return out;
}

/**
 * A safe FTS5 query: each stem quoted (so no user text is ever read as FTS5 syntax) and
 * matched as a prefix, any of them matching. Null when there is nothing to search for.
 */
export function ftsMatch(words: readonly QuestionWord[]): string | null {
  if (words.length === 0) return null;
  return words.map((w) => `"${w.stem.replaceAll('"', '""')}"*`).join(' OR ');
}

/** Which of the question's words occur in a text (as prefixes of its words). */
export function matchedWords(words: readonly QuestionWord[], text: string): string[] {
  if (words.length === 0) return [];
  const present = tokens(text);
  return words.filter((w) => present.some((t) => t.startsWith(w.stem))).map((w) => w.word);
}
