import type { Lang } from '../i18n.ts';
import type { PriorityTag } from '../schema/enums.ts';

/**
 * The words a built agenda starts with, in the coach's language. They are stored as text
 * in the agenda (the coach edits them), so they are chosen once, when the plan is drafted.
 */
export type AgendaWord =
  | 'welcome'
  | 'review'
  | 'data'
  | 'practice'
  | 'peerPlan'
  | 'peerQuestion'
  | 'peerGather'
  | 'peerFindings'
  | 'peerWorkshop'
  | 'close'
  | 'sendAhead'
  | 'meetingTitle'
  | 'visitTitle';

export const agendaWords: Record<Lang, Record<AgendaWord, string>> = {
  en: {
    welcome: 'Welcome, apologies and purpose of the meeting',
    review: 'Review of commitments from the last meeting',
    data: 'Data spotlight: {indicator}',
    practice: 'Practice spotlight: what worked nearby',
    peerPlan: 'Peer review: plan the next visit',
    peerQuestion: 'Enquiry question and evidence to gather',
    peerGather: 'Gather evidence: lessons, learners, parents',
    peerFindings: 'Findings shared with the host school',
    peerWorkshop: 'Improvement workshop: agree actions',
    close: 'New commitments and date of the next meeting',
    sendAhead: 'Send the handout to members before the call so that everyone can see the chart.',
    meetingTitle: '{cluster} meeting',
    visitTitle: 'Peer review at {school}',
  },
  sw: {
    welcome: 'Karibu, udhuru na lengo la mkutano',
    review: 'Mapitio ya ahadi za mkutano uliopita',
    data: 'Kuangazia takwimu: {indicator}',
    practice: 'Mbinu bora: kilichofanikiwa jirani',
    peerPlan: 'Mapitio ya rika: kupanga ziara ijayo',
    peerQuestion: 'Swali la uchunguzi na ushahidi wa kukusanya',
    peerGather: 'Kukusanya ushahidi: masomo, wanafunzi, wazazi',
    peerFindings: 'Matokeo kwa shule mwenyeji',
    peerWorkshop: 'Warsha ya uboreshaji: kukubaliana hatua',
    close: 'Ahadi mpya na tarehe ya mkutano ujao',
    sendAhead: 'Tuma karatasi hii kwa wanachama kabla ya simu ili kila mtu aone chati.',
    meetingTitle: 'Mkutano wa {cluster}',
    visitTitle: 'Mapitio ya rika katika {school}',
  },
};

type Prompt = { question: string; evidence: string };

/** SPP-style enquiry question and the evidence to gather, per priority ({school} filled in). */
export const peerPrompts: Record<Lang, Record<PriorityTag | 'none', Prompt>> = {
  en: {
    girls_transition: {
      question: 'What helps girls at {school} move on to secondary school, and what holds them back?',
      evidence:
        'List of girls in the top class with their secondary places; talk with 3 girls and 2 parents; records of back-to-school follow-up.',
    },
    attendance: {
      question: 'Why do some learners at {school} miss school, and what brings them back?',
      evidence:
        'Registers of the last 4 weeks; list of learners absent 3 days or more; talk with class teachers about follow-up.',
    },
    early_literacy: {
      question: 'How are early-grade learners at {school} learning to read, and where do they get stuck?',
      evidence:
        'Observe two early-grade reading lessons; listen to 5 learners read; look at the reading corner and the books in use.',
    },
    numeracy: {
      question: 'How do learners at {school} build number sense, and where do they get stuck?',
      evidence:
        "Observe two maths lessons; look at learners' exercise books; ask 5 learners to explain a sum.",
    },
    wellbeing: {
      question: 'How safe and supported do learners at {school} feel, and what makes the difference?',
      evidence:
        'Talk with a group of learners; see how worries are referred and followed up; walk the compound at break time.',
    },
    parent_engagement: {
      question: "How do parents at {school} take part in their children's learning?",
      evidence:
        "Minutes of parents' meetings; talk with 3 parents; see how homework and notices reach homes.",
    },
    vulnerable_learners: {
      question: 'Which vulnerable learners at {school} are we reaching, and who are we missing?',
      evidence:
        'The register of vulnerable learners and who follows each one up; talk with a village leader or a visiting group.',
    },
    teacher_collaboration: {
      question: "How do teachers at {school} learn from each other's lessons?",
      evidence: 'Timetable of peer observations; notes from a lesson study; talk with 3 teachers.',
    },
    none: {
      question: 'What is one thing {school} does well that other schools could learn from?',
      evidence:
        "Observe two lessons; talk with learners, teachers and parents; look at the school's own data.",
    },
  },
  sw: {
    girls_transition: {
      question: 'Ni nini kinachowasaidia wasichana wa {school} kuendelea sekondari, na nini kinachowazuia?',
      evidence:
        'Orodha ya wasichana wa darasa la juu na nafasi zao za sekondari; zungumza na wasichana 3 na wazazi 2; kumbukumbu za ufuatiliaji wa kurudi shuleni.',
    },
    attendance: {
      question: 'Kwa nini baadhi ya wanafunzi wa {school} hukosa shule, na nini huwarudisha?',
      evidence:
        'Rejista za wiki 4 zilizopita; orodha ya wanafunzi waliokosa siku 3 au zaidi; zungumza na walimu wa darasa kuhusu ufuatiliaji.',
    },
    early_literacy: {
      question: 'Wanafunzi wa madarasa ya chini wa {school} wanajifunzaje kusoma, na wanakwama wapi?',
      evidence:
        'Tazama masomo mawili ya kusoma ya madarasa ya chini; sikiliza wanafunzi 5 wakisoma; angalia kona ya kusoma na vitabu vinavyotumika.',
    },
    numeracy: {
      question: 'Wanafunzi wa {school} hujengaje uelewa wa hesabu, na wanakwama wapi?',
      evidence:
        'Tazama masomo mawili ya hesabu; angalia madaftari ya wanafunzi; waombe wanafunzi 5 waeleze hesabu.',
    },
    wellbeing: {
      question: 'Wanafunzi wa {school} wanajisikia salama na kusaidiwa kiasi gani, na nini huleta tofauti?',
      evidence:
        'Zungumza na kikundi cha wanafunzi; angalia jinsi matatizo yanavyoripotiwa na kufuatiliwa; tembea uwanjani wakati wa mapumziko.',
    },
    parent_engagement: {
      question: 'Wazazi wa {school} hushiriki vipi katika masomo ya watoto wao?',
      evidence:
        'Kumbukumbu za mikutano ya wazazi; zungumza na wazazi 3; angalia jinsi kazi za nyumbani na matangazo yanavyofika nyumbani.',
    },
    vulnerable_learners: {
      question: 'Ni wanafunzi gani walio hatarini wa {school} tunaowafikia, na ni nani tunaowakosa?',
      evidence:
        'Rejista ya wanafunzi walio hatarini na nani anamfuatilia kila mmoja; zungumza na kiongozi wa kijiji au kikundi cha kutembelea.',
    },
    teacher_collaboration: {
      question: 'Walimu wa {school} hujifunza vipi kutoka kwa masomo ya wenzao?',
      evidence: 'Ratiba ya kutazamana darasani; maelezo ya utafiti wa somo; zungumza na walimu 3.',
    },
    none: {
      question: 'Ni jambo gani moja {school} hufanya vizuri ambalo shule nyingine zinaweza kujifunza?',
      evidence:
        'Tazama masomo mawili; zungumza na wanafunzi, walimu na wazazi; angalia takwimu za shule yenyewe.',
    },
  },
};
