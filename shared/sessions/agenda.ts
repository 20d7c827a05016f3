import { z } from 'zod';
import { CommitmentStatus, IndicatorName, PriorityTag } from '../schema/enums.ts';

/**
 * The agenda of a CoP session, stored as JSON text in `sessions.agenda`. Each item keeps a
 * snapshot of what it is about (the commitments to review, the figures of the data
 * spotlight, the practices to share) so that the plan, the handout and the record show
 * what was actually put before the group, even after the data moves on.
 */
const itemBase = {
  /** Stable within one agenda, so the UI can reorder and edit items by id. */
  id: z.string().min(1).max(64),
  title: z.string().max(300),
  minutes: z.number().int().min(0).max(600),
  notes: z.string().max(5000),
};

export const ReviewCommitment = z.object({
  id: z.string(),
  ownerName: z.string(),
  action: z.string(),
  dueDate: z.string(),
  status: CommitmentStatus,
  overdue: z.boolean(),
});
export type ReviewCommitment = z.infer<typeof ReviewCommitment>;

const Figure = z.number().nullable();
export const DataSpotlight = z.object({
  indicator: IndicatorName,
  /** The priority that chose the indicator; null when the cluster has none with data. */
  priority: PriorityTag.nullable(),
  term: z.string(),
  previousTerm: z.string().nullable(),
  schools: z.array(z.object({ id: z.string(), name: z.string(), current: Figure, previous: Figure })),
  cluster: z.object({ name: z.string(), current: Figure, previous: Figure }),
  neighbours: z.array(z.object({ id: z.string(), name: z.string(), current: Figure, previous: Figure })),
});
export type DataSpotlight = z.infer<typeof DataSpotlight>;

export const SpotlightPractice = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  /** Plain-language reasons from the recommendations ("why this"). */
  why: z.array(z.string()),
});
export type SpotlightPractice = z.infer<typeof SpotlightPractice>;

export const AgendaItem = z.discriminatedUnion('kind', [
  z.object({ ...itemBase, kind: z.literal('commitments_review'), commitments: z.array(ReviewCommitment) }),
  z.object({ ...itemBase, kind: z.literal('data_spotlight'), spotlight: DataSpotlight.nullable() }),
  z.object({
    ...itemBase,
    kind: z.literal('practice_spotlight'),
    problem: z.string().max(500),
    practices: z.array(SpotlightPractice),
  }),
  z.object({
    ...itemBase,
    kind: z.literal('peer_review'),
    hostSchoolId: z.string().nullable(),
    hostSchoolName: z.string(),
    enquiryQuestion: z.string().max(2000),
    evidenceToGather: z.string().max(5000),
  }),
  z.object({ ...itemBase, kind: z.literal('free') }),
]);
export type AgendaItem = z.infer<typeof AgendaItem>;
export type AgendaItemKind = AgendaItem['kind'];

export const AdoptionAgreed = z.object({ practiceId: z.string(), schoolId: z.string().nullable() });
export type AdoptionAgreed = z.infer<typeof AdoptionAgreed>;

export const SessionAgenda = z.object({
  items: z.array(AgendaItem).max(40),
  /** Practices shared at the session (recorded afterwards). */
  practicesShared: z.array(z.string()).max(50).default([]),
  /** Adoptions agreed at the session; remembered so a corrected record can retract them. */
  adoptionsAgreed: z.array(AdoptionAgreed).max(100).default([]),
});
export type SessionAgenda = z.infer<typeof SessionAgenda>;

export const emptyAgenda = (): SessionAgenda => ({ items: [], practicesShared: [], adoptionsAgreed: [] });

/**
 * Reads a stored agenda. Agendas written by hand or loaded from a region file are plain
 * text, one item a line ("1. Welcome and apologies"); they read as free items so the plan
 * can still be shown, edited and printed. Text that is neither reads as empty.
 */
export function parseAgenda(text: string): SessionAgenda {
  const trimmed = text.trim();
  if (!trimmed) return emptyAgenda();
  if (trimmed.startsWith('{')) {
    try {
      const r = SessionAgenda.safeParse(JSON.parse(trimmed));
      return r.success ? r.data : emptyAgenda();
    } catch {
      return emptyAgenda();
    }
  }
  const items: AgendaItem[] = trimmed
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*(?:\d+[.)]|[-*•])\s*/, '').trim())
    .filter((line) => line.length > 0)
    .slice(0, 40)
    .map((line, i) => ({
      id: `line-${i + 1}`,
      kind: 'free',
      title: line.slice(0, 300),
      minutes: 0,
      notes: '',
    }));
  return { ...emptyAgenda(), items };
}

/** Moves the item at `from` by `delta` places (clamped); returns a new list. */
export function moveItem<T>(items: readonly T[], from: number, delta: number): T[] {
  const to = Math.max(0, Math.min(items.length - 1, from + delta));
  if (from < 0 || from >= items.length || to === from) return [...items];
  const next = [...items];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item as T);
  return next;
}

export const totalMinutes = (items: readonly { minutes: number }[]): number =>
  items.reduce((sum, i) => sum + i.minutes, 0);

/** Practices in the agenda's practice spotlight(s). */
export const spotlightPracticeIds = (items: readonly AgendaItem[]): string[] =>
  items.flatMap((i) => (i.kind === 'practice_spotlight' ? i.practices.map((p) => p.id) : []));

/**
 * Adds a practice to the plan's practice spotlight (chosen from the recommendations while
 * preparing). With no spotlight yet, one is added before the closing item, titled `title`;
 * a practice already there is not added twice. Returns a new list.
 */
export function withSpotlightPractice(
  items: readonly AgendaItem[],
  practice: SpotlightPractice,
  spotlight: { title: string; problem: string },
): AgendaItem[] {
  if (spotlightPracticeIds(items).includes(practice.id)) return [...items];
  const at = items.findIndex((i) => i.kind === 'practice_spotlight');
  if (at >= 0) {
    const item = items[at] as Extract<AgendaItem, { kind: 'practice_spotlight' }>;
    const next = [...items];
    next[at] = { ...item, practices: [...item.practices, practice] };
    return next;
  }
  const ids = new Set(items.map((i) => i.id));
  let id = 'practice';
  for (let n = 2; ids.has(id); n++) id = `practice-${n}`;
  const added: AgendaItem = {
    id,
    kind: 'practice_spotlight',
    title: spotlight.title,
    minutes: 20,
    notes: '',
    problem: spotlight.problem.slice(0, 500),
    practices: [practice],
  };
  // Before the closing item when the agenda ends with a free one, else at the end.
  const last = items.at(-1);
  const before = last && last.kind === 'free' && items.length > 1 ? items.length - 1 : items.length;
  return [...items.slice(0, before), added, ...items.slice(before)];
}
