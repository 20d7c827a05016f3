import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  findSamePractices,
  groupSamePractices,
  practiceLikeness,
  samePractice,
  type PracticeWriteUp,
} from '../../shared/practices/samePractice.ts';
import { numbered, practiceLibrary } from '../../electron/demo/library/index.ts';

const demo: PracticeWriteUp[] = practiceLibrary.map((p) => ({
  title: p.title,
  summary: p.summary,
  problem: p.problem,
  steps: numbered(p.steps),
}));

const walk: PracticeWriteUp = {
  title: 'Mothers walk younger girls to school on market days',
  summary:
    'On market days mothers who go to the market walk the younger girls of their village to school in a group, so girls are not kept at home to mind stalls.',
  problem: 'Girls miss school on market days.',
  steps: '1. List the girls per village. 2. Agree a meeting point with the mothers. 3. Walk together at 7.',
};

describe('the same practice', () => {
  it('calls two write-ups of one practice the same, in other words and order', () => {
    const rewritten: PracticeWriteUp = {
      title: 'Market-day walking groups: mothers walk young girls to school',
      summary:
        'Mothers going to the market on market day walk younger girls from the village to school together, so the girls are not kept home to mind the stall.',
      problem: 'On market days girls miss school.',
      steps: '1. Agree a meeting point with mothers. 2. List girls by village. 3. Walk together.',
    };
    const l = practiceLikeness(walk, rewritten);
    expect(l.same).toBe(true);
    expect(l.score).toBeGreaterThan(0.6);
    expect(l.shared).toEqual(expect.arrayContaining(['market', 'concept:girls']));
    expect(samePractice(rewritten, walk)).toBe(true);
  });

  it('knows the same steps under another title, and the same title with a short note', () => {
    expect(samePractice(walk, { ...walk, title: 'Walking groups on market day' })).toBe(true);
    expect(
      samePractice(walk, {
        title: walk.title,
        summary: 'Mothers walk the younger girls to school together on market days.',
      }),
    ).toBe(true);
  });

  it('tells apart the different practices of the demo library (no two are the same)', () => {
    expect(groupSamePractices(demo).every((g) => g.length === 1)).toBe(true);
  });

  it('tells apart practices on one subject done differently', () => {
    const radio = demo.find((p) => p.title.startsWith('Radio lessons'))!;
    const timetables = demo.find((p) => p.title.startsWith('Radio timetables'))!;
    expect(samePractice(radio, timetables)).toBe(false);
  });

  it('groups joined-up sameness, first members first, and finds a practice’s twins', () => {
    const b = { ...walk, title: 'Walking groups on market day' };
    const c = { ...b, summary: `${b.summary} Fathers help on Saturdays.` };
    const other = demo[0]!;
    const groups = groupSamePractices([other, walk, b, c]);
    expect(groups).toEqual([[other], [walk, b, c]]);
    expect(findSamePractices(walk, [other, b, c, walk]).map((m) => m.practice)).toEqual(
      expect.arrayContaining([b, c]),
    );
    expect(findSamePractices(walk, [other, walk])).toEqual([]);
  });

  it('is symmetric and a write-up is always the same as itself', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: demo.length - 1 }),
        fc.integer({ min: 0, max: demo.length - 1 }),
        (i, j) => {
          const a = practiceLikeness(demo[i]!, demo[j]!);
          const b = practiceLikeness(demo[j]!, demo[i]!);
          expect(a.same).toBe(b.same);
          expect(a.score).toBeCloseTo(b.score, 12);
          expect(practiceLikeness(demo[i]!, demo[i]!).same).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('never calls empty write-ups the same', () => {
    expect(samePractice({ title: '', summary: '' }, { title: '', summary: '' })).toBe(false);
  });
});
