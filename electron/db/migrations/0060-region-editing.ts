/**
 * The coach keeps her own region: the fields a CoP, school, member and priority need to
 * be edited for real, and the list of what was removed on this laptop.
 *
 * The new synced columns have defaults (shared/schema/tables.ts `columnDefaults`): a row
 * whose change log predates them takes the default when merged, so older rows stay whole.
 */
export const sql = /* sql */ `
-- The CoP's own criteria of an effective school: a JSON list of short sentences.
ALTER TABLE clusters ADD COLUMN criteria TEXT NOT NULL DEFAULT '[]';

-- The government's code for the school (e.g. KNEC / MoE code); closing keeps the row.
ALTER TABLE schools ADD COLUMN official_code TEXT NOT NULL DEFAULT '';
ALTER TABLE schools ADD COLUMN closed_on TEXT;
ALTER TABLE schools ADD COLUMN closed_reason TEXT NOT NULL DEFAULT '';

-- A member who left the CoP stays in past attendance; left_on says since when.
ALTER TABLE members ADD COLUMN left_on TEXT;

-- The period a priority was agreed for, in the CoP's words (e.g. "2026", "Terms 1–2 2026").
ALTER TABLE priorities ADD COLUMN period TEXT NOT NULL DEFAULT '';

-- What the coach removed on this laptop, newest first, for "Recently removed" and Restore.
-- Local bookkeeping, never synced: the tombstones themselves travel in the change log.
-- rows: JSON [[table, id], ...] of everything removed together, parents first.
CREATE TABLE removals (
  id INTEGER PRIMARY KEY,
  tbl TEXT NOT NULL,
  row_id TEXT NOT NULL,
  label TEXT NOT NULL,
  cluster_id TEXT,
  rows TEXT NOT NULL,
  removed_at TEXT NOT NULL,
  restored_at TEXT
) STRICT;
CREATE INDEX removals_recent ON removals(restored_at, removed_at);
CREATE INDEX removals_by_row ON removals(tbl, row_id);
`;
