import { receiveHlc } from '../../../shared/clock.ts';
import { PamojaError } from '../../../shared/errors.ts';
import { PayloadFormatError } from '../../../shared/sync/bytes.ts';
import { knowledgeCovers, withoutSpans, type Knowledge } from '../../../shared/sync/knowledge.ts';
import { decodePayload, type DecodedPayload } from '../../../shared/sync/payload.ts';
import { isKeyDerivedId } from '../../db/deviceKey.ts';
import { ReceivedWriter } from '../../db/received.ts';
import type { Store } from '../../db/store.ts';
import { BundleError } from './bundleError.ts';
import type { BundleAbout } from './bundleHeader.ts';
import { clockWarning, emptyTally, holdBack, releaseHeld, type ClockWarning } from './heldBack.ts';
import { addKnowledge, ownKnowledge, recordPeer } from './knowledgeStore.ts';
import { DEFAULT_STREAM_LIMITS } from './limits.ts';
import { PayloadParser, type StreamHandlers, type StreamMeta } from './payloadStream.ts';
import { joinedRegion } from './regionSecret.ts';
import { SpanVerifier, type SpanHead } from './spans.ts';
import { logSync } from './syncLog.ts';
import { changesOf, type Incoming, type Write } from '../../../shared/sync/writes.ts';
import { partitionByClock, validateWrites } from './validateChanges.ts';

/** Who a payload came from, as its bundle header says. */
export interface ImportSource {
  senderDevice: string;
  senderName: string;
  senderPublicKey: string;
  createdAt: string;
  kind: string;
  /** File name for the sync log. */
  file: string;
  /** Content hash of the bundle file: the mailbox skips bundles already taken. */
  bundleHash?: string;
  /** The region spans are signed for (default: the store's region, '' without one). */
  regionId?: string;
}

export interface TableCounts {
  new: number;
  known: number;
  superseded: number;
}

export interface ImportResult {
  changes: number;
  new: number;
  known: number;
  superseded: number;
  /** Changes held back because their time is implausibly far ahead. */
  held: number;
  /** Changes held back earlier that the local clock has now caught up with. */
  released: number;
  tables: Record<string, TableCounts>;
  /** Origin devices of the new changes. */
  devices: { deviceId: string; name: string; new: number }[];
  clockWarning: ClockWarning | null;
}

type Progress = (done: number, total: number, label?: string) => void;

/**
 * One import, inside one write transaction, taking the payload a span at a time as the
 * bundle is read (electron/services/sync/payloadStream.ts). Each step has its own method:
 * release held changes (constructor), take the sender's knowledge (meta), check and apply
 * each span (span), then knowledge, peer, clock and log (finish). Memory holds one span and
 * the counters, whatever the bundle's size.
 */
export class ImportSession implements StreamHandlers {
  readonly result: ImportResult = {
    changes: 0,
    new: 0,
    known: 0,
    superseded: 0,
    held: 0,
    released: 0,
    tables: {},
    devices: [],
    clockWarning: null,
  };
  readonly #store: Store;
  readonly #source: ImportSource;
  readonly #progress: Progress | undefined;
  readonly #now: number;
  readonly #nowIso: string;
  readonly #createdMs: number | undefined;
  readonly #knowledgeBefore: Knowledge;
  readonly #verifier: SpanVerifier;
  readonly #writer: ReceivedWriter;
  readonly #held = emptyTally();
  readonly #byDevice = new Map<string, number>();
  readonly #names = new Map<string, string>();
  readonly #lastHi = new Map<string, number>();
  #meta: StreamMeta | undefined;
  /** The names the bundle's encrypted part carried (the sender's, the region's). */
  about: BundleAbout = { regionName: '', senderName: '' };
  #maxApplied = 0;
  #spans = 0;

