/**
 * Merging two write-ups of the same practice keeps the one the coach chose and records
 * the other here: where it came from, when it started, and its own words, so neither
 * origin is lost. A synced table written only through the write path; the practice is a
 * deferrable foreign key (a bundle may bring this row first), the merged write-up's id a
 * soft reference (that practice is gone once merged), kept so old links still lead here.
 */
export const sql = /* sql */ `
CREATE TABLE practice_origins (
  id TEXT PRIMARY KEY,
  practice_id TEXT NOT NULL REFERENCES practices(id) DEFERRABLE INITIALLY DEFERRED,
  merged_practice_id TEXT NOT NULL,
  title TEXT NOT NULL,
  problem TEXT NOT NULL DEFAULT '',
  steps TEXT NOT NULL DEFAULT '',
  origin_cluster_id TEXT,
  origin_school_id TEXT,
  origin_place TEXT NOT NULL DEFAULT '',
  started_on TEXT NOT NULL,
  merged_on TEXT NOT NULL
) STRICT;
CREATE INDEX origins_by_practice ON practice_origins(practice_id);
CREATE INDEX origins_by_merged ON practice_origins(merged_practice_id);
`;
