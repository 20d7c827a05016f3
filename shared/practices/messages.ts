import { defineMessages, type Lang } from '../i18n.ts';
import type { TypedEvidenceCode } from './evidenceForm.ts';
import type { WriteUpProblemCode } from './writeUp.ts';

/** The coach's words for what is missing or wrong in a practice write-up or its evidence. */
export const practiceProblemMessages = defineMessages({
  en: {
    title_required: 'Give the practice a short title.',
    problem_required: 'Say what problem it solves.',
    tags_required: 'Choose at least one priority it helps with.',
    steps_required: 'Write at least one step, so another school can do it.',
    origin_required: 'Say where it comes from: a CoP, or a place.',
    started_in_future: 'It cannot have started on a date that has not come yet.',
    story_required: 'Write what happened.',
    value_impossible: 'This value is impossible for this indicator.',
    after_not_later: 'The “after” period must come after the “before” period.',
    period_in_future: 'This period has not happened yet.',
    recorded_in_future: 'This date has not come yet.',
    school_not_in_cluster: 'This school is not in the CoP chosen.',
    not_number: 'Write a number here, e.g. 78 or 78.5.',
    period_format: 'Write a year like 2025 or a term like 2025-T3.',
    whole_number: 'Write a whole number, 0 or more.',
  },
  sw: {
    title_required: 'Ipe mbinu jina fupi.',
    problem_required: 'Eleza tatizo inalotatua.',
    tags_required: 'Chagua angalau kipaumbele kimoja inachosaidia.',
    steps_required: 'Andika angalau hatua moja, ili shule nyingine iweze kuifanya.',
    origin_required: 'Sema inatoka wapi: jumuiya, au mahali.',
    started_in_future: 'Haiwezi kuwa ilianza tarehe ambayo bado haijafika.',
    story_required: 'Andika kilichotokea.',
    value_impossible: 'Thamani hii haiwezekani kwa kiashiria hiki.',
    after_not_later: 'Kipindi cha “baada” lazima kiwe baada ya kipindi cha “kabla”.',
    period_in_future: 'Kipindi hiki bado hakijafika.',
    recorded_in_future: 'Tarehe hii bado haijafika.',
    school_not_in_cluster: 'Shule hii haimo katika jumuiya iliyochaguliwa.',
    not_number: 'Andika namba hapa, k.m. 78 au 78.5.',
    period_format: 'Andika mwaka kama 2025 au muhula kama 2025-T3.',
    whole_number: 'Andika namba kamili, 0 au zaidi.',
  },
});

export type PracticeProblemCode = WriteUpProblemCode | TypedEvidenceCode | 'school_not_in_cluster';
export const practiceProblemText = (code: PracticeProblemCode, lang: Lang): string =>
  practiceProblemMessages[lang][code];
