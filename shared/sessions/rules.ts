import type { CommitmentStatus, ReviewOutcome } from '../schema/enums.ts';

/**
 * The rules of commitments and their review, in one place: the services enforce them,
 * the record screen checks them as the coach types (showing the same problem in the UI
 * language), and the completion figures are computed from them.
 */

/** Statuses still to be reviewed at the next meeting. `partly` stays on the group's list. */
export const OUTSTANDING: readonly CommitmentStatus[] = ['open', 'partly'];
export const isOutstanding = (status: CommitmentStatus): boolean => OUTSTANDING.includes(status);

/** Overdue: still outstanding and its due date is before `onDate` (due today is not late). */
export const isOverdue = (c: { status: CommitmentStatus; dueDate: string }, onDate: string): boolean =>
  isOutstanding(c.status) && c.dueDate < onDate;

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export type ReviewProblem =
  | 'reason_required'
  | 'new_due_only_when_unfinished'
  | 'new_due_after_session'
  | 'made_at_this_session'
  | 'closed_at_another_session';

export interface ReviewEntry {
  outcome: ReviewOutcome;
  note: string;
  /** Carry an unfinished commitment forward to this date. */
  newDueDate: string | null;
}

export interface ReviewFacts {
  sessionId: string;
  sessionDate: string;
  /** The session the commitment was made at, if any. */
  madeAtSessionId: string | null;
  /** True if a review at another session already closed it (done, dropped or not done). */
  closedElsewhere: boolean;
}

/** Why this review cannot be recorded, or null if it can. */
export function reviewProblem(review: ReviewEntry, facts: ReviewFacts): ReviewProblem | null {
  if (facts.madeAtSessionId === facts.sessionId) return 'made_at_this_session';
  if (facts.closedElsewhere) return 'closed_at_another_session';
  if (review.outcome === 'dropped' && review.note.trim() === '') return 'reason_required';
  if (review.newDueDate !== null) {
    if (review.outcome === 'done' || review.outcome === 'dropped') return 'new_due_only_when_unfinished';
    if (review.newDueDate <= facts.sessionDate) return 'new_due_after_session';
  }
  return null;
}

/**
 * The commitment's status once reviewed. Not done closes it unless the group carries it
 * forward to a new date, which reopens it; partly done stays outstanding either way.
 */
export function statusAfterReview(outcome: ReviewOutcome, newDueDate: string | null): CommitmentStatus {
  if (outcome === 'not_done' && newDueDate !== null) return 'open';
  return outcome;
}

/** The review that decides a commitment's status: the latest by date, then by session date. */
export function latestReview<R extends { reviewedOn: string }>(reviews: readonly R[]): R | undefined {
  let latest: R | undefined;
  for (const r of reviews) if (!latest || r.reviewedOn >= latest.reviewedOn) latest = r;
  return latest;
}

export type CommitmentProblem =
  | 'owner_required'
  | 'owner_not_member'
  | 'action_required'
  | 'due_required'
  | 'due_before_session'
  | 'witness_not_member'
  | 'owner_as_witness';

export interface CommitmentEntry {
  ownerMemberId: string;
  action: string;
  dueDate: string;
  witnesses: readonly string[];
}

/** Why a new commitment cannot be recorded, or null. `memberIds`: the cluster's members. */
export function commitmentProblem(
  c: CommitmentEntry,
  sessionDate: string,
  memberIds: ReadonlySet<string>,
): CommitmentProblem | null {
  if (!c.ownerMemberId) return 'owner_required';
  if (!memberIds.has(c.ownerMemberId)) return 'owner_not_member';
  if (!c.action.trim()) return 'action_required';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(c.dueDate)) return 'due_required';
  if (c.dueDate < sessionDate) return 'due_before_session';
  if (c.witnesses.some((w) => !memberIds.has(w))) return 'witness_not_member';
  if (c.witnesses.includes(c.ownerMemberId)) return 'owner_as_witness';
  return null;
}

/** English wording of each problem, for services and the CLI (the UI translates the codes). */
export const problemText: Record<ReviewProblem | CommitmentProblem, string> = {
  reason_required: 'a dropped commitment needs a reason',
  new_due_only_when_unfinished: 'only an unfinished commitment (partly or not done) can get a new due date',
  new_due_after_session: 'the new due date must be after the session',
  made_at_this_session: 'a commitment is reviewed at a later session than the one it was made at',
  closed_at_another_session: 'this commitment was already closed at another session',
  owner_required: 'choose who owns the commitment',
  owner_not_member: 'the owner must be a member of the cluster',
  action_required: 'say what will be done',
  due_required: 'give a due date',
  due_before_session: 'the due date cannot be before the session',
  witness_not_member: 'witnesses must be members of the cluster',
  owner_as_witness: 'the owner cannot witness their own commitment',
};
