import { describe, expect, it } from 'vitest';
import { derivedId } from '../../electron/db/ids.ts';
import { recommend } from '../../electron/services/recommend/service.ts';
import { getSession } from '../../electron/services/sessions/detail.ts';
import { draftPlan, savePlan } from '../../electron/services/sessions/plan.ts';
import { saveRecord } from '../../electron/services/sessions/record.ts';
import type { PamojaError } from '../../shared/errors.ts';
import type { RecordInput } from '../../shared/sessions/record.ts';
import { tempStore } from './helpers.ts';
import { changeCount, emptyRecord, fakeSource, planned, smallRegion } from './sessionsRegion.ts';

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

describe('practices shared at a session', () => {
  it('feed the recommendations as "shared at session", and are taken back when the record drops them', () => {
    const store = tempStore();
    const r = smallRegion(store);
    const id = planned(store, r);
    saveRecord(store, { ...emptyRecord(id), practicesShared: [r.practices.radio, r.practices.visits] });
    const marks = () =>
      store.db
        .prepare(
          `SELECT practice_id AS practiceId, session_id AS sessionId, given_on AS givenOn, retracted_on AS retractedOn
           FROM recommendation_feedback WHERE kind = 'shared' ORDER BY practice_id`,
        )
        .all();
    expect(marks()).toEqual(
      [r.practices.radio, r.practices.visits]
        .sort()
        .map((practiceId) => ({ practiceId, sessionId: id, givenOn: '2026-03-10', retractedOn: null })),
    );
    const radio = recommend(store, {
      clusterId: r.mtwapa,
      problem: 'radio lessons parents',
      limit: 5,
    }).results.find((x) => x.practiceId === r.practices.radio);
    expect(radio?.feedback.sharedOn).toBe('2026-03-10');

    saveRecord(store, { ...emptyRecord(id), practicesShared: [r.practices.visits] });
    expect(marks()).toEqual(
      expect.arrayContaining([
        { practiceId: r.practices.radio, sessionId: id, givenOn: '2026-03-10', retractedOn: '2026-03-10' },
        { practiceId: r.practices.visits, sessionId: id, givenOn: '2026-03-10', retractedOn: null },
      ]),
    );
  });
});
