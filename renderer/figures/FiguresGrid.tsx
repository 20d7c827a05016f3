import { Fragment, type ClipboardEvent, type KeyboardEvent } from 'react';
import type { ClusterTermFigures } from '../../shared/contract/figures.ts';
import {
  describeFigureProblem,
  describeUnreadable,
  isBlock,
  moveFrom,
  placeBlock,
  readBlock,
  showFigure,
  warningKey,
  type MoveKey,
  type SchoolEdits,
} from '../../shared/indicators/index.ts';
import { indicatorLabel } from '../../shared/labels.ts';
import { indicatorDefs, indicatorNames, type IndicatorName } from '../../shared/schema/enums.ts';
import { formatDate } from '../format.ts';
import { useI18n } from '../i18n/index.tsx';

export type CellTexts = Record<string, Partial<Record<IndicatorName, string>>>;

interface Props {
  grid: ClusterTermFigures;
  texts: CellTexts;
  rows: SchoolEdits[];
  confirmed: ReadonlySet<string>;
  onTexts: (next: CellTexts) => void;
  onConfirm: (key: string, on: boolean) => void;
  onPasted: (pasted: number, outside: number) => void;
  onColumn: (indicator: IndicatorName) => void;
}

const cellId = (row: number, col: number): string => `figure-${row}-${col}`;
const noteId = (row: number, indicator: IndicatorName, what: string): string =>
  `figure-note-${row}-${indicator}-${what}`;

function focusCell(row: number, col: number): void {
  const input = document.getElementById(cellId(row, col)) as HTMLInputElement | null;
  input?.focus();
  input?.select();
}

/**
 * Schools × indicators, used like a spreadsheet: arrows and Enter move, Tab moves right
 * (the inputs are in reading order), Esc puts a cell back, and a tab-separated block
 * pasted into a cell fills the cells from there. Problems are listed under the school's
 * row, next to its cells, each linked to its cell for screen readers.
 */
