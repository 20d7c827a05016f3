import type { PriorityTag } from '../schema/enums.ts';
import { concepts, type Concept } from './concepts.ts';
import { textWords, type TextLanguage, type TextWord } from './forms.ts';

/**
 * The vocabulary (./concepts.ts) made ready for matching: each term as the word keys of
 * its words, found in a text as a whole phrase of whole words ("drop out" in "they drop
 * out early", not in "sound out"... unless "drop" stands before it).
 */

interface Term {
  concept: Concept;
  /** Per word of the term, the keys any of which a text word must share. */
  words: readonly (readonly string[])[];
  text: string;
}

export const conceptById: ReadonlyMap<string, Concept> = new Map(concepts.map((c) => [c.id, c]));

const termsOf = (c: Concept): [string, TextLanguage][] => [
  ...c.en.map((t) => [t, 'en'] as [string, TextLanguage]),
  ...c.sw.map((t) => [t, 'sw'] as [string, TextLanguage]),
  ...[...(c.rw ?? []), ...(c.fr ?? [])].map((t) => [t, 'other'] as [string, TextLanguage]),
];

/** Terms by the keys of their first word. */
const byFirstKey = new Map<string, Term[]>();
for (const concept of concepts)
  for (const [text, lang] of termsOf(concept)) {
    const words = textWords(text, lang).map((w) => w.keys);
    if (words.length === 0) continue;
    const term = { concept, words, text };
    for (const key of words[0]!) {
      const list = byFirstKey.get(key) ?? [];
      if (!list.some((t) => t.concept === concept && t.words.length === words.length && t.text === text))
        list.push(term);
      byFirstKey.set(key, list);
    }
  }

/** Per concept, the phrases that do not name it (`unless`), as the keys of their words. */
const unlessOf = new Map(
  concepts
    .filter((c) => c.unless?.length)
    .map((c) => [c.id, c.unless!.map((t) => textWords(t, 'en').map((w) => w.keys))] as const),
);

/** Whether the words [start, end) lie inside one of the concept's `unless` phrases. */
function inUnless(words: readonly TextWord[], id: string, start: number, end: number): boolean {
  for (const phrase of unlessOf.get(id) ?? []) {
    const n = phrase.length;
    for (let from = Math.max(0, end - n); from <= start && from + n <= words.length; from++) {
      let ok = true;
      for (let j = 0; j < n && ok; j++) ok = shares(words[from + j]!.keys, phrase[j]!);
      if (ok) return true;
    }
  }
  return false;
}

export interface ConceptMatch {
  concept: Concept;
  /** The words of the text it covers, [start, end). */
  start: number;
  end: number;
}

const shares = (keys: readonly string[], wanted: readonly string[]) => keys.some((k) => wanted.includes(k));

/**
 * The concepts a text names, each where it is named: every term found, short and long
 * ("reading" and "reading corner" both in "reading corners"). A question takes the longest
 * at each place (./question.ts).
 */
export function conceptMatches(words: readonly TextWord[]): ConceptMatch[] {
  const out: ConceptMatch[] = [];
  for (let i = 0; i < words.length; i++) {
    const found: ConceptMatch[] = [];
    for (const key of words[i]!.keys)
      for (const term of byFirstKey.get(key) ?? []) {
        const n = term.words.length;
        if (i + n > words.length) continue;
        // A stop-word alone never names a concept ("some" is not "masomo").
        if (n === 1 && words[i]!.stop) continue;
        let ok = true;
        for (let j = 0; j < n && ok; j++) ok = shares(words[i + j]!.keys, term.words[j]!);
        if (!ok || inUnless(words, term.concept.id, i, i + n)) continue;
        const had = found.find((m) => m.concept === term.concept);
        if (!had) found.push({ concept: term.concept, start: i, end: i + n });
        else if (i + n > had.end) had.end = i + n;
      }
    out.push(...found);
  }
  return out;
}

/** The ids of the concepts a text names, once each. */
export function conceptsIn(words: readonly TextWord[]): string[] {
  return [...new Set(conceptMatches(words).map((m) => m.concept.id))];
}

/** The priority tags named by some concepts, once each, in the order first named. */
export function tagsNamed(ids: readonly string[]): PriorityTag[] {
  return [...new Set(ids.flatMap((id) => conceptById.get(id)?.tags ?? []))];
}

/** A concept as the index holds it (one token, never a word of any text). */
export const conceptToken = (id: string) => `concept:${id}`;

/** A concept in a coach's words: its first term in her language, and in English. */
export function conceptLabel(id: string, lang: string): string {
  const c = conceptById.get(id);
  if (!c) return id;
  return (lang === 'sw' ? c.sw[0] : c.en[0]) ?? c.en[0] ?? id;
}
