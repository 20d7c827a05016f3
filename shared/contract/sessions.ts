import { z } from 'zod';
import { languages } from '../i18n.ts';
import {
  AttendanceStatus,
  CommitmentStatus,
  IsoDate,
  MemberRole,
  ReviewOutcome,
  SessionKind,
  SessionMode,
  SessionStatus,
} from '../schema/enums.ts';
import { Id } from '../schema/tables.ts';
import { AgendaItem, SessionAgenda } from '../sessions/agenda.ts';
import { RecordDraft, RecordInput } from '../sessions/record.ts';
import { op } from './define.ts';

const Lang = z.enum(languages);
const Ref = z.object({ id: z.string(), name: z.string() });

export const SessionListItem = z.object({
  id: z.string(),
  clusterId: z.string(),
  clusterName: z.string(),
  kind: SessionKind,
  mode: SessionMode,
  status: SessionStatus,
  date: z.string(),
  title: z.string(),
  present: z.number(),
  commitmentsMade: z.number(),
  /** A record draft is waiting on this laptop. */
  hasDraft: z.boolean(),
});
export type SessionListItem = z.infer<typeof SessionListItem>;

/** The plan of a session: what "Save plan" stores and what the plan screen edits. */
export const PlanInput = z.object({
  /** Absent for a new session. */
  id: Id.optional(),
  clusterId: Id,
  kind: SessionKind,
  mode: SessionMode,
  date: IsoDate,
  place: z.string().max(200),
  title: z.string().max(300),
  items: z.array(AgendaItem).max(40),
});
export type PlanInput = z.infer<typeof PlanInput>;

/** The plan form as the coach edits it; kept as a local draft until saved. */
export const PlanDraft = PlanInput.extend({ problem: z.string().max(500) });
export type PlanDraft = z.infer<typeof PlanDraft>;

export const ToReview = z.object({
  id: z.string(),
  action: z.string(),
  ownerMemberId: z.string(),
  ownerName: z.string(),
  dueDate: z.string(),
  status: CommitmentStatus,
  overdue: z.boolean(),
  madeOn: z.string().nullable(),
  madeAtSessionId: z.string().nullable(),
  review: z.object({ outcome: ReviewOutcome, note: z.string() }).nullable(),
});
export type ToReview = z.infer<typeof ToReview>;

export const SessionDetail = z.object({
  id: z.string(),
  clusterId: z.string(),
  clusterName: z.string(),
  kind: SessionKind,
  mode: SessionMode,
  status: SessionStatus,
  date: z.string(),
  place: z.string(),
  title: z.string(),
  notes: z.string(),
  agenda: SessionAgenda,
  hostSchool: Ref.nullable(),
  enquiryQuestion: z.string(),
  evidence: z.string(),
  findings: z.string(),
  members: z.array(z.object({ id: z.string(), name: z.string(), role: MemberRole, schoolName: z.string() })),
  schools: z.array(Ref),
  attendance: z.array(z.object({ memberId: z.string(), status: AttendanceStatus })),
  toReview: z.array(ToReview),
  made: z.array(
    z.object({
      id: z.string(),
      ownerMemberId: z.string(),
      ownerName: z.string(),
      action: z.string(),
      dueDate: z.string(),
      witnesses: z.array(z.string()),
      status: CommitmentStatus,
    }),
  ),
  practicesShared: z.array(z.object({ id: z.string(), title: z.string() })),
  adoptions: z.array(
    z.object({
      practiceId: z.string(),
      practiceTitle: z.string(),
      schoolId: z.string().nullable(),
      schoolName: z.string().nullable(),
    }),
  ),
});
export type SessionDetail = z.infer<typeof SessionDetail>;

export const DraftKey = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('record'), sessionId: Id }),
  /**
   * A new session's plan draft is kept per kind, so a meeting being planned does not stand
   * in the way of planning a peer-review visit for the same cluster.
   */
  z.object({
    kind: z.literal('plan'),
    clusterId: Id,
    sessionId: Id.nullable(),
    sessionKind: SessionKind.optional(),
  }),
]);
export type DraftKey = z.infer<typeof DraftKey>;
export const DraftData = z.union([
  z.object({ kind: z.literal('record'), record: RecordDraft }),
  z.object({ kind: z.literal('plan'), plan: PlanDraft }),
]);
export type DraftData = z.infer<typeof DraftData>;

