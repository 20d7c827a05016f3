/** Rules for schools' termly figures: reading a cell, and what is impossible or unlikely. */
export { readFigure, showFigure, notCollectedWords, type FigureText } from './cell.ts';
export { describeFigureProblem, describeUnreadable, figureMessages } from './messages.ts';
export {
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
