import { PamojaError } from '../../../shared/errors.ts';
import type { ReviewOutcome } from '../../../shared/schema/enums.ts';
import { parseAgenda, type AdoptionAgreed } from '../../../shared/sessions/agenda.ts';
import type { RecordInput } from '../../../shared/sessions/record.ts';
import { latestReview, statusAfterReview } from '../../../shared/sessions/rules.ts';
import { attendanceId, derivedId } from '../../db/ids.ts';
import type { Store } from '../../db/store.ts';
import type { Writer } from '../../db/writer.ts';
import { giveFeedback, undoFeedback } from '../recommend/feedback.ts';
import { clearDraft } from './drafts.ts';
import { checkRecord } from './recordCheck.ts';
import { commitmentsMadeAt, reviewsOf, type ReviewRow } from './sql.ts';

const reviewId = (commitmentId: string, sessionId: string): string =>
  derivedId('commitment_review', commitmentId, sessionId);
const adoptionId = (sessionId: string, a: AdoptionAgreed): string =>
  derivedId('adoption', sessionId, a.practiceId, a.schoolId ?? '');

/** Sets a commitment's status from its latest review (or back to open when none is left). */
function settleStatus(
  w: Writer,
  commitmentId: string,
  reviews: readonly ReviewRow[],
  saved: { id: string; outcome: ReviewOutcome; newDueDate: string | null } | null,
): void {
  const latest = latestReview(reviews);
  if (!latest) {
    w.update('commitments', commitmentId, { status: 'open' });
    return;
  }
  if (saved && latest.id === saved.id) {
    w.update('commitments', commitmentId, {
      status: statusAfterReview(saved.outcome, saved.newDueDate),
      ...(saved.newDueDate ? { due_date: saved.newDueDate } : {}),
    });
  } else if (!saved) {
    w.update('commitments', commitmentId, { status: latest.outcome as ReviewOutcome });
  }
  // Otherwise a later session's review decides the status; this correction leaves it be.
}

/**
 * Commits a session's record in one write transaction: attendance, reviews (which update
 * their commitments), new commitments, practices shared, adoptions agreed and notes. Saving
 * again replaces the earlier record of this session; then the draft is cleared.
 */
export function saveRecord(store: Store, r: RecordInput) {
  const { session } = checkRecord(store, r);
  const agenda = parseAgenda(session.agenda);

  store.write((w) => {
    // Attendance: one row per member and session (derived id), so two laptops merge.
    const keep = new Set(r.attendance.map((a) => attendanceId(session.id, a.memberId)));
    const current = store.statements
      .get('SELECT id FROM attendance WHERE session_id = ?')
      .all(session.id) as {
      id: string;
    }[];
    for (const { id } of current) if (!keep.has(id)) w.remove('attendance', id);
    for (const a of r.attendance) {
      const id = attendanceId(session.id, a.memberId);
      if (current.some((c) => c.id === id)) w.update('attendance', id, { status: a.status });
      else w.insert('attendance', { id, session_id: session.id, member_id: a.memberId, status: a.status });
    }

    // Reviews, and the commitments' status they decide.
    const reviewed = new Set(r.reviews.map((x) => x.commitmentId));
    const earlier = store.statements
      .get('SELECT id, commitment_id AS commitmentId FROM commitment_reviews WHERE session_id = ?')
      .all(session.id) as { id: string; commitmentId: string }[];
    for (const old of earlier) {
      if (reviewed.has(old.commitmentId)) continue;
      w.remove('commitment_reviews', old.id);
      settleStatus(w, old.commitmentId, reviewsOf(store, [old.commitmentId]), null);
    }
    for (const review of r.reviews) {
      const id = reviewId(review.commitmentId, session.id);
      const row = { outcome: review.outcome, note: review.note.trim(), reviewed_on: session.date };
      if (earlier.some((e) => e.id === id)) w.update('commitment_reviews', id, row);
      else
        w.insert('commitment_reviews', {
          id,
          commitment_id: review.commitmentId,
          session_id: session.id,
          ...row,
        });
      settleStatus(w, review.commitmentId, reviewsOf(store, [review.commitmentId]), { id, ...review });
    }

    // Commitments made at this session: the form's list replaces the earlier one.
    const made = commitmentsMadeAt(store, session.id);
    const listed = new Set(r.commitments.map((c) => c.id));
    for (const old of made) {
      if (listed.has(old.id)) continue;
      if (reviewsOf(store, [old.id]).length) {
        throw new PamojaError('conflict', `“${old.action}” has already been reviewed; it cannot be removed.`);
      }
      w.remove('commitments', old.id);
    }
    for (const c of r.commitments) {
      const row = {
        owner_member_id: c.ownerMemberId,
        action: c.action,
        due_date: c.dueDate,
        witnesses: JSON.stringify(c.witnesses),
      };
      if (made.some((m) => m.id === c.id)) w.update('commitments', c.id, row);
      else
        w.insert('commitments', {
          id: c.id,
          cluster_id: session.cluster_id,
          session_id: session.id,
          status: 'open',
          ...row,
        });
    }

    // Practices shared count as "shared at session" for the recommendations (their table,
    // their write function; it joins this transaction). One no longer listed is taken back.
    const shared = new Set(r.practicesShared);
    for (const practiceId of r.practicesShared) {
      giveFeedback(store, {
        clusterId: session.cluster_id,
        practiceId,
        kind: 'shared',
        sessionId: session.id,
        on: session.date,
      });
    }
    const earlierShared = store.statements
      .get(
        `SELECT id, practice_id AS practiceId FROM recommendation_feedback
         WHERE session_id = ? AND kind = 'shared' AND retracted_on IS NULL`,
      )
      .all(session.id) as { id: string; practiceId: string }[];
    for (const f of earlierShared) if (!shared.has(f.practiceId)) undoFeedback(store, f.id, session.date);

    // Adoptions agreed; an earlier one no longer listed goes, unless its outcome was since recorded.
    const wanted = new Set(r.adoptions.map((a) => adoptionId(session.id, a)));
    for (const old of agenda.adoptionsAgreed) {
      const id = adoptionId(session.id, old);
      if (wanted.has(id)) continue;
      const row = store.statements.get('SELECT outcome FROM adoptions WHERE id = ?').get(id) as
        { outcome: string } | undefined;
      if (row?.outcome === 'pending') w.remove('adoptions', id);
    }
    for (const a of r.adoptions) {
      const id = adoptionId(session.id, a);
      if (store.statements.get('SELECT 1 FROM adoptions WHERE id = ?').get(id)) continue;
      w.insert('adoptions', {
        id,
        practice_id: a.practiceId,
        cluster_id: session.cluster_id,
        school_id: a.schoolId,
        adopted_on: session.date,
        outcome: 'pending',
        outcome_note: '',
        indicator: null,
      });
    }

    w.update('sessions', session.id, {
      status: 'held',
      notes: r.notes,
      agenda: JSON.stringify({ ...agenda, practicesShared: r.practicesShared, adoptionsAgreed: r.adoptions }),
      ...(r.peerReview
        ? {
            host_school_id: r.peerReview.hostSchoolId,
            enquiry_question: r.peerReview.enquiryQuestion,
            evidence: r.peerReview.evidence,
            findings: r.peerReview.findings,
          }
        : {}),
    });
    clearDraft(store, { kind: 'record', sessionId: session.id });
  });
  return {
    id: session.id,
    reviews: r.reviews.length,
    commitments: r.commitments.length,
    adoptions: r.adoptions.length,
  };
}
