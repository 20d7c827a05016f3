import type { Rng } from './prng.ts';

/**
 * Dates of the demo. Everything is fixed relative to one anchor day, never the wall
 * clock, so the same seed always gives the same content.
 */
export const DEMO_TODAY = '2026-11-20';

const DAY_MS = 86_400_000;

export function toDay(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

export function fromDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return fromDay(toDay(iso) + days);
}

/** A random day in [from, to]. */
export function randomDate(rng: Rng, from: string, to: string): string {
  return fromDay(rng.int(toDay(from), toDay(to)));
}

/** Kenyan school terms start in early January, late April and late August. */
const TERM_STARTS = ['01-05', '04-27', '08-25'] as const;
const TERM_ENDS = ['04-02', '07-31', '10-30'] as const;

export function termStart(term: string): string {
  const [year, t] = term.split('-T');
  return `${year}-${TERM_STARTS[Number(t) - 1]}`;
}

export function termEnd(term: string): string {
  const [year, t] = term.split('-T');
  return `${year}-${TERM_ENDS[Number(t) - 1]}`;
}

/** `count` consecutive terms ending with `last`, oldest first. */
export function termsEndingWith(last: string, count: number): string[] {
  const [y, t] = last.split('-T');
  let index = Number(y) * 3 + Number(t) - 1;
  const out: string[] = [];
  for (let i = 0; i < count; i++, index--) out.push(`${Math.floor(index / 3)}-T${(index % 3) + 1}`);
  return out.reverse();
}

/** Index in `terms` of the last term that had started by `date`; -1 if before them all. */
export function termIndexAt(terms: readonly string[], date: string): number {
  let found = -1;
  for (let i = 0; i < terms.length; i++) if (termStart(terms[i]!) <= date) found = i;
  return found;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "4 March 2026", for notes. */
export function spokenDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
}
