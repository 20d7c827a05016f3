import { defineMessages, translator, type Lang } from '../i18n.ts';
import { PamojaError } from '../errors.ts';
import type { FieldProblem, Problem } from './checks.ts';

/** What each problem of the editing forms says, next to its field, in both languages. */
export const problemMessages = defineMessages({
  en: {
    'problem.required': 'Please fill this in.',
    'problem.tooLong': 'This is too long — please shorten it.',
    'problem.duplicateName': 'Another one already has this name. Add a place or a number to tell them apart.',
    'problem.notNumber': 'Write a number here, e.g. -3.63 or 39.85.',
    'problem.latRange': 'Latitude goes from -90 to 90 (Kenya is about -4.7 to 5).',
    'problem.lonRange': 'Longitude goes from -180 to 180 (Kenya is about 34 to 42).',
    'problem.wholeNumber': 'Write a whole number, 0 or more.',
    'problem.tooMany': 'That is more than a million — please check the number.',
    'problem.phone': 'Write a phone number of 7 to 15 digits, e.g. 0712 345 678 or +254 712 345 678.',
    'problem.duplicateCode': 'Another school already has this official code.',
    'problem.date': 'Choose a date.',
    'problem.future': 'This date is in the future.',
    'problem.unknownChoice': 'Choose one from the list.',
    'problem.sameCluster': 'The school is in this CoP already: choose another CoP.',
    'problem.notInCluster': 'Choose a school of this CoP.',
    'problem.priorityCount': 'A CoP agrees 1 to 3 priorities.',
    'problem.duplicatePriority': 'This priority is listed twice.',
    'problem.criteriaCount': 'Keep to 12 criteria or fewer: the CoP should be able to remember them.',
    'problem.email': 'Write an email address, e.g. amina@example.org.',
    'problem.duplicateEmail': 'This address is in the address book already (for this kind of recipient).',
    'problem.selfLaptop': 'This is this laptop itself: choose another laptop.',
    'problem.count': '{n, plural, one {# thing to fix} other {# things to fix}} — see the notes in red.',
  },
  sw: {
    'problem.required': 'Tafadhali jaza hapa.',
    'problem.tooLong': 'Hii ni ndefu mno — tafadhali ifupishe.',
    'problem.duplicateName':
      'Kuna nyingine yenye jina hili tayari. Ongeza mahali au namba ili kuzitofautisha.',
    'problem.notNumber': 'Andika namba hapa, k.m. -3.63 au 39.85.',
    'problem.latRange': 'Latitudo ni kati ya -90 na 90 (Kenya ni takriban -4.7 hadi 5).',
    'problem.lonRange': 'Longitudo ni kati ya -180 na 180 (Kenya ni takriban 34 hadi 42).',
    'problem.wholeNumber': 'Andika namba kamili, 0 au zaidi.',
    'problem.tooMany': 'Hiyo ni zaidi ya milioni moja — tafadhali hakiki namba.',
    'problem.phone': 'Andika namba ya simu yenye tarakimu 7 hadi 15, k.m. 0712 345 678 au +254 712 345 678.',
    'problem.duplicateCode': 'Shule nyingine tayari ina namba hii rasmi.',
    'problem.date': 'Chagua tarehe.',
    'problem.future': 'Tarehe hii bado haijafika.',
    'problem.unknownChoice': 'Chagua moja kwenye orodha.',
    'problem.sameCluster': 'Shule tayari iko katika jumuiya hii: chagua jumuiya nyingine.',
    'problem.notInCluster': 'Chagua shule ya jumuiya hii.',
    'problem.priorityCount': 'Jumuiya hukubaliana vipaumbele 1 hadi 3.',
    'problem.duplicatePriority': 'Kipaumbele hiki kimeorodheshwa mara mbili.',
    'problem.criteriaCount': 'Vigezo visizidi 12: jumuiya iweze kuvikumbuka.',
    'problem.email': 'Andika anwani ya barua pepe, k.m. amina@example.org.',
    'problem.duplicateEmail': 'Anwani hii iko tayari kwenye kitabu cha anwani (kwa aina hii ya mpokeaji).',
    'problem.selfLaptop': 'Hii ni kompyuta hii yenyewe: chagua kompyuta nyingine.',
    'problem.count':
      '{n, plural, one {Jambo # la kurekebisha} other {Mambo # ya kurekebisha}} — tazama maelezo mekundu.',
  },
});

export function problemText(lang: Lang, problem: Problem): string {
  return translator(problemMessages, lang)(`problem.${problem}`);
}

/** Refuses a call with the first problem, named by its field (the service side of the checks). */
export function refuseProblems(problems: readonly FieldProblem[]): void {
  const first = problems[0];
  if (!first) return;
  throw new PamojaError('invalid', `${first.field}: ${problemText('en', first.problem)}`, first.field);
}
