import { z } from 'zod';

/** Words used in the field documents; stored as these codes, shown translated. */
export const memberRoles = [
  'headteacher',
  'deputy',
  'teacher',
  'improvement_champion',
  'leader_of_learning',
  'coach',
] as const;
export const MemberRole = z.enum(memberRoles);
export type MemberRole = z.infer<typeof MemberRole>;

export const schoolSettings = ['rural', 'peri_urban', 'urban'] as const;
export const SchoolSetting = z.enum(schoolSettings);
export type SchoolSetting = z.infer<typeof SchoolSetting>;

export const priorityTags = [
  'girls_transition',
  'attendance',
  'early_literacy',
  'numeracy',
  'wellbeing',
  'parent_engagement',
  'vulnerable_learners',
  'teacher_collaboration',
] as const;
export const PriorityTag = z.enum(priorityTags);
export type PriorityTag = z.infer<typeof PriorityTag>;

export const sessionKinds = ['meeting', 'peer_review'] as const;
export const SessionKind = z.enum(sessionKinds);
export type SessionKind = z.infer<typeof SessionKind>;
export const sessionModes = ['in_person', 'phone', 'whatsapp'] as const;
export const SessionMode = z.enum(sessionModes);
export type SessionMode = z.infer<typeof SessionMode>;
export const sessionStatuses = ['planned', 'held', 'cancelled'] as const;
export const SessionStatus = z.enum(sessionStatuses);
export type SessionStatus = z.infer<typeof SessionStatus>;

export const attendanceStatuses = ['present', 'apologies', 'absent'] as const;
export const AttendanceStatus = z.enum(attendanceStatuses);
export type AttendanceStatus = z.infer<typeof AttendanceStatus>;

export const commitmentStatuses = ['open', 'done', 'partly', 'not_done', 'dropped'] as const;
export const CommitmentStatus = z.enum(commitmentStatuses);
export type CommitmentStatus = z.infer<typeof CommitmentStatus>;
export const reviewOutcomes = ['done', 'partly', 'not_done', 'dropped'] as const;
export const ReviewOutcome = z.enum(reviewOutcomes);
export type ReviewOutcome = z.infer<typeof ReviewOutcome>;

export const costLevels = ['none', 'low', 'medium', 'high'] as const;
export const CostLevel = z.enum(costLevels);
export type CostLevel = z.infer<typeof CostLevel>;
export const practiceSettings = ['rural', 'peri_urban', 'urban', 'any'] as const;
export const PracticeSetting = z.enum(practiceSettings);
export type PracticeSetting = z.infer<typeof PracticeSetting>;
export const schoolSizes = ['small', 'medium', 'large', 'any'] as const;
export const SchoolSize = z.enum(schoolSizes);
export type SchoolSize = z.infer<typeof SchoolSize>;

export const evidenceKinds = ['indicator', 'story'] as const;
export const EvidenceKind = z.enum(evidenceKinds);
export type EvidenceKind = z.infer<typeof EvidenceKind>;
export const adoptionOutcomes = ['pending', 'improved', 'no_change', 'worse'] as const;
export const AdoptionOutcome = z.enum(adoptionOutcomes);
export type AdoptionOutcome = z.infer<typeof AdoptionOutcome>;

/**
 * Termly indicators, one column each in `indicators`. Rates are percentages (0-100),
 * counts are whole numbers. `better` says which direction is an improvement.
 */
export const indicatorDefs = {
  enrolment_girls: { kind: 'count', better: 'up' },
  enrolment_boys: { kind: 'count', better: 'up' },
  attendance_rate: { kind: 'rate', better: 'up' },
  dropout_rate: { kind: 'rate', better: 'down' },
  dropout_rate_girls: { kind: 'rate', better: 'down' },
  repetition_rate: { kind: 'rate', better: 'down' },
  transition_rate: { kind: 'rate', better: 'up' },
  transition_rate_girls: { kind: 'rate', better: 'up' },
  literacy_rate: { kind: 'rate', better: 'up' },
  numeracy_rate: { kind: 'rate', better: 'up' },
  vulnerable_identified: { kind: 'count', better: 'up' },
  vulnerable_reached: { kind: 'count', better: 'up' },
} as const satisfies Record<string, { kind: 'count' | 'rate'; better: 'up' | 'down' }>;
export type IndicatorName = keyof typeof indicatorDefs;
export const indicatorNames = Object.keys(indicatorDefs) as [IndicatorName, ...IndicatorName[]];
export const IndicatorName = z.enum(indicatorNames);

/** A school term, e.g. "2026-T1". Terms sort as strings. */
export const Term = z.string().regex(/^\d{4}-T[1-3]$/, 'a term like 2026-T1');
/** A calendar date, YYYY-MM-DD. */
export const IsoDate = z.iso.date();
