import type { FiguresRow, SaveFiguresInput } from '../../../shared/contract/figures.ts';
import { PamojaError } from '../../../shared/errors.ts';
import {
  cellsOf,
  checkTermFigures,
  describeFigureProblem,
  warningKey,
} from '../../../shared/indicators/index.ts';
import { previousTerm } from '../../../shared/reports/period.ts';
import { indicatorNames, type IndicatorName } from '../../../shared/schema/enums.ts';
import { indicatorsId } from '../../db/ids.ts';
import type { Store } from '../../db/store.ts';
import { clusterName, clusterSchools, figuresOf, termRows } from './termFigures.ts';

const blank = Object.fromEntries(indicatorNames.map((n) => [n, null])) as Record<IndicatorName, null>;

/**
 * Saves a cluster's term figures in one transaction through the write path: only the
 * figures that differ from what is stored are written (one change each). Every school's
 * figures are checked with the shared rules first; an impossible figure, or an unlikely
 * one the coach did not confirm, refuses the whole save and writes nothing.
 */
export function saveTermFigures(store: Store, input: SaveFiguresInput): { changed: number; schools: number } {
  const name = clusterName(store, input.clusterId);
  const schools = new Map(clusterSchools(store, input.clusterId).map((s) => [s.id, s.name]));
  const now = termRows(store, input.clusterId, input.term);
  const before = previousTerm(input.term);
  const earlier = termRows(store, input.clusterId, before);
  const confirmed = new Set(input.confirmed);
  const seen = new Set<string>();

  input.schools.forEach(({ schoolId, figures }, i) => {
    const schoolName = schools.get(schoolId);
    if (schoolName === undefined)
      throw new PamojaError('invalid', `This school is not in ${name}.`, `schools[${i}].schoolId`);
    if (seen.has(schoolId))
      throw new PamojaError('invalid', `${schoolName} is listed twice.`, `schools[${i}].schoolId`);
    seen.add(schoolId);
    const edited = new Set(Object.keys(figures) as IndicatorName[]);
    const merged: FiguresRow = { ...(figuresOf(now.get(schoolId)) ?? {}), ...figures };
    const previousFigures = figuresOf(earlier.get(schoolId));
    const problems = checkTermFigures(
      merged,
      previousFigures ? { term: before, figures: previousFigures } : null,
    );
    // Figures stored earlier and not touched now are not the coach's problem in this save.
    for (const p of problems.filter((x) => cellsOf(x).some((c) => edited.has(c)))) {
      if (p.severity === 'warning' && confirmed.has(warningKey(schoolId, p))) continue;
      const sentence = describeFigureProblem(p, 'en');
      const message =
        p.severity === 'error'
          ? `${schoolName}: ${sentence}`
          : `${schoolName}: ${sentence} Confirm it to save.`;
      throw new PamojaError('invalid', message, `schools[${i}].figures.${p.indicator}`);
    }
  });

  return store.write((w) => {
    let changed = 0;
    let touched = 0;
    for (const { schoolId, figures } of input.schools) {
      const row = now.get(schoolId);
      let n: number;
      if (row) n = w.update('indicators', row.id, figures);
      else if (Object.values(figures).every((v) => v === null)) continue;
      else {
        // A new row records every figure; those not given are "not collected".
        w.insert('indicators', {
          id: indicatorsId(schoolId, input.term),
          school_id: schoolId,
          term: input.term,
          ...blank,
          ...figures,
        });
        n = Object.values(figures).filter((v) => v !== null).length;
      }
      changed += n;
      if (n > 0 || !row) touched++;
    }
    return { changed, schools: touched };
  });
}
