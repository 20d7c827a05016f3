import { z } from 'zod';
import { PamojaError } from '../../shared/errors.ts';
import { IsoDate } from '../../shared/schema/enums.ts';
import type { Store } from '../db/store.ts';
import { DEMO_TODAY } from './calendar.ts';
import {
  adoptionMade,
  adoptionOutcome,
  commitmentMade,
  commitmentReviewed,
  practiceAdded,
  practiceEdited,
  sessionHeld,
  type Edit,
  type EditContext,
} from './edits.ts';
import { attendanceRemoved, commitmentRemoved, indicatorsEntered, notesEdited } from './editsMore.ts';
import { createRng, mixSeed } from './prng.ts';

/** Every kind of edit `simulateEdits` makes. */
export const editKinds = {
  session_held: sessionHeld,
  notes_edited: notesEdited,
  commitment_made: commitmentMade,
  commitment_reviewed: commitmentReviewed,
  commitment_removed: commitmentRemoved,
  attendance_removed: attendanceRemoved,
  practice_added: practiceAdded,
  practice_edited: practiceEdited,
  adoption_made: adoptionMade,
  adoption_outcome: adoptionOutcome,
  indicators_entered: indicatorsEntered,
} as const satisfies Record<string, Edit>;
export type EditKind = keyof typeof editKinds;
const kinds = Object.keys(editKinds) as EditKind[];

export interface SimulateSummary {
  edits: number;
  byKind: Record<EditKind, number>;
  /** One line per edit, in order. */
  log: string[];
}

export const SimulateOptions = z.object({
  edits: z.number().int().min(0).max(1_000_000),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1),
  now: IsoDate.optional(),
});
export type SimulateOptions = z.input<typeof SimulateOptions>;

/**
 * Makes `edits` random but plausible edits a coach would make, each one write through the
 * change-recording path, respecting foreign keys. Kinds come round in shuffled rounds, so
 * any run of at least as many edits as there are kinds makes every kind that applies.
 *
 * Deterministic given the seed and the store's content: reads are in id order, and the
 * stream is seeded from the seed and the size of the change log, so running it again on
 * the same store (which has grown) gives new ids rather than colliding ones.
 */
export function simulateEdits(store: Store, options: SimulateOptions): SimulateSummary {
  const parsed = SimulateOptions.safeParse(options);
  if (!parsed.success)
    throw new PamojaError('invalid', `simulate: ${parsed.error.issues[0]?.message ?? 'bad options'}`);
  const { edits, seed, now = DEMO_TODAY } = parsed.data;
  const ready = store.statements
    .get(
      `SELECT 1 FROM clusters c WHERE EXISTS (SELECT 1 FROM members m WHERE m.cluster_id = c.id)
         AND EXISTS (SELECT 1 FROM schools s WHERE s.cluster_id = c.id) LIMIT 1`,
    )
    .get();
  if (!ready)
    throw new PamojaError(
      'invalid',
      'simulate needs a store with at least one cluster that has schools and members.',
    );
  const logSize = store.statements
    .get('SELECT count(*) AS n, coalesce(max(seq), 0) AS s FROM changes')
    .get() as {
    n: number;
    s: number;
  };
  const ctx: EditContext = { store, rng: createRng(mixSeed(seed, `${logSize.n}:${logSize.s}`)), now };
  const summary: SimulateSummary = {
    edits: 0,
    byKind: Object.fromEntries(kinds.map((k) => [k, 0])) as Record<EditKind, number>,
    log: [],
  };
  let round: EditKind[] = [];
  while (summary.edits < edits) {
    if (round.length === 0) round = ctx.rng.shuffle([...kinds]);
    const kind = round.shift()!;
    // A kind with nothing to work on gives way to the next kind that has.
    let done: [EditKind, string] | null = null;
    for (const k of [kind, ...round, ...kinds.filter((x) => x !== kind && !round.includes(x))]) {
      const line = editKinds[k](ctx);
      if (line !== null) {
        done = [k, line];
        break;
      }
    }
    if (!done) throw new PamojaError('invalid', 'simulate found nothing it could edit in this store.');
    summary.edits++;
    summary.byKind[done[0]]++;
    summary.log.push(`${done[0]}: ${done[1]}`);
  }
  return summary;
}
