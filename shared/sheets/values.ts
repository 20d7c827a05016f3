import { readFigure } from '../indicators/cell.ts';
import type { SchoolSetting } from '../schema/enums.ts';
import type { SheetCell } from './header.ts';

/**
 * Reading one cell of a district sheet: stray spaces, thousands separators, decimal
 * commas in semicolon files, terms written many ways, settings in either language.
 * Each returns `undefined` for a blank cell (leave the stored value as it is).
 */
export type Read<T> = { ok: true; value: T } | { ok: false; problem: string };

export const cellText = (c: SheetCell | undefined): string =>
  c === null || c === undefined ? '' : String(c).replace(/\s+/g, ' ').trim();

/** A number a person wrote: "1,234", " 812 ", "-3,615" (decimal comma when the file uses semicolons). */
export function readNumber(c: SheetCell | undefined, decimalComma: boolean): Read<number> | undefined {
  if (typeof c === 'number') return { ok: true, value: c };
  let s = cellText(c);
  if (!s) return undefined;
  if (decimalComma && /^-?\d+,\d+$/.test(s.replace(/\s/g, ''))) s = s.replace(/\s/g, '').replace(',', '.');
  const f = readFigure(s);
  if (f.kind === 'number') return { ok: true, value: f.value };
  if (f.kind === 'blank') return undefined;
  return { ok: false, problem: s };
}

/** A count: whole and not negative; a comma is always a thousands separator here. */
export function readWhole(c: SheetCell | undefined): Read<number> | undefined {
  const n = readNumber(c, false);
  if (!n || !n.ok) return n;
  return Number.isInteger(n.value) && n.value >= 0 ? n : { ok: false, problem: String(n.value) };
}

/** A figure: a number, null for "not collected" (n/c, -, haijakusanywa), undefined for blank. */
export function readIndicator(
  c: SheetCell | undefined,
  decimalComma: boolean,
): Read<number | null> | undefined {
  if (typeof c === 'number') return { ok: true, value: c };
  let s = cellText(c);
  if (decimalComma && /^-?\d+,\d+%?$/.test(s.replace(/\s/g, ''))) s = s.replace(/\s/g, '').replace(',', '.');
  const f = readFigure(s);
  if (f.kind === 'blank') return undefined;
  if (f.kind === 'not_collected') return { ok: true, value: null };
  if (f.kind === 'number') return { ok: true, value: f.value };
  return { ok: false, problem: f.text };
}

const SETTINGS: Record<string, SchoolSetting> = {
  rural: 'rural',
  r: 'rural',
  vijijini: 'rural',
  kijijini: 'rural',
  urban: 'urban',
  u: 'urban',
  town: 'urban',
  mjini: 'urban',
  'peri urban': 'peri_urban',
  periurban: 'peri_urban',
  'semi urban': 'peri_urban',
  'peri-urban': 'peri_urban',
  peri_urban: 'peri_urban',
  pembezoni: 'peri_urban',
};

export function readSetting(c: SheetCell | undefined): Read<SchoolSetting> | undefined {
  const s = cellText(c).toLowerCase().replace(/[-_]/g, ' ').replace(/\s+/g, ' ');
  if (!s) return undefined;
  const v = SETTINGS[s] ?? SETTINGS[s.replace(/ /g, '')];
  return v ? { ok: true, value: v } : { ok: false, problem: cellText(c) };
}

/** "2026-T1", "T1 2026", "Term 1 2026", "2026 term 1", "Muhula 1 2026". */
export function readTerm(c: SheetCell | undefined): Read<string> | undefined {
  const s = cellText(c).toLowerCase();
  if (!s) return undefined;
  let m = /^(\d{4})\s*-?\s*(?:t|term|muhula)\s*([123])$/.exec(s);
  if (m) return { ok: true, value: `${m[1]}-T${m[2]}` };
  m = /^(?:t|term|muhula)\s*([123])\s*[,/-]?\s*(\d{4})$/.exec(s);
  if (m) return { ok: true, value: `${m[2]}-T${m[1]}` };
  return { ok: false, problem: cellText(c) };
}

/**
 * Whether a rate column holds fractions (0.85 for 85%): every number in it is between 0
 * and 1, some above 0, and no cell was written with a % sign.
 */
export function looksLikeFractions(cells: readonly (SheetCell | undefined)[]): boolean {
  let numbers = 0;
  let positive = 0;
  for (const c of cells) {
    const s = cellText(c);
    if (!s) continue;
    if (s.includes('%')) return false;
    const f =
      typeof c === 'number' ? c : readFigure(s).kind === 'number' ? Number(s.replace(/[\s,]/g, '')) : NaN;
    if (Number.isNaN(f)) continue;
    if (f < 0 || f > 1) return false;
    numbers++;
    if (f > 0 && f < 1) positive++;
  }
  return numbers > 0 && positive > 0;
}
