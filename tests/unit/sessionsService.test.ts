import { describe, expect, it } from 'vitest';
import { derivedId } from '../../electron/db/ids.ts';
import { getSession, listSessions } from '../../electron/services/sessions/detail.ts';
import {
  cancelSession,
  draftPlan,
  savePlan,
  type PracticeSource,
} from '../../electron/services/sessions/plan.ts';
import { saveRecord } from '../../electron/services/sessions/record.ts';
import type { PlanDraft } from '../../shared/contract/sessions.ts';
import type { PamojaError } from '../../shared/errors.ts';
import type { RecordInput } from '../../shared/sessions/record.ts';
import { tempStore } from './helpers.ts';
import { changeCount, smallRegion, type SmallRegion } from './sessionsRegion.ts';

/** Records what the plan asked for, and answers with the region's two practices. */
function fakeSource(r: SmallRegion, asked: unknown[]): PracticeSource {
  return (_store, query) => {
    asked.push(query);
    return [
      { id: r.practices.visits, title: 'Parent visitation groups', summary: 's', why: ['Worked 4 km away'] },
      { id: r.practices.radio, title: 'Radio lessons', summary: 's', why: [] },
    ];
  };
}

function plan(store: ReturnType<typeof tempStore>, r: SmallRegion, date = '2026-03-10'): PlanDraft {
  return draftPlan(
    store,
    { clusterId: r.mtwapa, date, kind: 'meeting', mode: 'in_person', problem: 'girls leave', lang: 'en' },
    fakeSource(r, []),
  );
}

function planned(store: ReturnType<typeof tempStore>, r: SmallRegion, date = '2026-03-10'): string {
  const { problem: _p, ...input } = plan(store, r, date);
  return savePlan(store, input).id;
}

const emptyRecord = (sessionId: string): RecordInput => ({
  sessionId,
  attendance: [],
  reviews: [],
  commitments: [],
  practicesShared: [],
  adoptions: [],
  notes: '',
  peerReview: null,
});

