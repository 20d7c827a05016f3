/**
 * Email as a sync transport. All local to this laptop and never synced: mail settings
 * (passwords only sealed, never in clear), the address book, the outbox, parts of split
 * bundles waiting for the rest, and what was fetched from the mail server.
 */
export const sql = /* sql */ `
CREATE TABLE mail_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  data TEXT NOT NULL,
  smtp_password_sealed BLOB,
  imap_password_sealed BLOB,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE mail_addresses (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('laptop', 'coach', 'official')),
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  device_id TEXT,
  added_at TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX mail_addresses_by_email ON mail_addresses(kind, email);

CREATE TABLE mail_outbox (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('bundle', 'report', 'receipt')),
  to_email TEXT NOT NULL,
  to_name TEXT NOT NULL,
  to_device TEXT,
  file_name TEXT NOT NULL,
  content BLOB NOT NULL,
  bytes INTEGER NOT NULL,
  content_hash TEXT NOT NULL,
  changes INTEGER NOT NULL DEFAULT 0,
  -- What this laptop held when the bundle was made: a receipt covering it settles the item.
  knowledge TEXT,
  summary TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'delivered')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT,
  parts_total INTEGER NOT NULL DEFAULT 0,
  parts_sent INTEGER NOT NULL DEFAULT 0,
  failure TEXT NOT NULL DEFAULT '',
  last_error TEXT NOT NULL DEFAULT '',
  queued_at TEXT NOT NULL,
  sent_at TEXT,
  settled_at TEXT,
  removed_at TEXT
) STRICT;
CREATE INDEX mail_outbox_by_status ON mail_outbox(status, next_attempt_at);

CREATE TABLE mail_parts (
  bundle_hash TEXT NOT NULL,
  part INTEGER NOT NULL,
  parts INTEGER NOT NULL,
  bytes INTEGER NOT NULL,
  sender TEXT NOT NULL,
  created_at TEXT NOT NULL,
  data BLOB NOT NULL,
  source TEXT NOT NULL,
  received_at TEXT NOT NULL,
  PRIMARY KEY (bundle_hash, part)
) STRICT;

CREATE TABLE mail_inbox (
  message_id TEXT PRIMARY KEY,
  from_email TEXT NOT NULL,
  subject TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('imported', 'waiting', 'known', 'failed')),
  message TEXT NOT NULL,
  at TEXT NOT NULL
) STRICT;
`;
