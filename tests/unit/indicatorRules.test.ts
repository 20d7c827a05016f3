import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkFigure,
  checkSchoolEdits,
  editCounts,
  checkTermFigures,
  describeFigureProblem,
  describeUnreadable,
  isBlock,
  moveFrom,
  placeBlock,
  readBlock,
  errorsOf,
  readFigure,
  warningKey,
  warningsOf,
} from '../../shared/indicators/index.ts';
import { checkField } from '../../shared/schema/tables.ts';
import { indicatorDefs, indicatorNames } from '../../shared/schema/enums.ts';

const codes = (ps: { code: string }[]) => ps.map((p) => p.code);

describe('reading a figures cell', () => {
  it('tells blank and "not collected" from 0', () => {
    expect(readFigure('')).toEqual({ kind: 'blank' });
    expect(readFigure('   ')).toEqual({ kind: 'blank' });
    expect(readFigure('0')).toEqual({ kind: 'number', value: 0 });
    for (const t of ['-', 'n/c', 'N/A', 'Not collected', 'haijakusanywa', ' — '])
      expect(readFigure(t)).toEqual({ kind: 'not_collected' });
  });

  it('reads percentages, decimals and thousands separators', () => {
    expect(readFigure('85%')).toEqual({ kind: 'number', value: 85 });
    expect(readFigure(' 85.5 % ')).toEqual({ kind: 'number', value: 85.5 });
    expect(readFigure('1,234')).toEqual({ kind: 'number', value: 1234 });
    expect(readFigure('12 345')).toEqual({ kind: 'number', value: 12345 });
    expect(readFigure('0.85')).toEqual({ kind: 'number', value: 0.85 });
    expect(readFigure('-3')).toEqual({ kind: 'number', value: -3 });
  });

  it('never guesses at text it cannot read', () => {
    for (const t of ['85a', 'twelve', '1,23', '1.2.3', '12,34,567', '5-6', 'e5', '1e3'])
      expect(readFigure(t)).toEqual({ kind: 'unreadable', text: t });
  });
});

describe('one figure on its own', () => {
  it('a rate over 100 or below 0 is impossible', () => {
    expect(codes(checkFigure('attendance_rate', 101))).toEqual(['over_100']);
    expect(codes(checkFigure('dropout_rate', -1))).toEqual(['negative']);
    expect(checkFigure('attendance_rate', 100)).toEqual([]);
    expect(checkFigure('literacy_rate', 0)).toEqual([]);
    expect(codes(checkFigure('attendance_rate', 0))).toEqual(['unusually_low']);
  });

  it('a count must be a whole number within what a school can have', () => {
    expect(codes(checkFigure('enrolment_girls', 12.5))).toEqual(['not_whole']);
    expect(codes(checkFigure('enrolment_girls', 1_000_001))).toEqual(['too_large']);
    expect(codes(checkFigure('enrolment_girls', 12_000))).toEqual(['unusually_large']);
    expect(checkFigure('enrolment_girls', 0)).toEqual([]);
    expect(codes(checkFigure('enrolment_boys', Number.NaN))).toEqual(['not_a_number']);
  });

  it('warns about a rate that looks like a fraction, high dropout and low attendance', () => {
    expect(checkFigure('literacy_rate', 0.85)).toMatchObject([
      { code: 'looks_like_fraction', severity: 'warning', vars: { percent: 85 } },
    ]);
    expect(codes(checkFigure('dropout_rate', 35))).toEqual(['unusually_high']);
    expect(codes(checkFigure('repetition_rate', 31))).toEqual(['unusually_high']);
    expect(checkFigure('literacy_rate', 35)).toEqual([]);
    expect(codes(checkFigure('attendance_rate', 25))).toEqual(['unusually_low']);
  });

  it('anything the rules accept without an error, the store accepts too', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...indicatorNames),
        fc.oneof(
          fc.double({ min: -10, max: 2_000_000, noNaN: true }),
          fc.integer({ min: -10, max: 2_000_000 }),
        ),
        (indicator, value) => {
          const ok = errorsOf(checkFigure(indicator, value)).length === 0;
          expect(checkField('indicators', indicator, value) === null).toBe(ok);
        },
      ),
    );
  });
});

