import { PamojaError } from '../../../shared/errors.ts';
import type { CommitmentStatus } from '../../../shared/schema/enums.ts';
import type { RecordInput } from '../../../shared/sessions/record.ts';
import {
  commitmentProblem,
  isOutstanding,
  latestReview,
  problemText,
  reviewProblem,
} from '../../../shared/sessions/rules.ts';
import type { Store } from '../../db/store.ts';
import { membersOf, reviewsOf, schoolsOf, sessionRow } from './sql.ts';

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
export function checkRecord(store: Store, r: RecordInput) {
  const session = sessionRow(store, r.sessionId);
  if (session.status === 'cancelled')
    throw new PamojaError('conflict', 'This session was cancelled; it has no record.');
  const memberIds = new Set(membersOf(store, session.cluster_id, session.date).map((m) => m.id));
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
