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

/** The root of a Kiswahili word, the key its forms share. */
export function swahiliRoot(word: string): string {
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

/**
 * The keys of one folded word. A known Kiswahili word (./lexicon.ts) has its root; a word
 * ending in a consonant is English (or French, or a name) and has its stem — Kiswahili
 * syllables are open, so its words end in a vowel. Any other word ending in a vowel may be
 * either ("radio", "baraza", "wameacha", "home") and has both keys, so it meets its forms
 * in either language whatever the text around it.
 */
export function wordKeys(word: string): readonly string[] {
  let keys = known.get(word);
  if (!keys) {
    if (known.size >= KNOWN_MAX) known.clear();
    keys = keysOf(word);
    known.set(word, keys);
  }
  return keys;
}

/** Keys already worked out: a library repeats its words, and stemming is the costly part. */
const known = new Map<string, readonly string[]>();
const KNOWN_MAX = 200_000;

function keysOf(word: string): readonly string[] {
  if (swahiliWords.has(word)) return [swahiliRoot(word)];
  const en = englishStem(word);
  if (!/[aeiou]$/.test(word) || /\d/.test(word)) return [en];
  const sw = swahiliRoot(word);
  return sw === en ? [en] : [en, sw];
}

export interface TextWord {
  /** The word as written, folded (lower case, no accents). */
  word: string;
  keys: readonly string[];
  /** A stop-word: kept for phrases ("drop out") but never searched for on its own. */
  stop: boolean;
}

/** Every word of a text with its keys, in order. */
export function textWords(text: string): TextWord[] {
  return tokens(text).map((word) => ({ word, keys: wordKeys(word), stop: isStopword(word) }));
}
