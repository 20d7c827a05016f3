import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PamojaError } from '../../shared/errors.ts';
import { resolveRecipient } from '../../electron/services/mail/addressBook.ts';
import { saveDraft } from '../../electron/services/mail/draft.ts';
import { composeMessages, messageBytes } from '../../electron/services/mail/message.ts';
import { getOutboxItem, outboxContent, queueBundle } from '../../electron/services/mail/outbox.ts';
import { joinParts, readPart, splitBundle } from '../../electron/services/mail/parts.ts';
import { takeEmail, takeFile, waitingBundles } from '../../electron/services/mail/receive.ts';
import { storeDigest } from '../../electron/services/sync/digest.ts';
import { tempDir } from './helpers.ts';
import { bulkSessions, twoLaptops } from './mail/laptops.ts';

const about = { sender: 'Amina’s laptop', createdAt: '2026-12-01T10:00:00.000Z' };

describe('split parts (pure)', () => {
  it('join back into the same bytes whatever order they come in', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 40_000 }),
        fc.integer({ min: 6000, max: 20_000 }),
        fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })),
        (bundle, limit, random) => {
          const parts = splitBundle(bundle, limit, about);
          for (const p of parts) expect(p.length).toBeLessThanOrEqual(limit);
          if (parts.length === 1) {
            expect(parts[0]).toEqual(bundle);
            return;
          }
          const shuffled = parts
            .map((p) => ({ p, key: random.next().value }))
            .sort((x, y) => x.key - y.key)
            .map(({ p }) => readPart(p, 'part'));
          expect(Buffer.from(joinParts(shuffled)).equals(Buffer.from(bundle))).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('names a missing part, and never mixes parts of different bundles', () => {
    const one = splitBundle(new Uint8Array(30_000).fill(1), 10_000, about).map((p) => readPart(p, 'x'));
    const other = splitBundle(new Uint8Array(30_000).fill(2), 10_000, about).map((p) => readPart(p, 'y'));
    expect(one).toHaveLength(6); // 10,000 bytes less room for the part's description
    expect(() => joinParts([one[0]!, one[2]!, one[3]!, one[4]!, one[5]!])).toThrow(
      /^Part 2 of 6 of the bundle from Amina’s laptop \(made 2026-12-01 10:00\) has not arrived yet/,
    );
    expect(() => joinParts([one[0]!, other[1]!, ...one.slice(2)])).toThrow(/different bundles/);
    expect(() => joinParts([one[0]!, one[1]!, one[3]!, one[5]!])).toThrow(/^Parts 3 and 5 of 6 /);
  });

  it('refuses a damaged part with its reason', () => {
    const part = Buffer.from(splitBundle(new Uint8Array(30_000).fill(3), 10_000, about)[1]!);
    part.writeUInt8(part.readUInt8(part.length - 10) ^ 0xff, part.length - 10);
    expect(() => readPart(part, 'p2.pamoja-part')).toThrow(
      /damaged: part 2 of 6 does not match its checksum/,
    );
    expect(() => readPart(Buffer.from('PAMOJA-PART 1\n{bad json\n'), 'p')).toThrow(/damaged/);
  });
});

describe('receiving parts and emails', () => {
  it('a split bundle from email parts shuffled, with one missing until it comes, and a part of another bundle refused', async () => {
    const { a, b, seeded } = await twoLaptops();
    bulkSessions(a, seeded.clusters[0]!, 200);
    const item = await queueBundle(a, resolveRecipient(a, b.deviceId));
    const settings = { from: 'amina@example.org', fromName: 'Amina', attachmentLimit: 64 * 1024 };
    const messages = composeMessages(a, getOutboxItem(a, item.id), outboxContent(a, item.id), settings);
    expect(messages.length).toBeGreaterThan(2);
    const emls = await Promise.all(messages.map((m) => messageBytes(m)));
    // Another, different bundle's part must not join this one.
    a.write((w) => w.update('sessions', seeded.session, { notes: 'later' }));
    bulkSessions(a, seeded.clusters[1]!, 100);
    const later = await queueBundle(a, resolveRecipient(a, b.deviceId));
    const laterParts = composeMessages(a, getOutboxItem(a, later.id), outboxContent(a, later.id), settings);
    const stray = await takeEmail(b, await messageBytes(laterParts[0]!), 'stray.eml');
    expect(stray[0]!.outcome).toBe('waiting');

    const order = [...emls.keys()].reverse();
    const held = order.pop()!; // part 1 comes last
    for (const i of order) {
      const [t] = await takeEmail(b, emls[i]!, `part${i}.eml`);
      expect(t!.outcome).toBe('waiting');
    }
    expect(waitingBundles(b).map((w) => w.message)).toContainEqual(
      expect.stringMatching(/^Part 1 of \d+ of the bundle from Amina’s laptop/),
    );
    const [done] = await takeEmail(b, emls[held]!, 'part1.eml');
    expect(done).toMatchObject({ outcome: 'imported' });
    expect(done!.import!.new).toBeGreaterThan(0);
    expect(done!.receipt).toBeTypeOf('number');
    // The other bundle's part is still waiting, on its own.
    expect(waitingBundles(b)).toHaveLength(1);
    expect(waitingBundles(b)[0]!.have).toBe(1);
  });

  it('an .eml with two bundles takes both; a draft .eml opens as a draft and imports like mail', async () => {
    const { a, b, seeded } = await twoLaptops();
    const first = await queueBundle(a, resolveRecipient(a, b.deviceId));
    a.write((w) => w.update('sessions', seeded.session, { notes: 'second bundle' }));
    const second = await queueBundle(a, resolveRecipient(a, b.deviceId));
    const m = composeMessages(a, getOutboxItem(a, first.id), outboxContent(a, first.id), {
      from: 'amina@example.org',
      fromName: '',
      attachmentLimit: 10 << 20,
    })[0]!;
    m.attachments.push({
      filename: 'second.pamoja',
      content: outboxContent(a, second.id),
      contentType: 'application/octet-stream',
    });
    const taken = await takeFile(b, await messageBytes(m), 'two.eml');
    expect(taken.map((t) => t.outcome)).toEqual(['imported', 'imported']);
    expect(storeDigest(a).digest).toBe(storeDigest(b).digest);

    const dir = tempDir();
    const draft = await saveDraft(a, resolveRecipient(a, b.deviceId), join(dir, 'for-juma.eml'));
    const text = readFileSync(draft.file, 'latin1');
    expect(text).toMatch(/^X-Unsent: 1\r$/m);
    expect(text).toMatch(/^X-Pamoja: bundle\r$/m);
    expect(readFileSync(draft.bundle).subarray(1, 5).toString()).toBe('PMJB');
    const again = await takeFile(b, readFileSync(draft.file), 'for-juma.eml');
    expect(again.map((t) => t.outcome)).toEqual(['imported']);
  });

  it('refuses an email without a bundle and a file that is none of the three, in plain words', async () => {
    const { b } = await twoLaptops();
    await expect(
      takeFile(b, Buffer.from('From: x@example.org\r\nSubject: Hello\r\n\r\nHi\r\n'), 'hello.eml'),
    ).rejects.toThrow(/carries no Pamoja bundle/);
    await expect(takeFile(b, Buffer.from('just some text'), 'notes.txt')).rejects.toThrow(PamojaError);
  });
});
