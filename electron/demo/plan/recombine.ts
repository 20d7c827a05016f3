import { numbered, type PracticeText } from '../library/index.ts';
import type { Rng } from '../prng.ts';

/**
 * Texts for the country scale's many practices, recombined from the written library so
 * they read like adaptations of it and stay findable by the same words.
 */
interface Phrases {
  titles: readonly ((title: string, place: string) => string)[];
  problems: readonly string[];
  combined: (other: string) => string;
  steps: readonly string[];
}

const phrases: Record<string, Phrases> = {
  en: {
    titles: [
      (t, p) => `${t} (${p})`,
      (t, p) => `${t}: the ${p} version`,
      (t, p) => `${p} CoP: ${t.charAt(0).toLowerCase()}${t.slice(1)}`,
    ],
    problems: [
      'In {place} it was worst in the upper grades.',
      'Heads in {place} raised it at three meetings running.',
      'It grew worse after the long rains cut the roads around {place}.',
      'Girls were the most affected in {place}.',
    ],
    combined: (o) => `It was combined with "${o}" from a neighbouring CoP.`,
    steps: [
      'Review progress at the next CoP meeting and agree what to adapt.',
      'Share the results in the {place} CoP WhatsApp group at the end of term.',
    ],
  },
  sw: {
    titles: [(t, p) => `${t} (${p})`, (t, p) => `${t} \u2014 toleo la ${p}`],
    problems: [
      'Huko {place} tatizo lilikuwa kubwa zaidi katika madarasa ya juu.',
      'Wakuu wa shule wa {place} walilizungumzia katika mikutano mitatu mfululizo.',
    ],
    combined: (o) => `Ilichanganywa na "${o}" kutoka CoP jirani.`,
    steps: ['Jadilini maendeleo kwenye mkutano ujao wa CoP na mkubaliane cha kubadilisha.'],
  },
  fr: {
    titles: [(t, p) => `${t} (${p})`, (t, p) => `${t} : version de ${p}`],
    problems: [
      '\u00c0 {place}, le probl\u00e8me touchait surtout les grandes classes.',
      'Les directeurs de {place} en ont parl\u00e9 \u00e0 trois r\u00e9unions de suite.',
    ],
    combined: (o) => `Elle a \u00e9t\u00e9 combin\u00e9e avec \u00ab ${o} \u00bb d\u2019une PLC voisine.`,
    steps: ['Faire le point \u00e0 la prochaine PLC et d\u00e9cider quoi adapter.'],
  },
};

export interface PracticeWords {
  title: string;
  problem: string;
  summary: string;
  steps: string;
  resources: string;
}

/** The written text as it is. */
export function originalWords(text: PracticeText): PracticeWords {
  return {
    title: text.title,
    problem: text.problem,
    summary: text.summary,
    steps: numbered(text.steps),
    resources: text.resources,
  };
}

/** An adaptation of `base` made in `place`, sometimes combined with `other` (same language). */
export function recombinedWords(
  rng: Rng,
  base: PracticeText,
  other: PracticeText | undefined,
  place: string,
): PracticeWords {
  const p = phrases[base.language] ?? phrases.en!;
  const fill = (s: string) => s.replaceAll('{place}', place);
  const title = rng.pick(p.titles)(base.title, place);
  const extraStep = rng.chance(0.6) ? [fill(rng.pick(p.steps))] : [];
  return {
    title: title.length <= 200 ? title : base.title,
    problem: `${base.problem} ${fill(rng.pick(p.problems))}`,
    summary: other && other.key !== base.key ? `${base.summary} ${p.combined(other.title)}` : base.summary,
    steps: numbered([...base.steps, ...extraStep]),
    resources: base.resources,
  };
}
