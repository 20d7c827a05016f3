import { questionWords } from './recommend/text.ts';

/**
 * Turns words a coach typed into a safe FTS5 query: stop-words go, every other word
 * becomes a quoted prefix term (stemmed as recommendations do), so FTS5 syntax in the
 * input (quotes, NEAR, column filters, a stray `*`) can never cause an error or change
 * the meaning. Returns null when nothing searchable is left.
 */
export function ftsQuery(text: string, join: 'AND' | 'OR' = 'AND'): string | null {
  const words = questionWords(text, 16);
  if (words.length === 0) return null;
  return words.map((w) => `"${w.stem.replaceAll('"', '""')}"*`).join(` ${join} `);
}
