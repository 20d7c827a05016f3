// Mail benchmark: the size of the email carrying one week of a coach's work to her lead
// coach's laptop — two meetings recorded (attendance, notes, commitments), ten commitment
// reviews, two practices edited — on the demo region, both laptops otherwise level.
// Goal: under 100 kB, well inside a 2G session.
//   node bench/mail.ts
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../electron/db/store.ts';
import { composeMessages, messageBytes } from '../electron/services/mail/message.ts';
import { getOutboxItem, outboxContent, queueBundle, queueReceipt } from '../electron/services/mail/outbox.ts';
import { exportBundle, importBundleBytes } from '../electron/services/sync/bundles.ts';
import { joinSyncRegion } from '../electron/services/sync/service.ts';
import { demoStoreCopy } from './lib/demoStore.ts';
import './lib/secrets.ts';

const PASS = 'bench passphrase for the mail week';
const GOAL = 100 * 1024;

const { store: a, done } = demoStoreCopy('region', 1, 'mail-coach');
const dir = mkdtempSync(join(tmpdir(), 'pamoja-bench-mail-'));
let b: Store | undefined;
try {
  joinSyncRegion(a, { passphrase: PASS });
  const full = join(dir, 'full.pamoja');
  await exportBundle(a, { kind: 'full' }, full);
  b = openStore(join(dir, 'lead.sqlite'));
  importBundleBytes(b, readFileSync(full), { file: 'full.pamoja', passphrase: PASS });
  // The lead coach's receipt tells the coach's laptop that it holds everything.
  const receipt = await queueReceipt(b, { email: 'coach@example.org', name: 'Coach', deviceId: a.deviceId });
  importBundleBytes(a, outboxContent(b, receipt.id), { file: 'receipt.pamoja' });

  weekOfWork(a);
  const item = await queueBundle(a, { email: 'lead@example.org', name: 'Lead coach', deviceId: b.deviceId });
  const messages = composeMessages(a, getOutboxItem(a, item.id), outboxContent(a, item.id), {
    from: 'coach@example.org',
    fromName: 'Amina',
    attachmentLimit: 10 * 1024 * 1024,
  });
  const sizes = await Promise.all(messages.map(async (m) => (await messageBytes(m)).length));
  const total = sizes.reduce((x, y) => x + y, 0);
  const receiptMsg = composeMessages(b, getOutboxItem(b, receipt.id), outboxContent(b, receipt.id), {
    from: 'lead@example.org',
    fromName: '',
    attachmentLimit: 10 * 1024 * 1024,
  });
  const receiptBytes = (await messageBytes(receiptMsg[0]!)).length;
  console.log(`one week of a coach's work: ${item.changes} changes`);
  console.log(
    `  bundle ${(item.bytes / 1024).toFixed(1)} kB, email ${(total / 1024).toFixed(1)} kB in ${messages.length} message(s)`,
  );
  console.log(
    `  goal < ${GOAL / 1024} kB: ${total < GOAL ? 'met' : 'NOT met'} (${(total / GOAL).toFixed(2)}× the goal)`,
  );
  console.log(`  receipt email back: ${(receiptBytes / 1024).toFixed(1)} kB`);
  if (total >= GOAL) process.exitCode = 1;
} finally {
  b?.close();
  done();
  rmSync(dir, { recursive: true, force: true });
}

/** Two meetings recorded, ten commitment reviews, two practices edited — written as the app would. */
function weekOfWork(store: Store): void {
  const cluster = store.db.prepare('SELECT id FROM clusters ORDER BY name LIMIT 1').get() as { id: string };
  const members = store.db
    .prepare('SELECT id, school_id FROM members WHERE cluster_id = ? ORDER BY id')
    .all(cluster.id) as {
    id: string;
    school_id: string;
  }[];
  const commitments = store.db
    .prepare("SELECT id FROM commitments WHERE status = 'open' ORDER BY id LIMIT 10")
    .all() as { id: string }[];
  const practices = store.db.prepare('SELECT id, summary FROM practices ORDER BY id LIMIT 2').all() as {
    id: string;
    summary: string;
  }[];
  const notes =
    'Heads shared how the reading corners are going. Mnarani Primary now opens its corner at break; two schools still lack shelves. ' +
    'We agreed each head visits one neighbour school before the next meeting and brings one photo of a corner in use. ';
  store.write((w) => {
    for (const [k, date] of ['2026-06-02', '2026-06-05'].entries()) {
      const session = w.insert('sessions', {
        cluster_id: cluster.id,
        kind: 'meeting',
        mode: 'in_person',
        status: 'held',
        date,
        place: 'Mnarani Primary',
        title: `June meeting ${k + 1}`,
        agenda: 'Welcome; review of commitments; reading corners; next steps',
        notes: notes.repeat(3),
        host_school_id: members[0]?.school_id ?? null,
        enquiry_question: 'How do we keep learners reading after the corners open?',
        evidence: 'Visits to three schools; attendance sheets.',
        findings: 'Corners used most where a teacher is on duty at break.',
      });
      for (const m of members)
        w.insert('attendance', {
          session_id: session,
          member_id: m.id,
          status: m.id.endsWith('1') ? 'apologies' : 'present',
        });
      for (const m of members.slice(0, 3))
        w.insert('commitments', {
          cluster_id: cluster.id,
          session_id: session,
          owner_member_id: m.id,
          action: 'Visit one neighbour school and bring a photo of its reading corner in use',
          due_date: '2026-07-01',
          witnesses: JSON.stringify(members.slice(3, 5).map((x) => x.id)),
          status: 'open',
        });
    }
    for (const c of commitments)
      w.insert('commitment_reviews', {
        commitment_id: c.id,
        session_id: null,
        outcome: 'partly',
        note: 'Started; the shelves arrive next week.',
        reviewed_on: '2026-06-05',
      });
    for (const p of practices)
      w.update('practices', p.id, { summary: `${p.summary} Updated after the June visits.` });
  });
}
