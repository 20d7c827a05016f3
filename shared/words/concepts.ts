import type { PriorityTag } from '../schema/enums.ts';

/**
 * The domain vocabulary: what coaches and school leaders say about their schools, as
 * concepts that link their words across English and Kiswahili (and a few Kinyarwanda and
 * French terms used in Rwanda's PLCs), and to the priority tags a concept names. A
 * question "girls dropping out" finds a practice about "wasichana wanaoacha shule", and a
 * typed problem about reading counts toward early literacy.
 *
 * Data, not code: add a concept or a term here and bump `vocabularyVersion`; a store
 * re-indexes the library's words for it (electron/db/words.ts). Terms are written
 * as a coach would write them; each is matched by its word forms (./forms.ts), a term of
 * several words as a phrase. `tags` only where the concept plainly names the priority.
 * tests/unit/wordsVocabulary.test.ts checks every concept has English and Kiswahili and
 * every priority tag has words.
 */
export const vocabularyVersion = 3;

export interface Concept {
  /** Stable id (lower case letters and underscores), used as the index token. */
  id: string;
  tags: readonly PriorityTag[];
  en: readonly string[];
  sw: readonly string[];
  rw?: readonly string[];
  fr?: readonly string[];
  /**
   * Concepts a question naming this one asks for too (never the other way round): asking
   * about attendance is asking about absences, as "mahudhurio" already meets
   * "kutohudhuria"; asking about absence is not asking about every practice that reports
   * attendance.
   */
  also?: readonly string[];
  /**
   * Phrases in which its words mean something else, so the concept is not named there:
   * "found too late" is not about late-comers.
   */
  unless?: readonly string[];
}

type Extra = { rw?: string; fr?: string; also?: string[]; unless?: string };

/** One concept from comma-separated term lists (keeps the table below readable). */
function c(id: string, tags: PriorityTag[], en: string, sw: string, extra: Extra = {}): Concept {
  const list = (s: string) =>
    s
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
  return {
    id,
    tags,
    en: list(en),
    sw: list(sw),
    ...(extra.rw ? { rw: list(extra.rw) } : {}),
    ...(extra.fr ? { fr: list(extra.fr) } : {}),
    ...(extra.also ? { also: extra.also } : {}),
    ...(extra.unless ? { unless: list(extra.unless) } : {}),
  };
}

