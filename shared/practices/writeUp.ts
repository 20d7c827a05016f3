import { z } from 'zod';
import { checkFigure } from '../indicators/rules.ts';
import {
  CostLevel,
  IndicatorName,
  IsoDate,
  PracticeSetting,
  PriorityTag,
  SchoolSize,
} from '../schema/enums.ts';
import { Id } from '../schema/tables.ts';

/**
 * A practice as the coach writes it down, and evidence as she adds it: the schemas the
 * contract validates, and the rules (pure) that the form checks as she types and the
 * service checks again before writing. Problems are codes; messages.ts words them.
 */
export const PracticeWriteUp = z.object({
  title: z.string().max(200),
  problem: z.string().max(20_000),
  summary: z.string().max(20_000),
  tags: z.array(PriorityTag).max(8),
  steps: z.array(z.string().max(2_000)).max(40),
  /** What it needs: materials, people's time, and roughly what it costs. */
  resources: z.string().max(20_000),
  /** The time it takes: a teacher's minutes a week, how long before it shows. */
  timeNeeded: z.string().max(2_000).default(''),
  cost: CostLevel,
  setting: PracticeSetting,
  schoolSize: SchoolSize,
  language: z.string().regex(/^[a-z]{2,3}$/, 'a language code like en or sw'),
  originClusterId: Id.nullable(),
  originSchoolId: Id.nullable(),
  originPlace: z.string().max(200),
  startedOn: IsoDate,
});
export type PracticeWriteUp = z.infer<typeof PracticeWriteUp>;

/** A year (2025) or a term (2025-T3): how evidence periods are written. */
export const Period = z.string().regex(/^\d{4}(-T[1-3])?$/, 'a year like 2025 or a term like 2025-T3');

export const EvidenceInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('indicator'),
    practiceId: Id,
    indicator: IndicatorName,
    beforeValue: z.number(),
    afterValue: z.number(),
    beforePeriod: Period,
    afterPeriod: Period,
    schoolsCount: z.number().int().min(0).max(100_000),
    clusterId: Id.nullable(),
    story: z.string().max(20_000).default(''),
    recordedOn: IsoDate,
  }),
  z.object({
    kind: z.literal('story'),
    practiceId: Id,
    story: z.string().max(20_000),
    clusterId: Id.nullable(),
    schoolsCount: z.number().int().min(0).max(100_000).default(0),
    recordedOn: IsoDate,
  }),
]);
export type EvidenceInput = z.infer<typeof EvidenceInput>;

export type WriteUpField = keyof PracticeWriteUp;
export type WriteUpProblemCode =
  | 'title_required'
  | 'problem_required'
  | 'tags_required'
  | 'steps_required'
  | 'origin_required'
  | 'started_in_future';
export interface WriteUpProblem {
  field: WriteUpField;
  code: WriteUpProblemCode;
}

/** What must be fixed before the write-up can be saved (empty when it can). */
export function writeUpProblems(w: PracticeWriteUp, today: string): WriteUpProblem[] {
  const out: WriteUpProblem[] = [];
  if (w.title.trim() === '') out.push({ field: 'title', code: 'title_required' });
  if (w.problem.trim() === '') out.push({ field: 'problem', code: 'problem_required' });
  if (w.tags.length === 0) out.push({ field: 'tags', code: 'tags_required' });
  if (!w.steps.some((s) => s.trim() !== '')) out.push({ field: 'steps', code: 'steps_required' });
  if (w.originClusterId === null && w.originPlace.trim() === '')
    out.push({ field: 'originClusterId', code: 'origin_required' });
  if (w.startedOn > today) out.push({ field: 'startedOn', code: 'started_in_future' });
  return out;
}

/** Steps as stored: one per line, blank ones dropped. */
export const stepsText = (steps: readonly string[]): string =>
  steps
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');

export type EvidenceField =
  'story' | 'beforeValue' | 'afterValue' | 'beforePeriod' | 'afterPeriod' | 'recordedOn';
export type EvidenceProblemCode =
  'story_required' | 'value_impossible' | 'after_not_later' | 'period_in_future' | 'recorded_in_future';
export interface EvidenceProblem {
  field: EvidenceField;
  code: EvidenceProblemCode;
}

/** The year of a period, or the term: "2026" → 2026, "2026-T2" → 2026-T2 (sortable as text). */
const periodYear = (p: string): string => p.slice(0, 4);

export function evidenceProblems(e: EvidenceInput, today: string): EvidenceProblem[] {
  const out: EvidenceProblem[] = [];
  if (e.recordedOn > today) out.push({ field: 'recordedOn', code: 'recorded_in_future' });
  if (e.kind === 'story') {
    if (e.story.trim() === '') out.push({ field: 'story', code: 'story_required' });
    return out;
  }
  for (const field of ['beforeValue', 'afterValue'] as const)
    if (checkFigure(e.indicator, e[field]).some((p) => p.severity === 'error'))
      out.push({ field, code: 'value_impossible' });
  // "2025" < "2025-T2" < "2026" as text, which is the order of the periods they name.
  if (e.afterPeriod <= e.beforePeriod) out.push({ field: 'afterPeriod', code: 'after_not_later' });
  const thisYear = today.slice(0, 4);
  for (const field of ['beforePeriod', 'afterPeriod'] as const)
    if (periodYear(e[field]) > thisYear) out.push({ field, code: 'period_in_future' });
  return out;
}
