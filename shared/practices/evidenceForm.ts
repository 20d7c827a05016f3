import { evidenceProblems, Period, type EvidenceInput, type EvidenceProblemCode } from './writeUp.ts';
import type { IndicatorName } from '../schema/enums.ts';

/** Evidence as the form holds it: what the coach typed, numbers and periods still text. */
export interface TypedEvidence {
  kind: 'indicator' | 'story';
  indicator: IndicatorName;
  beforeValue: string;
  afterValue: string;
  beforePeriod: string;
  afterPeriod: string;
  schoolsCount: string;
  clusterId: string;
  story: string;
  recordedOn: string;
}
export type TypedEvidenceField = keyof TypedEvidence;
export type TypedEvidenceCode = EvidenceProblemCode | 'not_number' | 'period_format' | 'whole_number';

/** "12.5" and "12,5" are numbers; "" and "abc" are not. */
export const typedNumber = (text: string): number | null => {
  const n = Number(text.trim().replace(',', '.'));
  return text.trim() === '' || !Number.isFinite(n) ? null : n;
};

/**
 * What the coach typed, as the evidence the service takes (null while anything is wrong),
 * with a problem per field: not yet a number or a period, then the shared rules
 * (impossible values, periods out of order or to come, an empty story).
 */
export function checkTypedEvidence(
  practiceId: string,
  v: TypedEvidence,
  today: string,
): { input: EvidenceInput | null; problems: Partial<Record<TypedEvidenceField, TypedEvidenceCode>> } {
  const problems: Partial<Record<TypedEvidenceField, TypedEvidenceCode>> = {};
  const clusterId = v.clusterId || null;
  const schoolsCount = v.schoolsCount.trim() === '' ? 0 : Number(v.schoolsCount.trim());
  if (!Number.isInteger(schoolsCount) || schoolsCount < 0 || schoolsCount > 100_000)
    problems.schoolsCount = 'whole_number';
  let input: EvidenceInput;
  if (v.kind === 'story') {
    input = { kind: 'story', practiceId, story: v.story, clusterId, schoolsCount, recordedOn: v.recordedOn };
  } else {
    const beforeValue = typedNumber(v.beforeValue);
    const afterValue = typedNumber(v.afterValue);
    if (beforeValue === null) problems.beforeValue = 'not_number';
    if (afterValue === null) problems.afterValue = 'not_number';
    for (const f of ['beforePeriod', 'afterPeriod'] as const)
      if (!Period.safeParse(v[f].trim()).success) problems[f] = 'period_format';
    input = {
      kind: 'indicator',
      practiceId,
      indicator: v.indicator,
      beforeValue: beforeValue ?? 0,
      afterValue: afterValue ?? 0,
      beforePeriod: v.beforePeriod.trim(),
      afterPeriod: v.afterPeriod.trim(),
      schoolsCount,
      clusterId,
      story: v.story,
      recordedOn: v.recordedOn,
    };
  }
  for (const p of evidenceProblems(input, today)) problems[p.field] ??= p.code;
  return { input: Object.keys(problems).length === 0 ? input : null, problems };
}
