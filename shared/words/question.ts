import { textLanguage, textWords, type TextWord } from './forms.ts';
import { conceptById, conceptMatches, conceptToken, type ConceptMatch } from './vocabulary.ts';

/**
 * A coach's question as search terms. Each term is one thing she asked about: a concept
 * of the vocabulary (a word or phrase: "wasichana", "drop out") or, outside the
 * vocabulary, one word by its keys. A term matches a practice holding any of its tokens,
 * whole (never inside another word).
 */
export interface QuestionTerm {
  /** The coach's words it comes from, folded, as written ("dropping out"). */
  words: string;
  /** Index tokens, any of which matches: concept tokens and/or word keys. */
  tokens: string[];
  /** The vocabulary concepts it stands for (empty for a plain word). */
  concepts: string[];
}

/**
 * The terms of a question, in the order asked, once each, at most `max`. Where terms of
 * several words overlap the longest wins ("drop out of school" is "drop out" and
 * "school"); a word in no concept is a term of its own unless it is a stop-word.
 */
export function questionTerms(text: string, max = 12, lang = 'en'): QuestionTerm[] {
  return termsOf(textWords(text, textLanguage(lang)), max);
}

export function termsOf(words: readonly TextWord[], max = 12): QuestionTerm[] {
  const byStart = new Map<number, { end: number; concepts: string[] }>();
  const matches = conceptMatches(words);
  for (const m of matches) {
    const had = byStart.get(m.start);
    if (!had || m.end > had.end) byStart.set(m.start, { end: m.end, concepts: [m.concept.id] });
    else if (m.end === had.end) had.concepts.push(m.concept.id);
  }
  const out: QuestionTerm[] = [];
  const seen = new Set<string>();
  const add = (term: QuestionTerm) => {
    const id = [...term.tokens].sort().join(' ');
    if (seen.has(id) || out.length >= max) return;
    seen.add(id);
    out.push(term);
  };
  for (let i = 0; i < words.length;) {
    const m = byStart.get(i);
    // A concept named only by stop-words ("out", "on time") stays out: it says too little.
    if (m && words.slice(i, m.end).some((w) => !w.stop)) {
      add({
        words: words
          .slice(i, m.end)
          .map((w) => w.word)
          .join(' '),
        tokens: asksFor(m.concepts, narrowerInside(matches, i, m.end, m.concepts)).map(conceptToken),
        concepts: m.concepts,
      });
      i = m.end;
      continue;
    }
    const w = words[i]!;
    if (!w.stop && w.word.length > 1) add({ words: w.word, tokens: [...w.keys], concepts: [] });
    i++;
  }
  return out;
}

/**
 * The concepts named inside a phrase that share a priority with it: what the phrase is
 * about rather than how it qualifies it. "Involve parents" is about parents, so it also
 * finds a practice built on parents that never says "involve"; "ushauri nasaha"
 * (counselling) is also "ushauri" (advice, mentoring). "School" in "school fees" or
 * "kuacha shule" names no priority of the phrase's, so a phrase never widens to it.
 */
function narrowerInside(
  matches: readonly ConceptMatch[],
  start: number,
  end: number,
  phrase: readonly string[],
): string[] {
  const tags = new Set(phrase.flatMap((id) => conceptById.get(id)?.tags ?? []));
  const out: string[] = [];
  for (const m of matches) {
    const id = m.concept.id;
    if (m.start < start || m.end > end || (m.start === start && m.end === end)) continue;
    if (phrase.includes(id) || out.includes(id)) continue;
    if (m.concept.tags.some((t) => tags.has(t))) out.push(id);
  }
  return out;
}

/** A term's concepts, the narrower ones inside it, and those they ask for too (`also`), once each. */
function asksFor(concepts: readonly string[], narrower: readonly string[]): string[] {
  const ids = [...concepts, ...narrower];
  for (const id of [...ids]) for (const more of conceptById.get(id)?.also ?? []) ids.push(more);
  return [...new Set(ids)];
}
