/**
 * A short piece of text around the first place where any of the search stems starts a
 * word, with every such word wrapped in «…» (as the UI highlights them). Done on the
 * page's few rows rather than by FTS5, whose snippet() re-reads the whole index entry
 * of each prefix term for every row.
 */
export function snippetAround(texts: readonly string[], stems: readonly string[], words = 14): string | null {
  if (stems.length === 0) return null;
  const fold = (w: string): string => w.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  const hits = (w: string): boolean => {
    const f = fold(w.replace(/^[^\p{L}\p{N}]+/u, ''));
    return stems.some((s) => f.startsWith(s));
  };
  for (const text of texts) {
    const parts = text.split(/\s+/).filter(Boolean);
    const first = parts.findIndex(hits);
    if (first < 0) continue;
    const start = Math.max(0, first - Math.floor(words / 3));
    const end = Math.min(parts.length, start + words);
    const body = parts
      .slice(start, end)
      .map((w) => (hits(w) ? `«${w}»` : w))
      .join(' ');
    return `${start > 0 ? '…' : ''}${body}${end < parts.length ? '…' : ''}`;
  }
  return null;
}

/** The `k` smallest items by `by` (ascending), without sorting the whole list. */
export function smallest<T>(items: readonly T[], k: number, by: (item: T) => number): T[] {
  if (k <= 0) return [];
  if (items.length <= k * 4) return [...items].sort((a, b) => by(a) - by(b)).slice(0, k);
  const top: T[] = [];
  let worst = Infinity;
  for (const item of items) {
    const v = by(item);
    if (top.length >= k && v >= worst) continue;
    let i = top.length;
    while (i > 0 && by(top[i - 1]!) > v) i--;
    top.splice(i, 0, item);
    if (top.length > k) top.pop();
    worst = top.length >= k ? by(top[top.length - 1]!) : Infinity;
  }
  return top;
}
