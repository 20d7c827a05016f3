import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { PamojaError } from '../../../shared/errors.ts';

/**
 * Temporary files are named `.<final name>.<random>.partial` in the same folder: hidden, and
 * with an ending no bundle has, so a mailbox scan skips them (see isPartialWrite).
 */
export const BUNDLE_TEMP_SUFFIX = '.partial';

export function isPartialWrite(fileName: string): boolean {
  return fileName.startsWith('.') && fileName.endsWith(BUNDLE_TEMP_SUFFIX);
}

/**
 * Removes temporary files that writes killed midway left in `folder` (a pulled stick, a
 * crash), once older than `olderThanMs` so a write still under way is left alone.
 * Returns the names removed.
 */
export async function removeStalePartials(
  folder: string,
  olderThanMs = 60 * 60 * 1000,
  now = Date.now(),
): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await readdir(folder)) {
    if (!isPartialWrite(name)) continue;
    const path = join(folder, name);
    try {
      if (now - (await stat(path)).mtimeMs < olderThanMs) continue;
      await unlink(path);
      removed.push(name);
    } catch {
      // Gone already, or not ours to remove: either way nothing to clear.
    }
  }
  return removed;
}

type Bytes = Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>;

/**
 * Writes a file so that its final name only ever holds the complete bytes: write a temporary
 * file beside it, flush it to the device, rename it over the final name, then flush the
 * folder so the rename itself survives a power cut or a pulled stick.
 */
export async function writeFileAtomic(path: string, data: Bytes): Promise<void> {
  const folder = dirname(path);
  const temp = join(folder, `.${basename(path)}.${randomBytes(6).toString('hex')}${BUNDLE_TEMP_SUFFIX}`);
  let handle;
  try {
    handle = await open(temp, 'wx', 0o644);
  } catch (e) {
    throw cannotWrite(path, e);
  }
  try {
    try {
      for await (const piece of data instanceof Uint8Array ? [data] : data) await writeAll(handle, piece);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw e instanceof PamojaError ? e : cannotWrite(path, e);
  }
  await syncFolder(folder);
}

/**
 * writeFileAtomic with the pieces produced synchronously (an export reading its store inside
 * one read transaction, which cannot span an await); returns the bytes written.
 */
export function writeFileAtomicSync(path: string, data: Iterable<Uint8Array>): number {
  const folder = dirname(path);
  const temp = join(folder, `.${basename(path)}.${randomBytes(6).toString('hex')}${BUNDLE_TEMP_SUFFIX}`);
  let fd: number;
  try {
    fd = openSync(temp, 'wx', 0o644);
  } catch (e) {
    throw cannotWrite(path, e);
  }
  let bytes = 0;
  try {
    try {
      for (const piece of data) {
        let offset = 0;
        while (offset < piece.length) offset += writeSync(fd, piece, offset, piece.length - offset);
        bytes += piece.length;
      }
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (e) {
    try {
      unlinkSync(temp);
    } catch {
      // Never written, or gone already.
    }
    throw e instanceof PamojaError ? e : cannotWrite(path, e);
  }
  syncFolderSync(folder);
  return bytes;
}

function syncFolderSync(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch (e) {
    // As syncFolder: some systems cannot flush a folder; the rename is done either way.
    const code = (e as { code?: string }).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EACCES')
      throw cannotWrite(folder, e);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** writeBundleFile: the bytes of encodeBundle, or the pieces of encodeBundleStream. */
export const writeBundleFile = writeFileAtomic;

async function writeAll(handle: Awaited<ReturnType<typeof open>>, piece: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < piece.length) {
    const { bytesWritten } = await handle.write(piece, offset, piece.length - offset);
    offset += bytesWritten;
  }
}

async function syncFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch (e) {
    // Windows cannot open or flush a folder; FAT on some systems refuses too. The rename is
    // done either way; only its durability across a power cut is weaker there.
    const code = (e as { code?: string }).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EACCES')
      throw cannotWrite(folder, e);
  } finally {
    await handle?.close();
  }
}

function cannotWrite(path: string, e: unknown): PamojaError {
  const code = (e as { code?: string }).code;
  const why =
    code === 'ENOSPC'
      ? 'the disk or USB stick is full'
      : code === 'EROFS'
        ? 'the disk is read-only'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : code === 'ENOENT'
            ? 'the folder does not exist (was the USB stick removed?)'
            : (e as Error).message;
  return new PamojaError('unavailable', `Could not write ${path}: ${why}.`);
}
