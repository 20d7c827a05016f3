import type { IndicatorName, PriorityTag } from './schema/enums.ts';

/**
 * The termly indicator that best shows progress on each priority a CoP can agree. One
 * place, used by the cluster page's chart, session planning and recommendations.
 */
export const priorityIndicator: Record<PriorityTag, IndicatorName> = {
  girls_transition: 'transition_rate_girls',
  attendance: 'attendance_rate',
  early_literacy: 'literacy_rate',
  numeracy: 'numeracy_rate',
  wellbeing: 'attendance_rate',
  parent_engagement: 'attendance_rate',
  vulnerable_learners: 'vulnerable_reached',
  teacher_collaboration: 'literacy_rate',
};
