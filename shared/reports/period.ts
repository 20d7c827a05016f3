import { termOf } from '../sessions/completion.ts';

/** What a report covers: the whole region, one CoP, or the CoPs of one coach. */
export type ReportScope =
  { kind: 'region' } | { kind: 'cluster'; clusterId: string } | { kind: 'coach'; coach: string };

/** When: one school term, or any run of days. */
export type ReportPeriod = { kind: 'term'; term: string } | { kind: 'range'; from: string; to: string };

export const reportFormats = ['html', 'pdf', 'xlsx', 'csv'] as const;
export type ReportFormat = (typeof reportFormats)[number];

/** A school term's first and last day, matching `termOf` (T1 Jan–Apr, T2 May–Aug, T3 Sep–Dec). */
export function termDates(term: string): { from: string; to: string } {
  const year = term.slice(0, 4);
  const n = Number(term.slice(-1));
  const [from, to] = n === 1 ? ['01-01', '04-30'] : n === 2 ? ['05-01', '08-31'] : ['09-01', '12-31'];
  return { from: `${year}-${from}`, to: `${year}-${to}` };
}

/** The term before, e.g. 2026-T1 → 2025-T3. */
export function previousTerm(term: string): string {
  const year = Number(term.slice(0, 4));
  const n = Number(term.slice(-1));
  return n === 1 ? `${year - 1}-T3` : `${year}-T${n - 1}`;
}

/** The first and last day a period covers. */
export function periodDates(period: ReportPeriod): { from: string; to: string } {
  return period.kind === 'term' ? termDates(period.term) : { from: period.from, to: period.to };
}

/** Every term a run of days touches, oldest first. */
export function termsOverlapping(from: string, to: string): string[] {
  const terms: string[] = [];
  for (let t = termOf(from); t <= termOf(to);) {
    terms.push(t);
    const year = Number(t.slice(0, 4));
    const n = Number(t.slice(-1));
    t = n === 3 ? `${year + 1}-T1` : `${year}-T${n + 1}`;
  }
  return terms;
}

/** Up to `count` terms ending with `last`, oldest first (the trend charts' axis). */
export function termsUpTo(last: string, count: number): string[] {
  const terms = [last];
  while (terms.length < count) terms.unshift(previousTerm(terms[0]!));
  return terms;
}

/** A short name for file names: "2026-T2" or "2026-05-01_2026-06-30". */
export function periodSlug(period: ReportPeriod): string {
  return period.kind === 'term' ? period.term : `${period.from}_${period.to}`;
}
