import { fill, type Lang } from '../../../shared/i18n.ts';
import { indicatorLabel } from '../../../shared/labels.ts';
import { priorityIndicator } from '../../../shared/priorityIndicator.ts';
import {
  indicatorDefs,
  type IndicatorName,
  type PriorityTag,
  type SessionKind,
  type SessionMode,
} from '../../../shared/schema/enums.ts';
import type {
  AgendaItem,
  DataSpotlight,
  ReviewCommitment,
  SpotlightPractice,
} from '../../../shared/sessions/agenda.ts';
import { isOverdue } from '../../../shared/sessions/rules.ts';
import { agendaWords, peerPrompts } from '../../../shared/sessions/agendaText.ts';

/**
 * Building a draft agenda from facts about a cluster. Pure: the service gathers the facts
 * (SQL, recommendations) and this module decides what goes on the agenda and in what order.
 */

const FALLBACK_INDICATOR: IndicatorName = 'attendance_rate';

/**
 * The indicator for the data spotlight: the highest-ranked priority's (as mapped in
 * shared/priorityIndicator.ts) that has data; attendance when none has.
 */
export function pickSpotlightIndicator(
  priorities: readonly { tag: PriorityTag; rank: number }[],
  withData: ReadonlySet<IndicatorName>,
): { indicator: IndicatorName; priority: PriorityTag | null } | null {
  for (const p of [...priorities].sort((a, b) => a.rank - b.rank)) {
    const indicator = priorityIndicator[p.tag];
    if (withData.has(indicator)) return { indicator, priority: p.tag };
  }
  if (withData.has(FALLBACK_INDICATOR)) return { indicator: FALLBACK_INDICATOR, priority: null };
  const first = [...withData][0];
  return first ? { indicator: first, priority: null } : null;
}

export interface SpotlightFacts {
  indicator: IndicatorName;
  priority: PriorityTag | null;
  clusterName: string;
  schools: readonly { id: string; name: string }[];
  /** The indicator's non-null values for the cluster's schools, any term. */
  schoolValues: readonly { schoolId: string; term: string; value: number }[];
  neighbours: readonly { id: string; name: string }[];
  /** Each neighbour's average per term. */
  neighbourValues: readonly { clusterId: string; term: string; value: number }[];
}

const round1 = (v: number | null | undefined): number | null => (v == null ? null : Math.round(v * 10) / 10);
const mean = (xs: number[]): number | null => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/**
 * The cluster's schools on one indicator, this term (the latest with data) against the
 * term before, with the cluster's and its neighbours' averages for the same two terms.
 * Schools are listed best first, so bright spots and strugglers stand at either end.
 */
export function buildSpotlight(f: SpotlightFacts): DataSpotlight | null {
  const terms = [...new Set(f.schoolValues.map((v) => v.term))].sort();
  const term = terms.at(-1);
  if (!term) return null;
  const previousTerm = terms.at(-2) ?? null;
  const at = (schoolId: string, t: string | null) =>
    t === null ? null : (f.schoolValues.find((v) => v.schoolId === schoolId && v.term === t)?.value ?? null);
  const avgAt = (t: string | null) =>
    t === null ? null : mean(f.schoolValues.filter((v) => v.term === t).map((v) => v.value));
  const neighbourAt = (clusterId: string, t: string | null) =>
    t === null
      ? null
      : (f.neighbourValues.find((v) => v.clusterId === clusterId && v.term === t)?.value ?? null);
  const up = indicatorDefs[f.indicator].better === 'up';
  const better = (a: number | null, b: number | null): number => {
    if (a === null || b === null) return a === null ? (b === null ? 0 : 1) : -1;
    return up ? b - a : a - b;
  };
  const schools = f.schools
    .map((s) => ({
      id: s.id,
      name: s.name,
      current: round1(at(s.id, term)),
      previous: round1(at(s.id, previousTerm)),
    }))
    .sort((a, b) => better(a.current, b.current) || a.name.localeCompare(b.name));
  const neighbours = f.neighbours
    .map((n) => ({
      id: n.id,
      name: n.name,
      current: round1(neighbourAt(n.id, term)),
      previous: round1(neighbourAt(n.id, previousTerm)),
    }))
    .filter((n) => n.current !== null || n.previous !== null);
  return {
    indicator: f.indicator,
    priority: f.priority,
    term,
    previousTerm,
    schools,
    cluster: { name: f.clusterName, current: round1(avgAt(term)), previous: round1(avgAt(previousTerm)) },
    neighbours,
  };
}

