import { describe, expect, it } from 'vitest';
import { completionSeries, overallRate, termOf } from '../../shared/sessions/completion.ts';
import { draftToRecord, type RecordDraft } from '../../shared/sessions/record.ts';
import {
  commitmentProblem,
  daysBetween,
  isOverdue,
  latestReview,
  reviewProblem,
  statusAfterReview,
} from '../../shared/sessions/rules.ts';

const facts = { sessionId: 's2', sessionDate: '2026-03-10', madeAtSessionId: 's1', closedElsewhere: false };

describe('commitment review rules', () => {
  it('a dropped commitment needs a reason; other outcomes do not', () => {
    expect(reviewProblem({ outcome: 'dropped', note: '  ', newDueDate: null }, facts)).toBe(
      'reason_required',
    );
    expect(
      reviewProblem({ outcome: 'dropped', note: 'school closed for floods', newDueDate: null }, facts),
    ).toBeNull();
    expect(reviewProblem({ outcome: 'not_done', note: '', newDueDate: null }, facts)).toBeNull();
    expect(reviewProblem({ outcome: 'done', note: '', newDueDate: null }, facts)).toBeNull();
  });

  it('only an unfinished commitment can be carried forward, and only to a later date', () => {
    expect(reviewProblem({ outcome: 'done', note: '', newDueDate: '2026-04-01' }, facts)).toBe(
      'new_due_only_when_unfinished',
    );
    expect(reviewProblem({ outcome: 'partly', note: '', newDueDate: '2026-03-10' }, facts)).toBe(
      'new_due_after_session',
    );
    expect(reviewProblem({ outcome: 'not_done', note: '', newDueDate: '2026-04-01' }, facts)).toBeNull();
  });

  it('a commitment is not reviewed at the session that made it, nor again once closed elsewhere', () => {
    const entry = { outcome: 'done' as const, note: '', newDueDate: null };
    expect(reviewProblem(entry, { ...facts, madeAtSessionId: 's2' })).toBe('made_at_this_session');
    expect(reviewProblem(entry, { ...facts, closedElsewhere: true })).toBe('closed_at_another_session');
  });

  it('reviewing sets the status: not done closes it unless carried forward, partly stays open', () => {
    expect(statusAfterReview('done', null)).toBe('done');
    expect(statusAfterReview('dropped', null)).toBe('dropped');
    expect(statusAfterReview('partly', null)).toBe('partly');
    expect(statusAfterReview('partly', '2026-05-01')).toBe('partly');
    expect(statusAfterReview('not_done', null)).toBe('not_done');
    expect(statusAfterReview('not_done', '2026-05-01')).toBe('open');
  });

  it('the latest review decides', () => {
    expect(
      latestReview([
        { id: 'x', reviewedOn: '2026-03-10' },
        { id: 'y', reviewedOn: '2026-01-20' },
      ])?.id,
    ).toBe('x');
    expect(latestReview([])).toBeUndefined();
  });

  it('overdue means outstanding and due before the day (due today is not late)', () => {
    expect(isOverdue({ status: 'open', dueDate: '2026-03-09' }, '2026-03-10')).toBe(true);
    expect(isOverdue({ status: 'partly', dueDate: '2026-03-09' }, '2026-03-10')).toBe(true);
    expect(isOverdue({ status: 'open', dueDate: '2026-03-10' }, '2026-03-10')).toBe(false);
    expect(isOverdue({ status: 'done', dueDate: '2026-01-01' }, '2026-03-10')).toBe(false);
    expect(isOverdue({ status: 'not_done', dueDate: '2026-01-01' }, '2026-03-10')).toBe(false);
    expect(daysBetween('2026-02-27', '2026-03-02')).toBe(3);
  });
});

describe('new commitment rules', () => {
  const members = new Set(['m1', 'm2', 'm3']);
  const ok = { ownerMemberId: 'm1', action: 'Visit homes', dueDate: '2026-04-01', witnesses: ['m2'] };
  it('needs an owner among the members, an action, a due date not before the session, member witnesses', () => {
    expect(commitmentProblem(ok, '2026-03-10', members)).toBeNull();
    expect(commitmentProblem({ ...ok, ownerMemberId: '' }, '2026-03-10', members)).toBe('owner_required');
    expect(commitmentProblem({ ...ok, ownerMemberId: 'x' }, '2026-03-10', members)).toBe('owner_not_member');
    expect(commitmentProblem({ ...ok, action: '   ' }, '2026-03-10', members)).toBe('action_required');
    expect(commitmentProblem({ ...ok, dueDate: '' }, '2026-03-10', members)).toBe('due_required');
    expect(commitmentProblem({ ...ok, dueDate: '2026-03-09' }, '2026-03-10', members)).toBe(
      'due_before_session',
    );
    expect(commitmentProblem({ ...ok, witnesses: ['m2', 'x'] }, '2026-03-10', members)).toBe(
      'witness_not_member',
    );
    expect(commitmentProblem({ ...ok, witnesses: ['m1'] }, '2026-03-10', members)).toBe('owner_as_witness');
  });
});

