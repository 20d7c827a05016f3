import type { PracticeIndex } from '../recommend/facts.ts';

const written = new WeakMap<readonly unknown[], Set<string>>();

/**
 * The languages the library's own practices are written in: those that started in one of
 * the store's clusters (a Kenyan region writes in English and Kiswahili; a practice carried
 * from Rwanda in French is in neither). Worked out once per set of facts. Recommendations
 * add the cluster's and its region's languages; the library search, the coach's.
 */
export function writtenLanguages(index: PracticeIndex): ReadonlySet<string> {
  const all = index.all();
  let languages = written.get(all);
  if (!languages) {
    languages = new Set();
    for (const p of all) if (p.originClusterId && p.language) languages.add(p.language);
    written.set(all, languages);
  }
  return languages;
}
