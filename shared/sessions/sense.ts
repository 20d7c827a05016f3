import { defineMessages, translator, type Lang } from '../i18n.ts';
import { daysBetween } from './rules.ts';

/**
 * Dates and numbers that make sense on the session screens: an agenda item's minutes, a
 * plan's date, recording a meeting. An **error** is impossible and stops the save (the
 * stored plan keeps its last good value); a **warning** is unlikely, and the coach may
 * mean it, so it is said next to the field and the save goes on. Pure: the screens check
 * as the coach types.
 */
export type SenseCode =
  | 'minutes_not_number'
  | 'minutes_too_many'
  | 'minutes_long'
  | 'date_missing'
  | 'date_impossible'
  | 'plan_long_ago'
  | 'plan_far_ahead'
  | 'record_in_future';
export interface SenseNote {
  code: SenseCode;
  severity: 'error' | 'warning';
  /** Numbers the message names (years, days, minutes). */
  vars: Record<string, number>;
}

/** The stored agenda's limit (shared/sessions/agenda.ts) and when one item gets long. */
export const MAX_ITEM_MINUTES = 600;
export const LONG_ITEM_MINUTES = 180;

const error = (code: SenseCode, vars: Record<string, number> = {}): SenseNote => ({
  code,
  severity: 'error',
  vars,
});
const warning = (code: SenseCode, vars: Record<string, number> = {}): SenseNote => ({
  code,
  severity: 'warning',
  vars,
});

/** Minutes as typed: the number to keep (null when it cannot be kept) and what to say. */
export function agendaMinutes(typed: string): { minutes: number | null; note: SenseNote | null } {
  const text = typed.trim();
  if (!/^\d+$/.test(text)) return { minutes: null, note: error('minutes_not_number') };
  const minutes = Number(text);
  if (minutes > MAX_ITEM_MINUTES)
    return {
      minutes: null,
      note: error('minutes_too_many', { max: MAX_ITEM_MINUTES, hours: MAX_ITEM_MINUTES / 60 }),
    };
  if (minutes > LONG_ITEM_MINUTES)
    return { minutes, note: warning('minutes_long', { hours: Math.floor(minutes / 60) }) };
  return { minutes, note: null };
}

const isDate = (d: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`));

/** A plan's date: missing or not a date is an error; over a year ago or ahead, a warning. */
export function planDate(date: string, today: string): SenseNote | null {
  if (date === '') return error('date_missing');
  if (!isDate(date) || date < '2000-01-01' || date > '2099-12-31') return error('date_impossible');
  const days = daysBetween(today, date);
  if (days < -365) return warning('plan_long_ago', { years: Math.floor(-days / 365) });
  if (days > 365) return warning('plan_far_ahead', { years: Math.floor(days / 365) });
  return null;
}

/** Recording a meeting whose date has not come: the date may be wrong, or it is early. */
export function recordDate(date: string, today: string): SenseNote | null {
  const days = daysBetween(today, date);
  return days > 0 ? warning('record_in_future', { days }) : null;
}

/** A planned session whose date has passed: it is waiting to be recorded. */
export const toRecord = (s: { status: string; date: string }, today: string): boolean =>
  s.status === 'planned' && s.date < today;

export const senseMessages = defineMessages({
  en: {
    'sense.minutes_not_number': 'Write the minutes as a whole number, e.g. 20.',
    'sense.minutes_too_many':
      'One item can take at most {max} minutes ({hours} hours). Write the minutes, e.g. 20 — or split the item.',
    'sense.minutes_long':
      'Over {hours, plural, one {# hour} other {# hours}} for one item: is that right? Most items take 10 to 40 minutes.',
    'sense.date_missing': 'Choose the date of the session.',
    'sense.date_impossible': 'This is not a date the session can have: check the year.',
    'sense.plan_long_ago':
      'This date is more than {years, plural, one {a year} other {# years}} ago. Check the year; a meeting that has happened is best recorded.',
    'sense.plan_far_ahead':
      'This date is more than {years, plural, one {a year} other {# years}} ahead. Check the year.',
    'sense.record_in_future':
      'This meeting is dated {days, plural, one {tomorrow} other {# days from today}}. Record it once it has happened, or correct its date in the plan.',
    'sense.fixFirst':
      '{n, plural, one {# thing to fix} other {# things to fix}} before saving — see the notes in red.',
    'sense.toRecord': 'To record',
    'sense.toRecordHint': 'Its date has passed: record what happened.',
    'sense.changeDate': 'Correct the date',
    'sense.itemMinutes': 'Minutes for item {n}',
  },
  sw: {
    'sense.minutes_not_number': 'Andika dakika kwa namba kamili, k.m. 20.',
    'sense.minutes_too_many':
      'Kipengele kimoja kisizidi dakika {max} (saa {hours}). Andika dakika, k.m. 20 — au gawanya kipengele.',
    'sense.minutes_long':
      'Zaidi ya {hours, plural, one {saa #} other {saa #}} kwa kipengele kimoja: ni sawa? Vipengele vingi huchukua dakika 10 hadi 40.',
    'sense.date_missing': 'Chagua tarehe ya kikao.',
    'sense.date_impossible': 'Hii si tarehe ambayo kikao kinaweza kuwa nayo: hakiki mwaka.',
    'sense.plan_long_ago':
      'Tarehe hii ni zaidi ya {years, plural, one {mwaka mmoja} other {miaka #}} iliyopita. Hakiki mwaka; mkutano uliokwisha fanyika ni bora urekodiwe.',
    'sense.plan_far_ahead':
      'Tarehe hii ni zaidi ya {years, plural, one {mwaka mmoja} other {miaka #}} ijayo. Hakiki mwaka.',
    'sense.record_in_future':
      'Mkutano huu una tarehe ya {days, plural, one {kesho} other {siku # kuanzia leo}}. Urekodi ukishafanyika, au sahihisha tarehe yake kwenye mpango.',
    'sense.fixFirst':
      '{n, plural, one {Jambo # la kurekebisha} other {Mambo # ya kurekebisha}} kabla ya kuhifadhi — tazama maelezo mekundu.',
    'sense.toRecord': 'Cha kurekodi',
    'sense.toRecordHint': 'Tarehe yake imepita: rekodi kilichotokea.',
    'sense.changeDate': 'Sahihisha tarehe',
    'sense.itemMinutes': 'Dakika za kipengele {n}',
  },
});

/** The note in the coach's language. */
export function senseText(note: SenseNote, lang: Lang): string {
  return translator(senseMessages, lang)(`sense.${note.code}`, note.vars);
}
