import { stemmer } from 'stemmer';
import { swahiliWords } from './lexicon.ts';
import { isStopword } from './stopwords.ts';

/**
 * Word forms: the one key under which a word and its forms meet ("dropping", "dropped"
 * → "drop"; "kuacha", "wameacha", "walioacha" → "ach"). Keys are compared whole, so a
 * word never matches inside another ("out" is not "outside").
 *
 * English goes through the Porter stemmer (`stemmer`). Kiswahili gets a normaliser for
 * its common prefixes and verb extensions, after the grammar as described in
 * E. O. Ashton, "Swahili Grammar" (Longman) and T. Hinnebusch & S. Mirza, "Kiswahili:
 * Msingi wa Kusema, Kusoma na Kuandika": a verb is
 *   [negative ha-/si-] subject tense [relative] [object] ROOT [extensions] final-vowel
 * (wa-me-acha "they have left", ha-wa-end-i "they do not go", wa-li-o-acha "those who
 * left"), an infinitive is ku- + root (ku-soma, kuto-soma "not to read"), and a noun
 * carries a class prefix that changes between singular and plural (m-toto / wa-toto,
 * ki-tabu / vi-tabu, m-zazi / wa-zazi, u-toro). Stripping those leaves a root both
 * forms share. It over-strips now and then (two unrelated words may share a root);
 * whole-key matching and the vocabulary's concepts keep that rare in practice.
 */

/** Lower case, accents removed, split into letter-and-digit runs (as the FTS index does). */
export function tokens(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
}

const vowel = /[aeiou]/;

/** Subject prefixes of verbs (persons and noun classes). */
const subjects = ['ni', 'u', 'a', 'tu', 'm', 'mu', 'wa', 'ki', 'vi', 'li', 'ya', 'i', 'zi', 'ku', 'pa'];
/** Tense and aspect markers that follow the subject. */
const tenses = ['ngali', 'nge', 'mesha', 'na', 'li', 'ta', 'me', 'ka', 'ki', 'ja', 'sha'];
/** Relative markers that may follow the tense (wa-li-o-acha "those who left"). */
const relatives = ['ye', 'o', 'cho', 'vyo', 'lo', 'yo', 'zo', 'ko', 'po', 'mo'];
/** Noun class prefixes, longest first (m-/wa-, m-/mi-, ki-/vi-, ji-/ma-, u-). */
const nounPrefixes = ['wa', 'mi', 'vi', 'vy', 'ki', 'ch', 'ma', 'm', 'u'];
/**
 * Verb extensions at the end (passive, causative, applicative, stative, reciprocal) and the
 * endings that make nouns of verbs (-aji "one who", -io/-eo "the act of"), longest first.
 */
const extensions = [
  'ishwa',
  'eshwa',
  'ishia',
  'eshea',
  'isha',
  'esha',
  'iwa',
  'ewa',
  'ika',
  'eka',
  'ana',
  'aji',
  'ia',
  'ea',
  'io',
  'eo',
];

const MIN_ROOT = 3;
const rootOk = (s: string) => s.length >= MIN_ROOT && vowel.test(s);

/** The verb prefixes (negative, subject, tense, relative) of a Kiswahili word, if it has a tense. */
function verbRoot(w: string): string | null {
  for (const neg of ['ha', 'si', '']) {
    if (!w.startsWith(neg)) continue;
    const a = w.slice(neg.length);
    for (const subject of subjects) {
      if (!a.startsWith(subject)) continue;
      const b = a.slice(subject.length);
      for (const tense of tenses) {
        if (!b.startsWith(tense)) continue;
        let c = b.slice(tense.length);
        const rel = relatives.find((r) => c.startsWith(r) && rootOk(c.slice(r.length)));
        if (rel) c = c.slice(rel.length);
        if (rootOk(c)) return c;
      }
      // The negative present has no tense and ends in -i (ha-wa-ach-i "they do not leave").
      if (neg === 'ha' && b.endsWith('i') && rootOk(b)) return b;
    }
  }
  return null;
}

/**
 * Nouns whose root the normaliser would take for another word's: somo/masomo "lesson(s)"
 * is not soma "read" (they share a root historically, not in a coach's question).
 */
const wholeRoots: Record<string, string> = {
  somo: 'somo',
  masomo: 'somo',
  kisomo: 'somo',
  // mw-ana-funzi "learner" is a noun of its own, not a tense of funza "teach" (mafunzo "training").
  mwanafunzi: 'anafunzi',
  wanafunzi: 'anafunzi',
};

