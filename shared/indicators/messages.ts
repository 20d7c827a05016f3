import { defineMessages, fill, type Lang } from '../i18n.ts';
import { indicatorLabel } from '../labels.ts';
import { indicatorDefs } from '../schema/enums.ts';
import type { FigureProblem } from './rules.ts';

/** The coach's words for each figure problem; shown next to the cell it is about. */
export const figureMessages = defineMessages({
  en: {
    not_a_number: 'This is not a number. Type digits, or leave it empty if it was not collected.',
    negative: '{indicator} cannot be below 0.',
    over_100: '{indicator} is a percentage: {value} is over 100.',
    not_whole: '{indicator} counts learners: {value} is not a whole number.',
    too_large: '{indicator} of {value} is more than any school has (at most {limit}).',
    reached_over_identified:
      'More vulnerable learners reached ({value}) than identified ({identified}): reached cannot be more.',
    looks_like_fraction: '{value} looks like a fraction. Did you mean {percent}%?',
    unusually_high: '{indicator} of {value}% is unusually high (over {limit}%). Is it right?',
    unusually_low: '{indicator} of {value}% is unusually low (under {limit}%). Is it right?',
    unusually_large: '{value} is unusually large for one school. Is it right?',
    big_change_rate_up: '{indicator} is up {change} points from {previous}% in {previousTerm}. Is it right?',
    big_change_rate_down:
      '{indicator} is down {change} points from {previous}% in {previousTerm}. Is it right?',
    big_change_count_up: '{indicator} is up by {change} from {previous} in {previousTerm}. Is it right?',
    big_change_count_down: '{indicator} is down by {change} from {previous} in {previousTerm}. Is it right?',
    identified_over_enrolled:
      'More vulnerable learners identified ({value}) than learners enrolled ({enrolled}). Is it right?',
    unreadable: '"{text}" is not a number. Type digits, or leave it empty if it was not collected.',
  },
  sw: {
    not_a_number: 'Hii si namba. Andika tarakimu, au iache wazi kama haikukusanywa.',
    negative: '{indicator} haiwezi kuwa chini ya 0.',
    over_100: '{indicator} ni asilimia: {value} ni zaidi ya 100.',
    not_whole: '{indicator} ni idadi ya wanafunzi: {value} si namba kamili.',
    too_large: '{indicator} ya {value} ni zaidi ya shule yoyote (isizidi {limit}).',
    reached_over_identified:
      'Walio hatarini waliofikiwa ({value}) ni zaidi ya waliotambuliwa ({identified}): haiwezekani.',
    looks_like_fraction: '{value} inaonekana kama sehemu. Ulimaanisha {percent}%?',
    unusually_high: '{indicator} ya {value}% ni juu isivyo kawaida (zaidi ya {limit}%). Ni sahihi?',
    unusually_low: '{indicator} ya {value}% ni chini isivyo kawaida (chini ya {limit}%). Ni sahihi?',
    unusually_large: '{value} ni kubwa isivyo kawaida kwa shule moja. Ni sahihi?',
    big_change_rate_up:
      '{indicator} imepanda kwa alama {change} kutoka {previous}% ({previousTerm}). Ni sahihi?',
    big_change_rate_down:
      '{indicator} imeshuka kwa alama {change} kutoka {previous}% ({previousTerm}). Ni sahihi?',
    big_change_count_up:
      '{indicator} imeongezeka kwa {change} kutoka {previous} ({previousTerm}). Ni sahihi?',
    big_change_count_down:
      '{indicator} imepungua kwa {change} kutoka {previous} ({previousTerm}). Ni sahihi?',
    identified_over_enrolled:
      'Walio hatarini waliotambuliwa ({value}) ni zaidi ya wanafunzi waliosajiliwa ({enrolled}). Ni sahihi?',
    unreadable: '"{text}" si namba. Andika tarakimu, au iache wazi kama haikukusanywa.',
  },
});

/** The sentence for one problem, in the coach's language. */
export function describeFigureProblem(p: FigureProblem, lang: Lang): string {
  const key =
    p.code === 'big_change'
      ? (`big_change_${indicatorDefs[p.indicator].kind}_${p.vars.direction === 'down' ? 'down' : 'up'}` as const)
      : p.code;
  return fill(figureMessages[lang][key], { ...p.vars, indicator: indicatorLabel(lang, p.indicator) });
}

/** The sentence for a cell whose text could not be read as a number. */
export const describeUnreadable = (text: string, lang: Lang): string =>
  fill(figureMessages[lang].unreadable, { text });
