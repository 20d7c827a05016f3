import type { Store } from '../../electron/db/store.ts';
import type { DeviceIdentity } from '../../electron/services/sync/bundleCrypto.ts';
import { deviceIdentity } from '../../electron/services/sync/identity.ts';
import {
  spanRecord,
  streamEnd,
  streamStart,
  type StreamMeta,
} from '../../electron/services/sync/payloadStream.ts';
import {
  encodeSpanBody,
  signSpan,
  type SpanChange,
  type SpanHead,
} from '../../electron/services/sync/spans.ts';

/**
 * A payload of one span built by hand: `changes` attributed to `claimed` (default: the
 * signer's own id) and signed by `signer`. A forger signs with its own key while claiming
 * another laptop's id, or puts the claimed laptop's public key in the head.
 */
export function spanPayload(
  signer: DeviceIdentity,
  changes: SpanChange[],
  options: {
    claimed?: string;
    publicKey?: string;
    name?: string;
    regionId?: string;
    meta?: StreamMeta;
    /** Alters the body after signing (a change edited in transit). */
    alter?: (body: Buffer) => Buffer;
  } = {},
): Uint8Array {
  const device = options.claimed ?? signer.deviceId;
  const sorted = [...changes].sort(
    (a, b) => a.hlc - b.hlc || cmp(a.tbl, b.tbl) || cmp(a.row_id, b.row_id) || cmp(a.col, b.col),
  );
  const { body } = encodeSpanBody(device, sorted);
  const lo = sorted[0]!.hlc;
  const hi = sorted.at(-1)!.hlc;
  const head = { device, lo, hi, changes: sorted.length };
  const signature = signSpan(signer, options.regionId ?? '', head, body);
  const sent = options.alter ? options.alter(Buffer.from(body)) : Buffer.from(body);
  const full: SpanHead = {
    ...head,
    publicKey: options.publicKey ?? signer.publicKeyRaw,
    name: options.name ?? '',
    bytes: sent.length,
    signature: signature.toString('base64'),
  };
  return Buffer.concat([
    streamStart(options.meta ?? { knowledge: {}, base: null }),
    ...spanRecord(full, sent),
    streamEnd(),
  ]);
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export const identityOf = (store: Store): DeviceIdentity => deviceIdentity(store);