/**
 * A place made of a noun with the locative -ni (shule → shuleni "at school", nyumba →
 * nyumbani, darasa → darasani): the noun, when it is a known Kiswahili word. Only known
 * nouns, since many words simply end in -ni (mtihani "exam", nini "what").
 */
function locativeNoun(word: string): string | null {
  if (word.length < 5 || !word.endsWith('ni')) return null;
  const noun = word.slice(0, -2);
  return swahiliWords.has(noun) ? noun : null;
}

/** The root of a Kiswahili word, the key its forms share. */
export function swahiliRoot(word: string): string {
  const whole = wholeRoots[word];
  if (whole) return whole;
  const place = locativeNoun(word);
  if (place) return swahiliRoot(place);
  // m- before a vowel is written mw- (m-w-alimu / w-alimu): read it as the plural's w-.
  let w = /^mw[aeiou]/.test(word) ? word.slice(1) : word;
  if (w.startsWith('kuto') && rootOk(w.slice(4))) w = w.slice(4);
  else if (w.startsWith('ku') && rootOk(w.slice(2))) w = w.slice(2);
  else {
    const verb = verbRoot(w);
    if (verb) w = verb;
    else {
      const prefix = nounPrefixes.find((p) => w.startsWith(p) && rootOk(w.slice(p.length)));
      if (prefix) w = w.slice(prefix.length);
    }
  }
  const ext = extensions.find((e) => w.endsWith(e) && rootOk(w.slice(0, -e.length)));
  if (ext) w = w.slice(0, -ext.length);
  else if (/[aeiou]$/.test(w) && w.length > MIN_ROOT) w = w.slice(0, -1);
  return w;
}

/** Porter stem of an English word (digits and short words kept as they are). */
export function englishStem(word: string): string {
  if (word.length < 3 || /\d/.test(word)) return word;
  return stemmer(word);
}

/** The grammar a text's words are read by: English, Kiswahili, or another language (French, Kinyarwanda). */
export type TextLanguage = 'en' | 'sw' | 'other';

/** A practice's or question's language code ('en', 'sw', 'fr', …) as the grammar to read it by. */
export const textLanguage = (code: string): TextLanguage =>
  code === 'en' ? 'en' : code === 'sw' ? 'sw' : 'other';

/**
 * The keys of one folded word in a text of `lang`. Kiswahili roots are kept apart from
 * English stems (`s_` before them: English "change" and Kiswahili "michango" share the
 * letters "chang", not the meaning), and so are words of other languages (`x_`, the word
 * without a plural -s: French "filles" is not English "fill"). Words meet across languages
 * through the vocabulary's concepts.
 *
 * - a known Kiswahili word (./lexicon.ts) has its root, in any text;
 * - in an English text, a word has its Porter stem;
 * - in a Kiswahili text, a word ending in a vowel has its root and, for a loanword or a
 *   name ("radio", "Kilifi"), its English stem too; one ending in a consonant is English
 *   (Kiswahili syllables are open);
 * - in a text of another language, a word is itself, less a plural -s.
 */
export function wordKeys(word: string, lang: TextLanguage = 'en'): readonly string[] {
  const cache = known[lang];
  let keys = cache.get(word);
  if (!keys) {
    if (cache.size >= KNOWN_MAX) cache.clear();
    keys = keysOf(word, lang);
    cache.set(word, keys);
  }
  return keys;
}

/** Keys already worked out: a library repeats its words, and stemming is the costly part. */
const known = { en: new Map<string, readonly string[]>(), sw: new Map(), other: new Map() } as Record<
  TextLanguage,
  Map<string, readonly string[]>
>;
const KNOWN_MAX = 200_000;

export const swahiliKey = (word: string) => `s_${swahiliRoot(word)}`;

function keysOf(word: string, lang: TextLanguage): readonly string[] {
  if (swahiliWords.has(word) || locativeNoun(word)) return [swahiliKey(word)];
  if (lang === 'other') return [`x_${word.length > 3 && word.endsWith('s') ? word.slice(0, -1) : word}`];
  const en = englishStem(word);
  if (lang === 'en' || !/[aeiou]$/.test(word) || /\d/.test(word)) return [en];
  return [swahiliKey(word), en];
}

export interface TextWord {
  /** The word as written, folded (lower case, no accents). */
  word: string;
  keys: readonly string[];
  /** A stop-word: kept for phrases ("drop out") but never searched for on its own. */
  stop: boolean;
}

/** Every word of a text with its keys, in order. */
export function textWords(text: string, lang: TextLanguage = 'en'): TextWord[] {
  return tokens(text).map((word) => ({ word, keys: wordKeys(word, lang), stop: isStopword(word) }));
}
