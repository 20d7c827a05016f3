import { z } from 'zod';

/**
 * What a store knows: for each origin device, the clock ranges within which it holds
 * *every* change that device made. Ranges, not a single maximum: a bundle imported
 * before an older one that was lost leaves a gap, and the gap must stay visible so that
 * the next bundle re-sends it.
 *
 * A range is inclusive on both ends ([lo, hi] of packed HLC integers). A list of ranges
 * is kept normalised: sorted, disjoint and never adjacent.
 */
export type Range = readonly [lo: number, hi: number];
export type Ranges = readonly Range[];
export type Knowledge = Readonly<Record<string, Ranges>>;

const hlcInt = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
export const RangesSchema = z
  .array(z.tuple([hlcInt, hlcInt]).refine(([lo, hi]) => lo <= hi, 'a range with lo <= hi'))
  .max(100_000);
export const KnowledgeSchema = z.record(z.string().min(1).max(100), RangesSchema);

/** Sorts, merges overlapping and adjacent ranges. */
export function normalise(ranges: Iterable<Range>): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = out.at(-1);
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

export function union(a: Ranges, b: Ranges): Range[] {
  return normalise([...a, ...b]);
}

/** The parts of `a` not in `b`. */
export function subtract(a: Ranges, b: Ranges): Range[] {
  const out: Range[] = [];
  const cut = normalise(b);
  for (const [lo0, hi] of normalise(a)) {
    let lo = lo0;
    for (const [blo, bhi] of cut) {
      if (bhi < lo) continue;
      if (blo > hi) break;
      if (blo > lo) out.push([lo, blo - 1]);
      lo = bhi + 1;
      if (lo > hi) break;
    }
    if (lo <= hi) out.push([lo, hi]);
  }
  return out;
}

export function intersect(a: Ranges, b: Ranges): Range[] {
  return subtract(a, subtract(a, b));
}

/** True when every point of `inner` is in `outer`. */
export function covers(outer: Ranges, inner: Ranges): boolean {
  return subtract(inner, outer).length === 0;
}

export function containsPoint(ranges: Ranges, x: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid]!;
    if (x < r[0]) hi = mid - 1;
    else if (x > r[1]) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Every clock value not in `ranges` (what a peer may lack). */
export function complement(ranges: Ranges): Range[] {
  return subtract([[0, Number.MAX_SAFE_INTEGER]], ranges);
}

export function unionKnowledge(a: Knowledge, b: Knowledge): Record<string, Range[]> {
  const out: Record<string, Range[]> = {};
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    out[k] = union(a[k] ?? [], b[k] ?? []);
  }
  return out;
}

/** What all of `ks` know (per device, the ranges every one of them holds). */
export function intersectKnowledge(ks: readonly Knowledge[]): Record<string, Range[]> {
  if (ks.length === 0) return {};
  const out: Record<string, Range[]> = {};
  for (const [device, ranges] of Object.entries(ks[0]!)) {
    let r: Range[] = normalise(ranges);
    for (const k of ks.slice(1)) r = intersect(r, k[device] ?? []);
    if (r.length) out[device] = r;
  }
  return out;
}

export function knowledgeCovers(outer: Knowledge, inner: Knowledge): boolean {
  return Object.entries(inner).every(([device, ranges]) => covers(outer[device] ?? [], ranges));
}

/** Removes, per device, the span [min, max] of the given points (conservative: knowing less only causes re-sends). */
export function withoutSpans(k: Knowledge, spans: ReadonlyMap<string, Range>): Record<string, Range[]> {
  const out: Record<string, Range[]> = {};
  for (const [device, ranges] of Object.entries(k)) {
    const span = spans.get(device);
    const r = span ? subtract(ranges, [span]) : normalise(ranges);
    if (r.length) out[device] = r;
  }
  return out;
}