describe('planning a session', () => {
  it('builds the agenda from the cluster: overdue commitments first, its priority indicator, recommendations', () => {
    const store = tempStore();
    const r = smallRegion(store);
    const asked: unknown[] = [];
    const draft = draftPlan(
      store,
      {
        clusterId: r.mtwapa,
        date: '2026-03-10',
        kind: 'meeting',
        mode: 'phone',
        problem: 'girls leave',
        lang: 'en',
      },
      fakeSource(r, asked),
    );
    const review = draft.items.find((i) => i.kind === 'commitments_review');
    expect(review?.kind === 'commitments_review' && review.commitments.map((c) => [c.id, c.overdue])).toEqual(
      [
        [r.commitments.longOverdue, true],
        [r.commitments.justOverdue, true],
        [r.commitments.notDue, false],
      ],
    );

    const data = draft.items.find((i) => i.kind === 'data_spotlight');
    const s = data?.kind === 'data_spotlight' ? data.spotlight : null;
    expect(s?.indicator).toBe('transition_rate_girls');
    expect(s?.priority).toBe('girls_transition');
    expect([s?.term, s?.previousTerm]).toEqual(['2026-T1', '2025-T3']);
    expect(s?.schools.map((x) => [x.name, x.current, x.previous])).toEqual([
      ['Jumba Primary', 84, 80],
      ['Kidutani Primary', 72, 70],
      ['Mzambarauni Primary', 63, 60],
    ]);
    expect(s?.cluster).toEqual({ name: 'Mtwapa CoP', current: 73, previous: 70 });
    // Declared neighbours only (not far-away Malindi), each on the same two terms.
    expect(s?.neighbours).toEqual([
      { id: r.rabai, name: 'Rabai CoP', current: 66, previous: null },
      { id: r.shimo, name: 'Shimo la Tewa CoP', current: 78, previous: 75 },
    ]);
    expect(data?.notes).toMatch(/before the call/);

    expect(asked).toEqual([{ clusterId: r.mtwapa, problem: 'girls leave', limit: 3, lang: 'en' }]);
    const practice = draft.items.find((i) => i.kind === 'practice_spotlight');
    expect(practice?.kind === 'practice_spotlight' && practice.practices.map((p) => p.id)).toEqual([
      r.practices.visits,
      r.practices.radio,
    ]);
    // The peer-review slot suggests a host that has not hosted yet: the weakest school.
    const peer = draft.items.find((i) => i.kind === 'peer_review');
    expect(peer?.kind === 'peer_review' && peer.hostSchoolName).toBe('Mzambarauni Primary');
  });

  it('spotlights the next priority when the first has no figures', () => {
    const store = tempStore();
    const r = smallRegion(store, ['numeracy', 'attendance']);
    const data = plan(store, r).items.find((i) => i.kind === 'data_spotlight');
    expect(data?.kind === 'data_spotlight' && data.spotlight?.indicator).toBe('attendance_rate');
  });

  it('stores the plan as a planned session and saves edits to it', () => {
    const store = tempStore();
    const r = smallRegion(store);
    const draft = plan(store, r);
    const { problem: _p, ...input } = draft;
    const { id } = savePlan(store, { ...input, place: 'Jumba Primary' });
    const stored = getSession(store, id);
    expect(stored.status).toBe('planned');
    expect(stored.agenda.items).toEqual(draft.items);

    const reordered = [draft.items[2]!, ...draft.items.filter((_, i) => i !== 2)];
    savePlan(store, { ...input, id, items: reordered, title: 'March meeting' });
    const again = getSession(store, id);
    expect(again.agenda.items.map((i) => i.id)).toEqual(reordered.map((i) => i.id));
    expect(again.title).toBe('March meeting');
    expect(
      listSessions(store, { clusterId: r.mtwapa, limit: 10, offset: 0 }).sessions.map((s) => s.id),
    ).toEqual([id, r.pastSession]);

    expect(() => savePlan(store, { ...input, id, items: [draft.items[0]!, draft.items[0]!] })).toThrow(
      /two items/,
    );
    cancelSession(store, id);
    expect(getSession(store, id).status).toBe('cancelled');
  });
});

