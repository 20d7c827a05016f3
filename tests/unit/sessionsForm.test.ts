import { describe, expect, it } from 'vitest';
import { getSession } from '../../electron/services/sessions/detail.ts';
import { draftPlan, savePlan } from '../../electron/services/sessions/plan.ts';
import { saveRecord } from '../../electron/services/sessions/record.ts';
import { completionPoints } from '../../shared/sessions/chart.ts';
import { draftToRecord } from '../../shared/sessions/record.ts';
import { initialRecordDraft, recordFacts, withDefaultWitnesses } from '../../shared/sessions/recordForm.ts';
import { tempStore } from './helpers.ts';
import { smallRegion } from './sessionsRegion.ts';

describe('the record form', () => {
  it('starts empty for a planned session and round-trips a saved record unchanged', () => {
    const store = tempStore();
    const r = smallRegion(store);
    const { problem: _p, ...plan } = draftPlan(
      store,
      {
        clusterId: r.mtwapa,
        date: '2026-03-10',
        kind: 'meeting',
        mode: 'in_person',
        problem: '',
        lang: 'en',
      },
      () => [{ id: r.practices.radio, title: 'Radio lessons', summary: '', why: [] }],
    );
    const { id } = savePlan(store, plan);
    const blank = initialRecordDraft(getSession(store, id));
    expect(blank).toMatchObject({
      attendance: {},
      reviews: {},
      commitments: [],
      practicesShared: [],
      notes: '',
    });
    expect(blank.practiceTitles).toEqual({ [r.practices.radio]: 'Radio lessons' });

    const record = {
      sessionId: id,
      attendance: [
        { memberId: r.members.amina, status: 'present' as const },
        { memberId: r.members.baraka, status: 'present' as const },
      ],
      reviews: [
        {
          commitmentId: r.commitments.longOverdue,
          outcome: 'partly' as const,
          note: 'half the map',
          newDueDate: null,
        },
      ],
      commitments: [
        {
          id: '6f1c1a52-8a3e-4a57-9a2e-1d5b2b6c0a21',
          ownerMemberId: r.members.amina,
          action: 'Reading corner',
          dueDate: '2026-04-30',
          witnesses: [r.members.baraka],
        },
      ],
      practicesShared: [r.practices.radio],
      adoptions: [{ practiceId: r.practices.radio, schoolId: r.schools.jumba }],
      notes: 'Notes',
      peerReview: null,
    };
    saveRecord(store, record);
    const detail = getSession(store, id);
    const again = draftToRecord(initialRecordDraft(detail), recordFacts(detail));
    expect(again).toEqual({ ok: true, record });
  });

  it('a commitment with no witnesses picked is witnessed by everyone present but its owner', () => {
    const draft = withDefaultWitnesses({
      attendance: { a: 'present', b: 'present', c: 'apologies', d: 'present' },
      reviews: {},
      commitments: [
        { id: 'x', ownerMemberId: 'a', action: 'one', dueDate: '2026-04-01', witnesses: [] },
        { id: 'y', ownerMemberId: 'b', action: 'two', dueDate: '2026-04-01', witnesses: ['c'] },
        { id: 'z', ownerMemberId: '', action: '', dueDate: '', witnesses: [] },
      ],
      practicesShared: [],
      adoptions: [],
      notes: '',
      practiceTitles: {},
      peerReview: { hostSchoolId: null, enquiryQuestion: '', evidence: '', findings: '' },
    });
    expect(draft.commitments.map((c) => c.witnesses)).toEqual([['b', 'd'], ['c'], []]);
  });
});

describe('completion chart points', () => {
  it('are whole percentages, with gaps where nothing counted', () => {
    expect(
      completionPoints([
        { period: '2026-T1', due: 4, rate: 0.375 },
        { period: '2026-T2', due: 1, rate: null },
      ]),
    ).toEqual([
      { period: '2026-T1', percent: 38, due: 4 },
      { period: '2026-T2', percent: null, due: 1 },
    ]);
  });
});
