import type { PriorityTag, ReviewOutcome } from '../../shared/schema/enums.ts';

/** What a CoP writes as its priorities, per tag (the generator picks one title). */
export const priorityTitles: Record<PriorityTag, readonly string[]> = {
  girls_transition: [
    'Get more of our girls into secondary school',
    'Keep girls in the upper grades in school until they finish',
  ],
  attendance: [
    'Raise attendance above 90% in every school',
    'Cut absences on market days and in the fishing season',
  ],
  early_literacy: [
    'Every learner reading a short story by the end of Grade 3',
    'Learners read with understanding in Kiswahili and English',
  ],
  numeracy: ['Lift numeracy in Grades 3-6', 'Every learner confident with the four operations by Grade 5'],
  wellbeing: ['Learners feel safe and cared for at school', 'No learner leaves because of trouble at home'],
  parent_engagement: [
    'Parents involved in their children\u2019s learning',
    'Every parent hears from the school at least once a month',
  ],
  vulnerable_learners: [
    'Find and follow every vulnerable learner',
    'Reach every child on the vulnerable register',
  ],
  teacher_collaboration: [
    'Teachers plan and learn together across our schools',
    'Every head opens their school to a peer review this year',
  ],
};

/** Commitments a head makes at a meeting, per priority. */
export const commitmentActions: Record<PriorityTag, readonly string[]> = {
  attendance: [
    'Send an SMS to the parents of every learner absent two days in a row, and log the replies',
    'Visit the families of the ten learners with most absences this term, with the village elder',
    'Start a daily absence board in Grades 4-6',
    'Bring each class\u2019s attendance figures for the month to the next meeting',
  ],
  girls_transition: [
    'List the girls in the final grade whose families will struggle with secondary fees, and help them apply for bursaries',
    'Start a mentoring circle for upper-grade girls with the senior woman teacher',
    'Find and visit every girl who did not come back this term',
  ],
  early_literacy: [
    'Set up a reading corner in Grades 1 and 2 with at least 30 books',
    'Test every Grade 3 learner on the reading cards and share the levels with the group',
    'Start ten minutes of letter sounds every morning in the lower grades',
  ],
  numeracy: [
    'Form catch-up groups by level for Grades 4-6',
    'Share one numeracy game in the CoP WhatsApp group each week',
    'Run the joint numeracy assessment in Grade 4 and bring the results',
  ],
  wellbeing: [
    'Name a guidance and counselling teacher and announce the open hour in assembly',
    'Put up the child protection referral map in the staffroom and brief all staff',
  ],
  parent_engagement: [
    'Hold a parents\u2019 day in class before the end of term',
    'Ask the imam and the pastor for ten minutes after prayers to talk about transition',
    'Pin the radio timetable on the noticeboards of every village in the catchment',
  ],
  vulnerable_learners: [
    'Update the register of vulnerable learners with the village leaders',
    'Lend the solar radios to the families without a radio on the register',
    'Share the list of learners not reached with the assistant chief',
  ],
  teacher_collaboration: [
    'Host a peer review visit on the school\u2019s enquiry question',
    'Run a thinking lunch with the staff and report what teachers chose to try',
    'Pair up with a buddy head and visit once before the next meeting',
  ],
};

export const reviewNotes: Record<ReviewOutcome, readonly string[]> = {
  done: [
    'Done; the head showed the register to the group.',
    'Done \u2014 reported with figures at the meeting.',
    'Done. Members asked to see it in use at the next peer visit.',
    'Done; two other heads want to copy it.',
  ],
  partly: [
    'Partly: started in two classes, not yet in the others.',
    'Partly \u2014 visits made in three of five villages; the rains cut the road to the rest.',
    'Partly done; waiting for the board to approve the money.',
  ],
  not_done: [
    'Not done: the head was away marking national assessments.',
    'Not done \u2014 no airtime budget this term; the board will discuss it.',
    'Not done; the teacher in charge was transferred.',
  ],
  dropped: [
    'Dropped: the county started the same SMS service.',
    'Dropped \u2014 the group agreed it does not fit a school this small.',
  ],
};

/** Topics of ordinary CoP meetings; `{term}` becomes the term discussed. */
export const meetingTopics: readonly string[] = [
  '{term} data review',
  'Attendance and back-to-school follow-up',
  'Planning for girls\u2019 transition',
  'Practices from neighbouring clusters',
  'Review of commitments and new action plan',
  'Reading levels: what the tests show',
  'Reaching vulnerable learners before the holidays',
];

export const enquiryQuestions: readonly string[] = [
  'How well do our Grade 3 learners use letter sounds to read new words, and what helps those who cannot?',
  'What keeps girls in Grades 5 and 6 coming to school every day, and what stops them?',
  'How do teachers check understanding during lessons, and what do they do for learners who are lost?',
  'How well does our catch-up programme move learners up a level within a term?',
  'How do parents take part in their children\u2019s learning at home, and how could the school help more?',
  'What happens in the first week when a learner stops coming?',
];

export const reviewEvidence: readonly string[] = [
  'Visited six lessons in Grades 1-3, listened to twelve learners read, looked at the term\u2019s attendance register and talked with four parents at the gate.',
  'Observed four lessons, held a learner voice group with eight girls from Grades 5-6, read the absence book and the guidance teacher\u2019s log.',
  'Looked at exercise books from three classes, watched two catch-up groups, compared the level tests from the start and middle of term.',
  'Walked the catchment with the deputy, met two village elders, read the parent visitation group notes and the SMS log.',
];

export const reviewFindings: readonly string[] = [
  'What is working: learners in the catch-up groups are confident and can explain their work; teachers know every learner\u2019s level. Even better if: the lowest group got more time with the strongest teacher, and levels were shared with parents.',
  'What is working: the absence book is kept every day and families are phoned. Even better if: reasons were tallied each month, and the village elders saw the list before home visits.',
  'What is working: reading corners are used and loved; the lower grades read daily. Even better if: there were more books in Kigiriama and teachers heard each child read once a week.',
  'What is working: girls trust the senior woman teacher and speak openly. Even better if: mentoring continued in the holidays and fathers were brought in on transition.',
];

export const workshopActions: readonly string[] = [
  'Workshop actions: (1) move the weakest readers to the morning group; (2) share reading levels at the parents\u2019 day.',
  'Workshop actions: (1) tally absence reasons monthly for the board; (2) the deputy meets the elders before any home visit.',
  'Workshop actions: (1) each teacher hears five learners read a week; (2) older learners write two Kigiriama booklets each.',
  'Workshop actions: (1) holiday mentoring sessions in two villages; (2) a fathers\u2019 forum before the transition forms are due.',
];

export const apologyReasons: readonly string[] = [
  'a burial in the village',
  'a meeting at the sub-county office',
  'sickness',
  'marking national assessments',
  'the road was cut by the rains',
  'a board of management meeting',
];
