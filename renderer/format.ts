import type { Lang } from '../shared/i18n.ts';

const locale = (lang: Lang): string => (lang === 'sw' ? 'sw-KE' : 'en-GB');

export function formatNumber(lang: Lang, n: number): string {
  return new Intl.NumberFormat(locale(lang)).format(n);
}

export function formatPercent(n: number | null): string {
  return n === null ? '–' : `${n.toFixed(1)}%`;
}

/** "12 Mar 2026" — dates as coaches write them; input is YYYY-MM-DD. */
export function formatDate(lang: Lang, iso: string | null): string {
  if (!iso) return '–';
  const d = new Date(`${iso.slice(0, 10)}T12:00:00`);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(lang), { day: 'numeric', month: 'short', year: 'numeric' }).format(d);
}
