/**
 * Turns words a coach typed into a safe FTS5 query: every word becomes a quoted prefix
 * term, so FTS5 syntax in the input (quotes, NEAR, column filters, a stray `*`) can
 * never cause an error or change the meaning. Returns null when nothing searchable is left.
 */
export function ftsQuery(text: string, join: 'AND' | 'OR' = 'AND'): string | null {
  const words = text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 16);
  if (words.length === 0) return null;
  return [...new Set(words)].map((w) => `"${w}"*`).join(` ${join} `);
}