export function FiguresGrid({ grid, texts, rows, confirmed, onTexts, onConfirm, onPasted, onColumn }: Props) {
  const { t, lang } = useI18n();
  const size = { rows: grid.schools.length, cols: indicatorNames.length };

  const textOf = (schoolId: string, indicator: IndicatorName, stored: number | null | undefined): string =>
    texts[schoolId]?.[indicator] ?? showFigure(stored);

  const setText = (schoolId: string, indicator: IndicatorName, text: string | undefined): void => {
    const row = { ...texts[schoolId] };
    if (text === undefined) delete row[indicator];
    else row[indicator] = text;
    onTexts({ ...texts, [schoolId]: row });
  };

  const onKeyDown = (
    e: KeyboardEvent<HTMLInputElement>,
    row: number,
    col: number,
    schoolId: string,
  ): void => {
    const input = e.currentTarget;
    const all = input.selectionStart === 0 && input.selectionEnd === input.value.length;
    const atStart = all || (input.selectionStart === 0 && input.selectionEnd === 0);
    const atEnd = all || input.selectionStart === input.value.length;
    let key: MoveKey | null = null;
    if (e.key === 'ArrowUp' || e.key === 'ArrowDown') key = e.key;
    else if (e.key === 'ArrowLeft' && atStart) key = 'ArrowLeft';
    else if (e.key === 'ArrowRight' && atEnd) key = 'ArrowRight';
    else if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) key = e.shiftKey ? 'ShiftEnter' : 'Enter';
    else if (e.key === 'Escape') {
      e.preventDefault();
      setText(schoolId, indicatorNames[col]!, undefined);
      return;
    }
    if (!key) return;
    e.preventDefault();
    const next = moveFrom({ row, col }, key, size);
    focusCell(next.row, next.col);
  };

  const onPaste = (e: ClipboardEvent<HTMLInputElement>, row: number, col: number): void => {
    const text = e.clipboardData.getData('text/plain');
    if (!isBlock(text)) return;
    e.preventDefault();
    const { cells, outside } = placeBlock(readBlock(text), { row, col }, size);
    const next: CellTexts = { ...texts };
    for (const cell of cells) {
      const schoolId = grid.schools[cell.row]!.id;
      next[schoolId] = { ...next[schoolId], [indicatorNames[cell.col]!]: cell.text.trim() };
    }
    onTexts(next);
    onPasted(cells.length, outside);
  };

  const previousText = (indicator: IndicatorName, v: number | null | undefined): string =>
    v === null || v === undefined
      ? t('figures.notCollected')
      : `${v}${indicatorDefs[indicator].kind === 'rate' ? '%' : ''}`;

  return (
    <div className="figures-scroll">
      <table className="figures-grid" data-testid="figures-grid">
        <thead>
          <tr>
            <th scope="col" className="school-col">
              {t('figures.school')}
            </th>
            {indicatorNames.map((n) => (
              <th key={n} scope="col" title={indicatorLabel(lang, n)}>
                {t(`figures.short.${n}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.schools.map((school, r) => {
            const edits = rows[r]!;
            const also = grid.alsoEdited.filter((a) => a.schoolId === school.id);
            const notes = edits.unreadable.length + edits.problems.length + also.length;
            return (
              <Fragment key={school.id}>
                <tr className={notes ? 'has-notes' : undefined}>
                  <th scope="row" className="school-col">
                    {school.name}
                  </th>
                  {indicatorNames.map((n, c) => {
                    const unreadable = edits.unreadable.some((u) => u.indicator === n);
                    const mine = edits.problems.filter((p) => p.indicator === n);
                    const error = unreadable || mine.some((p) => p.severity === 'error');
                    const warning = !error && edits.unconfirmed.some((p) => p.indicator === n);
                    const changed = n in edits.changed;
                    const described = [
                      ...(unreadable ? [noteId(r, n, 'unreadable')] : []),
                      ...mine.map((p) => noteId(r, n, p.code)),
                      ...(also.some((a) => a.indicator === n) ? [noteId(r, n, 'also')] : []),
                    ];
                    const classes = [
                      error ? 'error' : warning ? 'warning' : '',
                      changed ? 'changed' : '',
                      also.some((a) => a.indicator === n) ? 'also-edited' : '',
                    ].filter(Boolean);
                    return (
                      <td key={n} className={classes.join(' ') || undefined}>
                        <input
                          id={cellId(r, c)}
                          type="text"
                          inputMode="decimal"
                          autoComplete="off"
                          aria-label={t('figures.cell', {
                            school: school.name,
                            indicator: indicatorLabel(lang, n),
                          })}
                          aria-invalid={error || undefined}
                          aria-describedby={described.length ? described.join(' ') : undefined}
                          title={t('figures.previous', {
                            term: grid.previousTerm,
                            value: previousText(n, school.previous?.[n]),
                          })}
                          placeholder="–"
                          value={textOf(school.id, n, school.figures?.[n])}
                          onChange={(e) => setText(school.id, n, e.target.value)}
                          onFocus={(e) => {
                            e.currentTarget.select();
                            onColumn(n);
                          }}
                          onKeyDown={(e) => onKeyDown(e, r, c, school.id)}
                          onPaste={(e) => onPaste(e, r, c)}
                        />
                      </td>
                    );
                  })}
                </tr>
                {notes > 0 && (
                  <tr className="figure-notes">
                    <td colSpan={indicatorNames.length + 1}>
                      <ul className="list-plain" data-testid="figure-notes">
                        {edits.unreadable.map((u) => (
                          <li
                            key={`u-${u.indicator}`}
                            id={noteId(r, u.indicator, 'unreadable')}
                            className="figure-error"
                          >
                            <span aria-hidden="true">✖ </span>
                            <strong>{indicatorLabel(lang, u.indicator)}:</strong>{' '}
                            {describeUnreadable(u.text, lang)}
                          </li>
                        ))}
                        {edits.problems.map((p) => {
                          const key = warningKey(school.id, p);
                          const isError = p.severity === 'error';
                          return (
                            <li
                              key={`${p.indicator}-${p.code}`}
                              id={noteId(r, p.indicator, p.code)}
                              className={isError ? 'figure-error' : 'figure-warning'}
                            >
                              <span aria-hidden="true">{isError ? '✖ ' : '⚠ '}</span>
                              {describeFigureProblem(p, lang)}
                              {!isError && (
                                <button
                                  type="button"
                                  className="chip"
                                  aria-pressed={confirmed.has(key)}
                                  onClick={() => onConfirm(key, !confirmed.has(key))}
                                >
                                  {confirmed.has(key) ? `✓ ${t('figures.confirmed')}` : t('figures.confirm')}
                                </button>
                              )}
                            </li>
                          );
                        })}
                        {also.map((a) => (
                          <li
                            key={`a-${a.indicator}`}
                            id={noteId(r, a.indicator, 'also')}
                            className="muted small"
                          >
                            <strong>{indicatorLabel(lang, a.indicator)}:</strong>{' '}
                            {t('figures.alsoEdited', {
                              value: previousText(a.indicator, a.value),
                              device: a.self ? t('figures.thisLaptop') : a.deviceName || '?',
                              date: formatDate(lang, a.at),
                            })}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