export const OverdueCommitment = z.object({
  id: z.string(),
  clusterId: z.string(),
  action: z.string(),
  ownerName: z.string(),
  dueDate: z.string(),
  daysOverdue: z.number(),
  status: CommitmentStatus,
});
export type OverdueCommitment = z.infer<typeof OverdueCommitment>;

export const CompletionPoint = z.object({
  period: z.string(),
  due: z.number(),
  done: z.number(),
  partly: z.number(),
  notDone: z.number(),
  dropped: z.number(),
  unreviewed: z.number(),
  rate: z.number().nullable(),
});

const PeriodKind = z.enum(['term', 'month']);

export const ClusterFollowUp = z.object({
  clusterId: z.string(),
  clusterName: z.string(),
  open: z.number(),
  overdue: z.array(OverdueCommitment),
  series: z.array(CompletionPoint),
  rate: z.number().nullable(),
});
export type ClusterFollowUp = z.infer<typeof ClusterFollowUp>;

export const RegionFollowUp = z.object({
  periods: z.array(z.string()),
  series: z.array(CompletionPoint),
  rate: z.number().nullable(),
  clusters: z.array(
    z.object({
      clusterId: z.string(),
      clusterName: z.string(),
      open: z.number(),
      overdue: z.number(),
      rate: z.number().nullable(),
      /** Rate per period of `periods` (null where nothing was due). */
      rates: z.array(z.number().nullable()),
    }),
  ),
});
export type RegionFollowUp = z.infer<typeof RegionFollowUp>;

export const sessionOps = {
  'sessions.list': op(
    z.object({
      clusterId: Id.optional(),
      limit: z.number().int().min(1).max(500).default(100),
      offset: z.number().int().min(0).default(0),
    }),
    z.object({ total: z.number(), sessions: z.array(SessionListItem) }),
  ),
  'sessions.get': op(z.object({ id: Id }), SessionDetail),
  /** A fresh draft agenda for a cluster's next session; nothing is stored. */
  'sessions.draftPlan': op(
    z.object({
      clusterId: Id,
      date: IsoDate,
      kind: SessionKind.default('meeting'),
      mode: SessionMode.default('in_person'),
      problem: z.string().max(500).default(''),
      lang: Lang.default('en'),
    }),
    PlanDraft,
  ),
  /** Stores a plan: a new planned session, or the edited plan of an existing one. */
  'sessions.savePlan': op(PlanInput, z.object({ id: z.string() })),
  'sessions.cancel': op(z.object({ id: Id }), z.object({ ok: z.literal(true) })),
  /** Commits the whole record in one transaction, marks the session held, clears the draft. */
  'sessions.saveRecord': op(
    RecordInput,
    z.object({ id: z.string(), reviews: z.number(), commitments: z.number(), adoptions: z.number() }),
  ),
  'sessions.getDraft': op(DraftKey, z.object({ data: DraftData, savedAt: z.number() }).nullable()),
  'sessions.saveDraft': op(z.object({ key: DraftKey, data: DraftData }), z.object({ savedAt: z.number() })),
  'sessions.clearDraft': op(DraftKey, z.object({ ok: z.literal(true) })),
  /** The printable plan: a standalone HTML document (A4, inline CSS and SVG). */
  'sessions.handout': op(
    z.object({ id: Id, lang: Lang.default('en') }),
    z.object({ html: z.string(), fileName: z.string() }),
  ),
  'sessions.followUp': op(
    z.object({ clusterId: Id, by: PeriodKind.default('term'), today: IsoDate.optional() }),
    ClusterFollowUp,
  ),
  'sessions.regionFollowUp': op(
    z.object({ by: PeriodKind.default('term'), today: IsoDate.optional() }),
    RegionFollowUp,
  ),
};
