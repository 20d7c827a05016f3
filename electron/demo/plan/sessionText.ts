import { addDays, termIndexAt } from '../calendar.ts';
import type { Rng } from '../prng.ts';
import { apologyReasons, meetingTopics, workshopActions } from '../texts.ts';
import type { ClusterPlan, Geography } from './geography.ts';
import { formatValue, indicatorWords, valueAt, type QualityMeasure, type Series } from './indicators.ts';
import type { PracticePlan } from './practices.ts';
import type { CommitmentPlan, SessionPlan } from './sessions.ts';

/** What a coach knows when writing up a session. */
export interface NoteFacts {
  session: SessionPlan;
  cluster: ClusterPlan;
  geo: Geography;
  series: readonly Series[];
  terms: readonly string[];
  reviewed: CommitmentPlan['reviews'][number][];
  made: number;
  shared: PracticePlan;
  adopted: { practice: PracticePlan; school: number | null }[];
}

/** The term whose figures are on the table: a term's data comes in a few weeks after it starts. */
function termDiscussed(f: NoteFacts): number {
  return termIndexAt(f.terms, addDays(f.session.date, -28));
}

function measureDiscussed(f: NoteFacts): QualityMeasure {
  return f.cluster.weak[0] ?? 'attendance_rate';
}

export function sessionTitle(rng: Rng, s: SessionPlan, f: NoteFacts): string {
  if (s.kind === 'peer_review') return `Peer review at ${s.place}`;
  const t = termDiscussed(f);
  const topic = rng.pick(meetingTopics).replace('{term}', f.terms[Math.max(0, t)]!);
  return s.mode === 'phone'
    ? `Phone meeting: ${topic}`
    : s.mode === 'whatsapp'
      ? `WhatsApp meeting: ${topic}`
      : topic;
}

export function sessionAgenda(s: SessionPlan, f: NoteFacts): string {
  const t = termDiscussed(f);
  const items =
    s.kind === 'peer_review'
      ? [
          'Welcome by the host head; the enquiry question',
          'Lesson visits and learner voice (reviewers in pairs)',
          'Reviewers agree findings',
          'Findings shared with the head: what is working, even better if',
          'Post-review workshop with staff: actions, owners, dates',
        ]
      : [
          'Welcome and apologies',
          'Review of commitments from the last meeting',
          t >= 0
            ? `Data: ${f.terms[t]} ${indicatorWords[measureDiscussed(f)]} by school`
            : 'Data: attendance so far this term',
          `Practice to share: ${f.shared.words.title}`,
          'New commitments (owner, action, date, witnesses)',
          'Date and place of the next meeting',
        ];
  return items.map((x, i) => `${i + 1}. ${x}`).join('\n');
}

export function sessionNotes(rng: Rng, s: SessionPlan, f: NoteFacts): string {
  const { geo } = f;
  const lines: string[] = [];
  const present = s.attendance.filter((a) => a.status === 'present').length;
  const apologies = s.attendance
    .filter((a) => a.status === 'apologies')
    .map((a) => geo.members[a.member]!.name);
  lines.push(
    `${present} of ${s.attendance.length} present.` +
      (apologies.length ? ` Apologies from ${apologies.join(', ')} (${rng.pick(apologyReasons)}).` : ''),
  );
  if (s.mode === 'phone')
    lines.push('Held by phone conference; the line dropped twice, so I called two heads back afterwards.');
  if (s.mode === 'whatsapp')
    lines.push('Held on WhatsApp in the evening; heads posted their figures before we started.');
  if (f.reviewed.length) {
    const count = (o: string) => f.reviewed.filter((r) => r.outcome === o).length;
    lines.push(
      `Reviewed ${f.reviewed.length} commitment${f.reviewed.length > 1 ? 's' : ''}: ${count('done')} done, ${count('partly')} partly, ${count('not_done')} not done` +
        (count('dropped') ? `, ${count('dropped')} dropped.` : '.'),
    );
  }
  const data = dataLine(f);
  if (data) lines.push(data);
  if (s.kind === 'peer_review') {
    lines.push(rng.pick(workshopActions));
  } else {
    const p = f.shared;
    lines.push(`Shared "${p.words.title}" (from ${p.originPlace}).`);
    for (const a of f.adopted.slice(0, 2)) {
      const who = a.school !== null ? geo.schools[a.school]!.name : 'The whole CoP';
      lines.push(`${who} agreed to start "${a.practice.words.title}".`);
    }
  }
  if (f.made) lines.push(`${f.made} new commitment${f.made > 1 ? 's' : ''}, witnessed by the group.`);
  return lines.join('\n');
}

/** One line of figures from the cluster's own schools for the term under discussion. */
function dataLine(f: NoteFacts): string | null {
  const t = termDiscussed(f);
  if (t < 0) return null;
  const m = measureDiscussed(f);
  const values = f.cluster.schools.map((s) => ({
    s,
    v: valueAt(f.series[s]!, f.geo.schools[s]!.model, m, t),
  }));
  const avg = (t2: number) =>
    f.cluster.schools.reduce((sum, s) => sum + valueAt(f.series[s]!, f.geo.schools[s]!.model, m, t2), 0) /
    f.cluster.schools.length;
  const now = Math.round(avg(t) * 10) / 10;
  values.sort((a, b) => a.v - b.v);
  const lowest = values[0]!;
  const highest = values[values.length - 1]!;
  const shown = (v: number) => formatValue(m, m === 'vulnerable_reached' ? Math.round(v) : v);
  let line = `${f.terms[t]} ${indicatorWords[m]}: cluster average ${shown(now)}`;
  if (t > 0) {
    const before = Math.round(avg(t - 1) * 10) / 10;
    line += ` (${now >= before ? 'up' : 'down'} from ${shown(before)} in ${f.terms[t - 1]})`;
  }
  line += `; lowest ${f.geo.schools[lowest.s]!.name} at ${shown(lowest.v)}, highest ${f.geo.schools[highest.s]!.name} at ${shown(highest.v)}.`;
  return line;
}