describe('recording a session', () => {
  it('commits attendance, reviews, new commitments and adoptions in one go, and reviewing updates commitments', () => {
    const store = tempStore();
    const r = smallRegion(store);
    const id = planned(store, r);
    const m = r.members;
    const newId = '6f1c1a52-8a3e-4a57-9a2e-1d5b2b6c0a11';
    saveRecord(store, {
      ...emptyRecord(id),
      attendance: [
        { memberId: m.amina, status: 'present' },
        { memberId: m.baraka, status: 'apologies' },
        { memberId: m.chausiku, status: 'present' },
      ],
      reviews: [
        { commitmentId: r.commitments.longOverdue, outcome: 'done', note: '', newDueDate: null },
        {
          commitmentId: r.commitments.justOverdue,
          outcome: 'not_done',
          note: 'rains',
          newDueDate: '2026-04-15',
        },
        {
          commitmentId: r.commitments.notDue,
          outcome: 'dropped',
          note: 'noticeboard removed',
          newDueDate: null,
        },
      ],
      commitments: [
        {
          id: newId,
          ownerMemberId: m.amina,
          action: 'Start a reading corner',
          dueDate: '2026-04-30',
          witnesses: [m.chausiku],
        },
      ],
      practicesShared: [r.practices.visits],
      adoptions: [{ practiceId: r.practices.visits, schoolId: r.schools.kidutani }],
      notes: 'Good turnout',
    });

    const d = getSession(store, id);
    expect(d.status).toBe('held');
    expect(d.notes).toBe('Good turnout');
    expect(
      store.db.prepare('SELECT id FROM attendance WHERE session_id = ? ORDER BY id').pluck().all(id),
    ).toEqual([m.amina, m.baraka, m.chausiku].map((x) => derivedId('attendance', id, x)).sort());
    const status = (cid: string) =>
      store.db.prepare('SELECT status, due_date AS due FROM commitments WHERE id = ?').get(cid);
    expect(status(r.commitments.longOverdue)).toEqual({ status: 'done', due: '2026-02-01' });
    // Not done but carried forward: open again, with its new date.
    expect(status(r.commitments.justOverdue)).toEqual({ status: 'open', due: '2026-04-15' });
    expect(status(r.commitments.notDue)).toEqual({ status: 'dropped', due: '2026-04-01' });
    expect(d.made).toMatchObject([
      { id: newId, ownerName: 'Amina Said', status: 'open', witnesses: [m.chausiku] },
    ]);
    expect(d.practicesShared.map((p) => p.id)).toEqual([r.practices.visits]);
    expect(d.adoptions).toMatchObject([{ practiceId: r.practices.visits, schoolName: 'Kidutani Primary' }]);
    expect(store.db.prepare('SELECT outcome, adopted_on FROM adoptions').all()).toEqual([
      { outcome: 'pending', adopted_on: '2026-03-10' },
    ]);
  });

  it('saving again replaces the record: attendance, reviews and commitments no longer listed are undone', () => {
    const store = tempStore();
    const r = smallRegion(store);
    const id = planned(store, r);
    const newId = '6f1c1a52-8a3e-4a57-9a2e-1d5b2b6c0a12';
    const first: RecordInput = {
      ...emptyRecord(id),
      attendance: [{ memberId: r.members.amina, status: 'present' }],
      reviews: [{ commitmentId: r.commitments.longOverdue, outcome: 'done', note: '', newDueDate: null }],
      commitments: [
        { id: newId, ownerMemberId: r.members.amina, action: 'x', dueDate: '2026-04-30', witnesses: [] },
      ],
      adoptions: [{ practiceId: r.practices.radio, schoolId: null }],
    };
    saveRecord(store, first);
    saveRecord(store, first); // saving twice changes nothing more
    expect(store.db.prepare('SELECT count(*) FROM commitment_reviews').pluck().get()).toBe(1);

    saveRecord(store, {
      ...emptyRecord(id),
      attendance: [{ memberId: r.members.baraka, status: 'present' }],
    });
    const d = getSession(store, id);
    expect(d.attendance).toEqual([{ memberId: r.members.baraka, status: 'present' }]);
    expect(d.made).toEqual([]);
    expect(d.toReview.every((c) => c.review === null)).toBe(true);
    expect(
      store.db.prepare('SELECT status FROM commitments WHERE id = ?').pluck().get(r.commitments.longOverdue),
    ).toBe('open');
    expect(store.db.prepare('SELECT count(*) FROM adoptions').pluck().get()).toBe(0);
  });

  it('refuses a bad record with a message naming the field, and writes nothing', () => {
    const store = tempStore();
    const r = smallRegion(store);
    const id = planned(store, r);
    const before = changeCount(store);
    const attempt = (record: Partial<RecordInput>): PamojaError => {
      try {
        saveRecord(store, { ...emptyRecord(id), ...record });
      } catch (e) {
        return e as PamojaError;
      }
      throw new Error('expected the record to be refused');
    };
    expect(
      attempt({
        reviews: [{ commitmentId: r.commitments.notDue, outcome: 'dropped', note: ' ', newDueDate: null }],
      }).message,
    ).toBe('reviews[0]: a dropped commitment needs a reason');
    expect(attempt({ attendance: [{ memberId: r.members.other, status: 'present' }] }).message).toBe(
      'attendance[0].memberId: not a member of this cluster',
    );
    expect(
      attempt({
        commitments: [
          {
            id: '6f1c1a52-8a3e-4a57-9a2e-1d5b2b6c0a13',
            ownerMemberId: r.members.amina,
            action: 'x',
            dueDate: '2026-03-01',
            witnesses: [],
          },
        ],
      }).message,
    ).toBe('commitments[0]: the due date cannot be before the session');
    expect(attempt({ practicesShared: [r.mtwapa] }).message).toBe('practicesShared[0]: no such practice');
    expect(
      attempt({
        peerReview: { hostSchoolId: null, enquiryQuestion: 'q', evidence: '', findings: '' },
      }).message,
    ).toMatch(/only a peer-review visit/);
    expect(changeCount(store)).toBe(before);
    expect(getSession(store, id).status).toBe('planned');
  });

  it('a commitment closed at one session cannot be reviewed again at the next', () => {
    const store = tempStore();
    const r = smallRegion(store);
    const march = planned(store, r, '2026-03-10');
    saveRecord(store, {
      ...emptyRecord(march),
      reviews: [{ commitmentId: r.commitments.longOverdue, outcome: 'done', note: '', newDueDate: null }],
    });
    const april = planned(store, r, '2026-04-10');
    const review = getSession(store, april).toReview.map((c) => c.id);
    expect(review).not.toContain(r.commitments.longOverdue);
    expect(() =>
      saveRecord(store, {
        ...emptyRecord(april),
        reviews: [{ commitmentId: r.commitments.longOverdue, outcome: 'partly', note: '', newDueDate: null }],
      }),
    ).toThrow('reviews[0]: this commitment was already closed at another session');
  });

  it('records a peer-review visit: host, question, evidence, findings, workshop actions as commitments', () => {
    const store = tempStore();
    const r = smallRegion(store);
    const visit = draftPlan(
      store,
      {
        clusterId: r.mtwapa,
        date: '2026-03-20',
        kind: 'peer_review',
        mode: 'in_person',
        problem: '',
        lang: 'en',
      },
      fakeSource(r, []),
    );
    expect(visit.title).toBe('Peer review at Mzambarauni Primary');
    const { problem: _p, ...input } = visit;
    const { id } = savePlan(store, input);
    expect(getSession(store, id).hostSchool?.name).toBe('Mzambarauni Primary');
    expect(getSession(store, id).enquiryQuestion).toMatch(/girls at Mzambarauni Primary/);

    const action = '6f1c1a52-8a3e-4a57-9a2e-1d5b2b6c0a14';
    saveRecord(store, {
      ...emptyRecord(id),
      attendance: [
        { memberId: r.members.amina, status: 'present' },
        { memberId: r.members.baraka, status: 'present' },
      ],
      commitments: [
        {
          id: action,
          ownerMemberId: r.members.chausiku,
          action: 'Mentoring circle for Grade 7 girls',
          dueDate: '2026-05-01',
          witnesses: [r.members.amina, r.members.baraka],
        },
      ],
      peerReview: {
        hostSchoolId: r.schools.mzambarauni,
        enquiryQuestion: 'Why do girls at Mzambarauni not move on?',
        evidence: 'Talked with 6 girls and 3 parents',
        findings: 'Fees and distance to the day secondary',
      },
    });
    const d = getSession(store, id);
    expect([d.status, d.evidence, d.findings]).toEqual([
      'held',
      'Talked with 6 girls and 3 parents',
      'Fees and distance to the day secondary',
    ]);
    expect(d.made.map((c) => c.action)).toEqual(['Mentoring circle for Grade 7 girls']);
    // The next visit rotates to a school that has not hosted.
    const next = draftPlan(
      store,
      {
        clusterId: r.mtwapa,
        date: '2026-06-01',
        kind: 'peer_review',
        mode: 'in_person',
        problem: '',
        lang: 'en',
      },
      fakeSource(r, []),
    );
    expect(next.title).toBe('Peer review at Kidutani Primary');
  });
});