  constructor(store: Store, source: ImportSource, progress?: Progress) {
    this.#store = store;
    this.#source = source;
    this.#progress = progress;
    this.#now = store.clock.now();
    this.#nowIso = new Date(this.#now).toISOString();
    const created = Date.parse(source.createdAt);
    this.#createdMs = Number.isNaN(created) ? undefined : created;
    this.#knowledgeBefore = ownKnowledge(store);
    this.#verifier = new SpanVerifier(source.regionId ?? joinedRegion(store)?.regionId ?? '');
    this.#writer = new ReceivedWriter(store);
    // Held-back changes whose time the local clock has now reached go in with this bundle.
    const released = releaseHeld(store, this.#now);
    this.result.released = released.length;
    this.#apply(released);
  }

  meta(meta: StreamMeta): void {
    this.#meta = meta;
    this.about = meta.about ?? { regionName: '', senderName: this.#source.senderName };
    this.#names.set(this.#source.senderDevice, this.about.senderName);
  }

  /** Checks a span against its author's key, then records and merges its changes. */
  span(head: SpanHead, body: Buffer, bodyHash: Buffer): void {
    const author = this.#authorName(head);
    if (!isKeyDerivedId(head.device, head.publicKey))
      throw new BundleError('forged', `span of ${head.device} carries another laptop's key`, {
        authorName: author,
      });
    if (!this.#verifier.verify(head, bodyHash))
      throw new BundleError('forged', `span ${head.lo}..${head.hi} of ${head.device} fails its signature`, {
        authorName: author,
      });
    const last = this.#lastHi.get(head.device);
    if (last !== undefined && head.lo <= last)
      throw new BundleError('damaged', `spans of ${head.device} overlap or are out of order`);
    this.#lastHi.set(head.device, head.hi);
    const decoded = decodeSpan(head, body);
    const { writes } = validateWrites(decoded);
    this.result.changes += decoded.changes;
    this.#writer.device(head.device, head.name, head.publicKey);
    if (head.name) this.#names.set(head.device, head.name);

    if (this.#writer.holdsSpan(head)) {
      // Already held whole, as signed: nothing in it can be new.
      for (const w of writes) this.#counts(w.table).known += w.cols.length;
    } else {
      const { apply, held } = partitionByClock(writes, this.#now, this.#createdMs);
      this.#hold(held);
      this.#apply(apply);
      this.#writer.recordSpan(head);
    }
    this.#progress?.(++this.#spans, this.#spans + 1, 'Merging changes');
  }

  /** After the last span and the bundle's own signature: knowledge, peer, clock, log. */
  finish(within?: (about: BundleAbout) => void, bundleHash = this.#source.bundleHash): ImportResult {
    const store = this.#store;
    const source = this.#source;
    const meta = this.#meta!;
    const r = this.result;
    this.#writer.finish();
    r.held = this.#held.count;
    if (meta.base && knowledgeCovers(this.#knowledgeBefore, meta.base))
      addKnowledge(store, withoutSpans(meta.knowledge, this.#held.spans));
    recordPeer(store, {
      deviceId: source.senderDevice,
      name: this.about.senderName,
      publicKey: source.senderPublicKey,
      knowledge: meta.knowledge,
      createdAt: source.createdAt,
      takenAt: this.#nowIso,
    });
    if (this.#maxApplied > store.clock.last)
      store.clock.last = receiveHlc(store.clock.last, this.#maxApplied, this.#now);
    for (const t of Object.values(r.tables)) {
      r.new += t.new;
      r.known += t.known;
      r.superseded += t.superseded;
    }
    r.devices = [...this.#byDevice].map(([deviceId, n]) => ({
      deviceId,
      name: this.#names.get(deviceId) ?? '',
      new: n,
    }));
    r.clockWarning = clockWarning(store, source, this.#held, this.#now, this.#nowIso);
    if (bundleHash)
      store.statements
        .get(
          'INSERT OR IGNORE INTO sync_taken (bundle_hash, sender_device, created_at, knowledge, taken_at) VALUES (?, ?, ?, ?, ?)',
        )
        .run(bundleHash, source.senderDevice, source.createdAt, JSON.stringify(meta.knowledge), this.#nowIso);
    within?.(this.about);
    logSync(store, {
      at: this.#nowIso,
      action: 'import',
      file: source.file,
      kind: source.kind,
      deviceId: source.senderDevice,
      deviceName: this.about.senderName,
      changes: r.changes,
      counts: { new: r.new, known: r.known, superseded: r.superseded, held: r.held },
      outcome: 'ok',
      message: '',
    });
    this.#progress?.(r.changes, r.changes, 'Merging changes');
    return r;
  }

  #authorName(head: SpanHead): string {
    return this.#writer.knownName(head.device) || head.name || head.device;
  }

  #counts(table: string): TableCounts {
    return (this.result.tables[table] ??= { new: 0, known: 0, superseded: 0 });
  }

  /** Changes stamped too far ahead wait in sync_held (unless this store applied them already). */
  #hold(held: Write[]): void {
    if (!held.length) return;
    const toHold: Incoming[] = [];
    for (const w of held)
      for (const c of changesOf([w])) {
        if (this.#writer.holds(w.table, w.rowId, c)) this.#counts(w.table).known++;
        else toHold.push({ ...c, table: w.table, rowId: w.rowId });
      }
    holdBack(this.#store, toHold, this.#nowIso, this.#held);
  }

  #apply(writes: Write[]): void {
    if (!writes.length) return;
    const applied = this.#writer.apply(writes);
    for (const [table, c] of Object.entries(applied.tables)) {
      const t = this.#counts(table);
      t.new += c.new;
      t.known += c.known;
      t.superseded += c.superseded;
    }
    for (const [device, n] of applied.byDevice)
      this.#byDevice.set(device, (this.#byDevice.get(device) ?? 0) + n);
    if (applied.maxHlc > this.#maxApplied) this.#maxApplied = applied.maxHlc;
  }
}

/** A span's body as changes; it must hold exactly what its head says, all by its author, in its window. */
function decodeSpan(head: SpanHead, body: Buffer): DecodedPayload {
  let decoded: DecodedPayload;
  try {
    decoded = decodePayload(body);
  } catch (e) {
    if (e instanceof PayloadFormatError)
      throw new PamojaError('invalid', `This bundle's list of changes cannot be read: ${e.message}.`);
    throw e;
  }
  const devices = decoded.meta.devices;
  if (devices.length !== 1 || devices[0]!.id !== head.device || decoded.changes !== head.changes)
    throw new BundleError('damaged', `span of ${head.device} holds other than it says`);
  for (const g of decoded.groups)
    if (g.hlc < head.lo || g.hlc > head.hi)
      throw new BundleError('damaged', `span of ${head.device} holds a change outside its window`);
  return decoded;
}

/**
 * Applies a whole payload in memory, all-or-nothing (tests, and bundles already in memory go
 * through bundles.ts instead). Every change is checked before the transaction commits.
 */
export function applyPayload(
  store: Store,
  payload: Uint8Array,
  source: ImportSource,
  progress?: Progress,
  within?: () => void,
): ImportResult {
  return store.write(() => {
    const session = new ImportSession(store, source, progress);
    const parser = new PayloadParser(DEFAULT_STREAM_LIMITS, session);
    parser.push(payload);
    parser.end();
    return session.finish(within);
  });
}
