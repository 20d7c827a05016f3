import { carriedPractices } from './carried.ts';
import { familyPractices } from './families.ts';
import { girlsPractices } from './girls.ts';
import { learningPractices } from './learning.ts';
import { teacherPractices } from './teachers.ts';
import type { PracticeText } from './types.ts';

export type { EvidenceText, PracticeText } from './types.ts';
export { numbered } from './types.ts';

/** The demo's practice library, in a fixed order (the generator draws from it by index). */
export const practiceLibrary: readonly PracticeText[] = [
  ...familyPractices,
  ...girlsPractices,
  ...learningPractices,
  ...teacherPractices,
  ...carriedPractices,
];

/** The practices named in the field documents; every demo scale includes them. */
export const seedPracticeKeys = [
  'radio-parents',
  'visitation-groups',
  'mapping-learners',
  'village-leaders-permission',
  'radio-noticeboards',
  'phone-checkins',
  'vulnerable-register',
] as const;
