import type { PracticeText } from './types.ts';

/** Practices about parents, village leaders and the community around the school. */
export const familyPractices: readonly PracticeText[] = [
  {
    key: 'radio-parents',
    title: 'Radio lessons designed for parents and children to listen to together',
    problem:
      'When schools closed, children followed radio lessons alone or not at all; parents did not know what the lessons were for and sent children to fetch water during the broadcast.',
    summary:
      'Teachers from the CoP scripted short radio segments in Kiswahili and Kigiriama that speak to the parent as well as the child: a story, two questions the parent asks afterwards, and one thing to practise together before the next lesson. Parents became part of the lesson instead of a reason to miss it.',
    steps: [
      'Agree with the local FM station on a fixed 20-minute slot, three evenings a week, after the evening meal.',
      'Write each segment in pairs of teachers: a short story, two questions for the parent to ask, one home task.',
      'Record the segments at the school with a phone and an external microphone; the station plays them free as community content.',
      'Announce the timetable at the chief\u2019s baraza, in church and at the mosque, and on the village noticeboards.',
      'Ask class teachers to phone five families a week to hear whether parent and child listened together.',
      'Bring the families\u2019 answers to the CoP and rewrite the weak segments.',
    ],
    resources:
      'A phone with a clip-on microphone (about KSh 1,500), airtime for follow-up calls, goodwill of a local FM station.',
    cost: 'low',
    setting: 'rural',
    size: 'any',
    tags: ['parent_engagement', 'early_literacy'],
    language: 'en',
    origin: { area: 'kilifi', place: 'Ganze' },
    startedOn: '2020-05-11',
    effect: { indicator: 'literacy_rate', works: 'yes' },
    evidence: [
      {
        kind: 'measured',
        indicator: 'literacy_rate',
        before: 21.5,
        after: 30.2,
        beforePeriod: '2020-T1',
        afterPeriod: '2021-T1',
        schools: 7,
        story:
          'Grade 3 learners at benchmark rose in all seven Ganze schools after reopening; the schools where parents listened most rose most.',
      },
      {
        kind: 'story',
        story:
          'A mother in Bamba told the head: "Now I know what my daughter is learning, I ask her the questions even when the radio is off."',
      },
    ],
  },
  {
    key: 'visitation-groups',
    title: 'Parent visitation groups',
    problem:
      'Letters and SMS to parents of children who stopped coming went unanswered; the head alone could not visit every family, and hard cases were found too late.',
    summary:
      'Each village has a small group of volunteer parents, trained by the head, who visit or phone families of children at risk every two weeks. They check that the child is learning at home and well, and bring hard cases back to the school before the child drops out.',
    steps: [
      'At the parents\u2019 meeting, ask for two or three volunteers per village (umudugudu) who are trusted by their neighbours.',
      'Give each group the list of learners from their village who are absent often or at risk, and a one-page visit guide.',
      'Groups visit or phone each family every two weeks and note three things: is the child learning, is the child well, what help is needed.',
      'The head meets the group leaders once a month and decides which cases need the school, the village leader or the sector.',
      'Thank the groups in public at the end of term and share what changed for the children they followed.',
    ],
    resources:
      'Volunteer parents\u2019 time, a notebook per group, airtime for those who phone (about RWF 2,000 a month).',
    cost: 'low',
    setting: 'rural',
    size: 'any',
    tags: ['parent_engagement', 'attendance', 'vulnerable_learners'],
    language: 'en',
    origin: { area: 'gicumbi', place: 'Rukomo' },
    startedOn: '2018-02-05',
    effect: { indicator: 'dropout_rate', works: 'yes' },
    evidence: [
      {
        kind: 'measured',
        indicator: 'dropout_rate',
        before: 8.4,
        after: 3.0,
        beforePeriod: '2018',
        afterPeriod: '2019',
        schools: 1,
        story:
          'The head, the teachers and the parents made cutting dropout the school\u2019s first target in its imihigo; the visitation groups did most of the follow-up.',
      },
    ],
  },
  {
    key: 'village-leaders-permission',
    title: "Asking village leaders' permission before home visits",
    problem:
      'Teachers who went straight to homes to ask about absent girls were turned away or met with suspicion; some families moved the child to a relative to avoid the school.',
    summary:
      'Before any home visit the head or a teacher first greets the village elder (mzee wa kijiji) or the assistant chief, explains the purpose and asks permission; the elder often comes along or sends word ahead. Families receive the visit as a community matter, not an accusation.',
    steps: [
      'List the homes to visit and group them by village.',
      'Visit each village elder first, in person, with the list; explain that the school wants to help the child return, not to punish.',
      'Agree a day and ask whether the elder or a trusted neighbour can come along.',
      'During the visit, listen first; agree one practical step with the family (uniform, fees plan, meal, escort).',
      'Report back to the elder after two weeks on whether the child returned.',
    ],
    resources: 'Teacher time (about half a day per village), transport by boda boda where homes are far.',
    cost: 'low',
    setting: 'rural',
    size: 'any',
    tags: ['parent_engagement', 'vulnerable_learners', 'attendance'],
    language: 'en',
    origin: { area: 'kilifi', place: 'Kaloleni' },
    startedOn: '2021-01-18',
    effect: { indicator: 'attendance_rate', works: 'yes' },
    evidence: [
      {
        kind: 'story',
        story:
          'Of 31 families visited in Kaloleni with the elder present, 26 sent the child back within a month; before, teachers reached fewer than half of such homes.',
      },
      { kind: 'recent' },
    ],
  },
  {
    key: 'radio-noticeboards',
    title: 'Radio timetables on village noticeboards',
    problem:
      'Families missed the radio lessons because they did not know when they were on; the timetable was only sent by SMS, which few parents read.',
    summary:
      'The CoP prints the week\u2019s radio timetable on one A4 sheet in Kiswahili and pins it on the village noticeboards, at the borehole and at the shop; community leaders also hand copies to homes with learners.',
    steps: [
      'Get the timetable from the county education office every Friday.',
      'One school in the CoP types it in large letters and prints enough copies for all villages.',
      'Heads hand the copies to village elders and shopkeepers at the weekend.',
      'Class teachers ask learners on Monday which lessons they heard, and tell the CoP which villages are missing out.',
    ],
    resources: 'Printing (about KSh 300 a week for the cluster), drawing pins, one volunteer per village.',
    cost: 'low',
    setting: 'rural',
    size: 'any',
    tags: ['parent_engagement', 'early_literacy'],
    language: 'en',
    origin: { area: 'kilifi', place: 'Matsangoni' },
    startedOn: '2020-06-01',
    effect: { indicator: 'attendance_rate', works: 'unclear' },
    evidence: [
      {
        kind: 'story',
        story:
          'Parents said it was the first time they knew which lesson was for which class. The CoP did not measure listening before and after.',
      },
    ],
  },
  {
    key: 'phone-checkins',
    title: 'Weekly phone check-ins with learners and teachers',
    problem:
      'During closures and long absences nobody knew how learners were coping; teachers too felt alone and some stopped preparing.',
    summary:
      'Every teacher phones a fixed list of eight to ten learners once a week for five minutes, and the head phones every teacher. The calls ask about learning and wellbeing and are logged in a simple register, so the school sees who has gone quiet.',
    steps: [
      'Split the class list so each teacher has eight to ten families with a phone.',
      'Agree three questions: what did you learn this week, is anything stopping you, how are you feeling.',
      'Log each call (reached / not reached, one line of notes) in the check-in book.',
      'The head phones every teacher on Fridays and reads the book on Mondays.',
      'Families not reached two weeks running go to the parent visitation group or the village elder.',
    ],
    resources: 'Airtime bundles for teachers (about KSh 200 per teacher per week), a check-in book.',
    cost: 'low',
    setting: 'any',
    size: 'any',
    tags: ['wellbeing', 'attendance'],
    language: 'en',
    origin: { area: 'kilifi', place: 'Mtwapa' },
    startedOn: '2020-04-20',
    effect: { indicator: 'attendance_rate', works: 'yes' },
    evidence: [{ kind: 'recent' }],
  },
  {
    key: 'revision-questions',
    title: 'Revision questions shared with parents',
    problem:
      'Learners had no work at home during holidays and long absences, and parents did not know how to help.',
    summary:
      'Each Friday the cluster shares one page of revision questions per grade in the CoP WhatsApp group; heads forward it to class parents\u2019 groups and print a few copies for families without phones. Learners bring answers back for feedback.',
    steps: [
      'Subject teachers from the cluster take turns writing one page of questions per grade.',
      'Post it in the CoP WhatsApp group by Friday noon; heads forward to parents\u2019 groups.',
      'Print ten copies per class for families without smartphones; leave them at the shop or church.',
      'Mark returned answers and give each learner one line of feedback.',
    ],
    resources: 'Printing (about KSh 500 per school per month), data bundles for the WhatsApp group.',
    cost: 'low',
    setting: 'any',
    size: 'any',
    tags: ['parent_engagement', 'numeracy', 'early_literacy'],
    language: 'en',
    origin: { area: 'kilifi', place: 'Kilifi town' },
    startedOn: '2020-07-06',
    effect: { indicator: 'numeracy_rate', works: 'yes' },
    evidence: [
      {
        kind: 'measured',
        indicator: 'numeracy_rate',
        before: 28.0,
        after: 34.5,
        beforePeriod: '2021-T1',
        afterPeriod: '2021-T3',
        schools: 9,
      },
      {
        kind: 'story',
        story: '72% of CoP members said they shared revision questions with parents during closures.',
      },
    ],
  },
  {
    key: 'virtual-parents-evening',
    title: "Parents' evening by phone conference",
    problem: 'Parents who work in Mombasa or on farms far away never came to the termly meeting at school.',
    summary:
      'Once a term the class teacher holds a 30-minute phone conference with the parents of the class, in the evening, followed by short one-to-one calls for parents who ask. Progress cards are sent home with the learner the day before.',
    steps: [
      'Send progress cards home on Thursday with the date and time of the call.',
      'Use a free group-call service or a WhatsApp call; a teacher with good signal hosts.',
      'Cover three things: what the class learned, what is coming, how parents can help.',
      'Offer five-minute one-to-one calls the following evening.',
    ],
    resources: 'Data bundles for the host (about KSh 100 per call), a quiet room with signal.',
    cost: 'low',
    setting: 'peri_urban',
    size: 'medium',
    tags: ['parent_engagement'],
    language: 'en',
    origin: { area: 'kilifi', place: 'Mnarani' },
    startedOn: '2021-05-10',
    effect: { indicator: 'attendance_rate', works: 'unclear' },
    evidence: [
      {
        kind: 'story',
        story:
          'Two classes tried it; 19 of 42 parents joined the first call, 27 the second. Teachers found it tiring with poor signal.',
      },
    ],
  },
  {
    key: 'bom-home-visits',
    title: 'Home visits by the head with the board of management chair',
    problem:
      'Some families of long-absent learners ignored teachers but respected the school\u2019s board members.',
    summary:
      'The head and the board of management chair visit the five families with the most absences each month together, agree a plan with the parents, and review it at the next board meeting.',
    steps: [
      'Pull the five learners with the most absences in the month from the register.',
      'Phone the board chair to agree a visiting afternoon.',
      'Visit together; agree one action the school and one the family will take.',
      'Record the plan in the board minutes and check it the next month.',
    ],
    resources: 'One afternoon a month of the head and the chair, transport.',
    cost: 'none',
    setting: 'rural',
    size: 'any',
    tags: ['parent_engagement', 'attendance'],
    language: 'en',
    origin: { area: 'kilifi', place: 'Rabai' },
    startedOn: '2022-02-14',
    effect: { indicator: 'attendance_rate', works: 'yes' },
    evidence: [{ kind: 'recent' }],
  },
  {
    key: 'fathers-forum',
    title: "Fathers' forum after Friday and Sunday prayers",
    problem:
      'Only mothers came to school meetings; fathers decided on fees and on girls leaving school but never heard the school.',
    summary:
      'With the imam and the pastor, the head speaks for ten minutes after Friday prayers and after the Sunday service once a term, then meets fathers who stay for tea, about transition to secondary and keeping girls in school.',
    steps: [
      'Ask the imam and the pastor for ten minutes once a term.',
      'Prepare one message with one figure (for example how many girls in the village moved on to secondary last year).',
      'Stay for tea and take names of fathers who want to help.',
      'Invite those fathers to the next board meeting or to mentor learners.',
    ],
    resources: 'Tea and mandazi (about KSh 1,000 a session).',
    cost: 'low',
    setting: 'any',
    size: 'any',
    tags: ['parent_engagement', 'girls_transition'],
    language: 'en',
    origin: { area: 'kilifi', place: 'Malindi' },
    startedOn: '2023-01-20',
    effect: { indicator: 'transition_rate_girls', works: 'unclear' },
    evidence: [
      {
        kind: 'story',
        story: 'Eleven fathers joined the school\u2019s bursary committee after the first two forums.',
      },
    ],
  },
  {
    key: 'community-library-box',
    title: 'A library box that rotates between villages',
    problem: 'Children in villages far from school had nothing to read at home.',
    summary:
      'A lockable box of 60 story books in Kiswahili, Kigiriama and English moves to a new village every two weeks, kept by a volunteer parent who lends books to children and records them in an exercise book.',
    steps: [
      'Collect 60 books per box from donations and the school\u2019s spare readers.',
      'Choose a keeper per village with the elder; show them how to lend and record.',
      'Move the box every second Friday on a bicycle or boda boda.',
      'Count lost books each month; replace, do not punish.',
    ],
    resources: 'A lockable box (about KSh 2,500), books, one volunteer per village.',
    cost: 'low',
    setting: 'rural',
    size: 'any',
    tags: ['early_literacy', 'parent_engagement'],
    language: 'en',
    origin: { area: 'kilifi', place: 'Gede' },
    startedOn: '2022-06-06',
    effect: { indicator: 'literacy_rate', works: 'unclear' },
    evidence: [
      { kind: 'story', story: 'Keepers recorded 412 loans in the first term across four villages.' },
    ],
  },
  {
    key: 'public-ranking',
    title: "Reading out learners' rankings at the parents' meeting",
    problem: 'The head wanted parents to push their children harder before national assessments.',
    summary:
      'Marks and positions of every learner were read aloud at the termly parents\u2019 meeting. Low-ranked learners were shamed, and several older girls stopped coming. The school stopped after two terms and now shares progress privately.',
    steps: [
      'What was done: rankings read aloud by class at the meeting.',
      'What the CoP advises instead: give each parent a private progress card and one thing to practise at home.',
    ],
    resources: 'None.',
    cost: 'none',
    setting: 'any',
    size: 'any',
    tags: ['parent_engagement', 'wellbeing'],
    language: 'en',
    origin: { area: 'kilifi', place: 'Kilifi town' },
    startedOn: '2023-05-08',
    effect: { indicator: 'dropout_rate', works: 'no' },
    evidence: [
      {
        kind: 'measured',
        indicator: 'dropout_rate',
        before: 3.1,
        after: 5.6,
        beforePeriod: '2023-T1',
        afterPeriod: '2023-T3',
        schools: 1,
        story: 'Four of the bottom ten in the upper grades stopped coming within a term.',
      },
    ],
  },
  {
    key: 'sent-home-levies',
    title: 'Sending learners home over unpaid levies',
    problem:
      'The school could not pay its support staff and sent home learners whose parents had not paid the levy.',
    summary:
      'Learners were sent home until parents paid. Attendance fell sharply and many did not return for weeks; girls were kept home to work. The CoP agreed it does more harm than good and replaced it with payment plans agreed with the board.',
    steps: [
      'What was done: learners without a receipt were sent home at the gate.',
      'What the CoP advises instead: agree a payment plan with each family and never send a child home.',
    ],
    resources: 'None.',
    cost: 'none',
    setting: 'any',
    size: 'any',
    tags: ['attendance'],
    language: 'en',
    origin: { area: 'kilifi', place: 'Mariakani' },
    startedOn: '2024-01-15',
    effect: { indicator: 'attendance_rate', works: 'no' },
    evidence: [
      {
        kind: 'measured',
        indicator: 'attendance_rate',
        before: 88.0,
        after: 79.5,
        beforePeriod: '2023-T3',
        afterPeriod: '2024-T1',
        schools: 2,
      },
    ],
  },
];
