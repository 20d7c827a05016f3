import { indicatorDefs, indicatorNames, type IndicatorName } from '../../shared/schema/enums.ts';
import { indicatorsId } from '../db/ids.ts';
import { all, pickCluster, pickOne, type Edit } from './edits.ts';

/** Figures a school with no history starts from: middling, inside DATA.md's typical ranges. */
const typical: Record<IndicatorName, number> = {
  enrolment_girls: 310,
  enrolment_boys: 320,
  attendance_rate: 88,
  dropout_rate: 3,
  dropout_rate_girls: 3.6,
  repetition_rate: 5,
  transition_rate: 88,
  transition_rate_girls: 85,
  literacy_rate: 45,
  numeracy_rate: 40,
  vulnerable_identified: 30,
  vulnerable_reached: 21,
};

function termOf(date: string): string {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-T${month <= 4 ? 1 : month <= 8 ? 2 : 3}`;
}

function nextTerm(term: string): string {
  const [y, t] = term.split('-T').map(Number) as [number, number];
  return t === 3 ? `${y + 1}-T1` : `${y}-T${t + 1}`;
}

/** A head phones in a term's figures: a new term's row, or corrections to the latest one. */
export const indicatorsEntered: Edit = (ctx) => {
  const { store, rng, now } = ctx;
  const cluster = pickCluster(ctx);
  if (!cluster) return null;
  const school = rng.pick(
    all<{ id: string }>(store, 'SELECT id FROM schools WHERE cluster_id = ? ORDER BY id', cluster),
  );
  const latest = store.statements
    .get('SELECT * FROM indicators WHERE school_id = ? ORDER BY term DESC LIMIT 1')
    .get(school.id) as (Record<IndicatorName, number | null> & { id: string; term: string }) | undefined;
  const moved = (name: IndicatorName): number => {
    const base = latest?.[name] ?? typical[name];
    if (indicatorDefs[name].kind === 'count') return Math.max(0, Math.round(base + rng.int(-6, 6)));
    return Math.round(Math.min(100, Math.max(0, base + rng.normal() * 1.5)) * 10) / 10;
  };
  const values = Object.fromEntries(indicatorNames.map((n) => [n, moved(n)])) as Record<
    IndicatorName,
    number
  >;
  values.vulnerable_reached = Math.min(values.vulnerable_reached, values.vulnerable_identified);
  if (latest && rng.chance(0.5)) {
    const fix = rng.sample(indicatorNames, rng.int(1, 3)).filter((n) => n !== 'vulnerable_reached');
    const patch = Object.fromEntries(fix.map((n) => [n, values[n]]));
    // never fewer identified than already reached
    if (patch.vulnerable_identified !== undefined)
      patch.vulnerable_identified = Math.max(patch.vulnerable_identified, latest.vulnerable_reached ?? 0);
    store.write((w) => w.update('indicators', latest.id, patch));
    return `corrected ${fix.join(', ')} for ${latest.term} at school ${school.id}`;
  }
  const term = latest ? nextTerm(latest.term) : termOf(now);
  const id = indicatorsId(school.id, term);
  store.write((w) => {
    if (store.statements.get('SELECT 1 FROM indicators WHERE id = ?').get(id))
      w.update('indicators', id, values);
    else w.insert('indicators', { id, school_id: school.id, term, ...values });
  });
  return `entered ${term} indicators for school ${school.id}`;
};

/** An attendance mark entered by mistake is taken out. */
export const attendanceRemoved: Edit = (ctx) => {
  const row = pickOne<{ id: string }>(ctx, 'id', 'attendance');
  if (!row) return null;
  const { store } = ctx;
  store.write((w) => w.remove('attendance', row.id));
  return `removed attendance ${row.id}`;
};

/** A commitment entered twice is deleted with its reviews (or, with no duplicate, a mistaken one). */
export const commitmentRemoved: Edit = (ctx) => {
  const { store } = ctx;
  const duplicate = pickOne<{ id: string }>(
    ctx,
    'id',
    `commitments c WHERE EXISTS (SELECT 1 FROM commitments d WHERE d.cluster_id = c.cluster_id
       AND d.owner_member_id = c.owner_member_id AND d.action = c.action AND d.id < c.id)`,
  );
  const c = duplicate ?? pickOne<{ id: string }>(ctx, 'id', 'commitments');
  if (!c) return null;
  const reviews = all<{ id: string }>(
    store,
    'SELECT id FROM commitment_reviews WHERE commitment_id = ? ORDER BY id',
    c.id,
  );
  store.write((w) => {
    for (const r of reviews) w.remove('commitment_reviews', r.id);
    w.remove('commitments', c.id);
  });
  return `removed ${duplicate ? 'duplicate ' : ''}commitment ${c.id} and ${reviews.length} review(s)`;
};

/** The coach adds a line to a session's notes after the meeting. */
export const notesEdited: Edit = (ctx) => {
  const { store, rng } = ctx;
  const s = pickOne<{ id: string; notes: string }>(ctx, 'id, notes', `sessions WHERE status = 'held'`);
  if (!s) return null;
  const line = rng.pick([
    'Later: the assistant chief agreed to come to the next meeting.',
    'Added after the meeting: two heads sent their figures by SMS.',
    'Correction: the next meeting moves to the ward office.',
  ]);
  store.write((w) => w.update('sessions', s.id, { notes: s.notes ? `${s.notes}\n${line}` : line }));
  return `edited the notes of session ${s.id}`;
};