export interface CommitmentFact {
  id: string;
  ownerName: string;
  action: string;
  dueDate: string;
  status: ReviewCommitment['status'];
}

/** Commitments to review, overdue first (longest overdue at the top), then by due date. */
export function orderForReview(
  commitments: readonly CommitmentFact[],
  sessionDate: string,
): ReviewCommitment[] {
  return commitments
    .map((c) => ({
      id: c.id,
      ownerName: c.ownerName,
      action: c.action,
      dueDate: c.dueDate,
      status: c.status,
      overdue: isOverdue(c, sessionDate),
    }))
    .sort(
      (a, b) =>
        Number(b.overdue) - Number(a.overdue) ||
        a.dueDate.localeCompare(b.dueDate) ||
        a.ownerName.localeCompare(b.ownerName),
    );
}

/**
 * The school to host the next peer review: SPP rotates hosts, so the one that hosted
 * longest ago (or never) goes first; among those, the one the spotlight shows weakest.
 */
export function pickHost(
  schools: readonly { id: string; name: string }[],
  lastHosted: ReadonlyMap<string, string>,
  spotlight: DataSpotlight | null,
): { id: string; name: string } | null {
  const rank = new Map((spotlight?.schools ?? []).map((s, i) => [s.id, s.current === null ? -1 : i]));
  const sorted = [...schools].sort(
    (a, b) =>
      (lastHosted.get(a.id) ?? '').localeCompare(lastHosted.get(b.id) ?? '') ||
      (rank.get(b.id) ?? -1) - (rank.get(a.id) ?? -1) ||
      a.name.localeCompare(b.name),
  );
  return sorted[0] ?? null;
}

export interface AgendaFacts {
  kind: SessionKind;
  mode: SessionMode;
  date: string;
  clusterName: string;
  /** Outstanding commitments made before the session, in any order. */
  commitments: readonly CommitmentFact[];
  spotlight: DataSpotlight | null;
  problem: string;
  practices: readonly SpotlightPractice[];
  host: { id: string; name: string } | null;
  /** The priority the peer-review prompts follow (the cluster's first), if any. */
  priority: PriorityTag | null;
}

/** Review time grows with the list: about three minutes a commitment, 10 to 30 minutes. */
const reviewMinutes = (n: number): number => Math.min(30, Math.max(10, 3 * n));

export function buildAgenda(f: AgendaFacts, lang: Lang): { title: string; items: AgendaItem[] } {
  const w = agendaWords[lang];
  const prompt = peerPrompts[lang][f.priority ?? 'none'];
  const hostName = f.host?.name ?? '';
  const peer = (id: string, title: string, minutes: number): AgendaItem => ({
    id,
    kind: 'peer_review',
    title,
    minutes,
    notes: '',
    hostSchoolId: f.host?.id ?? null,
    hostSchoolName: hostName,
    enquiryQuestion: f.host ? fill(prompt.question, { school: hostName }) : '',
    evidenceToGather: prompt.evidence,
  });
  const free = (id: string, title: string, minutes: number, notes = ''): AgendaItem => ({
    id,
    kind: 'free',
    title,
    minutes,
    notes,
  });

  if (f.kind === 'peer_review') {
    return {
      title: fill(w.visitTitle, { school: hostName || f.clusterName }),
      items: [
        peer('peer', w.peerQuestion, 20),
        free('gather', w.peerGather, 90),
        free('findings', w.peerFindings, 30),
        free('workshop', w.peerWorkshop, 45),
      ],
    };
  }

  const items: AgendaItem[] = [free('welcome', w.welcome, 5)];
  if (f.commitments.length) {
    items.push({
      id: 'review',
      kind: 'commitments_review',
      title: w.review,
      minutes: reviewMinutes(f.commitments.length),
      notes: '',
      commitments: orderForReview(f.commitments, f.date),
    });
  }
  if (f.spotlight) {
    items.push({
      id: 'data',
      kind: 'data_spotlight',
      title: fill(w.data, { indicator: indicatorLabel(lang, f.spotlight.indicator) }),
      minutes: 20,
      notes: f.mode === 'in_person' ? '' : w.sendAhead,
      spotlight: f.spotlight,
    });
  }
  if (f.practices.length) {
    items.push({
      id: 'practice',
      kind: 'practice_spotlight',
      title: w.practice,
      minutes: 25,
      notes: '',
      problem: f.problem,
      practices: [...f.practices],
    });
  }
  items.push(peer('peer', w.peerPlan, 15));
  items.push(free('close', w.close, 10));
  return { title: fill(w.meetingTitle, { cluster: f.clusterName }), items };
}
