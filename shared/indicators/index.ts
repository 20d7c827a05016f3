/** Rules for schools' termly figures: reading a cell, and what is impossible or unlikely. */
export { readFigure, showFigure, notCollectedWords, type FigureText } from './cell.ts';
export { describeFigureProblem, describeUnreadable, figureMessages } from './messages.ts';
export {
  cellsOf,
  checkFigure,
  checkTermFigures,
  errorsOf,
  figureLimits,
  figureProblemCodes,
  warningKey,
  warningsOf,
  type FigureProblem,
  type FigureProblemCode,
  type Severity,
  type TermFigures,
} from './rules.ts';
export { isBlock, moveFrom, placeBlock, readBlock, type Cell, type GridSize, type MoveKey } from './grid.ts';
export { checkSchoolEdits, editCounts, type SchoolEdits } from './edits.ts';
