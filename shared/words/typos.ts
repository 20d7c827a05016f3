import { swahiliWords } from './lexicon.ts';
import { stopwords } from './stopwords.ts';

/**
 * Typed words no practice holds, matched to the nearest word the library does hold
 * ("atendance" → "attendance", "wazaz" → "wazazi"), so the coach sees "showing results
 * for attendance" instead of nothing.
 */

/** The edit distance allowed for a word of this length: short words have many neighbours. */
export const allowedEdits = (length: number) => (length < 4 ? 0 : length < 8 ? 1 : 2);

/**
 * Optimal-string-alignment distance (insert, delete, substitute, swap two neighbours),
 * or `max + 1` as soon as it is certain to exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/** A library word's language, as far as its spelling tells: 'sw', 'en', or '' (either). */
export function spellingLanguage(word: string): 'sw' | 'en' | '' {
  if (swahiliWords.has(word)) return 'sw';
  return /[aeiou]$/.test(word) ? '' : 'en';
}

export interface LibraryWords {
  /** Words in sort order. */
  terms: readonly string[];
  /** Practices holding each. */
  docs: ArrayLike<number>;
}

/**
 * The library word nearest to `word`: fewest edits, then one of the question's language
 * (then one whose spelling could be either), then the word more practices hold. Null when
 * none is near enough.
 */
export function nearestWord(word: string, library: LibraryWords, lang: string): string | null {
  const max = allowedEdits(word.length);
  if (max === 0) return null;
  let best: { term: string; d: number; other: number; docs: number } | null = null;
  for (let i = 0; i < library.terms.length; i++) {
    const term = library.terms[i]!;
    if (Math.abs(term.length - word.length) > max || library.docs[i]! === 0 || term === word) continue;
    if (/\d/.test(term)) continue;
    const d = editDistance(word, term, best ? Math.min(best.d, max) : max);
    if (d > max) continue;
    const l = spellingLanguage(term);
    const other = l === lang ? 0 : l === '' ? 1 : 2;
    const docs = library.docs[i]!;
    if (
      !best ||
      d < best.d ||
      (d === best.d && (other < best.other || (other === best.other && docs > best.docs)))
    )
      best = { term, d, other, docs };
  }
  return best?.term ?? null;
}

/**
 * The language a question is written in, when the coach's setting does not say: Kiswahili
 * when its known Kiswahili words (and, by half, its words ending in a vowel) outnumber those
 * ending in a consonant, French when
 * its little words are French, else English.
 */
export function questionLanguage(words: readonly string[]): 'sw' | 'en' | 'fr' {
  let sw = 0;
  let en = 0;
  let fr = 0;
  for (const w of words) {
    if (frenchWords.has(w)) fr++;
    const l = spellingLanguage(w);
    if (l === 'sw') sw++;
    else if (l === 'en') en++;
    // A word ending in a vowel may be either; it leans Kiswahili, whose keys keep the English stem too.
    else sw += 0.5;
  }
  if (fr > 0 && fr * 3 >= words.length) return 'fr';
  return sw > en ? 'sw' : 'en';
}

const frenchWords = new Set(stopwords.fr.split(' '));
