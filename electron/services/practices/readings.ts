import { titlePrint } from '../../../shared/practices/samePractice.ts';
import {
  readPractice,
  type PracticeReading,
  type PracticeTexts,
} from '../../../shared/words/practiceText.ts';
import type { PracticeIndex } from '../recommend/facts.ts';

/**
 * Practices' texts read for matching and sameness (shared/words/practiceText.ts), kept
 * until the library's text changes: recommendations and the library search read the same
 * few practices again and again.
 */
const readings = new WeakMap<PracticeIndex, { textVersion: number; byId: Map<string, PracticeReading> }>();
const READINGS_KEPT = 2000;

export function readingOf(index: PracticeIndex, id: string, text: PracticeTexts): PracticeReading {
  let kept = readings.get(index);
  if (!kept || kept.textVersion !== index.textVersion) {
    kept = { textVersion: index.textVersion, byId: new Map() };
    readings.set(index, kept);
  }
  let r = kept.byId.get(id);
  if (!r) {
    if (kept.byId.size >= READINGS_KEPT) kept.byId.clear();
    r = readPractice(text);
    kept.byId.set(id, r);
  }
  return r;
}

const titles = new WeakMap<PracticeIndex, { textVersion: number; byId: Map<string, ReadonlySet<string>> }>();
const TITLES_KEPT = 20_000;

/** A practice's title as sameness compares it first (shared/practices/samePractice.ts), kept like the readings. */
export function titleOf(
  index: PracticeIndex,
  id: string,
  text: Pick<PracticeTexts, 'title' | 'language'>,
): ReadonlySet<string> {
  let kept = titles.get(index);
  if (!kept || kept.textVersion !== index.textVersion) {
    kept = { textVersion: index.textVersion, byId: new Map() };
    titles.set(index, kept);
  }
  let t = kept.byId.get(id);
  if (!t) {
    if (kept.byId.size >= TITLES_KEPT) kept.byId.clear();
    t = titlePrint(text.title, text.language);
    kept.byId.set(id, t);
  }
  return t;
}
