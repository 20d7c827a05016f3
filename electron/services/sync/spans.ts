/**
 * Signed spans: a laptop vouches for its own changes by signing them in spans, "every change
 * I made with lo ≤ clock ≤ hi", when it first exports them. A span travels whole, with its
 * author's signature, through every laptop that relays it, so a receiver checks each change
 * against the key of the laptop it is attributed to, however it arrived. Format:
 * docs/bundle-format.md ("Who signs what").
 */
import { createHash, sign, verify, type KeyObject } from 'node:crypto';
import type { FieldValue } from '../../../shared/sync/merge.ts';
import { PayloadEncoder } from '../../../shared/sync/payload.ts';
import type { Store } from '../../db/store.ts';
import { publicKeyFromRaw, type DeviceIdentity } from './bundleCrypto.ts';

/** Changes per span the writer aims at (a receiver accepts up to limits.maxSpanChanges). */
export const SPAN_TARGET_CHANGES = 32_768;

/** What a span record says about its body; signed (with the body's hash) by `device`'s key. */
export interface SpanHead {
  device: string;
  /** base64 raw Ed25519 public key; `device` must be the id it derives. */
  publicKey: string;
  /** The author's name as the sender knows it (not signed: names are shown, never trusted). */
  name: string;
  lo: number;
  hi: number;
  changes: number;
  /** Bytes of the body that follows. */
  bytes: number;
  /** base64 Ed25519 signature of spanMessage. */
  signature: string;
}

export interface SpanChange {
  tbl: string;
  row_id: string;
  col: string;
  value: FieldValue;
  hlc: number;
}

/** What the author signs: region, its own id, the window, the count and the body's hash. */
export function spanMessage(
  regionId: string,
  head: Pick<SpanHead, 'device' | 'lo' | 'hi' | 'changes'>,
  bodyHash: Buffer,
): Buffer {
  const numbers = Buffer.alloc(20);
  numbers.writeBigUInt64BE(BigInt(head.lo), 0);
  numbers.writeBigUInt64BE(BigInt(head.hi), 8);
  numbers.writeUInt32BE(head.changes, 16);
  return Buffer.concat([
    Buffer.from(`pamoja-span-v2\0${regionId}\0${head.device}\0`, 'utf8'),
    numbers,
    bodyHash,
  ]);
}

/**
 * A span's body: its changes, in canonical order (clock, table, row, field), encoded as a
 * one-device change list (shared/sync/payload.ts) with no names or knowledge in it. The
 * bytes depend only on the set of changes, so any laptop holding the span re-encodes the
 * same bytes, and the author's signature over their hash still holds.
 */
export function encodeSpanBody(
  device: string,
  changes: Iterable<SpanChange>,
  tables?: Record<string, number>,
): { body: Uint8Array; changes: number } {
  const encoder = new PayloadEncoder();
  for (const c of changes) {
    encoder.add(c.tbl, c.row_id, c.col, c.value, c.hlc, device);
    if (tables) tables[c.tbl] = (tables[c.tbl] ?? 0) + 1;
  }
  return { body: encoder.finish({ knowledge: {}, base: null }, () => ''), changes: encoder.changes };
}

const SPAN_CHANGES_SQL =
  'SELECT tbl, row_id, col, value, hlc FROM changes WHERE device = ? AND hlc BETWEEN ? AND ? ORDER BY hlc, tbl, row_id, col';

/** The changes of one window of a device, in canonical order. */
export function spanChanges(store: Store, deviceIdx: number, lo: number, hi: number): SpanChange[] {
  return store.statements.get(SPAN_CHANGES_SQL).all(deviceIdx, lo, hi) as SpanChange[];
}

export function signSpan(
  identity: DeviceIdentity,
  regionId: string,
  head: Pick<SpanHead, 'device' | 'lo' | 'hi' | 'changes'>,
  body: Uint8Array,
): Buffer {
  return sign(
    null,
    spanMessage(regionId, head, createHash('sha256').update(body).digest()),
    identity.privateKey,
  );
}

/** Verifies spans' signatures, each author's key decoded once. */
export class SpanVerifier {
  readonly #keys = new Map<string, KeyObject | null>();
  readonly #regionId: string;
  constructor(regionId: string) {
    this.#regionId = regionId;
  }
  verify(head: SpanHead, bodyHash: Buffer): boolean {
    let key = this.#keys.get(head.publicKey);
    if (key === undefined) {
      try {
        key = publicKeyFromRaw(head.publicKey);
      } catch {
        key = null;
      }
      this.#keys.set(head.publicKey, key);
    }
    if (!key) return false;
    const signature = Buffer.from(head.signature, 'base64');
    if (signature.length !== 64) return false;
    return verify(null, spanMessage(this.#regionId, head, bodyHash), key, signature);
  }
}

/**
 * Signs this laptop's changes not yet in a span, in spans of about SPAN_TARGET_CHANGES, cut
 * between clock values (a write's fields share one). Its own changes always take a clock
 * later than any it issued before, so a window once signed never gains a change.
 * Returns the number of spans made. Runs in its own short write transaction.
 */
export function sealOwnSpans(
  store: Store,
  identity: DeviceIdentity,
  regionId: string,
  progress?: (done: number, total: number, label?: string) => void,
): number {
  const self = store.deviceIdx;
  return store.write(() => {
    const st = store.statements;
    const last = (
      st.get('SELECT max(hi) AS hi FROM sync_spans WHERE device = ?').get(self) as {
        hi: number | null;
      }
    ).hi;
    const from = (last ?? 0) + 1;
    const put = st.get('INSERT INTO sync_spans (device, lo, hi, changes, signature) VALUES (?, ?, ?, ?, ?)');
    // Cut points first (clock values only), then each span read and signed on its own:
    // memory stays at one span whatever the store holds.
    const cuts: [number, number][] = [];
    let lo = from;
    let count = 0;
    let prev = -1;
    const clocks = st
      .get('SELECT hlc FROM changes WHERE device = ? AND hlc >= ? ORDER BY hlc')
      .pluck()
      .iterate(self, from) as IterableIterator<number>;
    for (const hlc of clocks) {
      if (hlc !== prev && count >= SPAN_TARGET_CHANGES - 64) {
        cuts.push([lo, prev]);
        lo = prev + 1;
        count = 0;
      }
      count++;
      prev = hlc;
    }
    if (count > 0) cuts.push([lo, prev]);
    // The first export of a store signs all it holds (seconds at country scale): said as it goes.
    cuts.forEach(([spanLo, spanHi], done) => {
      if (cuts.length > 1) progress?.(done, cuts.length, 'Signing this laptop’s changes');
      const rows = spanChanges(store, self, spanLo, spanHi);
      const head = { device: identity.deviceId, lo: spanLo, hi: spanHi, changes: rows.length };
      const { body } = encodeSpanBody(identity.deviceId, rows);
      put.run(self, spanLo, spanHi, rows.length, signSpan(identity, regionId, head, body));
    });
    return cuts.length;
  });
}