describe("one school's figures for a term", () => {
  it('reached more than identified is an error at the reached cell', () => {
    const ps = checkTermFigures({ vulnerable_identified: 10, vulnerable_reached: 12 });
    expect(ps).toMatchObject([
      { indicator: 'vulnerable_reached', severity: 'error', code: 'reached_over_identified' },
    ]);
    expect(checkTermFigures({ vulnerable_identified: 12, vulnerable_reached: 12 })).toEqual([]);
  });

  it('a figure not collected (null) or not entered is never a problem', () => {
    expect(checkTermFigures({ vulnerable_identified: null, vulnerable_reached: 12 })).toEqual([]);
    expect(checkTermFigures({})).toEqual([]);
  });

  it('more identified than enrolled is a warning, only when both enrolments are known', () => {
    const f = { enrolment_girls: 20, enrolment_boys: 10, vulnerable_identified: 40 };
    expect(codes(checkTermFigures(f))).toEqual(['identified_over_enrolled']);
    expect(checkTermFigures({ ...f, enrolment_boys: null })).toEqual([]);
  });

  it('a rate moving 20 points or more in a term is a warning naming the previous term', () => {
    const previous = { term: '2026-T1', figures: { dropout_rate: 4, attendance_rate: 90 } };
    const ps = checkTermFigures({ dropout_rate: 24, attendance_rate: 80 }, previous);
    expect(ps).toMatchObject([
      {
        indicator: 'dropout_rate',
        severity: 'warning',
        code: 'big_change',
        vars: { previous: 4, previousTerm: '2026-T1', change: 20, direction: 'up' },
      },
    ]);
    expect(describeFigureProblem(ps[0]!, 'en')).toBe(
      'Dropout rate is up 20 points from 4% in 2026-T1. Is it right?',
    );
    expect(describeFigureProblem(ps[0]!, 'sw')).toContain('Kiwango cha kuacha shule imepanda kwa alama 20');
    expect(checkTermFigures({ dropout_rate: 23.9 }, previous)).toEqual([]);
  });

  it('a count changing by more than half (and by 50 or more) is a warning', () => {
    const previous = { term: '2025-T3', figures: { enrolment_girls: 200, enrolment_boys: 60 } };
    expect(codes(checkTermFigures({ enrolment_girls: 90 }, previous))).toEqual(['big_change']);
    expect(checkTermFigures({ enrolment_girls: 120 }, previous)).toEqual([]);
    // 60 → 20 is two thirds down but only 40 learners: small schools vary.
    expect(checkTermFigures({ enrolment_boys: 20 }, previous)).toEqual([]);
  });

  it('an impossible figure is not compared with others or with last term', () => {
    const previous = { term: '2026-T1', figures: { attendance_rate: 50 } };
    expect(codes(checkTermFigures({ attendance_rate: 150 }, previous))).toEqual(['over_100']);
    expect(codes(checkTermFigures({ vulnerable_identified: 2.5, vulnerable_reached: 5 }))).toEqual([
      'not_whole',
    ]);
  });

  it('lists errors before warnings', () => {
    const ps = checkTermFigures({ dropout_rate: 40, attendance_rate: 120 });
    expect(ps.map((p) => p.severity)).toEqual(['error', 'warning']);
    expect(errorsOf(ps)).toHaveLength(1);
    expect(warningsOf(ps)).toHaveLength(1);
  });
});

describe('messages', () => {
  it('every problem has a sentence in both languages with nothing left unfilled', () => {
    const samples = [
      ...checkTermFigures({
        attendance_rate: 150,
        dropout_rate: -1,
        enrolment_girls: 2.5,
        enrolment_boys: 2_000_000,
        literacy_rate: 0.5,
        repetition_rate: 40,
        vulnerable_identified: 5,
        vulnerable_reached: 6,
      }),
      ...checkFigure('attendance_rate', 20),
      ...checkFigure('enrolment_girls', 20_000),
      ...checkFigure('numeracy_rate', Number.NaN),
      ...checkTermFigures({ enrolment_girls: 10, enrolment_boys: 10, vulnerable_identified: 30 }),
      ...checkTermFigures(
        { numeracy_rate: 20, enrolment_girls: 100 },
        {
          term: '2026-T1',
          figures: { numeracy_rate: 60, enrolment_girls: 400 },
        },
      ),
    ];
    const seen = new Set(samples.map((p) => p.code));
    expect(seen.size).toBe(12);
    for (const p of samples)
      for (const lang of ['en', 'sw'] as const) {
        const m = describeFigureProblem(p, lang);
        expect(m).not.toMatch(/\{\w+\}/);
        expect(m.length).toBeGreaterThan(10);
      }
    expect(describeUnreadable('85a', 'sw')).toBe(
      '"85a" si namba. Andika tarakimu, au iache wazi kama haikukusanywa.',
    );
  });

  it('a warning is confirmed per school, cell and kind', () => {
    const [p] = checkFigure('dropout_rate', 35);
    expect(warningKey('s1', p!)).toBe('s1:dropout_rate:unusually_high');
  });

  it('rates and counts are told apart as the schema says', () => {
    expect(indicatorDefs.dropout_rate.kind).toBe('rate');
    expect(codes(checkFigure('vulnerable_reached', 150))).toEqual([]);
  });
});

