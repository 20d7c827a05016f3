import { describe, expect, it } from 'vitest';
import { checkTypedEvidence, type TypedEvidence } from '../../shared/practices/evidenceForm.ts';
import { practiceProblemMessages } from '../../shared/practices/messages.ts';
import { translator } from '../../shared/i18n.ts';
import { practiceWriteMessages } from '../../renderer/i18n/practices.ts';
import { removalMessages } from '../../renderer/i18n/removals.ts';
import { tableNames } from '../../shared/schema/tables.ts';

const PRACTICE = '11111111-1111-4111-8111-111111111111';
const TODAY = '2026-03-12';
const typed = (patch: Partial<TypedEvidence> = {}): TypedEvidence => ({
  kind: 'indicator',
  indicator: 'literacy_rate',
  beforeValue: '41',
  afterValue: '58,5',
  beforePeriod: '2025-T1',
  afterPeriod: ' 2025-T3 ',
  schoolsCount: '3',
  clusterId: '',
  story: '',
  recordedOn: TODAY,
  ...patch,
});

describe('evidence as the coach types it', () => {
  it('becomes the evidence the service takes once every field makes sense', () => {
    expect(checkTypedEvidence(PRACTICE, typed(), TODAY)).toEqual({
      problems: {},
      input: {
        kind: 'indicator',
        practiceId: PRACTICE,
        indicator: 'literacy_rate',
        beforeValue: 41,
        afterValue: 58.5,
        beforePeriod: '2025-T1',
        afterPeriod: '2025-T3',
        schoolsCount: 3,
        clusterId: null,
        story: '',
        recordedOn: TODAY,
      },
    });
    const story = checkTypedEvidence(
      PRACTICE,
      typed({ kind: 'story', story: 'Parents came', beforeValue: '' }),
      TODAY,
    );
    expect(story.input).toMatchObject({ kind: 'story', story: 'Parents came', schoolsCount: 3 });
  });

  it('names each field that is not yet a number or a period, then the shared rules', () => {
    const cases: [Partial<TypedEvidence>, Record<string, string>][] = [
      [
        { beforeValue: '', afterValue: 'abc' },
        { beforeValue: 'not_number', afterValue: 'not_number' },
      ],
      [
        { beforePeriod: 'last year', afterPeriod: '2025-T4' },
        { beforePeriod: 'period_format', afterPeriod: 'period_format' },
      ],
      [{ schoolsCount: '2.5' }, { schoolsCount: 'whole_number' }],
      [{ afterValue: '140' }, { afterValue: 'value_impossible' }],
      [{ afterPeriod: '2024' }, { afterPeriod: 'after_not_later' }],
      [{ afterPeriod: '2027' }, { afterPeriod: 'period_in_future' }],
      [{ recordedOn: '2026-03-13' }, { recordedOn: 'recorded_in_future' }],
      [{ kind: 'story', story: '  ' }, { story: 'story_required' }],
    ];
    for (const [patch, problems] of cases) {
      const checked = checkTypedEvidence(PRACTICE, typed(patch), TODAY);
      expect([patch, checked.problems]).toEqual([patch, problems]);
      expect(checked.input).toBeNull();
    }
  });

  it('has words for every problem in both languages', () => {
    const codes = [
      'not_number',
      'period_format',
      'whole_number',
      'value_impossible',
      'story_required',
    ] as const;
    for (const code of codes) {
      expect(practiceProblemMessages.en[code]).toMatch(/\.$/);
      expect(practiceProblemMessages.sw[code]).not.toBe(practiceProblemMessages.en[code]);
    }
  });
});

describe('the practice screens’ counts, in both languages', () => {
  const en = translator(practiceWriteMessages, 'en');
  const sw = translator(practiceWriteMessages, 'sw');
  it('says 1 piece of evidence, 2 pieces, and none in words', () => {
    expect([0, 1, 2].map((n) => en('ev.count', { n }))).toEqual([
      'No evidence yet',
      '1 piece of evidence',
      '2 pieces of evidence',
    ]);
    expect([0, 1, 2].map((n) => sw('ev.count', { n }))).toEqual([
      'Bado hakuna ushahidi',
      'Ushahidi 1',
      'Ushahidi 2',
    ]);
    expect([0, 1, 3].map((n) => en('ad.count', { n }))).toEqual([
      'Not adopted yet',
      '1 adoption',
      '3 adoptions',
    ]);
    expect(en('ad.saved', { n: 1 })).toBe('1 school adopts it; record the outcome when it is known.');
    expect(en('ad.saved', { n: 2 })).toBe('2 schools adopt it; record the outcome when it is known.');
    expect(sw('ad.saved', { n: 1 })).toBe('Shule 1 inaiga; rekodi matokeo yakijulikana.');
    expect(sw('ad.saved', { n: 2 })).toBe('Shule 2 zinaiga; rekodi matokeo yakijulikana.');
  });
  it('words a merge with what moved, never “1 adoption(s)”', () => {
    expect(en('mg.done', { evidence: 1, adoptions: 0 })).toBe(
      'Merged: 1 piece of evidence and no adoption moved here.',
    );
    expect(en('mg.done', { evidence: 2, adoptions: 1 })).toBe(
      'Merged: 2 pieces of evidence and 1 adoption moved here.',
    );
    expect(sw('mg.done', { evidence: 0, adoptions: 2 })).toBe(
      'Zimeunganishwa: hakuna ushahidi na shule 2 zilizoiga vimehamia hapa.',
    );
    expect(en('pw.fix', { n: 1 })).toBe('1 thing to fix before saving — see the notes in red.');
    expect(sw('pw.fix', { n: 3 })).toBe(
      'Mambo 3 ya kurekebisha kabla ya kuhifadhi — tazama maelezo mekundu.',
    );
    for (const lang of [practiceWriteMessages.en, practiceWriteMessages.sw])
      for (const text of Object.values(lang)) expect(text).not.toMatch(/\(s\)|went wrong/);
  });
});

describe('Recently removed and Undo', () => {
  it('name every kind of synced row in both languages (a removal lists what went with it)', () => {
    for (const table of tableNames) {
      expect(removalMessages.en[`removals.rows.${table}` as keyof typeof removalMessages.en]).toMatch(
        /plural/,
      );
      expect(removalMessages.sw[`removals.rows.${table}` as keyof typeof removalMessages.sw]).toMatch(
        /plural/,
      );
    }
  });
});
