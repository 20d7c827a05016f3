import type {
  AttendanceStatus,
  CommitmentStatus,
  ReviewOutcome,
  SessionKind,
  SessionMode,
  SessionStatus,
} from '../../../shared/schema/enums.ts';
import { addDays, DEMO_TODAY, randomDate, toDay, fromDay } from '../calendar.ts';
import type { Rng } from '../prng.ts';
import type { ScaleSpec } from '../scales.ts';
import {
  commitmentActions,
  enquiryQuestions,
  reviewEvidence,
  reviewFindings,
  reviewNotes,
} from '../texts.ts';
import type { ClusterPlan, Geography } from './geography.ts';
import type { Series } from './indicators.ts';
import { sessionNotes, sessionAgenda, sessionTitle, type NoteFacts } from './sessionText.ts';
import type { PracticePlan } from './practices.ts';

export interface SessionPlan {
  id: string;
  cluster: number;
  kind: SessionKind;
  mode: SessionMode;
  status: SessionStatus;
  date: string;
  place: string;
  title: string;
  agenda: string;
  notes: string;
  hostSchool: number | null;
  enquiryQuestion: string;
  evidence: string;
  findings: string;
  attendance: { id: string; member: number; status: AttendanceStatus }[];
}

export interface CommitmentPlan {
  id: string;
  cluster: number;
  session: number;
  owner: number;
  action: string;
  dueDate: string;
  witnesses: number[];
  status: CommitmentStatus;
  reviews: { id: string; session: number | null; outcome: ReviewOutcome; note: string; reviewedOn: string }[];
}

export interface SessionsPlan {
  sessions: SessionPlan[];
  commitments: CommitmentPlan[];
}

const LAST_PAST = addDays(DEMO_TODAY, -3);

/** Past sessions spread over the window in equal slots, so a CoP meets every month or two. */
function pastDates(rng: Rng, from: string, count: number): string[] {
  const start = toDay(from);
  const slot = (toDay(LAST_PAST) - start) / count;
  return Array.from({ length: count }, (_, k) =>
    fromDay(start + Math.floor(slot * k + rng.float(0.1, 0.9) * slot)),
  );
}

export function planSessions(
  rng: Rng,
  spec: ScaleSpec,
  geo: Geography,
  practices: PracticePlan[],
  series: readonly Series[],
): SessionsPlan {
  const out: SessionsPlan = { sessions: [], commitments: [] };
  const n = geo.clusters.length;
  const pick = (share: number) =>
    new Set(share > 0 ? rng.sample([...Array(n).keys()], Math.max(1, Math.round(share * n))) : []);
  const withReview = pick(spec.peerReviewShare);
  const withPlanned = pick(spec.plannedShare);
  const adoptionsByCluster = new Map<
    number,
    { practice: PracticePlan; date: string; school: number | null }[]
  >();
  for (const p of practices)
    for (const a of p.adoptions) {
      const list = adoptionsByCluster.get(a.cluster) ?? [];
      list.push({ practice: p, date: a.adoptedOn, school: a.school });
      adoptionsByCluster.set(a.cluster, list);
    }
  const written = practices.slice(0, 80);

  geo.clusters.forEach((cluster, k) => {
    const dates = pastDates(rng, spec.sessionsFrom, spec.pastSessionsPerCluster).map((date) => ({
      date,
      review: false,
    }));
    if (withReview.has(k)) dates.push({ date: randomDate(rng, spec.sessionsFrom, LAST_PAST), review: true });
    dates.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const open: CommitmentPlan[] = [];
    let previous = spec.sessionsFrom;
    for (const { date, review } of dates) {
      const s = heldSession(rng, cluster, k, date, review, geo);
      const index = out.sessions.push(s) - 1;
      const present = s.attendance.filter((a) => a.status === 'present').map((a) => a.member);
      const reviewed = reviewOpen(rng, open, index, date);
      const made = makeCommitments(rng, cluster, k, index, date, present, geo, review ? 1 : 2);
      out.commitments.push(...made);
      open.push(...made);
      const adopted = (adoptionsByCluster.get(k) ?? []).filter((a) => a.date > previous && a.date <= date);
      const shared = adopted[0]?.practice ?? sharedPractice(rng, cluster, written);
      const facts: NoteFacts = {
        session: s,
        cluster,
        geo,
        series,
        terms: spec.terms,
        reviewed,
        made: made.length,
        shared,
        adopted,
      };
      s.title = sessionTitle(rng, s, facts);
      s.agenda = sessionAgenda(s, facts);
      s.notes = sessionNotes(rng, s, facts);
      previous = date;
    }
    // Between meetings the coach phones about some overdue commitments.
    for (const c of open) {
      if (c.status !== 'open' || c.dueDate >= addDays(DEMO_TODAY, -21) || !rng.chance(0.4)) continue;
      const outcome = rng.weighted(['done', 'partly', 'not_done'] as const, [50, 30, 20]);
      const reviewedOn = addDays(c.dueDate, rng.int(3, 14));
      c.reviews.push({
        id: rng.uuid(),
        session: null,
        outcome,
        note: `By phone: ${rng.pick(reviewNotes[outcome])}`,
        reviewedOn,
      });
      c.status = outcome;
    }
    if (withPlanned.has(k)) {
      const count = rng.int(1, 2);
      let date = addDays(DEMO_TODAY, rng.int(4, 20));
      for (let i = 0; i < count; i++, date = addDays(date, rng.int(14, 28))) {
        const s: SessionPlan = { ...emptySession(rng, k, date, cluster), status: 'planned' };
        const facts: NoteFacts = {
          session: s,
          cluster,
          geo,
          series,
          terms: spec.terms,
          reviewed: [],
          made: 0,
          shared: sharedPractice(rng, cluster, written),
          adopted: [],
        };
        s.title = sessionTitle(rng, s, facts);
        s.agenda = sessionAgenda(s, facts);
        out.sessions.push(s);
      }
    }
  });
  return out;
}

