/**
 * The payload of a format-2 bundle: a stream of records, read and applied one at a time so
 * that import memory does not grow with the bundle (docs/bundle-format.md, "Payload").
 *
 *   u8 2 (payload version) ‖ u32 M ‖ meta JSON (M bytes)
 *   then records: u8 1 ‖ u32 S ‖ span head JSON (S bytes) ‖ body (head.bytes)   a signed span
 *                 u8 0                                                          the end
 *
 * Every length is checked against its cap before anything waits for the bytes it announces.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { KnowledgeSchema, type Knowledge } from '../../../shared/sync/knowledge.ts';
import { BundleError } from './bundleError.ts';
import { ByteQueue } from './byteQueue.ts';
import type { BundleAbout } from './bundleHeader.ts';
import type { StreamLimits } from './limits.ts';
import type { SpanHead } from './spans.ts';

export const PAYLOAD_STREAM_VERSION = 2;
const TAG_END = 0;
const TAG_SPAN = 1;

export interface StreamMeta {
  /** What the sender holds: per origin device, clock ranges. */
  knowledge: Knowledge;
  /** What the sender assumed the receiver holds; null for a selective bundle (teaches no ranges). */
  base: Knowledge | null;
  /** The names the public header leaves out (absent only in hand-made test payloads). */
  about?: BundleAbout;
}

const MetaSchema = z
  .object({
    knowledge: KnowledgeSchema,
    base: KnowledgeSchema.nullable(),
    about: z
      .object({
        regionName: z.string().max(200),
        senderName: z.string().max(200),
        scope: z.string().max(4000).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

const hlc = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const SpanHeadSchema = z
  .object({
    device: z.string().min(1).max(100),
    publicKey: z.string().length(44),
    name: z.string().max(200),
    lo: hlc,
    hi: hlc,
    changes: z.number().int().min(1),
    bytes: z.number().int().min(1),
    signature: z.string().length(88),
  })
  .strict();

const u32 = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};

export function streamStart(meta: StreamMeta): Buffer {
  const json = Buffer.from(JSON.stringify(meta), 'utf8');
  return Buffer.concat([Buffer.from([PAYLOAD_STREAM_VERSION]), u32(json.length), json]);
}

export function spanRecord(head: SpanHead, body: Uint8Array): Buffer[] {
  const json = Buffer.from(JSON.stringify(head), 'utf8');
  return [Buffer.concat([Buffer.from([TAG_SPAN]), u32(json.length), json]), Buffer.from(body)];
}

export const streamEnd = (): Buffer => Buffer.from([TAG_END]);

export interface StreamHandlers {
  meta(meta: StreamMeta): void;
  /** A span, its body and the body's SHA-256 (bounded by the limits: one span at a time). */
  span(head: SpanHead, body: Buffer, bodyHash: Buffer): void;
}

type State = 'version' | 'metaLength' | 'meta' | 'tag' | 'headLength' | 'head' | 'body' | 'done';

/** Parses the payload pushed in pieces; hands each part to the handlers as soon as it is whole. */
export class PayloadParser {
  readonly #queue = new ByteQueue();
  readonly #limits: StreamLimits;
  readonly #on: StreamHandlers;
  #state: State = 'version';
  #length = 0;
  #head: SpanHead | undefined;
  #spans = 0;
  #changes = 0;

  constructor(limits: StreamLimits, handlers: StreamHandlers) {
    this.#limits = limits;
    this.#on = handlers;
  }

  get changes(): number {
    return this.#changes;
  }

  /** `piece` is kept as it is until used: pass bytes nobody will overwrite (the reader's chunks are fresh). */
  push(piece: Uint8Array): void {
    this.#queue.push(piece);
    this.#run();
  }

  end(): void {
    if (this.#state !== 'done') throw damaged(`the change list ends early (${this.#state})`);
  }

  #run(): void {
    const q = this.#queue;
    const L = this.#limits;
    for (;;) {
      switch (this.#state) {
        case 'version': {
          if (q.length < 1) return;
          const v = q.take(1)[0]!;
          if (v !== PAYLOAD_STREAM_VERSION) throw damaged(`change list version ${v}`);
          this.#state = 'metaLength';
          break;
        }
        case 'metaLength':
        case 'headLength': {
          if (q.length < 4) return;
          const n = q.take(4).readUInt32BE(0);
          const meta = this.#state === 'metaLength';
          const cap = meta ? L.maxMetaBytes : L.maxSpanHeadBytes;
          if (n > cap) throw tooLarge(`${meta ? 'knowledge' : 'a span header'} over ${cap} bytes`);
          this.#length = n;
          this.#state = meta ? 'meta' : 'head';
          break;
        }
        case 'meta': {
          if (q.length < this.#length) return;
          const parsed = MetaSchema.safeParse(parseJson(q.take(this.#length)));
          if (!parsed.success) throw damaged('the change list header is malformed');
          this.#on.meta(parsed.data);
          this.#state = 'tag';
          break;
        }
        case 'tag': {
          if (q.length < 1) return;
          const tag = q.take(1)[0]!;
          if (tag === TAG_END) this.#state = 'done';
          else if (tag === TAG_SPAN) {
            if (++this.#spans > L.maxSpans) throw tooLarge(`more than ${L.maxSpans} spans`);
            this.#state = 'headLength';
          } else throw damaged(`unknown record ${tag} in the change list`);
          break;
        }
        case 'head': {
          if (q.length < this.#length) return;
          const parsed = SpanHeadSchema.safeParse(parseJson(q.take(this.#length)));
          if (!parsed.success) throw damaged('a span header is malformed');
          const head = parsed.data;
          // Caps before the body is waited for: what a span announces bounds what it costs.
          if (head.bytes > L.maxSpanBytes) throw tooLarge(`a span of ${head.bytes} bytes`);
          if (head.changes > L.maxSpanChanges) throw tooLarge(`a span of ${head.changes} changes`);
          if (head.lo > head.hi) throw damaged('a span ends before it starts');
          this.#changes += head.changes;
          if (this.#changes > L.maxChanges) throw tooLarge(`more than ${L.maxChanges} changes`);
          this.#head = head;
          this.#state = 'body';
          break;
        }
        case 'body': {
          const head = this.#head!;
          if (q.length < head.bytes) return;
          const body = q.take(head.bytes);
          this.#on.span(head, body, createHash('sha256').update(body).digest());
          this.#head = undefined;
          this.#state = 'tag';
          break;
        }
        case 'done':
          if (q.length > 0) throw damaged('bytes after the end of the change list');
          return;
      }
    }
  }
}

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw damaged('a part of the change list is not JSON');
  }
}

const damaged = (detail: string) => new BundleError('damaged', detail);
const tooLarge = (limit: string) => new BundleError('too_large', limit, { limit });
