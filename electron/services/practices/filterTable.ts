import type { z } from 'zod';
import type { PracticeFilters } from '../../../shared/contract/practices.ts';
import { costLevels, practiceSettings, priorityTags } from '../../../shared/schema/enums.ts';
import { derive, tagsMask } from '../../../shared/recommend/derive.ts';
import type { PracticeEntry } from '../recommend/facts.ts';

type Filters = z.output<typeof PracticeFilters>;

/**
 * What the library's filters and priority counts look at, one byte each per practice
 * seq. A broad word matches tens of thousands of practices; walking their fact objects
 * scattered over the heap cost more than the full-text search itself, two small arrays
 * walked in order cost little.
 */
export interface FilterTable {
  /** Bit i: the practice carries priorityTags[i] (its `tagMask`, see shared/recommend/derive.ts). */
  tags: Uint8Array;
  /**
   * Bit 0: a practice has this seq; bits 1–2 cost, 3–4 setting (their list positions); bit 5
   * evidence; bit 6 its evidence says it made things worse (net, as recommendations judge it).
   */
  traits: Uint8Array;
  /** The language a practice is written in, as a position in `languageNames` (0: not said). */
  languages: Uint8Array;
  languageNames: string[];
}

const PRESENT = 1;
const EVIDENCE = 1 << 5;
const WORSE = 1 << 6;
/** The practice's evidence and adoption outcomes add up to harm: the search shows it apart, last. */
export const madeWorse = (traits: number) => (traits & WORSE) !== 0;
const costOf = (traits: number) => costLevels[(traits >> 1) & 3]!;
const settingOf = (traits: number) => practiceSettings[(traits >> 3) & 3]!;

const tables = new WeakMap<readonly PracticeEntry[], FilterTable>();

/** The table for the practices as they are now (rebuilt when the practice list changes). */
export function filterTable(practices: readonly PracticeEntry[]): FilterTable {
  let table = tables.get(practices);
  if (table) return table;
  const size = (practices.at(-1)?.seq ?? 0) + 1;
  table = {
    tags: new Uint8Array(size),
    traits: new Uint8Array(size),
    languages: new Uint8Array(size),
    languageNames: [''],
  };
  const names = table.languageNames;
  for (const p of practices) {
    const name = p.language ?? '';
    let language = names.indexOf(name);
    // More than 255 languages in one library is not expected; any beyond count as not said.
    if (language < 0 && names.length < 256) language = names.push(name) - 1;
    table.languages[p.seq] = Math.max(0, language);
    table.tags[p.seq] = p.derived?.tagMask ?? tagsMask(p.tags);
    table.traits[p.seq] =
      PRESENT |
      (costLevels.indexOf(p.cost) << 1) |
      (practiceSettings.indexOf(p.setting) << 3) |
      (p.evidence.length > 0 ? EVIDENCE : 0) |
      ((p.derived ?? derive(p)).summary.netWorse ? WORSE : 0);
  }
  tables.set(practices, table);
  return table;
}

/** For every traits byte, whether a practice with it passes the cost, setting and evidence filters. */
export function passes(f: Filters): Uint8Array {
  const ok = new Uint8Array(128);
  for (let traits = 0; traits < 128; traits++) {
    ok[traits] = Number(
      (traits & PRESENT) !== 0 &&
        (f.cost.length === 0 || f.cost.includes(costOf(traits))) &&
        (!f.setting || settingOf(traits) === f.setting || settingOf(traits) === 'any') &&
        (!f.withEvidence || (traits & EVIDENCE) !== 0),
    );
  }
  return ok;
}

/** How many of the given practices carry each priority tag, largest first, zeros left out. */
export function countTags(table: FilterTable, seqs: readonly number[]) {
  const byMask = new Int32Array(256);
  for (const seq of seqs) byMask[table.tags[seq]!]!++;
  const perTag = new Int32Array(priorityTags.length);
  for (let mask = 1; mask < 256; mask++) {
    if (byMask[mask] === 0) continue;
    for (let bit = 0; bit < priorityTags.length; bit++) if (mask & (1 << bit)) perTag[bit]! += byMask[mask]!;
  }
  return priorityTags
    .map((tag, bit) => ({ tag, count: perTag[bit]! }))
    .filter((c) => c.count > 0)
    .sort((a, b) => b.count - a.count);
}

/** Per language position of the table, 1 where a practice in it is written in none of `languages`. */
export function otherLanguages(table: FilterTable, languages: ReadonlySet<string>): Uint8Array {
  return Uint8Array.from(table.languageNames, (name) =>
    Number(name !== '' && languages.size > 0 && !languages.has(name)),
  );
}
