import { conceptMatches, conceptToken, type ConceptMatch } from '../words/vocabulary.ts';
import { textLanguage, textWords, type TextWord } from '../words/forms.ts';

/**
 * The one notion of "the same practice": two write-ups (often from different clusters,
 * sometimes in different languages) that describe one way of working. Recommendations and
 * the library search show such write-ups once ("also tried in …"); the merge of two
 * practices offers them as candidates. Pure: no database.
 *
 * Two write-ups are compared by what they are about, not their wording: each text becomes
 * its word keys (forms meet: "visits"/"visiting", "wazazi"/"mzazi") and the vocabulary's
 * concepts (so "girls" and "wasichana" meet), stop-words left out. The title counts on its
 * own and with the rest (summary, problem, steps): a near-identical title with a shorter or
 * longer write-up is the same practice; so is nearly the same write-up under a reworded
 * title — but two titles with nothing in common (one problem, two answers) are not.
 */

export interface PracticeWriteUp {
  title: string;
  summary: string;
  problem?: string;
  steps?: string;
  /** 'en', 'sw', 'fr', …; English when not given. */
  language?: string;
}

/** What a write-up is about, worked out once (comparing many pairs reuses it). */
export interface PracticeFingerprint {
  title: ReadonlySet<string>;
  body: ReadonlySet<string>;
}

export interface PracticeLikeness {
  /** The two are the same practice. */
  same: boolean;
  /** 0..1: how alike they are, the larger of the title and whole-text likeness as weighed below. */
  score: number;
  /** Dice overlap of the titles' words and concepts, 0..1. */
  title: number;
  /** Dice overlap of the whole texts, 0..1. */
  text: number;
  /** Words and concepts both hold (keys and `concept:id`), for the coach to see why. */
  shared: string[];
}

/** Thresholds (tests/unit/samePractice.test.ts holds the cases they were set on). */
export const sameness = {
  /** Whole texts this alike are the same practice when their titles share something at all. */
  text: 0.6,
  titleWithText: 0.4,
  /** Titles this alike need only `textWithTitle` of the rest. */
  title: 0.6,
  textWithTitle: 0.3,
} as const;

function aboutness(words: readonly TextWord[], matches: readonly ConceptMatch[]): Set<string> {
  const out = new Set<string>();
  for (const w of words) if (!w.stop && w.word.length > 1) out.add(w.keys[0]!);
  for (const m of matches) out.add(conceptToken(m.concept.id));
  return out;
}

export function practiceFingerprint(p: PracticeWriteUp): PracticeFingerprint {
  const lang = textLanguage(p.language ?? 'en');
  const title = textWords(p.title, lang);
  const all = [...title, ...textWords([p.summary, p.problem ?? '', p.steps ?? ''].join('\n'), lang)];
  return practiceFingerprintOf(title, all, conceptMatches(all));
}

/** The fingerprint from words already read (the title's, and the whole text's with its concepts). */
export function practiceFingerprintOf(
  title: readonly TextWord[],
  all: readonly TextWord[],
  matches: readonly ConceptMatch[],
): PracticeFingerprint {
  return {
    title: aboutness(title, conceptMatches(title)),
    body: aboutness(all, matches),
  };
}

function dice(a: ReadonlySet<string>, b: ReadonlySet<string>, shared?: string[]): number {
  if (a.size === 0 || b.size === 0) return 0;
  let both = 0;
  for (const x of a)
    if (b.has(x)) {
      both++;
      shared?.push(x);
    }
  return (2 * both) / (a.size + b.size);
}

/** The same practice, from how alike the titles and the whole texts are. */
const sameFrom = (title: number, text: number) =>
  (text >= sameness.text && title >= sameness.titleWithText) ||
  (title >= sameness.title && text >= sameness.textWithTitle);

/** How alike two write-ups are, and whether they are the same practice. */
export function practiceLikeness(
  a: PracticeFingerprint | PracticeWriteUp,
  b: PracticeFingerprint | PracticeWriteUp,
): PracticeLikeness {
  const fa = 'body' in a ? a : practiceFingerprint(a);
  const fb = 'body' in b ? b : practiceFingerprint(b);
  const shared: string[] = [];
  const title = dice(fa.title, fb.title);
  const text = dice(fa.body, fb.body, shared);
  const same = sameFrom(title, text);
  const score = Math.max(text, title >= sameness.title ? (title + text) / 2 : 0);
  return { same, score, title, text, shared: shared.sort() };
}

/** True when two write-ups describe the same practice. */
export function samePractice(a: PracticeWriteUp, b: PracticeWriteUp): boolean {
  return practiceLikeness(a, b).same;
}

/**
 * Write-ups of the same practice as groups, each group in the order given (so the first of
 * a group is the one ranked or listed first), groups in the order of their first member.
 * Sameness is joined up: if A is B and B is C, all three are one group.
 */
export function groupSamePractices<T extends PracticeWriteUp>(list: readonly T[]): T[][] {
  const prints = new Map(list.map((p) => [p, practiceFingerprint(p)]));
  return groupByFingerprint(list, (p) => prints.get(p)!);
}

/** As groupSamePractices, for items whose fingerprints are already worked out. */
export function groupByFingerprint<T>(list: readonly T[], printOf: (item: T) => PracticeFingerprint): T[][] {
  const prints = list.map(printOf);
  return groupByTitleThenText(
    list,
    (_, i) => prints[i]!.title,
    (_, i) => prints[i]!,
  );
}

/** The title's words and concepts, as a fingerprint holds them (cheap: titles are short). */
export function titlePrint(title: string, language = 'en'): ReadonlySet<string> {
  const words = textWords(title, textLanguage(language));
  return aboutness(words, conceptMatches(words));
}

/**
 * As groupByFingerprint, for long lists: write-ups are the same practice only when their
 * titles share at least `titleWithText` of their words, so titles are compared first and a
 * write-up's whole text is read (`printOf`) only when its title is near another's.
 */
export function groupByTitleThenText<T>(
  list: readonly T[],
  titleOf: (item: T, i: number) => ReadonlySet<string>,
  printOf: (item: T, i: number) => PracticeFingerprint,
): T[][] {
  const titles = list.map(titleOf);
  const prints = new Map<number, PracticeFingerprint>();
  const print = (i: number) => {
    let p = prints.get(i);
    if (!p) prints.set(i, (p = printOf(list[i]!, i)));
    return p;
  };
  const parent = list.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  for (let i = 0; i < list.length; i++)
    for (let j = i + 1; j < list.length; j++) {
      if (root(i) === root(j)) continue;
      const title = dice(titles[i]!, titles[j]!);
      if (title < Math.min(sameness.titleWithText, sameness.title)) continue;
      if (sameFrom(title, dice(print(i).body, print(j).body))) parent[root(j)] = root(i);
    }
  const groups = new Map<number, T[]>();
  list.forEach((p, i) => {
    const r = root(i);
    const g = groups.get(r);
    if (g) g.push(p);
    else groups.set(r, [p]);
  });
  return [...groups.values()];
}

/** The write-ups in `library` that are the same practice as `target`, most alike first. */
export function findSamePractices<T extends PracticeWriteUp>(
  target: PracticeWriteUp,
  library: readonly T[],
): { practice: T; likeness: PracticeLikeness }[] {
  const print = practiceFingerprint(target);
  return library
    .map((practice) => ({ practice, likeness: practiceLikeness(print, practiceFingerprint(practice)) }))
    .filter((m) => m.likeness.same && m.practice !== target)
    .sort((x, y) => y.likeness.score - x.likeness.score);
}
