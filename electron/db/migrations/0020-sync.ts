/**
 * Local bookkeeping for sync bundles. None of these tables is synced: they describe what
 * this laptop holds and has seen, not the region's data.
 */
export const sql = /* sql */ `
-- What this store holds of each other device's changes: clock ranges (JSON [[lo,hi],...])
-- within which it has every change. This device's own range is implied by its clock.
CREATE TABLE sync_knowledge (
  device_id TEXT PRIMARY KEY,
  ranges TEXT NOT NULL
) STRICT;

-- Devices that sent this store a bundle: what each last declared it holds, so a bundle
-- for it carries everything it is not known to have.
CREATE TABLE sync_peers (
  device_id TEXT PRIMARY KEY,
  name TEXT NOT NULL DEFAULT '',
  public_key TEXT NOT NULL DEFAULT '',
  knowledge TEXT NOT NULL DEFAULT '{}',
  last_bundle_at TEXT NOT NULL DEFAULT '',
  last_taken_at TEXT NOT NULL DEFAULT ''
) STRICT;

-- Received changes stamped implausibly far in the future: kept aside, not applied, and
-- looked at again on later imports once the local clock has caught up.
CREATE TABLE sync_held (
  tbl TEXT NOT NULL,
  row_id TEXT NOT NULL,
  col TEXT NOT NULL,
  value ANY,
  hlc INTEGER NOT NULL,
  device_id TEXT NOT NULL,
  held_at TEXT NOT NULL,
  PRIMARY KEY (tbl, row_id, col, hlc, device_id)
) STRICT;

-- Rows whose change log says they exist but that wait for a parent this store does not
-- have (a child delivered before its parent, or whose parent was deleted elsewhere).
-- Not-null references hide the row; nullable ones show it with the reference empty.
CREATE TABLE sync_waiting (
  tbl TEXT NOT NULL,
  row_id TEXT NOT NULL,
  parent_tbl TEXT NOT NULL,
  parent_id TEXT NOT NULL,
  PRIMARY KEY (tbl, row_id, parent_tbl, parent_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX sync_waiting_by_parent ON sync_waiting(parent_tbl, parent_id);

-- Every bundle this store imported, by content hash, with the knowledge it declared:
-- the mailbox skips bundles already taken and clears those every known device has.
CREATE TABLE sync_taken (
  bundle_hash TEXT PRIMARY KEY,
  sender_device TEXT NOT NULL,
  created_at TEXT NOT NULL,
  knowledge TEXT NOT NULL,
  taken_at TEXT NOT NULL
) STRICT;

-- The sync history shown on the Sync screen.
CREATE TABLE sync_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  action TEXT NOT NULL,
  file TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL DEFAULT '',
  device_id TEXT NOT NULL DEFAULT '',
  device_name TEXT NOT NULL DEFAULT '',
  changes INTEGER NOT NULL DEFAULT 0,
  counts TEXT NOT NULL DEFAULT '{}',
  outcome TEXT NOT NULL,
  message TEXT NOT NULL DEFAULT ''
) STRICT;

-- Bundles whose timestamps ran far ahead: the app warns that a clock looks wrong.
CREATE TABLE sync_clock_warnings (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  device_id TEXT NOT NULL,
  device_name TEXT NOT NULL DEFAULT '',
  ahead_ms INTEGER NOT NULL,
  held INTEGER NOT NULL,
  file TEXT NOT NULL DEFAULT ''
) STRICT;

-- Removing a school must find sessions it hosted without scanning them all.
CREATE INDEX sessions_by_host ON sessions(host_school_id);
`;