describe('completion rates', () => {
  const c = (dueDate: string, status: 'open' | 'done' | 'partly' | 'not_done' | 'dropped') => ({
    dueDate,
    status,
  });

  it('counts commitments in the period they fell due, once due: done 1, partly ½, dropped left out', () => {
    const series = completionSeries(
      [
        c('2026-01-10', 'done'),
        c('2026-01-20', 'partly'),
        c('2026-02-05', 'not_done'),
        c('2026-02-10', 'dropped'),
        c('2026-02-28', 'open'),
        c('2026-05-02', 'done'),
        c('2026-06-01', 'open'), // not due yet on 2026-05-15: not counted
      ],
      '2026-05-15',
      'term',
    );
    expect(series.map((p) => p.period)).toEqual(['2026-T1', '2026-T2']);
    expect(series[0]).toMatchObject({ due: 5, done: 1, partly: 1, notDone: 1, dropped: 1, unreviewed: 1 });
    expect(series[0]!.rate).toBeCloseTo(1.5 / 4);
    expect(series[1]).toMatchObject({ due: 1, done: 1, rate: 1 });
    expect(overallRate(series)).toBeCloseTo(2.5 / 5);
  });

  it('by month, and with nothing counted the rate is null, not zero', () => {
    const series = completionSeries(
      [c('2026-01-10', 'done'), c('2026-02-10', 'dropped')],
      '2026-03-01',
      'month',
    );
    expect(series.map((p) => [p.period, p.rate])).toEqual([
      ['2026-01', 1],
      ['2026-02', null],
    ]);
    expect(overallRate([])).toBeNull();
  });

  it('maps dates to school terms', () => {
    expect(
      ['2026-01-05', '2026-04-30', '2026-05-01', '2026-08-31', '2026-09-01', '2026-12-31'].map(termOf),
    ).toEqual(['2026-T1', '2026-T1', '2026-T2', '2026-T2', '2026-T3', '2026-T3']);
  });
});

describe('draftToRecord', () => {
  const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const [amina, baraka, c1, c2, newC, practice] = [1, 2, 3, 4, 5, 6].map(uuid) as [string, ...string[]];
  const draftFacts = {
    sessionId: uuid(9),
    sessionDate: '2026-03-10',
    memberIds: new Set([amina, baraka!]),
    toReview: new Map([
      [c1!, { madeAtSessionId: uuid(8), closedElsewhere: false }],
      [c2!, { madeAtSessionId: uuid(8), closedElsewhere: false }],
    ]),
    isPeerReview: false,
  };
  const draft: RecordDraft = {
    attendance: { [amina]: 'present', [baraka!]: 'apologies', stranger: 'present' },
    reviews: {
      [c1!]: { outcome: 'done', note: '', newDueDate: '' },
      [c2!]: { outcome: null, note: 'half typed', newDueDate: '' },
    },
    commitments: [
      {
        id: newC!,
        ownerMemberId: amina,
        action: ' Start a reading corner ',
        dueDate: '2026-04-10',
        witnesses: [baraka!, baraka!],
      },
      { id: uuid(7), ownerMemberId: '', action: '', dueDate: '', witnesses: [] },
    ],
    practicesShared: [practice!, practice!],
    adoptions: [],
    notes: 'Good meeting',
    practiceTitles: {},
    peerReview: { hostSchoolId: null, enquiryQuestion: '', evidence: '', findings: '' },
  };

  it('keeps what is filled in, skips blank rows and unanswered reviews, and tidies', () => {
    const r = draftToRecord(draft, draftFacts);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.record.attendance).toEqual([
      { memberId: amina, status: 'present' },
      { memberId: baraka, status: 'apologies' },
    ]);
    expect(r.record.reviews).toEqual([{ commitmentId: c1, outcome: 'done', note: '', newDueDate: null }]);
    expect(r.record.commitments).toEqual([
      {
        id: newC,
        ownerMemberId: amina,
        action: 'Start a reading corner',
        dueDate: '2026-04-10',
        witnesses: [baraka],
      },
    ]);
    expect(r.record.practicesShared).toEqual([practice]);
    expect(r.record.peerReview).toBeNull();
  });

  it('reports each problem where it is, with the shared rules', () => {
    const r = draftToRecord(
      {
        ...draft,
        reviews: { [c1!]: { outcome: 'dropped', note: '', newDueDate: '' } },
        commitments: [{ id: newC!, ownerMemberId: amina, action: 'x', dueDate: '2026-03-01', witnesses: [] }],
      },
      draftFacts,
    );
    expect(r).toEqual({
      ok: false,
      problems: [
        { where: 'review', commitmentId: c1, problem: 'reason_required' },
        { where: 'commitment', index: 0, problem: 'due_before_session' },
      ],
    });
  });
});