describe('the figures grid', () => {
  const size = { rows: 3, cols: 4 };
  it('reads a block copied from a spreadsheet, with or without the trailing newline', () => {
    expect(readBlock('1\t2\n3\t4\n')).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(readBlock('1\t\t3\r\n4')).toEqual([['1', '', '3'], ['4']]);
    expect(isBlock('85\n')).toBe(false);
    expect(isBlock('85\t90')).toBe(true);
    expect(isBlock('85\n90')).toBe(true);
  });

  it('places a block from the cursor and counts values that fall outside', () => {
    const { cells, outside } = placeBlock(readBlock('1\t2\t3\n4\t5\t6\n7\t8\t9\n'), { row: 1, col: 2 }, size);
    expect(cells).toEqual([
      { row: 1, col: 2, text: '1' },
      { row: 1, col: 3, text: '2' },
      { row: 2, col: 2, text: '4' },
      { row: 2, col: 3, text: '5' },
    ]);
    expect(outside).toBe(5);
    // Empty cells past the edge are not "left out" values.
    expect(placeBlock([['1', '', '']], { row: 0, col: 3 }, size).outside).toBe(0);
  });

  it('moves like a spreadsheet and stops at the edges', () => {
    expect(moveFrom({ row: 0, col: 0 }, 'Enter', size)).toEqual({ row: 1, col: 0 });
    expect(moveFrom({ row: 2, col: 0 }, 'Enter', size)).toEqual({ row: 2, col: 0 });
    expect(moveFrom({ row: 1, col: 0 }, 'ShiftEnter', size)).toEqual({ row: 0, col: 0 });
    expect(moveFrom({ row: 0, col: 0 }, 'ArrowUp', size)).toEqual({ row: 0, col: 0 });
    expect(moveFrom({ row: 0, col: 3 }, 'ArrowRight', size)).toEqual({ row: 0, col: 3 });
    expect(moveFrom({ row: 0, col: 3 }, 'ArrowLeft', size)).toEqual({ row: 0, col: 2 });
    expect(moveFrom({ row: 0, col: 1 }, 'ArrowDown', size)).toEqual({ row: 1, col: 1 });
  });
});

describe("a school's row as the coach types", () => {
  const school = {
    id: 's1',
    figures: { attendance_rate: 90, dropout_rate: 3, vulnerable_identified: 10 } as const,
    previous: { dropout_rate: 3 },
  };
  it('keeps only what differs from the stored figures, blank meaning not collected', () => {
    const r = checkSchoolEdits(
      school,
      { attendance_rate: '90', dropout_rate: '', literacy_rate: 'n/c', numeracy_rate: '0' },
      '2026-T1',
      new Set(),
    );
    expect(r.changed).toEqual({ dropout_rate: null, numeracy_rate: 0 });
    expect(r.problems).toEqual([]);
  });

  it('reports unreadable text, errors and unconfirmed warnings caused by the changes', () => {
    const texts = { attendance_rate: '9O', dropout_rate: '30', vulnerable_reached: '12' };
    const r = checkSchoolEdits(school, texts, '2026-T1', new Set());
    expect(r.unreadable).toEqual([{ indicator: 'attendance_rate', text: '9O' }]);
    expect(r.problems.map((p) => p.code)).toEqual(['reached_over_identified', 'big_change']);
    expect(r.unconfirmed.map((p) => p.code)).toEqual(['big_change']);
    expect(editCounts([r])).toEqual({ changed: 2, errors: 2, toConfirm: 1 });
    const confirmed = checkSchoolEdits(school, texts, '2026-T1', new Set(['s1:dropout_rate:big_change']));
    expect(confirmed.unconfirmed).toEqual([]);
  });
});
