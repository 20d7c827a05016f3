import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, stat, unlink } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { PamojaError } from '../../shared/errors.ts';
import type { FileChoice } from '../../shared/contract/shell.ts';
import type { ServiceContext } from '../services/context.ts';
import { existingBundle } from '../services/sync/places.ts';

/**
 * The browser's stand-ins for file dialogs: a file picked in the page is uploaded into the
 * data folder's `received/` folder and then named by its path like any other; a file the
 * app wrote (a bundle, an invitation) is downloaded. Both stay within what `ctx.files`
 * allows; the database itself is never offered.
 */

/** Largest upload: a bundle may be up to 2 GiB. */
export const MAX_UPLOAD_BYTES = 2 * 1024 ** 3;

const UPLOADABLE = /\.(pamoja|pamoja-invite|json)$/i;
const DOWNLOADABLE = /\.(pamoja|pamoja-invite|json|pdf|csv|html|xlsx|eml)$/i;

/** A picked file's name kept only if it is plainly a file name of a kind the app takes. */
export function uploadName(raw: string | null): string {
  const name = basename(raw ?? '').trim();
  if (!name || name.length > 200 || !UPLOADABLE.test(name) || [...name].some((c) => c.charCodeAt(0) < 32)) {
    throw new PamojaError(
      'invalid',
      `${name || 'That file'} is not a Pamoja bundle or invitation (.pamoja, .pamoja-invite or .json).`,
    );
  }
  return name;
}

export async function receiveUpload(
  req: IncomingMessage,
  ctx: ServiceContext,
  rawName: string | null,
): Promise<FileChoice> {
  const name = uploadName(rawName);
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_UPLOAD_BYTES)
    throw new PamojaError('invalid', `${name} is larger than any bundle may be (2 GiB).`);
  const folder = join(ctx.dataDir, 'received');
  await mkdir(folder, { recursive: true });
  const stamp = new Date().toISOString().slice(0, 19).replaceAll(':', '-');
  const final = join(folder, `${stamp}-${name}`);
  const temp = join(folder, `.${name}.${randomBytes(6).toString('hex')}.partial`);
  let size = 0;
  try {
    await pipeline(
      req,
      async function* (source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          size += chunk.length;
          if (size > MAX_UPLOAD_BYTES)
            throw new PamojaError('invalid', `${name} is larger than any bundle may be (2 GiB).`);
          yield chunk;
        }
      },
      createWriteStream(temp, { flags: 'wx' }),
    );
    await rename(temp, final);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw e;
  }
  const path = ctx.files.resolve(final, 'read');
  return { ref: ctx.files.grant(path, 'read'), path, name };
}

export async function sendDownload(res: ServerResponse, ctx: ServiceContext, ref: unknown): Promise<void> {
  if (typeof ref !== 'string' || !ref) throw new PamojaError('invalid', 'Say which file to download.');
  const path = await existingBundle(ctx.files.resolve(ref, 'read'));
  const name = basename(path);
  if (!DOWNLOADABLE.test(name)) throw new PamojaError('invalid', `${name} is not a file the app hands out.`);
  const { size } = await stat(path);
  res.writeHead(200, {
    'Content-Type': 'application/octet-stream',
    'Content-Length': String(size),
    'Content-Disposition': `attachment; filename="${name.replace(/[^\w.-]/g, '_')}"`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  await pipeline(createReadStream(path), res);
}
