import type { SessionDetail } from '../contract/sessions.ts';
import type { DraftFacts, RecordDraft } from './record.ts';

/**
 * The record form's starting point for a session: what is already recorded (when a held
 * session is corrected) or an empty form, plus the facts the shared rules check against.
 */
export function initialRecordDraft(s: SessionDetail): RecordDraft {
  const titles: Record<string, string> = {};
  for (const item of s.agenda.items) {
    if (item.kind === 'practice_spotlight') for (const p of item.practices) titles[p.id] = p.title;
  }
  for (const p of s.practicesShared) titles[p.id] = p.title;
  for (const a of s.adoptions) if (a.practiceTitle) titles[a.practiceId] = a.practiceTitle;
  return {
    attendance: Object.fromEntries(s.attendance.map((a) => [a.memberId, a.status])),
    reviews: Object.fromEntries(
      s.toReview.flatMap((c) =>
        c.review ? [[c.id, { outcome: c.review.outcome, note: c.review.note, newDueDate: '' }]] : [],
      ),
    ),
    commitments: s.made.map((c) => ({
      id: c.id,
      ownerMemberId: c.ownerMemberId,
      action: c.action,
      dueDate: c.dueDate,
      witnesses: c.witnesses,
    })),
    practicesShared: s.practicesShared.map((p) => p.id),
    adoptions: s.adoptions.map((a) => ({ practiceId: a.practiceId, schoolId: a.schoolId })),
    notes: s.notes,
    practiceTitles: titles,
    peerReview: {
      hostSchoolId: s.hostSchool?.id ?? null,
      enquiryQuestion: s.enquiryQuestion,
      evidence: s.evidence,
      findings: s.findings,
    },
  };
}

export function recordFacts(s: SessionDetail): DraftFacts {
  return {
    sessionId: s.id,
    sessionDate: s.date,
    memberIds: new Set(s.members.map((m) => m.id)),
    toReview: new Map(
      s.toReview.map((c) => [c.id, { madeAtSessionId: c.madeAtSessionId, closedElsewhere: false }]),
    ),
    isPeerReview: s.kind === 'peer_review',
  };
}

/** A commitment with no witnesses picked was witnessed by the group: everyone present but its owner. */
export function withDefaultWitnesses(draft: RecordDraft): RecordDraft {
  const present = Object.entries(draft.attendance)
    .filter(([, status]) => status === 'present')
    .map(([id]) => id);
  return {
    ...draft,
    commitments: draft.commitments.map((c) =>
      c.witnesses.length || !c.ownerMemberId
        ? c
        : { ...c, witnesses: present.filter((m) => m !== c.ownerMemberId) },
    ),
  };
}
