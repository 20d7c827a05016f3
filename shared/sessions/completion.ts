import type { CommitmentStatus } from '../schema/enums.ts';

/**
 * Completion rate of commitments over time. A commitment counts in the period its due
 * date falls in, once that date has passed:
 *
 *   rate = (done + ½ × partly) / (due − dropped)
 *
 * Dropped commitments leave the denominator (the group agreed, with a reason, to stop),
 * partly done counts half, and not done or never reviewed counts nothing. Commitments not
 * yet due do not count at all, so a cluster is not marked down for work still in time.
 */
export type PeriodKind = 'term' | 'month';

/** School term of a date: Jan–Apr T1, May–Aug T2, Sep–Dec T3 (as `indicators.term`). */
export function termOf(date: string): string {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-T${month <= 4 ? 1 : month <= 8 ? 2 : 3}`;
}
export const monthOf = (date: string): string => date.slice(0, 7);
export const periodOf = (kind: PeriodKind, date: string): string =>
  kind === 'term' ? termOf(date) : monthOf(date);

export interface CompletionPoint {
  period: string;
  /** Commitments due in the period, up to the day before `today`. */
  due: number;
  done: number;
  partly: number;
  notDone: number;
  dropped: number;
  /** Due but never reviewed (still open). */
  unreviewed: number;
  /** 0..1, or null when nothing counted. */
  rate: number | null;
}

export function completionRate(
  p: Pick<CompletionPoint, 'due' | 'done' | 'partly' | 'dropped'>,
): number | null {
  const counted = p.due - p.dropped;
  return counted > 0 ? (p.done + 0.5 * p.partly) / counted : null;
}

/** One point per period that has a commitment due before `today`, in period order. */
export function completionSeries(
  commitments: readonly { dueDate: string; status: CommitmentStatus }[],
  today: string,
  kind: PeriodKind,
): CompletionPoint[] {
  const byPeriod = new Map<string, CompletionPoint>();
  for (const c of commitments) {
    if (c.dueDate >= today) continue;
    const period = periodOf(kind, c.dueDate);
    let p = byPeriod.get(period);
    if (!p) {
      p = { period, due: 0, done: 0, partly: 0, notDone: 0, dropped: 0, unreviewed: 0, rate: null };
      byPeriod.set(period, p);
    }
    p.due += 1;
    if (c.status === 'done') p.done += 1;
    else if (c.status === 'partly') p.partly += 1;
    else if (c.status === 'not_done') p.notDone += 1;
    else if (c.status === 'dropped') p.dropped += 1;
    else p.unreviewed += 1;
  }
  return [...byPeriod.values()]
    .sort((a, b) => (a.period < b.period ? -1 : 1))
    .map((p) => ({ ...p, rate: completionRate(p) }));
}

/** The whole series folded into one figure (same formula over every counted commitment). */
export function overallRate(series: readonly CompletionPoint[]): number | null {
  const sum = (k: 'due' | 'done' | 'partly' | 'dropped') => series.reduce((s, p) => s + p[k], 0);
  return completionRate({
    due: sum('due'),
    done: sum('done'),
    partly: sum('partly'),
    dropped: sum('dropped'),
  });
}

/** A rate as a whole percentage for people, or an em dash when there is none. */
export const formatRate = (rate: number | null): string =>
  rate === null ? '—' : `${Math.round(rate * 100)}%`;
