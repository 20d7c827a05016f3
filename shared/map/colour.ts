/**
 * Colours for the region map: a CoP's value placed between the region's worst and best,
 * on a scale that stays readable for colour-blind coaches (orange → sand → blue, never
 * red against green) and in print. `better` says which way is an improvement.
 */
const STOPS = [
  [200, 82, 0],
  [236, 180, 110],
  [214, 214, 200],
  [110, 160, 200],
  [16, 84, 150],
] as const;
export const NO_DATA = '#b8c2c5';

/** 0 = worst, 1 = best, for `value` within [min, max]. */
export function position(value: number, min: number, max: number, better: 'up' | 'down'): number {
  if (max <= min) return 0.5;
  const p = (value - min) / (max - min);
  return better === 'up' ? p : 1 - p;
}

export function colourAt(p: number): string {
  const x = Math.min(1, Math.max(0, p)) * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(x));
  const f = x - i;
  const [a, b] = [STOPS[i]!, STOPS[i + 1]!];
  const mix = (k: 0 | 1 | 2) => Math.round(a[k] + (b[k] - a[k]) * f);
  return `rgb(${mix(0)}, ${mix(1)}, ${mix(2)})`;
}

export function valueRange(values: readonly (number | null)[]): { min: number; max: number } | null {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return null;
  return { min: Math.min(...known), max: Math.max(...known) };
}
