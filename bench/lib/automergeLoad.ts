// Automerge beside Pamoja's import, on the same field changes (issue 12's yardstick: "the
// streaming import ahead of Automerge's bulk load"):
//   node bench/lib/automergeLoad.ts build STORE OUT   the store's change log as one Automerge
//                                                     document (a map per table, a map per row,
//                                                     one field set per change, in log order),
//                                                     saved to OUT
//   node bench/lib/automergeLoad.ts load FILE         loads the saved document once, in this
//                                                     fresh process; prints {"seconds": …}
// Building takes minutes at a million changes, so bench/sync.ts keeps the saved document in
// /tmp/pamoja-bench. The document is built in changes of 20,000 fields: fewer, larger changes
// make the saved file the cheapest for Automerge to load.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as Automerge from '@automerge/automerge';
import Database from 'better-sqlite3';

type Field = string | number | null | Uint8Array;
type Doc = Record<string, Record<string, Record<string, Field>>>;

const [what, a, b] = process.argv.slice(2) as [string, string, string | undefined];
if (what === 'build') {
  const db = new Database(a, { readonly: true });
  const changes = db.prepare('SELECT tbl, row_id, col, value FROM changes ORDER BY seq').raw().all() as [
    string,
    string,
    string,
    Field | Buffer,
  ][];
  db.close();
  let doc = Automerge.init<Doc>();
  const CHUNK = 20_000;
  for (let at = 0; at < changes.length; at += CHUNK)
    doc = Automerge.change(doc, (d) => {
      for (const [tbl, rowId, col, value] of changes.slice(at, at + CHUNK)) {
        const row = ((d[tbl] ??= {})[rowId] ??= {});
        row[col] = Buffer.isBuffer(value) ? new Uint8Array(value) : value;
      }
    });
  writeFileSync(`${b}.partial`, Automerge.save(doc));
  renameSync(`${b}.partial`, b!);
  process.stdout.write(`${JSON.stringify({ changes: changes.length })}\n`);
} else if (what === 'load') {
  const saved = readFileSync(a);
  const t = performance.now();
  const doc = Automerge.load<Doc>(saved);
  const seconds = (performance.now() - t) / 1000;
  if (Object.keys(doc).length === 0) throw new Error('the saved document is empty');
  process.stdout.write(`${JSON.stringify({ seconds })}\n`);
} else throw new Error('usage: automergeLoad.ts build STORE OUT | load FILE');
