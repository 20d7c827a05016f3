import { indicatorNames, type IndicatorName } from '../schema/enums.ts';
import { readFigure } from './cell.ts';
import { cellsOf, checkTermFigures, warningKey, type FigureProblem, type TermFigures } from './rules.ts';

/**
 * What the coach typed into one school's row of the figures grid, checked: the figures
 * that differ from the stored ones, cells that are not numbers, and the problems her
 * changes cause (the same rules the service applies before saving).
 */
export interface SchoolEdits {
  schoolId: string;
  /** Figures that differ from what is stored (null = not collected). */
  changed: TermFigures;
  unreadable: { indicator: IndicatorName; text: string }[];
  problems: FigureProblem[];
  /** Warnings among `problems` the coach has not confirmed. */
  unconfirmed: FigureProblem[];
}

export function checkSchoolEdits(
  school: { id: string; figures: TermFigures | null; previous: TermFigures | null },
  texts: Partial<Record<IndicatorName, string>>,
  previousTerm: string,
  confirmed: ReadonlySet<string>,
): SchoolEdits {
  const stored = school.figures ?? {};
  const changed: TermFigures = {};
  const unreadable: SchoolEdits['unreadable'] = [];
  for (const indicator of indicatorNames) {
    const text = texts[indicator];
    if (text === undefined) continue;
    const read = readFigure(text);
    if (read.kind === 'unreadable') {
      unreadable.push({ indicator, text: read.text });
      continue;
    }
    const value = read.kind === 'number' ? read.value : null;
    if (value !== (stored[indicator] ?? null)) changed[indicator] = value;
  }
  const edited = new Set(Object.keys(changed));
  const problems = checkTermFigures(
    { ...stored, ...changed },
    school.previous ? { term: previousTerm, figures: school.previous } : null,
  ).filter((p) => cellsOf(p).some((c) => edited.has(c)));
  const unconfirmed = problems.filter(
    (p) => p.severity === 'warning' && !confirmed.has(warningKey(school.id, p)),
  );
  return { schoolId: school.id, changed, unreadable, problems, unconfirmed };
}

/** How many figures are impossible (errors or not numbers) and how many await confirming. */
export function editCounts(rows: readonly SchoolEdits[]): {
  changed: number;
  errors: number;
  toConfirm: number;
} {
  let changed = 0;
  let errors = 0;
  let toConfirm = 0;
  for (const r of rows) {
    changed += Object.keys(r.changed).length;
    errors += r.unreadable.length + r.problems.filter((p) => p.severity === 'error').length;
    toConfirm += r.unconfirmed.length;
  }
  return { changed, errors, toConfirm };
}