export const concepts: readonly Concept[] = [
  // People
  c('girls', ['girls_transition'], 'girl, girls, schoolgirl, daughters', 'msichana, wasichana, mabinti', {
    rw: 'umukobwa, abakobwa',
    fr: 'fille, filles',
  }),
  c('boys', [], 'boy, boys, sons', 'mvulana, wavulana', { rw: 'abahungu', fr: 'garcons' }),
  c(
    'parents',
    ['parent_engagement'],
    'parent, parents, guardian, guardians, caregiver, caregivers',
    'mzazi, wazazi, mlezi, walezi',
    {
      rw: 'ababyeyi, umubyeyi',
      fr: 'parents, tuteurs',
    },
  ),
  c('mothers', ['parent_engagement'], 'mother, mothers, mums', 'mama, akina mama, mama wa kijiji', {
    rw: 'ababyeyi b abagore',
    fr: 'meres',
  }),
  c('fathers', ['parent_engagement'], 'father, fathers, dads', 'baba, akina baba', { fr: 'peres' }),
  c('family', ['parent_engagement'], 'family, families, household, households', 'familia, kaya, nyumbani', {
    rw: 'umuryango, imiryango',
    fr: 'famille, familles',
  }),
  c(
    'learners',
    [],
    'learner, learners, pupil, pupils, student, students, children, child, kids',
    'mwanafunzi, wanafunzi, mtoto, watoto',
    {
      rw: 'abanyeshuri, umunyeshuri, abana',
      fr: 'eleve, eleves, enfants',
    },
  ),
  c(
    'teachers',
    ['teacher_collaboration'],
    'teacher, teachers, staff, educator, educators',
    'mwalimu, walimu',
    {
      rw: 'umwarimu, abarimu',
      fr: 'enseignant, enseignants, maitre',
    },
  ),
  c(
    'head_teacher',
    [],
    'head teacher, headteacher, head, principal, school leader, school leaders, deputy head',
    'mwalimu mkuu, walimu wakuu, naibu mwalimu mkuu',
    {
      rw: 'umuyobozi w ishuri',
      fr: 'directeur, directrice',
    },
  ),
  c('coach', [], 'coach, coaches, mentor, mentors, facilitator', 'mkufunzi, wakufunzi, mshauri', {
    fr: 'accompagnateur',
  }),
  c(
    'community',
    [],
    'community, communities, village, villages, neighbourhood',
    'jamii, kijiji, vijiji, mtaa',
    {
      rw: 'umudugudu, isibo',
      fr: 'communaute, village',
    },
  ),
  c(
    'village_leaders',
    ['parent_engagement'],
    'village leaders, village elders, elders, chief, chiefs, local leaders',
    'wazee wa kijiji, chifu, machifu, viongozi wa kijiji',
    {
      rw: 'abayobozi b umudugudu',
    },
  ),
  c(
    'religious_leaders',
    ['parent_engagement'],
    'religious leaders, imam, pastor, church, mosque, prayers',
    'viongozi wa dini, imamu, mchungaji, kanisa, msikiti, sala',
    {},
  ),
  c(
    'board',
    ['parent_engagement'],
    'board of management, school board, bom, school committee',
    'bodi ya shule, kamati ya shule',
    { rw: 'komite y ababyeyi' },
  ),
  c('prefects', [], 'prefect, prefects, class monitor, class leaders', 'kiranja, viranja', {}),
  c(
    'older_learners',
    [],
    'older learners, older pupils, upper primary, senior pupils',
    'wanafunzi wakubwa, madarasa ya juu',
    {},
  ),
  c(
    'young_learners',
    ['early_literacy'],
    'young learners, young children, younger children, small children, lower primary, early grades, grade 1, grade 2, grade 3, infants',
    'wanafunzi wadogo, watoto wadogo, madarasa ya chini, darasa la kwanza, darasa la pili, darasa la tatu',
    {
      fr: 'premieres annees',
    },
  ),
  c('volunteers', [], 'volunteer, volunteers', 'mjitolea, wajitolea', { fr: 'benevoles' }),
  c(
    'officials',
    [],
    'official, officials, county, ministry, education office, sub-county',
    'afisa, maafisa, kaunti, wizara, ofisi ya elimu',
    { rw: 'akarere', fr: 'ministere' },
  ),
  c(
    'health_workers',
    ['wellbeing'],
    'health worker, health workers, nurse, clinic, community health volunteer',
    'mhudumu wa afya, wahudumu wa afya, muuguzi, zahanati',
    {},
  ),

  // Attendance and leaving school
  c(
    'attendance',
    ['attendance'],
    'attendance, attend, attending, turn up',
    'mahudhurio, kuhudhuria, hudhuria',
    {
      also: ['absence'],
      rw: 'kwitabira',
      fr: 'presence, assiduite',
    },
  ),
  c(
    'absence',
    ['attendance'],
    'absence, absent, absenteeism, missing school, miss school, stay away, truancy, truant',
    'utoro, watoro, mtoro, kutohudhuria, kukosa shule',
    {
      rw: 'gusiba',
      fr: 'absence, absences, absenteisme',
    },
  ),
  c(
    'dropout',
    ['attendance', 'vulnerable_learners'],
    'dropout, dropouts, drop out, dropping out, dropped out, leave school, left school, leaving school, out of school, stopped coming, stop coming, not returned, never returned',
    'kuacha shule, kuacha masomo, kuacha, wameacha shule, walioacha shule',
    {
      rw: 'guta ishuri',
      fr: 'abandon scolaire, abandon, decrochage',
    },
  ),
  c(
    'return_to_school',
    ['attendance', 'vulnerable_learners'],
    'back to school, return to school, re-entry, re-enrol, came back',
    'kurudi shuleni, kurejea shuleni, kurudi shule',
    { fr: 'retour a l ecole' },
  ),
  c(
    'lateness',
    ['attendance'],
    'late, lateness, latecomers, late-comers, punctuality, on time',
    'kuchelewa, wanaochelewa, wakati',
    { rw: 'gukererwa', fr: 'retard, retards', unless: 'too late' },
  ),
  c(
    'register',
    ['attendance'],
    'register, roll call, attendance register, record of absence',
    'rejista, daftari la mahudhurio, kuita majina',
    { fr: 'registre, cahier d appel' },
  ),
  c('follow_up', [], 'follow up, follow-up, follow, check on, trace', 'kufuatilia, ufuatiliaji, fuatilia', {
    rw: 'gukurikirana',
    fr: 'suivi, suivre',
  }),
  c(
    'home_visits',
    ['parent_engagement', 'attendance'],
    'home visit, home visits, visit families, visiting homes, family visits',
    'kutembelea nyumbani, ziara za nyumbani, kutembelea familia',
    {
      rw: 'gusura imiryango',
      fr: 'visites a domicile',
    },
  ),
  c(
    'enrolment',
    ['attendance'],
    'enrolment, enrollment, enrol, enroll, admission, registration',
    'usajili, kusajili, kuandikishwa',
    { fr: 'inscription, scolarisation' },
  ),
  c(
    'repetition',
    ['early_literacy', 'numeracy'],
    'repetition, repeat, repeating, repeaters, held back',
    'kurudia darasa, kurudia',
    { fr: 'redoublement, redoubler' },
  ),
  c(
    'transition',
    ['girls_transition'],
    'transition, move to secondary, join secondary, progression',
    'mpito, kuhamia sekondari, kujiunga na sekondari',
    { fr: 'transition, passage' },
  ),
  c(
    'secondary',
    ['girls_transition'],
    'secondary, secondary school, high school, form one, junior secondary',
    'sekondari, shule ya upili, kidato cha kwanza',
    {
      rw: 'ayisumbuye',
      fr: 'secondaire, college',
    },
  ),
  c(
    'child_labour',
    ['vulnerable_learners', 'attendance'],
    // The harvest as a season children are kept home for, not a school farm's harvest.
    'child labour, child labor, working children, herding, fishing, harvest season, harvest time, market day, market days',
    'ajira ya watoto, kuchunga, uvuvi, msimu wa mavuno, wakati wa mavuno, siku ya soko, siku za soko',
    { fr: 'travail des enfants' },
  ),
  c(
    'distance',
    ['attendance'],
    'distance, far from school, long walk, walk to school, walking',
    'umbali, mbali na shule, kutembea',
    { fr: 'distance, trajet' },
  ),
  c(
    'safety_route',
    ['girls_transition', 'wellbeing'],
    'safe route, safety on the way, escort, walk together, accompany',
    'usalama njiani, kusindikiza, kutembea pamoja',
    {},
  ),
  c(
    'pregnancy',
    ['girls_transition', 'vulnerable_learners'],
    'pregnancy, pregnant, teenage pregnancy, young mothers',
    'mimba, ujauzito, mimba za mapema, mama wachanga',
    { fr: 'grossesse' },
  ),
  c(
    'early_marriage',
    ['girls_transition', 'vulnerable_learners'],
    'early marriage, child marriage, married off',
    'ndoa za mapema, ndoa za utotoni',
    { fr: 'mariage precoce' },
  ),
  c(
    'menstruation',
    ['girls_transition', 'wellbeing'],
    'menstrual, menstruation, periods, sanitary pads, pads, sanitary towels',
    'hedhi, pedi, sodo, taulo za kike',
    { fr: 'menstruation, serviettes hygieniques' },
  ),

  // Reading, writing, numbers
  c(
    'reading',
    ['early_literacy'],
    'reading, read, reader, readers, cannot read, read aloud',
    'kusoma, soma, wasomaji',
    { rw: 'gusoma', fr: 'lecture, lire' },
  ),
  c('writing', ['early_literacy'], 'writing, handwriting, spelling, composition', 'kuandika, uandishi', {
    rw: 'kwandika',
    fr: 'ecriture, ecrire',
  }),
  c(
    'literacy',
    ['early_literacy'],
    'literacy, early literacy, early grade reading, foundational literacy',
    'kusoma na kuandika, ujuzi wa kusoma',
    { fr: 'alphabetisation' },
  ),
  c(
    'letter_sounds',
    ['early_literacy'],
    'letter sounds, phonics, sounds, syllables, alphabet, letters',
    'sauti za herufi, herufi, silabi, alfabeti',
    { fr: 'sons des lettres, syllabes' },
  ),
  c(
    'story_books',
    ['early_literacy'],
    'story books, storybooks, stories, storytelling, picture books',
    'vitabu vya hadithi, hadithi, kusimulia hadithi',
    { rw: 'inkuru', fr: 'livres de contes, contes' },
  ),
  c(
    'books',
    ['early_literacy'],
    'book, books, library, reading corner, textbooks',
    'kitabu, vitabu, maktaba, kona ya kusoma',
    { rw: 'ibitabo', fr: 'livre, livres, bibliotheque' },
  ),
  c(
    'language_of_instruction',
    ['early_literacy'],
    'mother tongue, local language, home language, language of instruction',
    'lugha ya mama, lugha ya nyumbani, lugha ya kufundishia',
    { rw: 'ikinyarwanda', fr: 'langue maternelle' },
  ),
  c(
    'numeracy',
    ['numeracy'],
    'numeracy, maths, math, mathematics, arithmetic, numbers, counting, sums',
    'hesabu, hisabati, kuhesabu, namba',
    { rw: 'imibare', fr: 'mathematiques, calcul' },
  ),
  c(
    'fractions',
    ['numeracy'],
    'fractions, division, multiplication, addition, subtraction, place value',
    'sehemu, kugawanya, kuzidisha, kujumlisha, kutoa',
    { fr: 'fractions' },
  ),
  c('games', [], 'game, games, play, playing, fun', 'mchezo, michezo, kucheza', {
    rw: 'imikino',
    fr: 'jeux, jeu',
  }),
  c(
    'local_materials',
    [],
    'local materials, bottle tops, sticks, stones, seeds, counters',
    'vifaa vya nyumbani, vifuniko vya chupa, vijiti, mawe, mbegu',
    { fr: 'materiel local' },
  ),
  c(
    'remedial',
    ['early_literacy', 'numeracy'],
    'remedial, catch-up, catch up, extra lessons, extra help, tuition, struggling learners, lagging behind',
    'masomo ya ziada, kufidia, wanaojikokota, wanaobaki nyuma',
    {
      fr: 'remediation, soutien scolaire, eleves en difficulte',
    },
  ),
  c(
    'teaching_at_level',
    ['early_literacy', 'numeracy'],
    'by level, teaching at the right level, ability groups, grouping by level',
    'kwa kiwango, vikundi kwa kiwango',
    { fr: 'par niveau, groupes de niveau' },
  ),
  c(
    'homework',
    [],
    'homework, assignments, study at home, revision',
    'kazi ya nyumbani, kazi za nyumbani, marudio',
    { fr: 'devoirs, revision' },
  ),
  c(
    'assessment',
    [],
    'assessment, assessments, test, tests, exam, exams, marking, scores, results',
    'tathmini, mtihani, mitihani, kusahihisha, alama, matokeo',
    {
      rw: 'isuzuma',
      fr: 'evaluation, examen, notes',
    },
  ),
  c(
    'learning_outcomes',
    [],
    'learning outcomes, performance, achievement, grades, mean score',
    'matokeo ya kujifunza, utendaji, ufaulu',
    { rw: 'imitsindire', fr: 'resultats, rendement' },
  ),
  c(
    'lesson',
    [],
    'lesson, lessons, class, classes, classroom, teaching',
    'somo, masomo, darasa, madarasa, kufundisha',
    { rw: 'isomo, amasomo', fr: 'lecon, cours, classe' },
  ),
  c(
    'learning',
    [],
    'learning, learn, learns, study, studies, studying, schoolwork, education',
    'kujifunza, masomo, elimu',
    { rw: 'kwiga', fr: 'apprentissage, apprendre, etudes' },
  ),
  c(
    'lesson_planning',
    ['teacher_collaboration'],
    'lesson plan, lesson plans, lesson planning, co-planning, schemes of work, plan lessons, plan a lesson, plan the lesson, planning lessons',
    'maandalizi ya somo, mpango wa somo, kupanga masomo, kupanga somo',
    { fr: 'preparation des lecons, fiche de preparation' },
  ),
  c(
    'morning_routine',
    [],
    'every morning, morning, daily routine, ten minutes, first lesson',
    'kila asubuhi, asubuhi, dakika kumi',
    { fr: 'chaque matin' },
  ),
  c('evening', [], 'evening, after school, night', 'jioni, baada ya shule, usiku', {
    fr: 'soir, apres l ecole',
  }),
  c('holidays', [], 'holiday, holidays, vacation, school break', 'likizo, likizo ndefu', { fr: 'vacances' }),
  c('english_subject', [], 'english, kiswahili, language lessons', 'kiingereza, lugha', { fr: 'anglais' }),
  c('science', [], 'science, sciences', 'sayansi', { fr: 'sciences' }),

  // Teachers working together
  c(
    'collaboration',
    ['teacher_collaboration'],
    'collaboration, working together, teamwork, collaborate, cooperation',
    'ushirikiano, kushirikiana, kufanya kazi pamoja',
    { rw: 'ubufatanye', fr: 'collaboration, travail d equipe' },
  ),
  c(
    'cop',
    ['teacher_collaboration'],
    'community of practice, communities of practice, cop, cops, plc, plcs, professional learning community',
    'jumuiya ya kujifunza, jumuiya za kujifunza, jukwaa la walimu',
    {
      rw: 'itsinda ry abarimu',
      fr: 'communaute d apprentissage professionnel, cap',
    },
  ),
  c(
    'peer_observation',
    ['teacher_collaboration'],
    'peer observation, lesson observation, observe, observing, class visit, class visits, peer review',
    'kuangalia somo, ukaguzi wa rika, kutembelea darasa, ziara za darasa',
    {
      fr: 'observation de classe, visite de classe',
    },
  ),
  c(
    'lesson_study',
    ['teacher_collaboration'],
    'lesson study, research lesson, triads',
    'utafiti wa somo, somo la utafiti',
    { fr: 'etude de lecon' },
  ),
  c(
    'professional_development',
    ['teacher_collaboration'],
    'training, professional development, cpd, workshop, in-service',
    'mafunzo, warsha, mafunzo kazini',
    { rw: 'amahugurwa', fr: 'formation, formation continue' },
  ),
  c(
    'mentoring',
    ['wellbeing'],
    'mentoring, mentor, mentors, mentorship, role model, role models',
    'ushauri, kushauri, mshauri, mfano wa kuigwa',
    { fr: 'mentorat, tutorat' },
  ),
  c('buddy', [], 'buddy, buddies, pairs, pairing, partner', 'rafiki, jozi, wenzi', { fr: 'binome, binomes' }),
  c(
    'peer_learning',
    ['early_literacy'],
    'peer learning, child to child, child-to-child, learners teach learners, reading buddies',
    'mtoto kwa mtoto, kujifunza kwa rika',
    { fr: 'tutorat entre pairs' },
  ),
  c(
    'data',
    ['teacher_collaboration'],
    'data, data wall, figures, statistics, tracking, records, record keeping',
    'takwimu, kumbukumbu, rekodi',
    { rw: 'imibare y ishuri', fr: 'donnees, statistiques, suivi' },
  ),
  c(
    'improvement',
    ['teacher_collaboration'],
    'improvement, improve, school improvement, performance contract, targets, goals',
    'uboreshaji, kuboresha, malengo, mkataba wa utendaji',
    { rw: 'imihigo', fr: 'amelioration, objectifs, contrat de performance' },
  ),
  c(
    'enquiry',
    ['teacher_collaboration'],
    'enquiry, inquiry, enquiry question, action research, question',
    'swali la uchunguzi, uchunguzi, utafiti',
    { fr: 'enquete, question de recherche' },
  ),
  c(
    'sharing_practice',
    ['teacher_collaboration'],
    'sharing practice, share ideas, exchange, learn from each other',
    'kubadilishana mawazo, kushirikishana, kujifunza kutoka kwa wenzetu',
    { fr: 'partage de pratiques, echange' },
  ),
  c(
    'meeting',
    [],
    'meeting, meetings, session, sessions, forum, gathering',
    'mkutano, mikutano, kikao, vikao, baraza',
    { rw: 'inama', fr: 'reunion, reunions' },
  ),
  c(
    'neighbouring_schools',
    ['teacher_collaboration'],
    'neighbouring schools, nearby schools, two schools, between schools, cluster',
    'shule jirani, shule za jirani, shule mbili, kati ya shule, kundi la shule',
    { fr: 'ecoles voisines' },
  ),
  c(
    'teacher_motivation',
    ['teacher_collaboration', 'wellbeing'],
    'motivation, morale, burnout, stress, workload, recognition',
    'motisha, ari, msongo, mzigo wa kazi, kutambuliwa',
    { fr: 'motivation, stress' },
  ),
  c(
    'checklist',
    ['teacher_collaboration'],
    'checklist, rubric, observation tool, agreed criteria',
    'orodha ya ukaguzi, vigezo',
    { fr: 'grille, liste de controle' },
  ),
  c('whatsapp', [], 'whatsapp, group chat, phone group', 'whatsapp, kikundi cha simu', {}),
  c(
    'champion',
    ['teacher_collaboration'],
    'champion, champions, focal person, focal teacher, lead teacher',
    'kiongozi wa mabadiliko, mwalimu kiongozi',
    { fr: 'point focal, referent' },
  ),

  // Wellbeing and protection
  c(
    'wellbeing',
    ['wellbeing'],
    'wellbeing, well-being, welfare, happiness, safe, safety',
    'ustawi, usalama, furaha',
    { rw: 'imibereho myiza', fr: 'bien-etre, securite' },
  ),
  c(
    'counselling',
    ['wellbeing', 'vulnerable_learners'],
    // "No one to talk to" is how a learner's need for guidance is usually put.
    'counselling, counseling, guidance, counsellor, guidance and counselling, someone to talk to, no one to talk to, nobody to talk to, nobody to tell',
    'ushauri nasaha, unasihi, kusikiliza, mazungumzo, mtu wa kuzungumza naye',
    { fr: 'conseil, ecoute, orientation' },
  ),
  c(
    'trouble_at_home',
    ['wellbeing', 'vulnerable_learners'],
    'problems at home, trouble at home, difficulties at home, family problems, home problems',
    'matatizo ya nyumbani, shida za nyumbani, matatizo ya familia',
    { fr: 'problemes familiaux' },
  ),
  c(
    'child_protection',
    ['wellbeing', 'vulnerable_learners'],
    'child protection, abuse, violence, safeguarding, referral, referrals',
    'ulinzi wa mtoto, unyanyasaji, ukatili, rufaa',
    { fr: 'protection de l enfant, violence, maltraitance' },
  ),
  c(
    'punishment',
    ['wellbeing'],
    'punishment, corporal punishment, caning, beating, discipline, positive discipline',
    'adhabu, viboko, kuchapa, nidhamu, nidhamu chanya',
    { fr: 'punition, chatiment corporel, discipline positive' },
  ),
  c(
    'bullying',
    ['wellbeing'],
    'bullying, bully, teasing, shame, humiliation',
    'uonevu, kudhulumu, aibu, kudhalilisha',
    { fr: 'harcelement, humiliation' },
  ),
  c(
    'health',
    ['wellbeing'],
    'health, sick, sickness, illness, malaria, deworming, clinic',
    'afya, ugonjwa, wagonjwa, malaria, dawa za minyoo',
    { rw: 'ubuzima', fr: 'sante, maladie' },
  ),
  c(
    'hygiene',
    ['wellbeing'],
    'hygiene, handwashing, hand washing, soap, clean water, sanitation',
    'usafi, kunawa mikono, sabuni, maji safi',
    { fr: 'hygiene, lavage des mains' },
  ),
  c('latrines', ['wellbeing'], 'latrine, latrines, toilets, toilet, washrooms', 'choo, vyoo', {
    rw: 'ubwiherero',
    fr: 'latrines, toilettes',
  }),
  c(
    'school_meals',
    ['attendance', 'wellbeing'],
    'school meals, meal, meals, lunch, school feeding, food, porridge, hunger, hungry',
    'chakula, chakula cha mchana, uji, njaa, lishe',
    { rw: 'ifunguro', fr: 'cantine, repas, faim' },
  ),
  c(
    'farm',
    [],
    'farm, garden, school garden, shamba, crops, maize, beans',
    'shamba, bustani, mahindi, maharagwe, mazao',
    { fr: 'jardin scolaire, champ' },
  ),
  c(
    'sport',
    ['wellbeing'],
    'sport, sports, football, netball, athletics, games day',
    'michezo, kandanda, mpira wa miguu, mpira wa pete',
    { fr: 'sport, football' },
  ),
  c('clubs', [], 'club, clubs, society, after-school club', 'klabu, chama', { fr: 'club, clubs' }),
  c(
    'emotions',
    ['wellbeing'],
    'emotions, feelings, trauma, grief, anxiety, fear',
    'hisia, huzuni, wasiwasi, hofu, kiwewe',
    { fr: 'emotions, traumatisme' },
  ),
  c(
    'respect',
    ['wellbeing'],
    'respect, kindness, dignity, without stress, instead of punishment',
    'heshima, upole, utu',
    { fr: 'respect, bienveillance' },
  ),

  // Vulnerable learners
  c(
    'vulnerable',
    ['vulnerable_learners'],
    'vulnerable, vulnerable learners, at risk, poorest, poverty, poor families, needy',
    'hatarini, walio hatarini, maskini, umaskini, wahitaji',
    { rw: 'abatishoboye', fr: 'vulnerables, pauvrete' },
  ),
  c(
    'disability',
    ['vulnerable_learners'],
    'disability, disabilities, special needs, inclusion, inclusive, impairment, deaf, blind',
    'ulemavu, walemavu, mahitaji maalum, ujumuishaji',
    { rw: 'ubumuga', fr: 'handicap, inclusion, besoins speciaux' },
  ),
  c(
    'orphans',
    ['vulnerable_learners'],
    'orphan, orphans, orphaned, child-headed household',
    'yatima, mayatima',
    { rw: 'imfubyi', fr: 'orphelin, orphelins' },
  ),
  c(
    'fees',
    ['vulnerable_learners', 'girls_transition'],
    'fees, school fees, levies, levy, costs, unpaid, money, bursary, bursaries, scholarship',
    'karo, ada, michango, gharama, fedha, pesa, basari, ufadhili',
    {
      rw: 'amafaranga y ishuri',
      fr: 'frais scolaires, bourse, bourses',
    },
  ),
  c(
    'sent_home',
    ['attendance', 'vulnerable_learners'],
    'sent home, sending home, chased away, exclusion, expelled',
    'kurudishwa nyumbani, kufukuzwa shuleni',
    { fr: 'renvoi, renvoye' },
  ),
  c(
    'uniform',
    ['vulnerable_learners'],
    'uniform, uniforms, shoes, school kit',
    'sare, sare za shule, viatu',
    { fr: 'uniforme' },
  ),
  c(
    'identification',
    ['vulnerable_learners'],
    'identify, identification, identified, mapping, list of children, register of vulnerable',
    'kutambua, utambuzi, orodha ya watoto',
    { fr: 'identification, recensement' },
  ),
  c(
    'refugees',
    ['vulnerable_learners'],
    'refugee, refugees, displaced, migrants, new arrivals',
    'wakimbizi, mkimbizi',
    { fr: 'refugies, deplaces' },
  ),
  c(
    'support_services',
    ['vulnerable_learners'],
    'assessment centre, social worker, children officer, support services',
    'kituo cha tathmini, afisa wa watoto, huduma za msaada',
    { fr: 'services sociaux' },
  ),

  // Families and community
  c(
    'parent_engagement',
    ['parent_engagement'],
    'parent engagement, parental involvement, involve parents, parents involvement, engage parents',
    'ushiriki wa wazazi, kuhusisha wazazi, ushirikiano na wazazi',
    {
      rw: 'uruhare rw ababyeyi',
      fr: 'implication des parents, participation des parents',
    },
  ),
  c(
    'parents_meeting',
    ['parent_engagement'],
    'parents meeting, parents day, open day, parents evening, prize giving',
    'mkutano wa wazazi, siku ya wazazi, siku ya wazi',
    { rw: 'inama y ababyeyi', fr: 'reunion des parents' },
  ),
  c(
    'communication',
    ['parent_engagement'],
    'message, messages, letters, letter, notice, noticeboard, announcement, communicate',
    'ujumbe, barua, tangazo, matangazo, ubao wa matangazo',
    { fr: 'message, lettre, annonce' },
  ),
  c(
    'phone',
    [],
    'phone, phones, call, calls, sms, text message, mobile',
    'simu, kupiga simu, ujumbe mfupi, rununu',
    { rw: 'telefone', fr: 'telephone, appel, sms' },
  ),
  c(
    'radio',
    ['early_literacy'],
    'radio, radios, radio lessons, broadcast',
    'redio, redio za jua, matangazo ya redio',
    { rw: 'radiyo', fr: 'radio, emission' },
  ),
  c(
    'contribution',
    ['parent_engagement'],
    'contribution, contributions, donate, donation, in kind, volunteer labour',
    'mchango, michango, kuchangia, msaada',
    { rw: 'umuganda', fr: 'contribution, don' },
  ),
  c(
    'repairs',
    [],
    'repair, repairs, build, building, classrooms, desks, construction',
    'kukarabati, ukarabati, kujenga, madarasa, madawati',
    { fr: 'reparation, construction' },
  ),
  c(
    'gender',
    ['girls_transition'],
    'gender, gender equality, girls and boys, women, empowerment',
    'jinsia, usawa wa kijinsia, wanawake, uwezeshaji',
    { fr: 'genre, egalite, autonomisation' },
  ),
  c(
    'aspirations',
    ['girls_transition'],
    'aspirations, career, careers, future, ambition, dreams',
    'ndoto, malengo ya maisha, taaluma, kazi ya baadaye',
    { fr: 'aspirations, avenir, carriere' },
  ),
  c(
    'savings',
    ['vulnerable_learners'],
    'savings, saving, savings group, income, livelihood',
    'akiba, kuweka akiba, chama cha akiba, kipato',
    { fr: 'epargne, revenus' },
  ),
  c(
    'ranking_shame',
    ['wellbeing'],
    'rankings, ranking, naming, public list, reading out names',
    'orodha ya nafasi, kutaja majina hadharani',
    { fr: 'classement' },
  ),

  // Places, time and means
  c('school', [], 'school, schools, primary school, primary', 'shule, msingi, shule ya msingi', {
    rw: 'ishuri, amashuri',
    fr: 'ecole, ecoles',
  }),
  c('rural', [], 'rural, remote, hard to reach, far', 'vijijini, mashambani, maeneo ya mbali', {
    fr: 'rural, isole',
  }),
  c('urban', [], 'urban, town, city', 'mjini, mji', { fr: 'urbain, ville' }),
  c('market', [], 'market, markets, shop, shopping, trade', 'soko, masoko, duka, biashara', {
    rw: 'isoko',
    fr: 'marche',
  }),
  c('solar', [], 'solar, solar lamps, lamps, light, electricity', 'jua, taa za jua, taa, umeme', {
    fr: 'solaire, lampes',
  }),
  c('weekly', [], 'weekly, every week, each week', 'kila wiki, kwa wiki', {
    fr: 'chaque semaine, hebdomadaire',
  }),
  c('termly', [], 'termly, every term, each term, term', 'kila muhula, muhula', {
    fr: 'trimestre, chaque trimestre',
  }),
  c('low_cost', [], 'low cost, free, cheap, no cost, without money', 'bila gharama, gharama nafuu, bure', {
    fr: 'peu couteux, gratuit',
  }),
  c(
    'materials',
    [],
    'materials, resources, teaching aids, charts, flash cards',
    'vifaa, zana za kufundishia, chati, kadi',
    { fr: 'materiel, supports' },
  ),
  c('time', [], 'timetable, schedule, minutes, hours', 'muda, ratiba, dakika, saa', {
    fr: 'horaire, emploi du temps',
  }),
  c('saturday', [], 'saturday, weekend, sunday, friday', 'jumamosi, wikendi, jumapili, ijumaa', {
    fr: 'samedi, week-end',
  }),
  c('lunch_break', [], 'lunch break, break time, recess', 'mapumziko, wakati wa mapumziko', {
    fr: 'recreation, pause',
  }),
  c('noticeboard', [], 'noticeboard, notice board, display, wall chart', 'ubao wa matangazo, chati ukutani', {
    fr: 'tableau d affichage',
  }),
  c('map', [], 'map, mapping, where learners live', 'ramani, kuchora ramani', { fr: 'carte, cartographie' }),
  c('internet', [], 'internet, online, connectivity, network', 'mtandao, intaneti', {
    fr: 'internet, connexion',
  }),
  c(
    'covid',
    ['vulnerable_learners'],
    'covid, pandemic, closure, school closures, lockdown',
    'korona, janga, kufungwa kwa shule',
    { fr: 'covid, pandemie, fermeture des ecoles' },
  ),
  c(
    'drought',
    ['vulnerable_learners'],
    'drought, floods, famine, hunger season',
    'ukame, mafuriko, baa la njaa',
    { fr: 'secheresse, inondations' },
  ),

  // Coaching and the practice itself
  c(
    'practice',
    [],
    'practice, practices, strategy, idea, approach, intervention',
    'mbinu, mkakati, wazo, utaratibu',
    { fr: 'pratique, strategie' },
  ),
  c(
    'evidence',
    [],
    'evidence, results, impact, worked, proof, change',
    'ushahidi, matokeo, athari, mabadiliko',
    { fr: 'preuve, impact' },
  ),
  c(
    'commitment',
    [],
    'commitment, commitments, action plan, next steps, promise',
    'ahadi, mpango wa utekelezaji, hatua zinazofuata',
    { rw: 'imihigo', fr: 'engagement, plan d action' },
  ),
  c(
    'motivation_learners',
    ['attendance'],
    'motivate learners, rewards, reward, incentives, prizes, certificates',
    'zawadi, motisha kwa wanafunzi, vyeti',
    { fr: 'recompense, recompenses, motivation des eleves' },
  ),
  c(
    'behaviour',
    ['wellbeing'],
    'behaviour, behavior, conduct, misbehaviour, indiscipline',
    'tabia, utovu wa nidhamu, mwenendo',
    { fr: 'comportement' },
  ),
  c(
    'leadership',
    ['teacher_collaboration'],
    'leadership, school leadership, management, governance',
    'uongozi, usimamizi',
    { rw: 'ubuyobozi', fr: 'leadership, gestion, direction' },
  ),
  c(
    'supervision',
    [],
    'supervision, monitoring, inspection, quality assurance',
    'usimamizi, ufuatiliaji, ukaguzi',
    { fr: 'supervision, inspection' },
  ),
  c('planning', [], 'plan, planning, preparation, prepare', 'mpango, kupanga, maandalizi', {
    fr: 'planification, preparation',
  }),
  c(
    'feedback',
    ['teacher_collaboration'],
    'feedback, comments, reflection, reflect',
    'maoni, tafakari, kutafakari',
    { fr: 'retour, retroaction, reflexion' },
  ),
  c('groups', [], 'group, groups, small groups, circles, circle', 'kikundi, vikundi, makundi', {
    rw: 'amatsinda, itsinda',
    fr: 'groupe, groupes',
  }),
  c(
    'campaign',
    [],
    'campaign, drive, mobilisation, mobilization, sensitisation, awareness',
    'kampeni, uhamasishaji, kuhamasisha',
    { rw: 'ubukangurambaga', fr: 'campagne, sensibilisation' },
  ),
  c('together', [], 'together, jointly', 'pamoja', { rw: 'hamwe', fr: 'ensemble' }),
  c(
    'listening_together',
    ['parent_engagement'],
    'listen together, listening together, together at home',
    'kusikiliza pamoja, pamoja nyumbani',
    { fr: 'ecouter ensemble' },
  ),
  c(
    'permission',
    ['parent_engagement'],
    'permission, consent, ask leaders first, respect local leaders',
    'ruhusa, idhini, kuomba ruhusa',
    { fr: 'permission, autorisation' },
  ),
  c(
    'timetable_notices',
    [],
    'timetables, radio timetable, programme, schedule of lessons',
    'ratiba ya redio, ratiba za masomo',
    { fr: 'programme, grille horaire' },
  ),
  c(
    'questions_revision',
    [],
    'revision questions, practice questions, quiz, quizzes',
    'maswali ya marudio, maswali, chemsha bongo',
    { fr: 'questions de revision, quiz' },
  ),
  c('football', ['girls_transition', 'wellbeing'], 'football, soccer, team, teams', 'kandanda, mpira, timu', {
    fr: 'football, equipe',
  }),
  c(
    'phone_checkins',
    ['wellbeing'],
    'check-in, check-ins, check in, calling learners',
    'kupigia simu wanafunzi, kuuliza hali',
    { fr: 'appels de suivi' },
  ),
  c(
    'lesson_quality',
    [],
    'teaching quality, quality of teaching, pedagogy, methods, teaching methods',
    'ubora wa ufundishaji, mbinu za kufundishia',
    { fr: 'qualite de l enseignement, pedagogie, methodes' },
  ),
  c(
    'learning_centre',
    [],
    'learning centre, resource centre, study space, study room',
    'kituo cha kujifunzia, chumba cha kusomea',
    { fr: 'centre d apprentissage' },
  ),
  c('boarding', [], 'boarding, hostel, dormitory', 'bweni, mabweni', { fr: 'internat' }),
  c('water', ['wellbeing'], 'water, borehole, tank, tap', 'maji, kisima, tangi', { fr: 'eau, forage' }),
  c(
    'transport',
    ['attendance'],
    'transport, bicycle, bicycles, bus, boda boda',
    'usafiri, baiskeli, bodaboda',
    { fr: 'transport, velo' },
  ),
  c(
    'language_games',
    ['early_literacy'],
    'word games, spelling games, rhymes, songs',
    'michezo ya maneno, nyimbo, mashairi',
    { fr: 'comptines, chansons' },
  ),
  c('chalk', [], 'chalk, chalkboard, blackboard', 'chaki, ubao', { fr: 'craie, tableau noir' }),
  c(
    'exam_class',
    [],
    'exam class, candidates, national exam, kcpe, kpsea, grade 6',
    'darasa la mtihani, watahiniwa, mtihani wa taifa',
    { fr: 'examen national, candidats' },
  ),
  c('trust', [], 'trust, relationship, relationships, rapport', 'imani, uaminifu, uhusiano', {
    fr: 'confiance, relation',
  }),
  c(
    'retention',
    ['attendance', 'girls_transition'],
    'keep in school, stay in school, retention, completion, complete primary',
    'kubaki shuleni, kumaliza shule, kuhitimu',
    { fr: 'maintien scolaire, achevement' },
  ),
  c(
    'early_childhood',
    ['early_literacy'],
    'early childhood, pre-primary, preschool, ecde, nursery',
    'elimu ya awali, chekechea, shule ya awali',
    { rw: 'amashuri y incuke', fr: 'prescolaire, maternelle' },
  ),
];
