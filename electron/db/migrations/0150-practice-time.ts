/**
 * The time a practice takes (a teacher's minutes a week, how long until it shows), beside
 * what it needs and what it costs. A synced column with a default (shared/schema/tables.ts
 * `columnDefaults`): a practice whose change log predates it merges with no time given.
 */
export const sql = /* sql */ `
ALTER TABLE practices ADD COLUMN time_needed TEXT NOT NULL DEFAULT '';
`;
