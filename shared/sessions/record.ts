import { z } from 'zod';
import { AttendanceStatus, IsoDate, ReviewOutcome } from '../schema/enums.ts';
import { isUuid } from '../ids.ts';
import { Id } from '../schema/tables.ts';
import { commitmentProblem, reviewProblem, type CommitmentProblem, type ReviewProblem } from './rules.ts';

const longText = z.string().max(20_000);

export const PeerReviewRecord = z.object({
  hostSchoolId: Id.nullable(),
  enquiryQuestion: longText,
  evidence: longText,
  findings: longText,
});
export type PeerReviewRecord = z.infer<typeof PeerReviewRecord>;

/** Everything "Save record" commits, in one write transaction. */
export const RecordInput = z.object({
  sessionId: Id,
  attendance: z.array(z.object({ memberId: Id, status: AttendanceStatus })).max(500),
  reviews: z
    .array(
      z.object({
        commitmentId: Id,
        outcome: ReviewOutcome,
        note: z.string().max(2000),
        newDueDate: IsoDate.nullable(),
      }),
    )
    .max(500),
  /** New (or corrected) commitments made at this session; ids come from the form. */
  commitments: z
    .array(
      z.object({
        id: Id,
        ownerMemberId: Id,
        action: z.string().trim().min(1).max(2000),
        dueDate: IsoDate,
        witnesses: z.array(Id).max(100),
      }),
    )
    .max(200),
  practicesShared: z.array(Id).max(50),
  adoptions: z.array(z.object({ practiceId: Id, schoolId: Id.nullable() })).max(100),
  notes: longText,
  /** Only for peer-review visits. */
  peerReview: PeerReviewRecord.nullable(),
});
export type RecordInput = z.infer<typeof RecordInput>;

/**
 * The record form as the coach is filling it in: lenient (empty fields allowed), saved as
 * the coach types and restored on reopen. `draftToRecord` turns it into a RecordInput.
 */
export const RecordDraft = z.object({
  attendance: z.record(z.string(), AttendanceStatus),
  reviews: z.record(
    z.string(),
    z.object({
      outcome: ReviewOutcome.nullable(),
      note: z.string().max(2000),
      newDueDate: z.string().max(10),
    }),
  ),
  commitments: z
    .array(
      z.object({
        id: Id,
        ownerMemberId: z.string().max(40),
        action: z.string().max(2000),
        dueDate: z.string().max(10),
        witnesses: z.array(z.string().max(40)).max(100),
      }),
    )
    .max(200),
  practicesShared: z.array(z.string().max(40)).max(50),
  adoptions: z
    .array(z.object({ practiceId: z.string().max(40), schoolId: z.string().max(40).nullable() }))
    .max(100),
  notes: longText,
  /** Titles of the practices picked, so a restored draft can name them without a lookup. */
  practiceTitles: z.record(z.string(), z.string().max(300)).default({}),
  peerReview: z.object({
    hostSchoolId: z.string().max(40).nullable(),
    enquiryQuestion: longText,
    evidence: longText,
    findings: longText,
  }),
});
export type RecordDraft = z.infer<typeof RecordDraft>;

export type DraftProblem =
  | { where: 'review'; commitmentId: string; problem: ReviewProblem }
  | { where: 'commitment'; index: number; problem: CommitmentProblem };

export interface DraftFacts {
  sessionId: string;
  sessionDate: string;
  memberIds: ReadonlySet<string>;
  /** Per commitment on the review list: where it was made and whether it is already closed. */
  toReview: ReadonlyMap<string, { madeAtSessionId: string | null; closedElsewhere: boolean }>;
  isPeerReview: boolean;
}

/** Blank commitment rows (nothing typed yet) are ignored rather than reported. */
const isBlank = (c: RecordDraft['commitments'][number]): boolean =>
  !c.ownerMemberId && !c.action.trim() && !c.dueDate && c.witnesses.length === 0;

/** The record to save, or the problems that stop it, checked with the shared rules. */
export function draftToRecord(
  draft: RecordDraft,
  facts: DraftFacts,
): { ok: true; record: RecordInput } | { ok: false; problems: DraftProblem[] } {
  const problems: DraftProblem[] = [];
  const reviews: RecordInput['reviews'] = [];
  for (const [commitmentId, r] of Object.entries(draft.reviews)) {
    const review = facts.toReview.get(commitmentId);
    if (!review || r.outcome === null) continue;
    const entry = { outcome: r.outcome, note: r.note, newDueDate: r.newDueDate || null };
    const problem = reviewProblem(entry, {
      sessionId: facts.sessionId,
      sessionDate: facts.sessionDate,
      ...review,
    });
    if (problem) problems.push({ where: 'review', commitmentId, problem });
    else reviews.push({ commitmentId, ...entry });
  }
  const commitments: RecordInput['commitments'] = [];
  draft.commitments.forEach((c, index) => {
    if (isBlank(c)) return;
    const problem = commitmentProblem(c, facts.sessionDate, facts.memberIds);
    if (problem) problems.push({ where: 'commitment', index, problem });
    else commitments.push({ ...c, action: c.action.trim(), witnesses: [...new Set(c.witnesses)] });
  });
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    record: {
      sessionId: facts.sessionId,
      attendance: Object.entries(draft.attendance)
        .filter(([memberId]) => facts.memberIds.has(memberId))
        .map(([memberId, status]) => ({ memberId, status })),
      reviews,
      commitments,
      practicesShared: [...new Set(draft.practicesShared)].filter(isUuid),
      adoptions: draft.adoptions.filter((a) => isUuid(a.practiceId)),
      notes: draft.notes,
      peerReview: facts.isPeerReview
        ? {
            hostSchoolId: draft.peerReview.hostSchoolId || null,
            enquiryQuestion: draft.peerReview.enquiryQuestion,
            evidence: draft.peerReview.evidence,
            findings: draft.peerReview.findings,
          }
        : null,
    },
  };
}