function emptySession(rng: Rng, cluster: number, date: string, c: ClusterPlan): SessionPlan {
  const mode = rng.weighted(['in_person', 'whatsapp', 'phone'] as const, [6, 3, 2]);
  return {
    id: rng.uuid(),
    cluster,
    kind: 'meeting',
    mode,
    status: 'held',
    date,
    place: mode === 'in_person' ? `${c.place} ward office` : '',
    title: '',
    agenda: '',
    notes: '',
    hostSchool: null,
    enquiryQuestion: '',
    evidence: '',
    findings: '',
    attendance: [],
  };
}

function heldSession(
  rng: Rng,
  c: ClusterPlan,
  k: number,
  date: string,
  review: boolean,
  geo: Geography,
): SessionPlan {
  const s = emptySession(rng, k, date, c);
  let invited: number[];
  if (review) {
    const host = rng.pick(c.schools);
    const reviewers = rng
      .sample(
        c.schools.filter((x) => x !== host),
        rng.int(2, 3),
      )
      .map((x) => geo.schools[x]!.head);
    Object.assign(s, {
      kind: 'peer_review',
      mode: 'in_person',
      hostSchool: host,
      place: geo.schools[host]!.name,
      enquiryQuestion: rng.pick(enquiryQuestions),
      evidence: rng.pick(reviewEvidence),
      findings: rng.pick(reviewFindings),
    });
    invited = [
      ...c.members.filter((m) => geo.members[m]!.school === host || geo.members[m]!.role === 'coach'),
      ...reviewers,
    ];
  } else {
    if (s.mode === 'in_person' && rng.chance(0.5)) {
      const host = rng.pick(c.schools);
      s.hostSchool = host;
      s.place = geo.schools[host]!.name;
    }
    invited = c.members.filter(
      (m) => ['coach', 'headteacher'].includes(geo.members[m]!.role) || rng.chance(0.5),
    );
  }
  s.attendance = invited.map((member) => ({
    id: '',
    member,
    status:
      geo.members[member]!.role === 'coach'
        ? 'present'
        : rng.weighted(['present', 'apologies', 'absent'] as const, [80, 12, 8]),
  }));
  return s;
}

/** Commitments due by this session get reviewed; some that were partly done come back again. */
function reviewOpen(
  rng: Rng,
  open: CommitmentPlan[],
  session: number,
  date: string,
): CommitmentPlan['reviews'][number][] {
  const done: CommitmentPlan['reviews'][number][] = [];
  for (let i = open.length - 1; i >= 0; i--) {
    const c = open[i]!;
    if (c.dueDate > addDays(date, 14) || c.session === session) continue;
    const outcome = rng.weighted(['done', 'partly', 'not_done', 'dropped'] as const, [50, 25, 18, 7]);
    const review = {
      id: rng.uuid(),
      session,
      outcome,
      note: rng.pick(reviewNotes[outcome]),
      reviewedOn: date,
    };
    c.reviews.push(review);
    c.status = outcome;
    done.push(review);
    if (outcome === 'done' || outcome === 'dropped' || c.reviews.length > 1 || rng.chance(0.5))
      open.splice(i, 1);
  }
  return done;
}

function makeCommitments(
  rng: Rng,
  c: ClusterPlan,
  k: number,
  session: number,
  date: string,
  present: number[],
  geo: Geography,
  most: number,
): CommitmentPlan[] {
  const owners = present.filter((m) => geo.members[m]!.role !== 'coach');
  if (owners.length === 0) return [];
  return Array.from({ length: rng.int(1, most + 1) }, () => {
    const owner = rng.pick(owners);
    const tag = rng.pick(c.priorities);
    return {
      id: rng.uuid(),
      cluster: k,
      session,
      owner,
      action: rng.pick(commitmentActions[tag]),
      dueDate: addDays(date, rng.int(21, 56)),
      witnesses: rng.sample(
        present.filter((m) => m !== owner),
        rng.int(2, 4),
      ),
      status: 'open' as CommitmentStatus,
      reviews: [],
    };
  });
}

/** A practice from the written library that fits one of the cluster's priorities. */
function sharedPractice(rng: Rng, c: ClusterPlan, written: PracticePlan[]): PracticePlan {
  const fits = written.filter(
    (p) => p.text.tags.some((t) => c.priorities.includes(t)) && p.text.effect.works !== 'no',
  );
  return rng.pick(fits.length ? fits : written);
}
