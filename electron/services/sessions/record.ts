import { PamojaError } from '../../../shared/errors.ts';
import type { CommitmentStatus, ReviewOutcome } from '../../../shared/schema/enums.ts';
import { parseAgenda, type AdoptionAgreed } from '../../../shared/sessions/agenda.ts';
import type { RecordInput } from '../../../shared/sessions/record.ts';
import {
  commitmentProblem,
  isOutstanding,
  latestReview,
  problemText,
  reviewProblem,
  statusAfterReview,
} from '../../../shared/sessions/rules.ts';
import { derivedId } from '../../db/ids.ts';
import type { Store } from '../../db/store.ts';
import type { Writer } from '../../db/writer.ts';
import { clearDraft } from './drafts.ts';
import { commitmentsMadeAt, membersOf, reviewsOf, schoolsOf, sessionRow, type ReviewRow } from './sql.ts';

const reviewId = (commitmentId: string, sessionId: string): string =>
  derivedId('commitment_review', commitmentId, sessionId);
const adoptionId = (sessionId: string, a: AdoptionAgreed): string =>
  derivedId('adoption', sessionId, a.practiceId, a.schoolId ?? '');

interface CommitmentFacts {
  id: string;
  cluster_id: string;
  session_id: string | null;
  status: CommitmentStatus;
  made_on: string | null;
}

const invalid = (path: string, message: string): PamojaError =>
  new PamojaError('invalid', `${path}: ${message}`, path);

function noDuplicates(values: string[], path: string): void {
  const seen = new Set<string>();
  values.forEach((v, i) => {
    if (seen.has(v)) throw invalid(`${path}[${i}]`, 'appears twice');
    seen.add(v);
  });
}

/**
 * Checks the whole record against the store before anything is written, so a bad record
 * leaves the store untouched and the message names the first bad field.
 */
function check(store: Store, r: RecordInput) {
  const session = sessionRow(store, r.sessionId);
  if (session.status === 'cancelled')
    throw new PamojaError('conflict', 'This session was cancelled; it has no record.');
  const memberIds = new Set(membersOf(store, session.cluster_id).map((m) => m.id));
  const schoolIds = new Set(schoolsOf(store, session.cluster_id).map((s) => s.id));

  noDuplicates(
    r.attendance.map((a) => a.memberId),
    'attendance',
  );
  r.attendance.forEach((a, i) => {
    if (!memberIds.has(a.memberId))
      throw invalid(`attendance[${i}].memberId`, 'not a member of this cluster');
  });

  noDuplicates(
    r.reviews.map((x) => x.commitmentId),
    'reviews',
  );
  const commitmentFacts = new Map<string, CommitmentFacts>();
  const facts = store.statements.get(
    `SELECT c.id, c.cluster_id, c.session_id, c.status, s.date AS made_on
     FROM commitments c LEFT JOIN sessions s ON s.id = c.session_id WHERE c.id = ?`,
  );
  const allReviews = reviewsOf(
    store,
    r.reviews.map((x) => x.commitmentId),
  );
  r.reviews.forEach((review, i) => {
    const path = `reviews[${i}]`;
    const c = facts.get(review.commitmentId) as CommitmentFacts | undefined;
    if (!c || c.cluster_id !== session.cluster_id)
      throw invalid(`${path}.commitmentId`, 'not a commitment of this cluster');
    if (c.made_on !== null && c.made_on > session.date) {
      throw invalid(`${path}.commitmentId`, 'this commitment was made after the session');
    }
    const mine = allReviews.filter((x) => x.commitmentId === c.id);
    const latest = latestReview(mine);
    const closedElsewhere =
      !isOutstanding(c.status) &&
      latest !== undefined &&
      latest.sessionId !== session.id &&
      !mine.some((x) => x.sessionId === session.id);
    const problem = reviewProblem(review, {
      sessionId: session.id,
      sessionDate: session.date,
      madeAtSessionId: c.session_id,
      closedElsewhere,
    });
    if (problem) throw invalid(path, problemText[problem]);
    commitmentFacts.set(c.id, c);
  });

  noDuplicates(
    r.commitments.map((c) => c.id),
    'commitments',
  );
  r.commitments.forEach((c, i) => {
    const problem = commitmentProblem(c, session.date, memberIds);
    if (problem) throw invalid(`commitments[${i}]`, problemText[problem]);
    const existing = facts.get(c.id) as CommitmentFacts | undefined;
    if (existing && existing.session_id !== session.id) {
      throw new PamojaError('conflict', `commitments[${i}]: this id belongs to a commitment made elsewhere`);
    }
  });

  const practiceExists = store.statements.get('SELECT 1 FROM practices WHERE id = ?');
  r.practicesShared.forEach((id, i) => {
    if (!practiceExists.get(id)) throw invalid(`practicesShared[${i}]`, 'no such practice');
  });
  noDuplicates(
    r.adoptions.map((a) => `${a.practiceId}/${a.schoolId ?? ''}`),
    'adoptions',
  );
  r.adoptions.forEach((a, i) => {
    if (!practiceExists.get(a.practiceId)) throw invalid(`adoptions[${i}].practiceId`, 'no such practice');
    if (a.schoolId !== null && !schoolIds.has(a.schoolId)) {
      throw invalid(`adoptions[${i}].schoolId`, 'not a school of this cluster');
    }
  });

  if (r.peerReview && session.kind !== 'peer_review') {
    throw invalid('peerReview', 'only a peer-review visit has findings and an enquiry question');
  }
  if (r.peerReview?.hostSchoolId && !schoolIds.has(r.peerReview.hostSchoolId)) {
    throw invalid('peerReview.hostSchoolId', 'not a school of this cluster');
  }
  return { session, commitmentFacts };
}

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
  const { session } = check(store, r);
  const agenda = parseAgenda(session.agenda);

  store.write((w) => {
    // Attendance: one row per member and session (derived id), so two laptops merge.
    const keep = new Set(r.attendance.map((a) => derivedId('attendance', session.id, a.memberId)));
    const current = store.statements
      .get('SELECT id FROM attendance WHERE session_id = ?')
      .all(session.id) as {
      id: string;
    }[];
    for (const { id } of current) if (!keep.has(id)) w.remove('attendance', id);
    for (const a of r.attendance) {
      const id = derivedId('attendance', session.id, a.memberId);
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
