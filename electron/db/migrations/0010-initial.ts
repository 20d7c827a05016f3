/**
 * The first schema. Synced tables carry a UUID `id` and are written only through the
 * change-recording write path (electron/db/writer.ts). Foreign keys between synced rows
 * are DEFERRABLE so that a bundle can deliver a child before its parent within one
 * transaction; references that a selective bundle may carry without their target are
 * plain columns (soft references).
 */
export const sql = /* sql */ `
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

-- Every device whose changes this store holds; idx keeps the change log compact.
CREATE TABLE devices (
  idx INTEGER PRIMARY KEY,
  device_id TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL DEFAULT '',
  is_self INTEGER NOT NULL DEFAULT 0
) STRICT;

-- The change log: one row per changed field. col '_deleted' with value 1 is a tombstone.
CREATE TABLE changes (
  seq INTEGER PRIMARY KEY,
  tbl TEXT NOT NULL,
  row_id TEXT NOT NULL,
  col TEXT NOT NULL,
  value ANY,
  hlc INTEGER NOT NULL,
  device INTEGER NOT NULL REFERENCES devices(idx)
) STRICT;
CREATE INDEX changes_by_field ON changes(tbl, row_id, col, hlc);
CREATE INDEX changes_by_device ON changes(device, hlc);

CREATE TABLE regions (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  country TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL DEFAULT 'en'
) STRICT;

CREATE TABLE clusters (
  id TEXT PRIMARY KEY,
  region_id TEXT NOT NULL REFERENCES regions(id) DEFERRABLE INITIALLY DEFERRED,
  name TEXT NOT NULL,
  place TEXT NOT NULL DEFAULT '',
  lat REAL NOT NULL,
  lon REAL NOT NULL,
  coach_name TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL DEFAULT 'en'
) STRICT;
CREATE INDEX clusters_by_region ON clusters(region_id);

CREATE TABLE cluster_neighbours (
  id TEXT PRIMARY KEY,
  cluster_id TEXT NOT NULL REFERENCES clusters(id) DEFERRABLE INITIALLY DEFERRED,
  neighbour_id TEXT NOT NULL REFERENCES clusters(id) DEFERRABLE INITIALLY DEFERRED
) STRICT;
CREATE INDEX neighbours_by_cluster ON cluster_neighbours(cluster_id);
CREATE INDEX neighbours_by_neighbour ON cluster_neighbours(neighbour_id);

CREATE TABLE schools (
  id TEXT PRIMARY KEY,
  cluster_id TEXT NOT NULL REFERENCES clusters(id) DEFERRABLE INITIALLY DEFERRED,
  name TEXT NOT NULL,
  head_name TEXT NOT NULL DEFAULT '',
  lat REAL NOT NULL,
  lon REAL NOT NULL,
  setting TEXT NOT NULL,
  learners INTEGER NOT NULL,
  teachers INTEGER NOT NULL
) STRICT;
CREATE INDEX schools_by_cluster ON schools(cluster_id);

CREATE TABLE members (
  id TEXT PRIMARY KEY,
  cluster_id TEXT NOT NULL REFERENCES clusters(id) DEFERRABLE INITIALLY DEFERRED,
  school_id TEXT REFERENCES schools(id) DEFERRABLE INITIALLY DEFERRED,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  phone TEXT NOT NULL DEFAULT '',
  gender TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX members_by_cluster ON members(cluster_id);
CREATE INDEX members_by_school ON members(school_id);

CREATE TABLE priorities (
  id TEXT PRIMARY KEY,
  cluster_id TEXT NOT NULL REFERENCES clusters(id) DEFERRABLE INITIALLY DEFERRED,
  tag TEXT NOT NULL,
  title TEXT NOT NULL DEFAULT '',
  rank INTEGER NOT NULL,
  agreed_on TEXT NOT NULL
) STRICT;
CREATE INDEX priorities_by_cluster ON priorities(cluster_id);

-- One row per school and term; its id is derived from both (see shared/ids.ts) so two
-- laptops entering the same term's figures merge field by field instead of duplicating.
CREATE TABLE indicators (
  id TEXT PRIMARY KEY,
  school_id TEXT NOT NULL REFERENCES schools(id) DEFERRABLE INITIALLY DEFERRED,
  term TEXT NOT NULL,
  enrolment_girls INTEGER,
  enrolment_boys INTEGER,
  attendance_rate REAL,
  dropout_rate REAL,
  dropout_rate_girls REAL,
  repetition_rate REAL,
  transition_rate REAL,
  transition_rate_girls REAL,
  literacy_rate REAL,
  numeracy_rate REAL,
  vulnerable_identified INTEGER,
  vulnerable_reached INTEGER
) STRICT;
CREATE INDEX indicators_by_school ON indicators(school_id, term);

-- seq is a local, stable rowid for the full-text index (VACUUM may renumber implicit rowids).
CREATE TABLE sessions (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  cluster_id TEXT NOT NULL REFERENCES clusters(id) DEFERRABLE INITIALLY DEFERRED,
  kind TEXT NOT NULL,
  mode TEXT NOT NULL,
  status TEXT NOT NULL,
  date TEXT NOT NULL,
  place TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '',
  agenda TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  host_school_id TEXT REFERENCES schools(id) DEFERRABLE INITIALLY DEFERRED,
  enquiry_question TEXT NOT NULL DEFAULT '',
  evidence TEXT NOT NULL DEFAULT '',
  findings TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX sessions_by_cluster ON sessions(cluster_id, date);

CREATE TABLE attendance (
  id TEXT PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES sessions(id) DEFERRABLE INITIALLY DEFERRED,
  member_id TEXT NOT NULL REFERENCES members(id) DEFERRABLE INITIALLY DEFERRED,
  status TEXT NOT NULL
) STRICT;
CREATE INDEX attendance_by_session ON attendance(session_id);
CREATE INDEX attendance_by_member ON attendance(member_id);

CREATE TABLE commitments (
  id TEXT PRIMARY KEY,
  cluster_id TEXT NOT NULL REFERENCES clusters(id) DEFERRABLE INITIALLY DEFERRED,
  session_id TEXT REFERENCES sessions(id) DEFERRABLE INITIALLY DEFERRED,
  owner_member_id TEXT NOT NULL REFERENCES members(id) DEFERRABLE INITIALLY DEFERRED,
  action TEXT NOT NULL,
  due_date TEXT NOT NULL,
  witnesses TEXT NOT NULL DEFAULT '[]',
  status TEXT NOT NULL
) STRICT;
CREATE INDEX commitments_by_cluster ON commitments(cluster_id, status, due_date);
CREATE INDEX commitments_by_session ON commitments(session_id);
CREATE INDEX commitments_by_owner ON commitments(owner_member_id);

CREATE TABLE commitment_reviews (
  id TEXT PRIMARY KEY,
  commitment_id TEXT NOT NULL REFERENCES commitments(id) DEFERRABLE INITIALLY DEFERRED,
  session_id TEXT REFERENCES sessions(id) DEFERRABLE INITIALLY DEFERRED,
  outcome TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  reviewed_on TEXT NOT NULL
) STRICT;
CREATE INDEX reviews_by_commitment ON commitment_reviews(commitment_id);
CREATE INDEX reviews_by_session ON commitment_reviews(session_id);

CREATE TABLE practices (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  problem TEXT NOT NULL DEFAULT '',
  summary TEXT NOT NULL DEFAULT '',
  tags TEXT NOT NULL DEFAULT '[]',
  steps TEXT NOT NULL DEFAULT '',
  resources TEXT NOT NULL DEFAULT '',
  cost TEXT NOT NULL,
  setting TEXT NOT NULL,
  school_size TEXT NOT NULL,
  language TEXT NOT NULL DEFAULT 'en',
  origin_cluster_id TEXT,
  origin_school_id TEXT,
  origin_place TEXT NOT NULL DEFAULT '',
  origin_lat REAL,
  origin_lon REAL,
  started_on TEXT NOT NULL
) STRICT;
CREATE INDEX practices_by_origin ON practices(origin_cluster_id);

CREATE TABLE practice_evidence (
  id TEXT PRIMARY KEY,
  practice_id TEXT NOT NULL REFERENCES practices(id) DEFERRABLE INITIALLY DEFERRED,
  kind TEXT NOT NULL,
  indicator TEXT,
  before_value REAL,
  after_value REAL,
  before_period TEXT NOT NULL DEFAULT '',
  after_period TEXT NOT NULL DEFAULT '',
  schools_count INTEGER NOT NULL DEFAULT 0,
  cluster_id TEXT,
  story TEXT NOT NULL DEFAULT '',
  recorded_on TEXT NOT NULL
) STRICT;
CREATE INDEX evidence_by_practice ON practice_evidence(practice_id);

CREATE TABLE adoptions (
  id TEXT PRIMARY KEY,
  practice_id TEXT NOT NULL REFERENCES practices(id) DEFERRABLE INITIALLY DEFERRED,
  cluster_id TEXT,
  school_id TEXT,
  adopted_on TEXT NOT NULL,
  outcome TEXT NOT NULL,
  outcome_note TEXT NOT NULL DEFAULT '',
  indicator TEXT
) STRICT;
CREATE INDEX adoptions_by_practice ON adoptions(practice_id);
CREATE INDEX adoptions_by_cluster ON adoptions(cluster_id);

-- Full-text search. External-content tables kept current by triggers, so every path
-- that writes the base tables (local edits, loader, bundle import) updates the index.
CREATE VIRTUAL TABLE practices_fts USING fts5(
  title, problem, summary, steps, tags,
  content='practices', content_rowid='seq', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER practices_fts_ai AFTER INSERT ON practices BEGIN
  INSERT INTO practices_fts(rowid, title, problem, summary, steps, tags)
  VALUES (new.seq, new.title, new.problem, new.summary, new.steps, new.tags);
END;
CREATE TRIGGER practices_fts_ad AFTER DELETE ON practices BEGIN
  INSERT INTO practices_fts(practices_fts, rowid, title, problem, summary, steps, tags)
  VALUES ('delete', old.seq, old.title, old.problem, old.summary, old.steps, old.tags);
END;
CREATE TRIGGER practices_fts_au AFTER UPDATE OF title, problem, summary, steps, tags ON practices BEGIN
  INSERT INTO practices_fts(practices_fts, rowid, title, problem, summary, steps, tags)
  VALUES ('delete', old.seq, old.title, old.problem, old.summary, old.steps, old.tags);
  INSERT INTO practices_fts(rowid, title, problem, summary, steps, tags)
  VALUES (new.seq, new.title, new.problem, new.summary, new.steps, new.tags);
END;

CREATE VIRTUAL TABLE session_notes_fts USING fts5(
  title, notes, findings, enquiry_question,
  content='sessions', content_rowid='seq', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER session_notes_fts_ai AFTER INSERT ON sessions BEGIN
  INSERT INTO session_notes_fts(rowid, title, notes, findings, enquiry_question)
  VALUES (new.seq, new.title, new.notes, new.findings, new.enquiry_question);
END;
CREATE TRIGGER session_notes_fts_ad AFTER DELETE ON sessions BEGIN
  INSERT INTO session_notes_fts(session_notes_fts, rowid, title, notes, findings, enquiry_question)
  VALUES ('delete', old.seq, old.title, old.notes, old.findings, old.enquiry_question);
END;
CREATE TRIGGER session_notes_fts_au AFTER UPDATE OF title, notes, findings, enquiry_question ON sessions BEGIN
  INSERT INTO session_notes_fts(session_notes_fts, rowid, title, notes, findings, enquiry_question)
  VALUES ('delete', old.seq, old.title, old.notes, old.findings, old.enquiry_question);
  INSERT INTO session_notes_fts(rowid, title, notes, findings, enquiry_question)
  VALUES (new.seq, new.title, new.notes, new.findings, new.enquiry_question);
END;
`;
