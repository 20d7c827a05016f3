import { describe, expect, it } from 'vitest';
import {
  agendaMinutes,
  planDate,
  recordDate,
  senseText,
  toRecord,
  type SenseNote,
} from '../../shared/sessions/sense.ts';

const TODAY = '2026-03-12';
const said = (note: SenseNote | null) =>
  note && { severity: note.severity, en: senseText(note, 'en'), sw: senseText(note, 'sw') };

describe('dates and numbers that make sense on the session screens', () => {
  it('an agenda item of 99,999 minutes is an error; over three hours a warning; typing keeps the last good value', () => {
    expect(agendaMinutes('20')).toEqual({ minutes: 20, note: null });
    expect(agendaMinutes(' 0 ')).toEqual({ minutes: 0, note: null });
    const huge = agendaMinutes('99999');
    expect(huge.minutes).toBeNull();
    expect(said(huge.note)).toEqual({
      severity: 'error',
      en: 'One item can take at most 600 minutes (10 hours). Write the minutes, e.g. 20 — or split the item.',
      sw: 'Kipengele kimoja kisizidi dakika 600 (saa 10). Andika dakika, k.m. 20 — au gawanya kipengele.',
    });
    for (const bad of ['', 'abc', '-5', '2.5'])
      expect(agendaMinutes(bad).note?.code).toBe('minutes_not_number');
    const long = agendaMinutes('200');
    expect(long.minutes).toBe(200);
    expect(said(long.note)?.severity).toBe('warning');
    expect(said(long.note)?.en).toBe(
      'Over 3 hours for one item: is that right? Most items take 10 to 40 minutes.',
    );
    expect(agendaMinutes('180').note).toBeNull();
    expect(agendaMinutes('600').note?.severity).toBe('warning');
  });

  it('a plan dated years ago or ahead is a warning; no date or an impossible year is an error', () => {
    expect(planDate('2026-03-13', TODAY)).toBeNull();
    expect(planDate('2025-03-12', TODAY)).toBeNull();
    expect(said(planDate('2025-03-11', TODAY))).toEqual({
      severity: 'warning',
      en: 'This date is more than a year ago. Check the year; a meeting that has happened is best recorded.',
      sw: 'Tarehe hii ni zaidi ya mwaka mmoja iliyopita. Hakiki mwaka; mkutano uliokwisha fanyika ni bora urekodiwe.',
    });
    expect(said(planDate('2023-01-10', TODAY))?.en).toMatch(/^This date is more than 3 years ago\./);
    expect(said(planDate('2023-01-10', TODAY))?.sw).toMatch(/^Tarehe hii ni zaidi ya miaka 3 iliyopita\./);
    expect(said(planDate('2028-06-01', TODAY))?.en).toBe(
      'This date is more than 2 years ahead. Check the year.',
    );
    expect(planDate('', TODAY)?.code).toBe('date_missing');
    for (const d of ['0026-03-12', '2126-03-12', '2026-02-31x'])
      expect(planDate(d, TODAY)).toMatchObject({ code: 'date_impossible', severity: 'error' });
  });

  it('recording a meeting dated in the future is a warning that names how far', () => {
    expect(recordDate(TODAY, TODAY)).toBeNull();
    expect(recordDate('2026-03-01', TODAY)).toBeNull();
    expect(said(recordDate('2026-03-13', TODAY))).toEqual({
      severity: 'warning',
      en: 'This meeting is dated tomorrow. Record it once it has happened, or correct its date in the plan.',
      sw: 'Mkutano huu una tarehe ya kesho. Urekodi ukishafanyika, au sahihisha tarehe yake kwenye mpango.',
    });
    expect(said(recordDate('2026-03-22', TODAY))?.en).toMatch(/dated 10 days from today\./);
  });

  it('a planned meeting whose date has passed is to record; today’s is not yet', () => {
    expect(toRecord({ status: 'planned', date: '2026-03-11' }, TODAY)).toBe(true);
    expect(toRecord({ status: 'planned', date: TODAY }, TODAY)).toBe(false);
    expect(toRecord({ status: 'held', date: '2026-03-01' }, TODAY)).toBe(false);
    expect(toRecord({ status: 'cancelled', date: '2026-03-01' }, TODAY)).toBe(false);
  });
});
