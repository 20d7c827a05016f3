import { mkdir, open, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { PlaceError } from '../../../shared/errors.ts';
import { MAGIC } from './bundleHeader.ts';

/**
 * Checks on the places a coach names for syncing, made before any work starts so the
 * message says what is wrong with the place itself ("Is the USB stick plugged in?") rather
 * than what failed deep inside. Nothing here creates a folder the coach named.
 */

const kind = async (path: string): Promise<'file' | 'folder' | 'other' | null> => {
  try {
    const s = await stat(path);
    return s.isFile() ? 'file' : s.isDirectory() ? 'folder' : 'other';
  } catch {
    return null;
  }
};

/** A folder to sync with must already be there: a missing one is a stick not plugged in. */
export async function existingFolder(dir: string): Promise<string> {
  const found = await kind(dir);
  if (found === null) {
    throw new PlaceError(
      'not_found',
      'folder_missing',
      dir,
      `The folder ${dir} is not there. Is the USB stick plugged in? Nothing was created or changed.`,
    );
  }
  if (found !== 'folder')
    throw new PlaceError('invalid', 'not_a_folder', dir, `${dir} is a file, not a folder.`);
  return dir;
}

/** A bundle to read must exist and be a file. */
export async function existingBundle(path: string): Promise<string> {
  const found = await kind(path);
  if (found === null) {
    throw new PlaceError(
      'not_found',
      'bundle_missing',
      path,
      `There is no bundle at ${path}: it may have been moved or renamed, or the USB stick taken out.`,
    );
  }
  if (found !== 'file')
    throw new PlaceError('invalid', 'not_a_file', path, `${path} is a folder, not a bundle file.`);
  return path;
}

/** True when the file starts like a bundle (its magic bytes), so replacing it loses no other work. */
export async function looksLikeBundle(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const start = Buffer.alloc(MAGIC.length);
    const { bytesRead } = await handle.read(start, 0, start.length, 0);
    return bytesRead === MAGIC.length && start.equals(MAGIC);
  } finally {
    await handle.close();
  }
}

/**
 * Where a bundle may be written: into an existing folder, and over an existing file only
 * if that file is itself a bundle (an older one) — never over a report, a photo, a letter.
 */
export async function bundleTarget(path: string): Promise<string> {
  await existingFolder(dirname(path));
  const found = await kind(path);
  if (found === null) return path;
  if (found === 'file' && (await looksLikeBundle(path))) return path;
  throw new PlaceError(
    'invalid',
    'not_a_bundle_target',
    path,
    `${path} already exists and is not a Pamoja bundle; it was left as it is. Choose another name.`,
  );
}

/** The app's own bundles folder (the default place) is made when first needed. */
export async function ownFolder(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  return dir;
}
