/** Bars for a completion chart: clusters with commitments due, best first, in whole percent. */
export function completionBars(
  rows: readonly { name: string; rate: number | null }[],
): { name: string; completion: number }[] {
  return rows
    .filter((r) => r.rate !== null)
    .map((r) => ({ name: r.name.replace(/ CoP$/, ''), completion: Math.round((r.rate ?? 0) * 100) }))
    .sort((a, b) => b.completion - a.completion || a.name.localeCompare(b.name));
}
