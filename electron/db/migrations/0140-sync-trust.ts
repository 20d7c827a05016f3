/**
 * Bundle format 2: every change travels inside a span signed by the laptop that made it
 * (docs/bundle-format.md). A store keeps the spans it holds whole, so it can relay them
 * with their authors' signatures. Also: the laptop's id becomes derived from its key — done
 * by code at open (electron/db/deviceId.ts), since SQLite cannot hash.
 */
export const sql = /* sql */ `
-- A span: every change of one device with lo <= hlc <= hi, as that device signed them.
-- Spans of the store's own device are made (signed) when it exports.
CREATE TABLE sync_spans (
  device INTEGER NOT NULL REFERENCES devices(idx),
  lo INTEGER NOT NULL,
  hi INTEGER NOT NULL,
  changes INTEGER NOT NULL,
  signature BLOB NOT NULL,
  PRIMARY KEY (device, lo, hi)
) STRICT, WITHOUT ROWID;

-- The raw Ed25519 public key (base64) each author's id derives from: relayed with its spans.
ALTER TABLE devices ADD COLUMN public_key TEXT NOT NULL DEFAULT '';
`;
